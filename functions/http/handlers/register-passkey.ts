import { registerPasskey } from '../../app/passkeys.ts';
import * as route from '../../core/contract/mfa.ts';
import { passedAnswer } from '../second-factor.ts';
import { handle } from '../stack.ts';

/** Registers the browser's new passkey; the session passes its second factor. */
export default handle(route.registerPasskey)(async ({ caller, body, now }) =>
  passedAnswer(201, await registerPasskey(caller, body as never, now)),
);
