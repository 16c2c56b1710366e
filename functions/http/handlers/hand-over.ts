import { deliverAll } from '../../app/outbox.ts';
import { decide } from '../../app/vote-errors.ts';
import { handOverSeat, loadVoteFor, reloadVote, voteDoc } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { handOver, seatStateOf } from '../../core/vote.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** The member hands the seat's vote to a deputy (the one named, where there are several), who gets the vote's mail. */
export default handle(route.handOver)(async ({ params, body, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = seatStateOf(record.states, params.seatId);
  const next = decide(() =>
    handOver(record.vote, state, caller.email, now, config().profile.steeringGroup, body.deputy),
  );
  const mailId = await handOverSeat(record, next, { kind: 'handover', by: caller.email }, now);
  await deliverAll([mailId], now);
  return { status: 200, body: await voteDoc(await reloadVote(record.vote.id), caller) };
});
