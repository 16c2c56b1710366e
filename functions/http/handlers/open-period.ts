import * as m from '../../core/budget-texts/period-messages.de.ts';
import * as route from '../../core/contract/budget.ts';
import { formatDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { formatPercent } from '../../core/money.ts';
import {
  type FundingPeriod,
  type PeriodProblem,
  periodIdOf,
  periodProblems,
  periodsOrDefault,
} from '../../core/periods.ts';
import { config } from '../../platform/config.ts';
import { putPeriod, storedPeriods } from '../../store/periods.ts';
import { handle } from '../stack.ts';

const message = (problem: PeriodProblem): string => {
  const region = (id: string) => config().profile.subRegions.find((r) => r.id === id)?.name ?? id;
  switch (problem.problem) {
    case 'endBeforeStart':
      return m.endBeforeStart();
    case 'overlaps':
      return m.overlaps(`${formatDate(problem.other.start)}–${formatDate(problem.other.end)}`);
    case 'sharesSum':
      return m.sharesSum(formatPercent(problem.sumBp));
    case 'unknownRegion':
      return m.unknownRegion(problem.subRegionId);
    case 'regionTwice':
      return m.regionTwice(region(problem.subRegionId));
  }
};

/**
 * The office opens a funding period: its dates, its total and the sub-regions' shares, which must
 * add up to 100 % and may not overlap another period (the profile's counts as the first while none
 * is stored, and is stored with the first new one, so it stays as it was read).
 */
export default handle(route.openPeriod)(async ({ body, caller, now }) => {
  // One read of the partition: what is stored, and the periods it means.
  const stored = await storedPeriods();
  const existing = periodsOrDefault(stored, config().profile);
  const period: FundingPeriod = {
    id: periodIdOf(body.start, body.end),
    start: body.start,
    end: body.end,
    budgetCents: body.budgetCents,
    shares: body.shares,
    openedBy: caller.email,
    openedAt: now.toISOString(),
  };
  const problems = periodProblems(
    period,
    existing,
    config().profile.subRegions.map((r) => r.id),
  );
  if (problems.length) {
    const fields = problems.map((p) => ({ field: p.field, message: message(p) }));
    throw new InputError(fields[0]?.message ?? m.endBeforeStart(), fields);
  }
  if (stored.length === 0) for (const p of existing) await putPeriod(p);
  if (!(await putPeriod(period)))
    throw new InputError(m.overlaps(period.id), [{ field: 'start', message: m.overlaps(period.id) }]);
  return { status: 201, body: period, headers: { location: `/api/admin/periods/${period.id}` } };
});
