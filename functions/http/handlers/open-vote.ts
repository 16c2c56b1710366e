import { randomUUID } from 'node:crypto';
import { ownerMail } from '../../app/notices.ts';
import { deliverAll } from '../../app/outbox.ts';
import { sketchLink } from '../../app/sketches.ts';
import { sketchTransition } from '../../app/transition.ts';
import { mailSketches, reloadVote, signedInMail, voteDoc } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { berlinDate } from '../../core/dates.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { statementsMissing } from '../../core/local.ts';
import * as transitions from '../../core/transitions.ts';
import { checkDeadline, defaultDeadline, nextDueAt, type Vote, VoteError } from '../../core/vote.ts';
import * as openVoteMessages from '../../core/vote-texts/open.de.ts';
import { decisionStepMail, voteOpenedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { outboxItem } from '../../store/outbox.ts';
import type { SketchRecord, TransactItem } from '../../store/sketches.ts';
import { getSketches, listSeats, putVoteItem, voteEventItem, writeVoteChange } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * Opens a circulation vote (with its stated case where the profile allows one only in individual
 * cases): the sketches (ready, every local statement in) go into the vote, the active
 * seats are copied into it, and each seat's member gets a mail that signs them in; one transaction.
 */
export default handle(route.openVote)(async ({ body: input, caller, now }) => {
  const { profile } = config();
  const today = berlinDate(now);
  const deadline = input.deadline ?? defaultDeadline(profile, today);
  try {
    checkDeadline(deadline, today);
  } catch (error) {
    if (error instanceof VoteError)
      throw new InputError(error.message, [{ field: 'deadline', message: error.message }]);
    throw error;
  }
  // Where the rules allow decisions in writing only in individual cases, the office states the case.
  if (profile.steeringGroup.circulationAllowed === 'individual_cases' && !input.reason) {
    const message = openVoteMessages.reasonMissing(profile.names);
    throw new InputError(message, [{ field: 'reason', message }]);
  }
  const ids = [...new Set(input.sketchIds)];
  const sketches = await getSketches<SketchRecord>(ids);
  for (const id of ids) {
    const sketch = sketches.find((s) => s.id === id);
    if (!sketch)
      throw new InputError(openVoteMessages.unknownSketchLabelled(id), [
        { field: 'sketchIds', message: openVoteMessages.unknownSketch(id) },
      ]);
    if (sketch.status !== 'ready_for_vote' && sketch.status !== 'deferred')
      throw new ConflictError(openVoteMessages.notReady(sketch.title), 'wrong_status');
    if (statementsMissing(profile, sketch).length)
      throw new ConflictError(openVoteMessages.statementsMissing(sketch.title), 'statements_missing');
  }
  const seats = (await listSeats()).filter((s) => s.active).map(({ active: _a, ...seat }) => seat);
  if (seats.length === 0) throw new ConflictError(openVoteMessages.noSeats(profile.names), 'no_seats');
  const at = now.toISOString();
  const vote: Vote = {
    id: randomUUID(),
    sketchIds: ids,
    seats,
    deadline,
    ...(input.reason ? { reason: input.reason } : {}),
    openedAt: at,
    openedBy: caller.email,
    status: 'open',
    remindersSent: [],
    revision: 1,
  };
  const items: TransactItem[] = [
    putVoteItem(vote, nextDueAt(vote, profile), 'new'),
    voteEventItem(vote.id, at, randomUUID(), { kind: 'open', by: caller.email, reason: input.reason }),
  ];
  for (const sketch of sketches)
    items.push(
      ...sketchTransition({
        sketch,
        transition: transitions.openVote,
        role: 'admin',
        actor: caller.email,
        at: now,
        update: { voteId: vote.id },
      }).items,
    );
  const mailIds: string[] = [];
  // Each applicant hears that their sketch is now before the decision body.
  for (const sketch of sketches) {
    const mail = ownerMail(
      sketch,
      'sketch-in-vote',
      decisionStepMail(profile, sketch.title, { kind: 'in_vote', deadline }, sketchLink(sketch.id)),
      now,
    );
    items.push(outboxItem(mail));
    mailIds.push(mail.id);
  }
  for (const seat of seats) {
    const mail = await signedInMail(
      seat.member,
      vote,
      'vote-opened',
      (link) =>
        voteOpenedMail(
          profile,
          { institution: seat.institution, deadline, asDeputy: false },
          mailSketches(sketches),
          link,
        ),
      now,
    );
    items.push(...mail.items);
    mailIds.push(mail.mailId);
  }
  await writeVoteChange(items);
  await deliverAll(mailIds, now);
  return {
    status: 201,
    body: await voteDoc(await reloadVote(vote.id), caller),
    headers: { location: `/api/votes/${vote.id}` },
  };
});
