import { closeVote, loadVoteFor, reloadVote, voteDoc } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { ConflictError } from '../../core/errors.ts';
import * as voteStateMessages from '../../core/vote-texts/state.de.ts';
import { handle } from '../stack.ts';

/** An admin closes a vote before its deadline; the outcomes are computed as at the deadline. */
export default handle(route.closeVote)(async ({ params, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  if (record.vote.status !== 'open') throw new ConflictError(voteStateMessages.alreadyClosed, 'closed');
  await closeVote(record, 'admin', caller.email, now);
  return { status: 200, body: await voteDoc(await reloadVote(record.vote.id), caller) };
});
