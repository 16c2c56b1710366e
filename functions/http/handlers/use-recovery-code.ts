import { useRecoveryCode } from '../../app/second-factor.ts';
import * as route from '../../core/contract/mfa.ts';
import { passedAnswer } from '../second-factor.ts';
import { handle } from '../stack.ts';

/** Confirms the sign-in with a recovery code, which is used up. */
export default handle(route.useRecoveryCode)(async ({ caller, body, now }) =>
  passedAnswer(200, await useRecoveryCode(caller, body.code, now)),
);
