import { sendReminders } from '../app/reminders.ts';
import { closeVote } from '../app/votes.ts';
import { dueAt } from '../core/dates.ts';
import { remindersDue } from '../core/vote.ts';
import { clock } from '../platform/clock.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { dueVoteIds, loadVote } from '../store/votes.ts';

/**
 * Sends each vote's reminders at the profile's offsets and closes votes at their deadline. Finds
 * them by a query on the due index (open votes by their next due time), never by reading all votes.
 */
export async function handler(): Promise<{ reminded: number; closed: number }> {
  const now = clock.now();
  const { profile } = config();
  let reminded = 0;
  let closed = 0;
  for (const id of await dueVoteIds(now, 25)) {
    try {
      const record = await loadVote(id);
      if (record?.vote.status !== 'open') continue;
      if (now >= dueAt(record.vote.deadline)) {
        await closeVote(record, 'deadline', 'system', now);
        closed += 1;
        continue;
      }
      const offsets = remindersDue(record.vote, profile, now);
      if (offsets.length) reminded += await sendReminders(record, offsets, 'system', now);
    } catch (error) {
      // Another run got there first (the conditional write failed), or this one failed: the next run sees it again.
      logger.warn('vote not handled this run', { voteId: id, error: String(error).slice(0, 300) });
    }
  }
  logger.info('vote deadlines', { reminded, closed });
  return { reminded, closed };
}
