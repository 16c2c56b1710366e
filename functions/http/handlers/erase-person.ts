import { erasePerson } from '../../app/privacy.ts';
import * as route from '../../core/contract/privacy.ts';
import { InputError } from '../../core/errors.ts';
import { privacyTexts as t } from '../../core/privacy.de.ts';
import { handle } from '../stack.ts';

/** The office erases a person's data on request: the address typed twice, with the reason. */
export default handle(route.erasePerson)(async ({ body, caller, now }) => {
  if (body.confirmEmail !== body.email)
    throw new InputError(t.erasure.confirmMismatch, [
      { field: 'confirmEmail', message: t.erasure.confirmMismatch },
    ]);
  return { status: 200, body: await erasePerson(body.email, body.reason, caller.email, now) };
});
