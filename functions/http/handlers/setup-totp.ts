import { setupTotp } from '../../app/totp.ts';
import * as route from '../../core/contract/mfa.ts';
import { handle } from '../stack.ts';

/** A new TOTP secret for an authenticator app; it counts once the app's first code confirms it. */
export default handle(route.setupTotp)(async ({ caller, now }) => ({
  status: 200,
  body: await setupTotp(caller, now),
}));
