import {
  type Budget,
  type BudgetRecord,
  type BudgetSketch,
  budgetSketch,
  computeBudget,
  requestedStatuses,
  sketchesOfPeriod,
} from '../core/budget.ts';
import * as budgetMessages from '../core/budget-texts/messages.de.ts';
import { berlinDate } from '../core/dates.ts';
import { NotFoundError } from '../core/errors.ts';
import { type FundingPeriod, periodOn } from '../core/periods.ts';
import { config } from '../platform/config.ts';
import { budgetRecords } from '../store/exports.ts';
import { listPeriods, priorProjects } from '../store/periods.ts';

/*
 * The budget of one funding period: its stored total and shares, the sketches submitted in it and
 * the projects approved before the portal was used. The budget page, the CSV, the check before an
 * endorsement or a funding decision and the Votum page all read it from here.
 */

/** The period `id`, or the one `now` falls in; an unknown id is a 404 naming the field. */
export async function choosePeriod(
  id: string | undefined,
  now: Date,
): Promise<{ period: FundingPeriod; periods: FundingPeriod[] }> {
  const periods = await listPeriods();
  const period = id ? periods.find((p) => p.id === id) : periodOn(periods, berlinDate(now));
  if (!period) throw new NotFoundError(budgetMessages.unknownPeriod);
  return { period, periods };
}

/** The budget of `period` from every counted sketch and its prior projects. */
export async function periodBudget(
  period: FundingPeriod,
  periods: readonly FundingPeriod[],
  records?: readonly BudgetRecord[],
): Promise<Budget> {
  const [all, prior] = await Promise.all([
    records ? Promise.resolve(records) : budgetRecords(requestedStatuses),
    priorProjects(period.id),
  ]);
  const sketches = sketchesOfPeriod(all.map(budgetSketch), periods, period);
  return computeBudget(config().profile, sketches, period, prior);
}

/** The budget of the period a sketch counts in (by its submission day), for the check before committing. */
export async function budgetOfSketch(sketch: BudgetSketch, now: Date): Promise<Budget> {
  const periods = await listPeriods();
  const period = periodOn(periods, sketch.submittedOn ?? berlinDate(now));
  if (!period) throw new NotFoundError(budgetMessages.unknownPeriod);
  return periodBudget(period, periods);
}
