import * as route from '../../core/contract/auth.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** Who is signed in, with what roles, and for which alliance. */
export default handle(route.me)(async ({ caller }) => {
  const { profile } = config();
  if (!caller) return { status: 200, body: { signedIn: false as const } };
  return {
    status: 200,
    body: {
      email: caller.email,
      roles: caller.roles,
      secondFactor: caller.secondFactor,
      sessionEndsAt: caller.absoluteUntil,
      alliance: { id: profile.id, name: profile.name },
    },
  };
});
