import { compareNatural } from '../../core/order.ts';
import { listSeats } from '../../store/votes.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** The steering group's seats, for the office. */
export const handler = httpHandler(route.listSeats, async () => {
  const seats = await listSeats();
  return {
    status: 200,
    body: { items: seats.sort((a, b) => compareNatural(a.id, b.id)) },
  };
});
