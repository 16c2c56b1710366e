import { loadVoteFor, voteDoc } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { handle } from '../stack.ts';

/** One vote: for admins every seat's progress, for a member the seats they act for. */
export default handle(route.getVote)(async ({ params, caller }) => {
  const record = await loadVoteFor(params.id, caller);
  return { status: 200, body: await voteDoc(record, caller) };
});
