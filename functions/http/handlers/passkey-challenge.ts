import { passkeyChallenge } from '../../app/passkeys.ts';
import * as route from '../../core/contract/mfa.ts';
import { handle } from '../stack.ts';

/** The WebAuthn request options for the account's passkeys; the challenge waits 5 minutes. */
export default handle(route.passkeyChallenge)(async ({ caller, now }) => ({
  status: 200,
  body: await passkeyChallenge(caller, now),
}));
