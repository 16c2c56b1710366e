import { liveSessionsOf } from '../../app/admins.ts';
import * as route from '../../core/contract/admins.ts';
import { handle } from '../stack.ts';

/** The live sessions of an account, for the office. */
export default handle(route.listSessions)(async ({ query, caller, now }) => ({
  status: 200,
  body: { items: await liveSessionsOf(query.email, caller, now) },
}));
