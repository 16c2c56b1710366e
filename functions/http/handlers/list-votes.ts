import { listVotes } from '../../store/votes.ts';
import { routes } from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** Every vote, newest first, for the office's overview. */
export const handler = httpHandler(routes.listVotes, async () => {
  const votes = await listVotes(100);
  return {
    status: 200,
    body: {
      items: votes.map(({ id, sketchIds, deadline, status, openedAt, closedAt, closedBecause, seats }) => ({
        id,
        sketchIds,
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
