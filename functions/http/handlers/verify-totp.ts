import { verifyTotp } from '../../app/totp.ts';
import * as route from '../../core/contract/mfa.ts';
import { passedAnswer } from '../second-factor.ts';
import { handle } from '../stack.ts';

/** Confirms the sign-in with a code from the authenticator app; each code counts once. */
export default handle(route.verifyTotp)(async ({ caller, body, now }) =>
  passedAnswer(200, await verifyTotp(caller, body.code, now)),
);
