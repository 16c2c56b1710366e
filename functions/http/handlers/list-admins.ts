import { adminList } from '../../app/admins.ts';
import * as route from '../../core/contract/admins.ts';
import { handle } from '../stack.ts';

/** The admin list and its latest changes, for the office. */
export default handle(route.listAdmins)(async () => ({ status: 200, body: await adminList() }));
