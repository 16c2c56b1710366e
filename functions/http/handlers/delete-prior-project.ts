import * as m from '../../core/budget-texts/period-messages.de.ts';
import * as route from '../../core/contract/budget.ts';
import { NotFoundError } from '../../core/errors.ts';
import { deletePriorProject } from '../../store/periods.ts';
import { handle } from '../stack.ts';

/** Removes a prior project the office recorded by mistake (or a placeholder it replaces). */
export default handle(route.deletePriorProject)(async ({ params }) => {
  if (!(await deletePriorProject(params.periodId, params.projectId)))
    throw new NotFoundError(m.unknownPriorProject());
  return { status: 204 };
});
