import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';
import { loadVoteFor, voteDoc } from '../votes.ts';

/** One vote: for admins every seat's progress, for a member the seats they act for. */
export const handler = httpHandler(route.getVote, async ({ params, caller }) => {
  const record = await loadVoteFor(params.id, caller);
  return { status: 200, body: await voteDoc(record, caller) };
});
