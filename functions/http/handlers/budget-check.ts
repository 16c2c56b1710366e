import { budgetMessages } from '../../core/budget.de.ts';
import { budgetSketch, budgetWarnings, computeBudget, requestedStatuses } from '../../core/budget.ts';
import * as route from '../../core/contract/budget.ts';
import { NotFoundError } from '../../core/errors.ts';
import { config } from '../../platform/config.ts';
import { budgetRecords } from '../../store/exports.ts';
import { getSketch } from '../../store/sketches.ts';
import { handle } from '../stack.ts';

/**
 * What the office should know before it endorses a sketch or confirms its funding decision: the
 * budget warnings if `amountCents` (default: the ESF requested) were committed for it.
 */
export default handle(route.budgetCheck)(async ({ params, query: { amountCents } }) => {
  const stored = await getSketch(params.id);
  if (!stored) throw new NotFoundError(budgetMessages.unknownSketch);
  const sketch = budgetSketch(stored);
  const amount = amountCents ?? sketch.esfCents;
  const budget = computeBudget(config().profile, (await budgetRecords(requestedStatuses)).map(budgetSketch));
  return {
    status: 200,
    body: { sketchId: sketch.id, amountCents: amount, warnings: budgetWarnings(budget, sketch, amount) },
  };
});
