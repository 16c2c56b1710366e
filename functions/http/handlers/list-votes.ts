import { listVotes, sketchTitles } from '../../store/votes.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** Every vote, newest first, for the office's overview. */
export const handler = httpHandler(route.listVotes, async () => {
  const votes = await listVotes(100);
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
    },
  };
});
