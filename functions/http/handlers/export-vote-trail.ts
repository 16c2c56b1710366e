import { checkVoteTrail } from '../../app/trail.ts';
import * as route from '../../core/contract/trail.ts';
import { csvFile } from '../../core/csv.ts';
import { berlinDate } from '../../core/dates.ts';
import { trailTable } from '../../core/exports.ts';
import { trailCsv } from '../../core/trail.de.ts';
import { handle } from '../stack.ts';

/** A vote's audit trail as CSV, with what an auditor needs to recompute its hash chain. */
export default handle(route.exportVoteTrail)(async ({ params, now }) => {
  const { events, check, formOf } = await checkVoteTrail(params.id);
  const { header, rows } = trailTable(events, check, formOf);
  return {
    status: 200,
    file: {
      bytes: csvFile(header, rows),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${trailCsv.fileNames.vote}-${params.id}-${berlinDate(now)}.csv`,
    },
  };
});
