import * as route from '../../core/contract/votes.ts';
import { compareNatural } from '../../core/order.ts';
import { listSeats } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/** The steering group's seats, for the office. */
export default handle(route.listSeats)(async () => {
  const seats = await listSeats();
  return {
    status: 200,
    body: { items: seats.sort((a, b) => compareNatural(a.id, b.id)) },
  };
});
