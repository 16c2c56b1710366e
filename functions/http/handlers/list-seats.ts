import { undeliverableAmong } from '../../app/mail-feedback.ts';
import * as route from '../../core/contract/votes.ts';
import { compareNatural } from '../../core/order.ts';
import { listSeats } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/** The steering group's seats, for the office, with the addresses among them mail no longer reaches. */
export default handle(route.listSeats)(async () => {
  const seats = (await listSeats()).sort((a, b) => compareNatural(a.id, b.id));
  const undeliverable = await undeliverableAmong(
    seats.flatMap((seat) => [seat.member.email, ...seat.deputies.map((deputy) => deputy.email)]),
  );
  return { status: 200, body: { items: seats, undeliverable } };
});
