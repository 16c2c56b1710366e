import * as z from 'zod/mini';
import * as route from '../../core/contract/votes.ts';
import { InputError } from '../../core/errors.ts';
import { de } from '../../core/messages.de.ts';
import { email, text } from '../../core/sketch.ts';
import type { Seat } from '../../core/vote.ts';
import { putSeat } from '../../store/votes.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const person = (who: string) =>
  z.object({ name: text(`Name (${who})`, 2, 200), email: email(`E-Mail (${who})`) });

const body = z.object({
  institution: text('Institution', 2, 200),
  member: person('Mitglied'),
  deputy: z.optional(person('Stellvertretung')),
  active: z._default(z.boolean({ error: 'Aktiv: Bitte ja oder nein angeben.' }), true),
});
const seatId = z
  .string()
  .check(z.regex(/^[a-z0-9-]{1,60}$/, 'Sitz: nur Kleinbuchstaben, Ziffern und Bindestriche.'));

/**
 * Creates or changes a seat. Votes copy their seats when they open, so a changed member takes
 * part in votes opened from now on; an open vote keeps the people it was opened with.
 */
export default handle(route.putSeat)(async ({ params, body: raw }) => {
  const id = parse(z.object({ id: seatId }), params).id;
  const input = parse(body, raw);
  if (input.deputy && input.deputy.email === input.member.email)
    throw new InputError(de.http.validationFailed, [
      {
        field: 'deputy.email',
        message: 'E-Mail (Stellvertretung): Bitte eine andere Person als das Mitglied angeben.',
      },
    ]);
  const seat: Seat = { id, ...input };
  await putSeat(seat);
  return { status: 200, body: seat };
});
