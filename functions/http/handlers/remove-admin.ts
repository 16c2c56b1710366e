import { removeAdminBy } from '../../app/admins.ts';
import * as route from '../../core/contract/admins.ts';
import { handle } from '../stack.ts';

/** Takes a person off the admin list (not oneself, not the last). */
export default handle(route.removeAdmin)(async ({ params, caller, now }) => {
  await removeAdminBy(caller, params.email, now);
  return { status: 204 };
});
