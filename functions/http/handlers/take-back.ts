import { decide } from '../../app/vote-errors.ts';
import { loadVoteFor, reloadVote, voteDoc, writeSeatChange } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { seatStateOf, takeBack } from '../../core/vote.ts';
import { handle } from '../stack.ts';

/** The member takes the vote back, as long as the deputy has not voted (checked in the same write). */
export default handle(route.takeBack)(async ({ params, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = seatStateOf(record.states, params.seatId);
  const next = decide(() => takeBack(record.vote, state, caller.email, now));
  await writeSeatChange(record, next, { kind: 'takeback', by: caller.email }, [], now);
  return { status: 200, body: await voteDoc(await reloadVote(record.vote.id), caller) };
});
