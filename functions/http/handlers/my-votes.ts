import * as route from '../../core/contract/votes.ts';
import { dueAt } from '../../core/dates.ts';
import { hasPending, holderOf, seatStateOf, seatsOf } from '../../core/vote.ts';
import { loadVote, openVotes, recentVotes, sketchTitles } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * The votes the caller acts in, with what is still to do per seat: the open ones first, then the
 * recent closed ones, whose sketches a member still reads after the vote.
 */
export default handle(route.myVotes)(async ({ caller, now }) => {
  const [open, recent] = await Promise.all([openVotes(), recentVotes(100)]);
  const isOpen = (v: (typeof open)[number]) => v.status === 'open' && now < dueAt(v.deadline);
  const mine = [...open, ...recent.filter((v) => !open.some((o) => o.id === v.id))].filter(
    (v) => seatsOf(v, caller.email).length > 0,
  );
  const votes = [...mine.filter(isOpen), ...mine.filter((v) => !isOpen(v))];
  const titles = await sketchTitles(votes.flatMap((v) => v.sketchIds));
  const items = await Promise.all(
    votes.map(async (summary) => {
      const record = await loadVote(summary.id);
      if (!record) return undefined;
      const open = isOpen(record.vote);
      const seats = seatsOf(record.vote, caller.email).map(({ seat, as }) => {
        const state = seatStateOf(record.states, seat.id);
        const holds = holderOf(seat, state).email === caller.email;
        const todo =
          open && holds && hasPending(record.vote, state)
            ? record.vote.sketchIds.filter(
                (id) => !state.recusedSketchIds.includes(id) && !state.votedSketchIds.includes(id),
              )
            : [];
        return { seatId: seat.id, institution: seat.institution, as, holds, pendingSketchIds: todo };
      });
      return {
        id: record.vote.id,
        deadline: record.vote.deadline,
        status: open ? ('open' as const) : ('closed' as const),
        sketchIds: record.vote.sketchIds,
        sketches: record.vote.sketchIds.map((id) => ({ id, title: titles.get(id) ?? '' })),
        seats,
      };
    }),
  );
  return { status: 200, body: { items: items.filter((i) => i !== undefined) } };
});
