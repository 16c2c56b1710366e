import { budgetOfSketch } from '../../app/budget.ts';
import { budgetSketch, budgetWarnings } from '../../core/budget.ts';
import * as budgetMessages from '../../core/budget-texts/messages.de.ts';
import * as route from '../../core/contract/budget.ts';
import { NotFoundError } from '../../core/errors.ts';
import { getSketch } from '../../store/sketches.ts';
import { handle } from '../stack.ts';

/**
 * What the office should know before it writes a Votum, or confirms a funding decision: the
 * budget warnings of the sketch's period if `amountCents` (default: the ESF requested) were
 * committed for it.
 */
export default handle(route.budgetCheck)(async ({ params, query: { amountCents }, now }) => {
  const stored = await getSketch(params.id);
  if (!stored) throw new NotFoundError(budgetMessages.unknownSketch);
  const sketch = budgetSketch(stored);
  const amount = amountCents ?? sketch.esfCents;
  const budget = await budgetOfSketch(sketch, now);
  return {
    status: 200,
    body: { sketchId: sketch.id, amountCents: amount, warnings: budgetWarnings(budget, sketch, amount) },
  };
});
