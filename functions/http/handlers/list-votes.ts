import * as route from '../../core/contract/votes.ts';
import { listVotes, sketchTitles } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/** The votes, newest first, a page at a time, for the office's overview. */
export default handle(route.listVotes)(async ({ query }) => {
  const { items: votes, cursor } = await listVotes(query.limit, query.cursor);
  const titles = await sketchTitles(votes.flatMap((v) => v.sketchIds));
  return {
    status: 200,
    body: {
      items: votes.map(({ id, sketchIds, deadline, status, openedAt, closedAt, closedBecause, seats }) => ({
        id,
        sketchIds,
        sketches: sketchIds.map((id) => ({ id, title: titles.get(id) ?? '' })),
        deadline,
        status,
        openedAt,
        closedAt,
        closedBecause,
        seatCount: seats.length,
      })),
      ...(cursor ? { cursor } : {}),
    },
  };
});
