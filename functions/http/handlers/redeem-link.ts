import { randomBytes } from 'node:crypto';
import { speaksForSubRegion } from '../../app/caller.ts';
import { newSessionTimes, rolesFor } from '../../core/auth.ts';
import * as route from '../../core/contract/auth.ts';
import { InputError } from '../../core/errors.ts';
import * as httpMessages from '../../core/http-messages.de.ts';
import { secondFactorState, usableRoles } from '../../core/second-factor.ts';
import { tokenHash } from '../../platform/secret.ts';
import { securityLog } from '../../platform/security-log.ts';
import { findToken, isAdmin, redeemToken } from '../../store/auth.ts';
import { holdsSeat } from '../../store/votes.ts';
import { sessionCookie } from '../cookies.ts';
import { handle } from '../stack.ts';

/** Turns a sign-in link's token into a session: by POST from the page, so a mail scanner's GET consumes nothing. */
export default handle(route.redeemLink)(async ({ body: { token }, now }) => {
  const hash = await tokenHash(token);
  const stored = await findToken(hash);
  if (!stored || stored.usedAt || Date.parse(stored.validUntil) <= now.getTime()) {
    await securityLog('sign_in_failed', { email: stored?.email });
    throw new InputError(httpMessages.linkInvalid);
  }
  const session = {
    email: stored.email,
    roles: rolesFor({
      admin: await isAdmin(stored.email),
      member: await holdsSeat(stored.email),
      local: await speaksForSubRegion(stored.email),
    }),
    ...newSessionTimes(now),
  };
  const sessionToken = randomBytes(32).toString('base64url');
  if (!(await redeemToken(hash, await tokenHash(sessionToken), session, now))) {
    await securityLog('sign_in_failed', { email: stored.email });
    throw new InputError(httpMessages.linkInvalid);
  }
  await securityLog('sign_in', { email: session.email, roles: session.roles });
  const secondFactor = secondFactorState(session.roles, undefined);
  return {
    status: 201,
    body: { email: session.email, roles: usableRoles(session.roles, secondFactor), secondFactor },
    cookies: [sessionCookie(sessionToken)],
  };
});
