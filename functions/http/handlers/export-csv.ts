import { choosePeriod, periodBudget } from '../../app/budget.ts';
import * as route from '../../core/contract/budget.ts';
import { csvFile } from '../../core/csv.ts';
import { berlinDate } from '../../core/dates.ts';
import {
  ballotsTable,
  budgetTable,
  type CsvTable,
  decisionsTable,
  type ExportKind,
  type ExportOptions,
  exportFileNames,
  exportKindOf,
  sketchesTable,
} from '../../core/exports.ts';
import { sketchStatuses } from '../../core/lifecycle.ts';
import { config } from '../../platform/config.ts';
import { exportRecords, votesWithBallots } from '../../store/exports.ts';
import { handle } from '../stack.ts';

/** Everything past the draft stage, as the office's list shows it. */
const submitted = sketchStatuses.filter((s) => s !== 'draft');

async function table(kind: ExportKind, options: ExportOptions, now: Date): Promise<CsvTable> {
  const { profile } = config();
  switch (kind) {
    case 'sketches':
      return sketchesTable(profile, await exportRecords(submitted, options), options);
    case 'decisions':
      return decisionsTable(config().profile.names, await exportRecords(submitted));
    case 'budget': {
      // The period today falls in, as the budget page opens.
      const { period, periods } = await choosePeriod(undefined, now);
      return budgetTable(await periodBudget(period, periods));
    }
    case 'ballots': {
      const [votes, sketches] = await Promise.all([votesWithBallots(), exportRecords(submitted)]);
      return ballotsTable(votes, new Map(sketches.map((s) => [s.id, s.title])), options);
    }
  }
}

/**
 * `GET /api/admin/exports/{kind}.csv[?contacts=true]`: a CSV download for Excel with German
 * settings, with people's contact details only when asked. The path parameter is the whole segment
 * ("budget.csv"), as API Gateway matches parameters by segment.
 */
export default handle(route.exportCsv)(async ({ params, query, now }) => {
  const kind = exportKindOf(params.file);
  const { header, rows } = await table(kind, { contacts: query.contacts }, now);
  return {
    status: 200,
    file: {
      bytes: csvFile(header, rows),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${exportFileNames[kind]}-${config().profile.id}-${berlinDate(now)}.csv`,
    },
  };
});
