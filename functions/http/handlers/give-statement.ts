import { giveStatement } from '../../app/local.ts';
import * as route from '../../core/contract/local.ts';
import { handle } from '../stack.ts';

/** A local alliance's statement on a submitted sketch, for one of its sub-regions. */
export default handle(route.giveStatement)(async ({ params, body, caller, now }) => ({
  status: 200,
  body: await giveStatement(params.id, body, caller, now),
}));
