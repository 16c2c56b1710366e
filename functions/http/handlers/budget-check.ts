import * as z from 'zod/mini';
import { budgetSketch, budgetWarnings, computeBudget, requestedStatuses } from '../../core/budget.ts';
import * as route from '../../core/contract/budget.ts';
import { NotFoundError } from '../../core/errors.ts';
import { config } from '../../platform/config.ts';
import { budgetRecords } from '../../store/exports.ts';
import { getSketch } from '../../store/sketches.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const query = z.object({
  amountCents: z.optional(
    z.coerce
      .number({ error: 'amountCents: Bitte einen Betrag in Cent angeben.' })
      .check(
        z.multipleOf(1, 'amountCents: Bitte einen ganzen Betrag in Cent angeben.'),
        z.gte(0, 'amountCents: Der Betrag darf nicht negativ sein.'),
        z.lte(10_000_000_000, 'amountCents: Der Betrag ist unrealistisch hoch.'),
      ),
  ),
});

/**
 * What the office should know before it endorses a sketch or confirms its funding decision: the
 * budget warnings if `amountCents` (default: the ESF requested) were committed for it.
 */
export default handle(route.budgetCheck)(async ({ params, event }) => {
  const { amountCents } = parse(query, event.queryStringParameters ?? {});
  const stored = params.id ? await getSketch(params.id) : undefined;
  if (!stored) throw new NotFoundError('Diese Projektskizze gibt es nicht.');
  const sketch = budgetSketch(stored);
  const amount = amountCents ?? sketch.esfCents;
  const budget = computeBudget(config().profile, (await budgetRecords(requestedStatuses)).map(budgetSketch));
  return {
    status: 200,
    body: { sketchId: sketch.id, amountCents: amount, warnings: budgetWarnings(budget, sketch, amount) },
  };
});
