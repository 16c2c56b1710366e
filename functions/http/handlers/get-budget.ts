import { budgetSketch, computeBudget, requestedStatuses } from '../../core/budget.ts';
import * as route from '../../core/contract/budget.ts';
import { config } from '../../platform/config.ts';
import { budgetRecords } from '../../store/exports.ts';
import { handle } from '../stack.ts';

/** The budget of the profile's period per sub-region and in total, with what is overdrawn. */
export default handle(route.getBudget)(async () => {
  // Only the states that count in some column: the others add nothing.
  const sketches = await budgetRecords(requestedStatuses);
  return { status: 200, body: computeBudget(config().profile, sketches.map(budgetSketch)) };
});
