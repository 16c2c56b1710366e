import { randomUUID } from 'node:crypto';
import { reminderRecipients, seatStateOf, type Vote } from '../core/vote.ts';
import { voteReminderMail } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import type { SketchRecord, TransactItem } from '../store/sketches.ts';
import { getSketches, type VoteRecord, voteEventItem, writeVoteChange } from '../store/votes.ts';
import { deliverAll } from './outbox.ts';
import { mailSketches, signedInMail, voteWithDue } from './votes.ts';

/**
 * Reminds the current holder of every seat that has not voted on every sketch it may vote on. With
 * `offsets`, records them as sent in the same transaction (conditional on the vote's revision),
 * so two job runs at the same time send each reminder once.
 */
export async function sendReminders(
  record: VoteRecord,
  offsets: number[],
  by: string,
  now: Date,
): Promise<number> {
  const recipients = reminderRecipients(record.vote, record.states);
  const sketches = await getSketches<SketchRecord>(record.vote.sketchIds);
  const vote: Vote = { ...record.vote, remindersSent: [...record.vote.remindersSent, ...offsets] };
  const items: TransactItem[] = [
    voteWithDue(vote, record.vote.revision),
    voteEventItem(vote.id, now.toISOString(), randomUUID(), {
      kind: 'reminder',
      offsets,
      by,
      seats: recipients.map((r) => r.seat.id),
    }),
  ];
  const mailIds: string[] = [];
  for (const { seat, to } of recipients) {
    const state = seatStateOf(record.states, seat.id);
    const pending = sketches.filter(
      (s) => !state.recusedSketchIds.includes(s.id) && !state.votedSketchIds.includes(s.id),
    );
    const mail = await signedInMail(
      to,
      vote,
      'vote-reminder',
      (link) =>
        voteReminderMail(
          config().profile,
          { institution: seat.institution, deadline: vote.deadline },
          mailSketches(pending),
          link,
        ),
      now,
    );
    items.push(...mail.items);
    mailIds.push(mail.mailId);
  }
  await writeVoteChange(items);
  await deliverAll(mailIds, now);
  return recipients.length;
}
