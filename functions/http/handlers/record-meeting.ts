import { randomUUID } from 'node:crypto';
import { meetingMinutes } from '../../app/documents.ts';
import { ownerMail } from '../../app/notices.ts';
import { deliverAll } from '../../app/outbox.ts';
import { sketchLink } from '../../app/sketches.ts';
import { sketchTransition } from '../../app/transition.ts';
import { decide } from '../../app/vote-errors.ts';
import * as route from '../../core/contract/votes.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import * as transitions from '../../core/transitions.ts';
import {
  type Meeting,
  meetingAttendance,
  meetingDecision,
  meetingOutcome,
  outcomeLabels,
  overruledBy,
  ruleFor,
} from '../../core/vote.ts';
import * as meetingMessages from '../../core/vote-texts/meeting.de.ts';
import { decisionStepMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { documentIds, documentOrderItem } from '../../store/documents.ts';
import { outboxItem } from '../../store/outbox.ts';
import type { SketchRecord, TransactItem } from '../../store/sketches.ts';
import { getSketches, listSeats, meetingItem, writeVoteChange } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * Records a meeting of the steering group: who was there (member or a named deputy), and per
 * sketch the counts, from which the result is computed under the profile's meeting rule (the
 * office never picks it); an impossible record (more votes than seats present and not recused)
 * is a 400 naming the field. Each decision becomes the same outcome record a circulation vote
 * yields; one that overrules an earlier decision says so and keeps it in the history. The minutes
 * are ordered with it (the render job makes the PDF); one transaction.
 */
export default handle(route.recordMeeting)(async ({ body: input, caller, now }) => {
  const { profile } = config();
  const rules = profile.steeringGroup;
  const seats = await listSeats();
  const attendance = decide(() => meetingAttendance(input.attendance, seats, rules));
  const rule = ruleFor(rules, 'meeting');
  const decisions = decide(() =>
    input.decisions.map((d, i) => {
      if (input.decisions.findIndex((o) => o.sketchId === d.sketchId) !== i)
        throw new InputError(meetingMessages.sketchTwice(d.sketchId), [
          { field: `decisions.${i}.sketchId`, message: meetingMessages.sketchTwice(d.sketchId) },
        ]);
      return meetingDecision(attendance, d, i, rule);
    }),
  );
  const at = now.toISOString();
  const meeting: Meeting = {
    id: randomUUID(),
    date: input.date,
    ...(input.place ? { place: input.place } : {}),
    ...(input.invitedOn ? { invitedOn: input.invitedOn } : {}),
    ...(input.chair ? { chair: input.chair } : {}),
    ...(input.agenda?.length
      ? {
          agenda: input.agenda.map((item) => ({
            title: item.title,
            ...(item.sketchId ? { sketchId: item.sketchId } : {}),
            ...(item.note ? { note: item.note } : {}),
          })),
        }
      : {}),
    attendance,
    decisions,
    recordedBy: caller.email,
    recordedAt: at,
  };
  const sketches = await getSketches<SketchRecord>(meeting.decisions.map((d) => d.sketchId));
  const items: TransactItem[] = [meetingItem(meeting)];
  const mailIds: string[] = [];
  meeting.decisions.forEach((decision, i) => {
    const sketch = sketches.find((s) => s.id === decision.sketchId);
    if (!sketch)
      throw new InputError(meetingMessages.unknownSketch(decision.sketchId), [
        { field: `decisions.${i}.sketchId`, message: meetingMessages.unknownSketch(decision.sketchId) },
      ]);
    if (sketch.voteId) throw new ConflictError(meetingMessages.inVote(sketch.title), 'in_vote');
    // A decision already taken (a circulation vote, an earlier meeting) is overruled, not edited.
    const earlier = sketch.outcome;
    items.push(
      ...sketchTransition({
        sketch,
        transition: transitions.decide,
        role: 'admin',
        actor: caller.email,
        at: now,
        update: {
          outcome: { ...meetingOutcome(meeting, decision, rules.quorum.shareBp), ...overruledBy(earlier) },
        },
        note: earlier
          ? meetingMessages.overrulesNote(meeting.date, outcomeLabels[earlier.result])
          : meetingMessages.decidedNote(meeting.date),
      }).items,
    );
    // The applicant hears that the decision body has decided; the Votum follows.
    const mail = ownerMail(
      sketch,
      'sketch-decided',
      decisionStepMail(
        profile,
        sketch.title,
        { kind: 'decided_in_meeting', date: meeting.date },
        sketchLink(sketch.id),
      ),
      now,
    );
    items.push(outboxItem(mail));
    mailIds.push(mail.id);
  });
  // The minutes are ordered with the meeting: what is handed out later is what was recorded.
  items.push(documentOrderItem(documentIds.minutes(meeting.id), meetingMinutes(meeting, sketches)));
  await writeVoteChange(items);
  await deliverAll(mailIds, now);
  return { status: 201, body: meeting, headers: { location: `/api/admin/meetings/${meeting.id}` } };
});
