import { addAdminBy } from '../../app/admins.ts';
import * as route from '../../core/contract/admins.ts';
import { handle } from '../stack.ts';

/** Puts a person on the admin list. */
export default handle(route.addAdmin)(async ({ body, caller, now }) => ({
  status: 201,
  body: await addAdminBy(caller, body, now),
}));
