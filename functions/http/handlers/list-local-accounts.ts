import * as route from '../../core/contract/local.ts';
import { compareNatural } from '../../core/order.ts';
import { config } from '../../platform/config.ts';
import { listLocalAccounts } from '../../store/local.ts';
import { handle } from '../stack.ts';

/** The local alliances' accounts, for the office; none where the profile has no local step. */
export default handle(route.listLocalAccounts)(async () => {
  const accounts = config().profile.localStatements.required ? await listLocalAccounts() : [];
  return { status: 200, body: { items: accounts.sort((a, b) => compareNatural(a.id, b.id)) } };
});
