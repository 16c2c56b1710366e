import { deliverAll } from '../../app/outbox.ts';
import { decide } from '../../app/vote-errors.ts';
import { loadVoteFor, mailSketches, signedInMail, voteDoc, writeSeatChange } from '../../app/votes.ts';
import * as route from '../../core/contract/votes.ts';
import { NotFoundError } from '../../core/errors.ts';
import { handOver, initialSeatState } from '../../core/vote.ts';
import { voteMessages } from '../../core/votes.de.ts';
import { voteOpenedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import type { SketchRecord } from '../../store/sketches.ts';
import { getSketches, loadVote } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/** The member hands the seat's vote to the deputy, who gets the vote's mail. */
export default handle(route.handOver)(async ({ params, caller, now }) => {
  const record = await loadVoteFor(params.id, caller);
  const state = record.states.find((s) => s.seatId === params.seatId);
  const seat = record.vote.seats.find((s) => s.id === params.seatId);
  const next = decide(() =>
    handOver(record.vote, state ?? initialSeatState(params.seatId), caller.email, now),
  );
  if (!seat?.deputy) throw new NotFoundError(voteMessages.vote.noSuchSeat);
  const sketches = await getSketches<SketchRecord>(record.vote.sketchIds);
  const mail = await signedInMail(
    seat.deputy,
    record.vote,
    'vote-handed-over',
    (link) =>
      voteOpenedMail(
        config().profile,
        { institution: seat.institution, deadline: record.vote.deadline, asDeputy: true },
        mailSketches(sketches),
        link,
      ),
    now,
  );
  await writeSeatChange(record, next, { kind: 'handover', by: caller.email }, mail.items, now);
  await deliverAll([mail.mailId], now);
  return { status: 200, body: await voteDoc((await loadVote(record.vote.id))!, caller) };
});
