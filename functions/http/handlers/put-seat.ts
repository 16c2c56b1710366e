import * as route from '../../core/contract/votes.ts';
import { InputError } from '../../core/errors.ts';
import * as httpMessages from '../../core/http-messages.de.ts';
import type { Seat } from '../../core/vote.ts';
import * as seatMessages from '../../core/vote-texts/seat.de.ts';
import { putSeat } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/**
 * Creates or changes a seat. Votes copy their seats when they open, so a changed member takes
 * part in votes opened from now on; an open vote keeps the people it was opened with.
 */
export default handle(route.putSeat)(async ({ params, body }) => {
  body.deputies.forEach((deputy, i) => {
    const field = `deputies.${i}.email`;
    if (deputy.email === body.member.email)
      throw new InputError(httpMessages.validationFailed, [
        { field, message: seatMessages.deputySameAsMember },
      ]);
    if (body.deputies.findIndex((d) => d.email === deputy.email) !== i)
      throw new InputError(httpMessages.validationFailed, [{ field, message: seatMessages.deputyTwice }]);
  });
  const seat: Seat = { id: params.id, ...body };
  await putSeat(seat);
  return { status: 200, body: seat };
});
