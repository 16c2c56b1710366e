import { verifyPasskey } from '../../app/passkeys.ts';
import * as route from '../../core/contract/mfa.ts';
import { passedAnswer } from '../second-factor.ts';
import { handle } from '../stack.ts';

/** Checks the passkey's signature over the session's challenge; the session passes. */
export default handle(route.verifyPasskey)(async ({ caller, body, now }) =>
  passedAnswer(200, await verifyPasskey(caller, body as never, now)),
);
