import { randomUUID } from 'node:crypto';
import { meetingMinutes } from '../../app/documents.ts';
import { sketchTransition } from '../../app/transition.ts';
import * as route from '../../core/contract/votes.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { type Meeting, meetingOutcome } from '../../core/vote.ts';
import { voteMessages as m } from '../../core/votes.de.ts';
import { config } from '../../platform/config.ts';
import { documentIds, documentOrderItem } from '../../store/documents.ts';
import type { SketchRecord, TransactItem } from '../../store/sketches.ts';
import { getSketches, listSeats, meetingItem, writeVoteChange } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * Records a meeting of the steering group: who was there (member or deputy) and the decision per
 * sketch, which becomes the same outcome record a circulation vote yields, and orders its minutes
 * (the render job makes the PDF); one transaction.
 */
export default handle(route.recordMeeting)(async ({ body: input, caller, now }) => {
  const { profile } = config();
  const seats = (await listSeats()).filter((s) => s.active);
  const fail = (field: string, message: string) => new InputError(message, [{ field, message }]);
  const attendance = seats.map(({ active: _a, ...seat }) => ({
    seat,
    presence: input.attendance.find((a) => a.seatId === seat.id)?.presence ?? ('absent' as const),
  }));
  for (const a of input.attendance)
    if (!seats.some((s) => s.id === a.seatId)) throw fail('attendance', m.meeting.unknownSeat(a.seatId));
  if (attendance.some((a) => a.presence === 'deputy' && !a.seat.deputy))
    throw fail('attendance', m.meeting.noDeputy);
  const at = now.toISOString();
  const meeting: Meeting = {
    id: randomUUID(),
    date: input.date,
    ...(input.place ? { place: input.place } : {}),
    attendance,
    decisions: input.decisions.map((d) => ({
      sketchId: d.sketchId,
      result: d.result,
      ...(d.approve !== undefined || d.object !== undefined || d.abstain !== undefined
        ? { counts: { approve: d.approve ?? 0, object: d.object ?? 0, abstain: d.abstain ?? 0 } }
        : {}),
      recusedSeatIds: d.recusedSeatIds,
    })),
    recordedBy: caller.email,
    recordedAt: at,
  };
  const sketches = await getSketches<SketchRecord>(meeting.decisions.map((d) => d.sketchId));
  const items: TransactItem[] = [meetingItem(meeting)];
  meeting.decisions.forEach((decision, i) => {
    const sketch = sketches.find((s) => s.id === decision.sketchId);
    if (!sketch) throw fail(`decisions.${i}.sketchId`, m.meeting.unknownSketch(decision.sketchId));
    if (sketch.voteId) throw new ConflictError(m.meeting.inVote(sketch.title), 'in_vote');
    items.push(
      ...sketchTransition({
        sketch,
        transition: 'decide',
        role: 'admin',
        actor: caller.email,
        at: now,
        update: { outcome: meetingOutcome(meeting, decision, profile.steeringGroup.quorumBp) },
        note: m.meeting.decidedNote(meeting.date),
      }).items,
    );
  });
  // The minutes are ordered with the meeting: what is handed out later is what was recorded.
  items.push(documentOrderItem(documentIds.minutes(meeting.id), meetingMinutes(meeting, sketches)));
  await writeVoteChange(items);
  return { status: 201, body: meeting, headers: { location: `/api/admin/meetings/${meeting.id}` } };
});
