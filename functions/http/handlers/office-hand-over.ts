import { deliverAll } from '../../app/outbox.ts';
import { decide } from '../../app/vote-errors.ts';
import { handOverSeat, loadVoteFor, reloadVote, voteDoc } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { handOver, seatStateOf } from '../../core/vote.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The office hands a seat's vote to a deputy when the member cannot, saying why (e.g. „per
 * Telefon“): shown as the office's act on the vote's page and in its trail; the deputy gets the mail.
 */
export default handle(route.officeHandOver)(async ({ params, body, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = seatStateOf(record.states, params.seatId);
  const next = decide(() =>
    handOver(record.vote, state, caller.email, now, config().profile.steeringGroup, body.deputy, {
      by: caller.email,
      because: body.because,
    }),
  );
  const mailId = await handOverSeat(
    record,
    next,
    { kind: 'handover', by: caller.email, as: 'office', because: next.handOverReason },
    now,
  );
  await deliverAll([mailId], now);
  return { status: 200, body: await voteDoc(await reloadVote(record.vote.id), caller) };
});
