import { deliverAll } from '../../app/outbox.ts';
import {
  loadVoteFor,
  mailSketches,
  reloadVote,
  signedInMail,
  voteDoc,
  voteWithDue,
} from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { holderOf, isOpen, seatStateOf } from '../../core/vote.ts';
import * as deadlineMessages from '../../core/vote-texts/deadline.de.ts';
import * as voteStateMessages from '../../core/vote-texts/state.de.ts';
import { voteOpenedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import type { SketchRecord } from '../../store/sketches.ts';
import { getSketches, voteEventItem, writeVoteChange } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/** An admin moves an open vote's deadline later; every seat's holder is told with a fresh link. */
export default handle(route.extendVote)(async ({ params, body: { deadline }, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  if (!isOpen(record.vote, now)) throw new ConflictError(voteStateMessages.closedNoExtension, 'closed');
  if (deadline <= record.vote.deadline)
    throw new InputError(deadlineMessages.notLater, [
      { field: 'deadline', message: deadlineMessages.notLater },
    ]);
  // Reminders count from the new deadline again.
  const vote = { ...record.vote, deadline, remindersSent: [] };
  const sketches = mailSketches(await getSketches<SketchRecord>(vote.sketchIds));
  const items = [
    voteWithDue(vote, record.vote.revision),
    voteEventItem(vote.id, now.toISOString(), crypto.randomUUID(), {
      kind: 'extend',
      deadline,
      by: caller.email,
    }),
  ];
  const mailIds: string[] = [];
  for (const seat of vote.seats) {
    const state = seatStateOf(record.states, seat.id);
    const to = holderOf(seat, state);
    const mail = await signedInMail(
      to,
      vote,
      'vote-extended',
      (link) =>
        voteOpenedMail(
          config().profile,
          { institution: seat.institution, deadline, asDeputy: state.holder === 'deputy', extended: true },
          sketches,
          link,
        ),
      now,
    );
    items.push(...mail.items);
    mailIds.push(mail.mailId);
  }
  await writeVoteChange(items);
  await deliverAll(mailIds, now);
  return { status: 200, body: await voteDoc(await reloadVote(vote.id), caller) };
});
