import type { BudgetRecord } from '../core/budget.ts';
import type { ExportSketch, VoteExport } from '../core/exports.ts';
import type { SketchStatus } from '../core/lifecycle.ts';
import type { Vote } from '../core/vote.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';
import { queryAll } from './query.ts';
import { loadVote } from './votes.ts';

/*
 * Reads for the budget and the CSV exports: whole lists, so every query follows its pages to the
 * end (a page stops at 1 MB whatever its Limit). Sketches are read per state on gsi1, votes from
 * their list on gsi2: queries on a key, never a scan. Only the parts of a sketch's content they
 * need are read (its shares and runtime), not the whole draft.
 */

/** The follow-up's attributes (funding decision, final report) are read where they exist. */
const budgetProjection = 'id, #s, esfCents, #d.#space.subRegions, fundingDecision, finalReport, submittedAt';
const exportProjection = `${budgetProjection}, title, organisation, priorityIds, costCents, vota, #d.runtime`;

/**
 * When the sketches were (last) submitted, as the status index sorts them (`<instant>#<id>`): from
 * `from` (an instant or a day, inclusive) to `before` (exclusive). Keys are longer than either bound
 * and have a fixed-length instant, so `BETWEEN from AND before` reads exactly that span; the query
 * stops at its ends rather than reading every sketch of the state.
 */
export interface SubmittedSpan {
  from?: string | undefined;
  before?: string | undefined;
}

function submittedKey({ from, before }: SubmittedSpan = {}) {
  const expression =
    from && before
      ? 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :before'
      : from
        ? 'gsi1pk = :pk AND gsi1sk >= :from'
        : before
          ? 'gsi1pk = :pk AND gsi1sk < :before'
          : 'gsi1pk = :pk';
  return {
    expression,
    values: { ...(from ? { ':from': from } : {}), ...(before ? { ':before': before } : {}) },
  };
}

async function sketchesIn<T>(
  statuses: readonly SketchStatus[],
  projection: string,
  submitted?: SubmittedSpan,
): Promise<T[]> {
  const key = submittedKey(submitted);
  const lists = await Promise.all(
    statuses.map((status) =>
      queryAll<T>({
        TableName: config().TABLE_NAME,
        IndexName: 'gsi1',
        KeyConditionExpression: key.expression,
        ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status), ...key.values },
        ProjectionExpression: projection,
        ExpressionAttributeNames: { '#s': 'status', '#d': 'draft', '#space': 'space' },
      }),
    ),
  );
  return lists.flat();
}

/** The sketches in `statuses` submitted in `submitted` (every one without it), with what the budget reads of them. */
export const budgetRecords = (statuses: readonly SketchStatus[], submitted?: SubmittedSpan) =>
  sketchesIn<BudgetRecord>(statuses, budgetProjection, submitted);

/**
 * The sketches in `statuses`, with what the exports show of them; the applicant section (contact
 * person, address) is read only when the export includes the contacts.
 */
export const exportRecords = (
  statuses: readonly SketchStatus[],
  { contacts = false, submittedBefore }: { contacts?: boolean; submittedBefore?: Date } = {},
) =>
  sketchesIn<ExportSketch>(statuses, contacts ? `${exportProjection}, #d.applicant` : exportProjection, {
    before: submittedBefore?.toISOString(),
  });

/** Every vote with its seats' states and ballots: the list on gsi2, then one query per vote. */
export async function votesWithBallots(): Promise<VoteExport[]> {
  const votes = await queryAll<Vote>({
    TableName: config().TABLE_NAME,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.votes },
    ProjectionExpression: 'id',
  });
  const loaded = await Promise.all(votes.map((vote) => loadVote(vote.id)));
  return loaded.filter((v): v is VoteExport => v !== undefined);
}
