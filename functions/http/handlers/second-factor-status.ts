import { status } from '../../app/second-factor.ts';
import * as route from '../../core/contract/mfa.ts';
import { handle } from '../stack.ts';

/** Where the session stands with the office's second factor, and what the account has enrolled. */
export default handle(route.secondFactorStatus)(async ({ caller }) => ({
  status: 200,
  body: await status(caller),
}));
