import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { newSessionTimes, rolesFor } from '../../core/auth.ts';
import * as route from '../../core/contract/auth.ts';
import { InputError } from '../../core/errors.ts';
import { de } from '../../core/messages.de.ts';
import { tokenHash } from '../../platform/secret.ts';
import { findToken, isAdmin, redeemToken } from '../../store/auth.ts';
import { holdsSeat } from '../../store/votes.ts';
import { sessionCookie } from '../cookies.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const redeemRequest = z.object({
  token: z
    .string({ error: de.http.linkInvalid })
    .check(z.minLength(20, de.http.linkInvalid), z.maxLength(100, de.http.linkInvalid)),
});

/** Turns a sign-in link's token into a session: by POST from the page, so a mail scanner's GET consumes nothing. */
export default handle(route.redeemLink)(async ({ body, now }) => {
  const { token } = parse(redeemRequest, body);
  const hash = await tokenHash(token);
  const stored = await findToken(hash);
  if (!stored || stored.usedAt || Date.parse(stored.validUntil) <= now.getTime()) {
    throw new InputError(de.http.linkInvalid);
  }
  const session = {
    email: stored.email,
    roles: rolesFor({ admin: await isAdmin(stored.email), member: await holdsSeat(stored.email) }),
    ...newSessionTimes(now),
  };
  const sessionToken = randomBytes(32).toString('base64url');
  if (!(await redeemToken(hash, await tokenHash(sessionToken), session, now))) {
    throw new InputError(de.http.linkInvalid);
  }
  return {
    status: 201,
    body: { email: session.email, roles: session.roles },
    cookies: [sessionCookie(sessionToken)],
  };
});
