import * as route from '../../core/contract/local.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import * as httpMessages from '../../core/http-messages.de.ts';
import { localMessages as m } from '../../core/local.de.ts';
import { hasLocalStep, type LocalAccount } from '../../core/local.ts';
import { config } from '../../platform/config.ts';
import { putLocalAccount } from '../../store/local.ts';
import { handle } from '../stack.ts';

/**
 * Creates or changes a local alliance's account for one of the profile's sub-regions. Taking the
 * account away (inactive, or another sub-region) holds from the account's next request (liveRoles).
 */
export default handle(route.putLocalAccount)(async ({ params, body }) => {
  const profile = config().profile;
  if (!hasLocalStep(profile)) throw new ConflictError(m.refusals.noLocalStep, 'no_local_step');
  if (!profile.subRegions.some((r) => r.id === body.subRegionId))
    throw new InputError(httpMessages.validationFailed, [
      { field: 'subRegionId', message: m.fields.unknownSubRegion(body.subRegionId) },
    ]);
  const account: LocalAccount = { id: params.id, ...body };
  await putLocalAccount(account);
  return { status: 200, body: account };
});
