import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type SketchStatus, sketchStatuses } from '../core/lifecycle.ts';
import { type LocalAccount, type LocalStatement, subRegionsOf } from '../core/local.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';
import { localEntriesMigrationName, migrationDone } from './migrated.ts';
import { queryAll } from './query.ts';
import { current, getSketches, type SketchRecord, type TransactItem } from './sketches.ts';

/*
 * The local alliances' accounts (one partition, like the seats: few items, read whole) and the
 * sketches their workspace lists: per state on the index by state (never a scan), filtered to the
 * sub-regions the caller speaks for.
 */

const table = () => config().TABLE_NAME;

export async function listLocalAccounts(): Promise<LocalAccount[]> {
  const items = await queryAll<LocalAccount & { pk?: string; sk?: string }>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.localAccounts },
    ConsistentRead: true,
  });
  return items.map(({ pk: _pk, sk: _sk, ...account }) => account);
}

export async function putLocalAccount(account: LocalAccount): Promise<void> {
  await documents().send(
    new PutCommand({ TableName: table(), Item: { ...keys.localAccount(account.id), ...account } }),
  );
}

/** The sub-regions `email` speaks for as a local alliance: the `local` role at sign-in and on each request. */
export async function localSubRegions(email: string): Promise<string[]> {
  if (!config().profile.localStatements.required) return [];
  return subRegionsOf(await listLocalAccounts(), email);
}

/** A sketch as the workspace lists it (contract/local-answers.ts). */
export interface LocalSketchRow {
  id: string;
  status: SketchStatus;
  submittedAt?: string;
  title: string;
  organisation: string;
  subRegionIds: string[];
  start?: string;
  end?: string;
  localStatements: LocalStatement[];
}

/** The sub-regions whose lists show a sketch: those it touches, once it is past the draft. */
const listedIn = (sketch: Pick<SketchRecord, 'status' | 'subRegionIds'>): string[] =>
  sketch.status === 'draft' ? [] : [...new Set(sketch.subRegionIds)];

/**
 * A sketch's entries in its sub-regions' lists (`LOCAL#<sub-region>` in its partition, gsi1
 * `SUBREGION#<sub-region>`), as a change moves it (app/transition.ts writes them in the change's
 * transaction): entries for the sub-regions whose lists show it now and did not before, deletions
 * for those that showed it and no longer do (a sketch returned to its draft). A local alliance's
 * list then reads its sub-region's entries, not every sketch past the draft.
 */
export function localEntryItems(
  before: Pick<SketchRecord, 'status' | 'subRegionIds'> | undefined,
  after: Pick<SketchRecord, 'id' | 'status' | 'subRegionIds' | 'submittedAt' | 'updatedAt'>,
): TransactItem[] {
  const was = before ? listedIn(before) : [];
  const now = listedIn(after);
  return [
    ...now.filter((id) => !was.includes(id)).map((id) => localEntryItem(after, id)),
    ...was
      .filter((id) => !now.includes(id))
      .map((id) => ({ Delete: { TableName: table(), Key: keys.localEntry(after.id, id) } })),
  ];
}

const localEntryItem = (
  sketch: Pick<SketchRecord, 'id' | 'submittedAt' | 'updatedAt'>,
  subRegionId: string,
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.localEntry(sketch.id, subRegionId),
      gsi1pk: keys.sketchesOfSubRegion(subRegionId),
      gsi1sk: keys.byTime(sketch.submittedAt ?? sketch.updatedAt, sketch.id),
      sketchId: sketch.id,
    },
  },
});

const rowFields = [
  'id',
  'status',
  'submittedAt',
  'updatedAt',
  'title',
  'organisation',
  'subRegionIds',
  'localStatements',
  'endorsement',
  'draft.runtime',
];

/**
 * Every sketch past the draft that touches one of `subRegionIds`, newest submission first: the
 * sub-regions' entries (one Query each), then those sketches (BatchGet). Until the `localEntries`
 * migration has given the sketches stored before it their entries, every sketch past the draft is
 * read instead, one Query per state.
 */
export async function localSketchRows(subRegionIds: readonly string[]): Promise<LocalSketchRow[]> {
  if (subRegionIds.length === 0) return [];
  if (!(await migrationDone(localEntriesMigrationName))) return localSketchRowsByStatus(subRegionIds);
  const entries = await Promise.all(
    subRegionIds.map((id) =>
      queryAll<{ sketchId: string }>({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sketchesOfSubRegion(id) },
        ProjectionExpression: 'sketchId',
      }),
    ),
  );
  const sketches = await getSketches<Record<string, unknown>>(
    entries.flat().map((e) => e.sketchId),
    rowFields,
  );
  // The index follows its entries a moment later: a sketch just returned to its draft may still be listed.
  const shown = sketches.filter((s) =>
    listedIn(s as Pick<SketchRecord, 'status' | 'subRegionIds'>).some((id) => subRegionIds.includes(id)),
  );
  return shown
    .map((item) => ({
      item,
      order: keys.byTime(String(item.submittedAt ?? item.updatedAt), String(item.id)),
    }))
    .sort((a, b) => b.order.localeCompare(a.order))
    .map(({ item }) => localSketchRow(item));
}

/** The same list from every sketch past the draft (one Query per state), filtered by sub-region. */
async function localSketchRowsByStatus(subRegionIds: readonly string[]): Promise<LocalSketchRow[]> {
  if (subRegionIds.length === 0) return [];
  const regions = Object.fromEntries(subRegionIds.map((id, i) => [`:r${i}`, id]));
  const filter = Object.keys(regions)
    .map((name) => `contains(subRegionIds, ${name})`)
    .join(' OR ');
  const perStatus = await Promise.all(
    sketchStatuses
      .filter((status) => status !== 'draft')
      .map((status) =>
        queryAll<Record<string, unknown>>({
          TableName: table(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: filter,
          ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status), ...regions },
          ProjectionExpression:
            'id, #s, submittedAt, title, organisation, subRegionIds, localStatements, endorsement, #d.#rt, gsi1sk',
          ExpressionAttributeNames: { '#s': 'status', '#d': 'draft', '#rt': 'runtime' },
        }),
      ),
  );
  return perStatus
    .flat()
    .sort((a, b) => String(b.gsi1sk).localeCompare(String(a.gsi1sk)))
    .map((raw) => localSketchRow(current(raw)));
}

function localSketchRow(item: Record<string, unknown>): LocalSketchRow {
  const runtime = ((item.draft as { runtime?: { start?: unknown; end?: unknown } } | undefined)?.runtime ??
    {}) as { start?: unknown; end?: unknown };
  return {
    id: String(item.id),
    status: item.status as SketchStatus,
    ...(typeof item.submittedAt === 'string' ? { submittedAt: item.submittedAt } : {}),
    title: String(item.title ?? ''),
    organisation: String(item.organisation ?? ''),
    subRegionIds: (item.subRegionIds as string[] | undefined) ?? [],
    ...(typeof runtime.start === 'string' && runtime.start ? { start: runtime.start } : {}),
    ...(typeof runtime.end === 'string' && runtime.end ? { end: runtime.end } : {}),
    localStatements: (item.localStatements as LocalStatement[] | undefined) ?? [],
  };
}
