import { sendReminders } from '../../app/reminders.ts';
import { loadVoteFor } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { ConflictError } from '../../core/errors.ts';
import { isOpen } from '../../core/vote.ts';
import * as voteStateMessages from '../../core/vote-texts/state.de.ts';
import { handle } from '../stack.ts';

/** An admin reminds, by hand, every seat that still has something to vote on. */
export default handle(route.remindVote)(async ({ params, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  if (!isOpen(record.vote, now)) throw new ConflictError(voteStateMessages.closed, 'closed');
  const reminded = await sendReminders(record, [], caller.email, now);
  return { status: 200, body: { reminded } };
});
