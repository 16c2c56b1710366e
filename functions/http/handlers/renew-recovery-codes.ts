import { renewRecoveryCodes } from '../../app/second-factor.ts';
import * as route from '../../core/contract/mfa.ts';
import { handle } from '../stack.ts';

/** Ten new recovery codes, shown this once; the old ones stop working. */
export default handle(route.renewRecoveryCodes)(async ({ caller, now }) => ({
  status: 201,
  body: { state: 'passed', recoveryCodes: await renewRecoveryCodes(caller, now) },
}));
