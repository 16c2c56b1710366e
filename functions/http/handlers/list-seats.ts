import { listSeats } from '../../store/votes.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** The steering group's seats, for the office. */
export const handler = httpHandler(route.listSeats, async () => {
  const seats = await listSeats();
  return {
    status: 200,
    body: { items: seats.sort((a, b) => a.id.localeCompare(b.id, 'de', { numeric: true })) },
  };
});
