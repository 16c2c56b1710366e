import { collectOverviewItems } from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { addDays, berlinDate } from '../../core/dates.ts';
import { overview } from '../../core/followup.ts';
import { latestJobRuns } from '../../store/followup.ts';
import { handle } from '../stack.ts';

/** The office's deadlines: everything overdue and everything due (in the next weeks, or at all), with who waits on whom. */
export default handle(route.listDeadlines)(async ({ query: { weeks }, now }) => {
  const items = await collectOverviewItems(
    now,
    weeks === undefined ? undefined : addDays(berlinDate(now), weeks * 7),
  );
  const [lastRun] = await latestJobRuns('followUpDeadlines', 1);
  return {
    status: 200,
    body: { ...overview(items, berlinDate(now), weeks), ...(lastRun ? { lastRun } : {}) },
  };
});
