import { confirmTotp } from '../../app/totp.ts';
import * as route from '../../core/contract/mfa.ts';
import { passedAnswer } from '../second-factor.ts';
import { handle } from '../stack.ts';

/** Confirms the new TOTP secret with the app's first code; the session passes. */
export default handle(route.confirmTotp)(async ({ caller, body, now }) =>
  passedAnswer(201, await confirmTotp(caller, body.code, now)),
);
