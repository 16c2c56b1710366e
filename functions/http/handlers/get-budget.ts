import { choosePeriod, periodBudget } from '../../app/budget.ts';
import * as route from '../../core/contract/budget.ts';
import { handle } from '../stack.ts';

/** The budget of a funding period (default: the one today falls in) per sub-region and in total. */
export default handle(route.getBudget)(async ({ query, now }) => {
  const { period, periods } = await choosePeriod(query.period, now);
  return { status: 200, body: await periodBudget(period, periods) };
});
