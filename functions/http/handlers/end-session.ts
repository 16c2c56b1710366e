import { endSessionBy } from '../../app/admins.ts';
import * as route from '../../core/contract/admins.ts';
import { handle } from '../stack.ts';

/** Ends one of an account's sessions. */
export default handle(route.endSession)(async ({ params, query, caller }) => {
  await endSessionBy(caller, query.email, params.id);
  return { status: 204 };
});
