import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { meetingMinutes } from '../../app/documents.ts';
import { sketchTransition } from '../../app/transition.ts';
import * as route from '../../core/contract/votes.ts';
import { isValidDate } from '../../core/dates.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { type Meeting, meetingOutcome } from '../../core/vote.ts';
import { config } from '../../platform/config.ts';
import { documentIds, documentOrderItem } from '../../store/documents.ts';
import type { SketchRecord, TransactItem } from '../../store/sketches.ts';
import { getSketches, listSeats, meetingItem, writeVoteChange } from '../../store/votes.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const count = z.optional(
  z
    .int({ error: 'Anzahl: Bitte eine ganze Zahl angeben.' })
    .check(z.gte(0, 'Anzahl: nicht negativ.'), z.lte(100, 'Anzahl: höchstens 100.')),
);
const body = z.object({
  date: z
    .string({ error: 'Datum: Bitte angeben.' })
    .check(z.refine(isValidDate, 'Datum: Bitte ein gültiges Datum angeben.')),
  place: z.optional(z.string().check(z.trim(), z.maxLength(200, 'Ort: höchstens 200 Zeichen.'))),
  attendance: z.array(
    z.object({
      seatId: z.string(),
      presence: z.enum(['member', 'deputy', 'absent'], {
        error: 'Anwesenheit: Bitte Mitglied, Stellvertretung oder abwesend wählen.',
      }),
    }),
  ),
  decisions: z
    .array(
      z.object({
        sketchId: z.string(),
        result: z.enum(['endorsed', 'not_endorsed', 'no_consensus'], { error: 'Beschluss: Bitte wählen.' }),
        approve: count,
        object: count,
        abstain: count,
        recusedSeatIds: z._default(z.array(z.string()), []),
      }),
    )
    .check(z.minLength(1, 'Beschlüsse: Bitte mindestens eine Skizze entscheiden.')),
});

/**
 * Records a meeting of the steering group: who was there (member or deputy) and the decision per
 * sketch, which becomes the same outcome record a circulation vote yields, and orders its minutes
 * (the render job makes the PDF); one transaction.
 */
export default handle(route.recordMeeting)(async ({ body: raw, caller, now }) => {
  const input = parse(body, raw);
  const { profile } = config();
  const seats = (await listSeats()).filter((s) => s.active);
  const fail = (field: string, message: string) => new InputError(message, [{ field, message }]);
  const attendance = seats.map(({ active: _a, ...seat }) => ({
    seat,
    presence: input.attendance.find((a) => a.seatId === seat.id)?.presence ?? ('absent' as const),
  }));
  for (const a of input.attendance)
    if (!seats.some((s) => s.id === a.seatId))
      throw fail('attendance', `Anwesenheit: Den Sitz ${a.seatId} gibt es nicht.`);
  if (attendance.some((a) => a.presence === 'deputy' && !a.seat.deputy))
    throw fail(
      'attendance',
      'Anwesenheit: Ein Sitz ohne Stellvertretung kann nicht durch sie vertreten sein.',
    );
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
    if (!sketch)
      throw fail(`decisions.${i}.sketchId`, `Beschlüsse: Die Skizze ${decision.sketchId} gibt es nicht.`);
    if (sketch.voteId)
      throw new ConflictError(
        `„${sketch.title}“ ist in einem laufenden Umlaufverfahren; beenden Sie es zuerst.`,
        'in_vote',
      );
    items.push(
      ...sketchTransition({
        sketch,
        transition: 'decide',
        role: 'admin',
        actor: caller.email,
        at: now,
        update: { outcome: meetingOutcome(meeting, decision, profile.steeringGroup.quorumBp) },
        note: `Sitzung am ${meeting.date}`,
      }).items,
    );
  });
  // The minutes are ordered with the meeting: what is handed out later is what was recorded.
  items.push(documentOrderItem(documentIds.minutes(meeting.id), meetingMinutes(meeting, sketches)));
  await writeVoteChange(items);
  return { status: 201, body: meeting, headers: { location: `/api/admin/meetings/${meeting.id}` } };
});
