import { decide } from '../../app/vote-errors.ts';
import { closeIfComplete, loadVoteFor, voteDoc, writeSeatChange } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { castBallot, seatStateOf } from '../../core/vote.ts';
import { putBallot } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * Casts or changes the ballot of a seat on one sketch: the seat's state (conditional on its
 * revision), the ballot and the audit event in one transaction, so racing ballots for one seat
 * end with exactly one stored. When every seat has voted, the vote closes at once.
 */
export default handle(route.castBallot)(async ({ params, body: input, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = seatStateOf(record.states, input.seatId);
  const previous = record.ballots.find((b) => b.seatId === input.seatId && b.sketchId === input.sketchId);
  const { ballot, state: next } = decide(() =>
    castBallot(record.vote, state, previous, input, caller.email, now),
  );
  await writeSeatChange(
    record,
    next,
    {
      kind: previous ? 'ballot-changed' : 'ballot',
      sketchId: ballot.sketchId,
      choice: ballot.choice,
      reason: ballot.reason,
      comment: ballot.comment,
      by: caller.email,
      as: ballot.castAs,
      revision: ballot.revision,
    },
    [putBallot(ballot)],
    now,
  );
  return { status: 200, body: await voteDoc(await closeIfComplete(record.vote.id, caller, now), caller) };
});
