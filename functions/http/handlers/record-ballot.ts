import { decide } from '../../app/vote-errors.ts';
import { closeIfComplete, loadVoteFor, voteDoc, writeSeatChange } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { castBallot, seatStateOf } from '../../core/vote.ts';
import { putBallot } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * The office records a seat holder's ballot on their behalf (they told it by phone, say): the
 * ballot is the holder's, and it and the trail say who recorded it and why. As with a ballot cast
 * by the holder, the vote closes once every seat has voted.
 */
export default handle(route.recordBallot)(async ({ params, body: input, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = seatStateOf(record.states, input.seatId);
  const previous = record.ballots.find((b) => b.seatId === input.seatId && b.sketchId === input.sketchId);
  const { ballot, state: next } = decide(() =>
    castBallot(record.vote, state, previous, input, caller.email, now, {
      by: caller.email,
      because: input.because,
    }),
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
      by: ballot.castBy,
      as: ballot.castAs,
      recordedBy: ballot.recordedBy,
      because: ballot.recordedBecause,
      revision: ballot.revision,
    },
    [putBallot(ballot)],
    now,
  );
  return { status: 200, body: await voteDoc(await closeIfComplete(record.vote.id, caller, now), caller) };
});
