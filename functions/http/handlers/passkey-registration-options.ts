import { passkeyRegistrationOptions } from '../../app/passkeys.ts';
import * as route from '../../core/contract/mfa.ts';
import { handle } from '../stack.ts';

/** The WebAuthn creation options for a new passkey; the challenge waits in the table for 5 minutes. */
export default handle(route.passkeyRegistrationOptions)(async ({ caller, now }) => ({
  status: 200,
  // The library types its fields as plain strings; the contract names the literals it sends (tested).
  body: (await passkeyRegistrationOptions(caller, now)) as never,
}));
