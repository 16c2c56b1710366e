import * as route from '../../core/contract/auth.ts';
import { securityLog } from '../../platform/security-log.ts';
import { revokeSession } from '../../store/auth.ts';
import { clearedSessionCookie } from '../cookies.ts';
import { handle } from '../stack.ts';

/** Ends the session on the server, so a copied cookie is worthless too, and clears it in the browser. */
export default handle(route.signOut)(async ({ caller }) => {
  await revokeSession(caller.sessionHash);
  await securityLog('sign_out', { email: caller.email });
  return { status: 204, cookies: [clearedSessionCookie()] };
});
