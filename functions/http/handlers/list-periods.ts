import * as route from '../../core/contract/budget.ts';
import { berlinDate } from '../../core/dates.ts';
import { periodOn } from '../../core/periods.ts';
import { listPeriods, priorProjects } from '../../store/periods.ts';
import { handle } from '../stack.ts';

/** The funding periods, oldest first, each with its prior projects; the current one marked. */
export default handle(route.listPeriods)(async ({ now }) => {
  const periods = await listPeriods();
  const current = periodOn(periods, berlinDate(now))?.id;
  const prior = await Promise.all(periods.map((p) => priorProjects(p.id)));
  return {
    status: 200,
    body: { items: periods.map((p, i) => ({ ...p, current: p.id === current, prior: prior[i] ?? [] })) },
  };
});
