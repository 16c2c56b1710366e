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
import { addDays, berlinDate } from '../core/dates.ts';
import { NotFoundError } from '../core/errors.ts';
import { type FundingPeriod, periodDays, periodOn } from '../core/periods.ts';
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

/**
 * The budget of `period` from every counted sketch and its prior projects. Only the sketches
 * submitted on the period's days are read (a day earlier too: the index holds UTC instants, the
 * days are Berlin's); sketchesOfPeriod then keeps exactly the period's.
 */
export async function periodBudget(
  period: FundingPeriod,
  periods: readonly FundingPeriod[],
  records?: readonly BudgetRecord[],
): Promise<Budget> {
  const { from, until } = periodDays(periods, period);
  const [all, prior] = await Promise.all([
    records
      ? Promise.resolve(records)
      : budgetRecords(requestedStatuses, { from: from && addDays(from, -1), before: until }),
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
