import { decide } from '../../app/vote-errors.ts';
import { loadVoteFor, voteDoc, writeSeatChange } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { initialSeatState, isOfSeat, recuse } from '../../core/vote.ts';
import { deleteBallot, loadVote } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * A conflict of interest of a seat on one sketch, declared by the seat's holder or recorded by an
 * admin: the seat leaves that sketch's quorum, a ballot it cast there is removed, all in one write.
 */
export default handle(route.recuseSeat)(async ({ params, body: { seatId, sketchId }, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = record.states.find((s) => s.seatId === seatId) ?? initialSeatState(seatId);
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
  return { status: 200, body: await voteDoc((await loadVote(record.vote.id))!, caller) };
});
