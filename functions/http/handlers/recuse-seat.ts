import { decide } from '../../app/vote-errors.ts';
import { loadVoteFor, reloadVote, voteDoc, writeSeatChange } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { isOfSeat, recuse, seatStateOf } from '../../core/vote.ts';
import { deleteBallot } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * A conflict of interest of a seat on one sketch, declared by the seat's holder or recorded by an
 * admin: the seat leaves that sketch's quorum, a ballot it cast there is removed, all in one write.
 */
export default handle(route.recuseSeat)(async ({ params, body: { seatId, sketchId }, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = seatStateOf(record.states, seatId);
  const admin =
    caller.roles.includes('admin') &&
    !record.vote.seats.some((s) => s.id === seatId && isOfSeat(s, caller.email));
  const next = decide(() => recuse(record.vote, state, sketchId, { email: caller.email, admin }, now));
  const hadBallot = record.ballots.some((b) => b.seatId === seatId && b.sketchId === sketchId);
  await writeSeatChange(
    record,
    next,
    { kind: 'recusal', sketchId, by: caller.email, as: admin ? 'admin' : 'seat' },
    hadBallot ? [deleteBallot(record.vote.id, sketchId, seatId)] : [],
    now,
  );
  return { status: 200, body: await voteDoc(await reloadVote(record.vote.id), caller) };
});
