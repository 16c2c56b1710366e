import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type SketchStatus, sketchStatuses } from '../core/lifecycle.ts';
import {
  type LocalAccount,
  type LocalSection,
  type LocalStatement,
  localSectionOf,
  mayLocalSee,
  subRegionsOf,
} from '../core/local.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';
import { localSectionsMigrationName, migrationDone } from './migrated.ts';
import { cursorPlace, pageFrom, queryAll } from './query.ts';
import { current, getSketches, type Page, type SketchRecord, type TransactItem } from './sketches.ts';

/*
 * The local alliances' accounts (one partition, like the seats: few items, read whole) and the
 * sketches their workspace lists: a page at a time from the entries each sketch has in its
 * sub-regions' lists (never a scan).
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
 * `SUBREGION#<sub-region>`, sorted by section, then newest submission first), as a change moves it
 * (app/transition.ts writes them in the change's transaction): entries for the sub-regions whose
 * lists show it now and did not before, or in another section (the office's check ends the open
 * one); deletions for those that showed it and no longer do (a sketch returned to its draft). A
 * local alliance's list then reads a page of its sub-region's entries, not every sketch past the draft.
 */
export function localEntryItems(
  before: Pick<SketchRecord, 'status' | 'subRegionIds'> | undefined,
  after: Pick<SketchRecord, 'id' | 'status' | 'subRegionIds' | 'submittedAt' | 'updatedAt'>,
): TransactItem[] {
  const was = before ? listedIn(before) : [];
  const now = listedIn(after);
  const moved = before !== undefined && localSectionOf(before.status) !== localSectionOf(after.status);
  return [
    ...now.filter((id) => moved || !was.includes(id)).map((id) => localEntryItem(after, id)),
    ...was
      .filter((id) => !now.includes(id))
      .map((id) => ({ Delete: { TableName: table(), Key: keys.localEntry(after.id, id) } })),
  ];
}

const localEntryItem = (
  sketch: Pick<SketchRecord, 'id' | 'status' | 'submittedAt' | 'updatedAt'>,
  subRegionId: string,
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.localEntry(sketch.id, subRegionId),
      gsi1pk: keys.sketchesOfSubRegion(subRegionId),
      gsi1sk: listedAt(sketch),
      sketchId: sketch.id,
    },
  },
});

/** A sketch's place in the lists: its section, then its submission (gsi1sk of its entries). */
const listedAt = (sketch: Pick<SketchRecord, 'id' | 'status' | 'submittedAt' | 'updatedAt'>) =>
  keys.localListed(localSectionOf(sketch.status), sketch.submittedAt ?? sketch.updatedAt, sketch.id);

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
 * A page of one section of the list: the sketches past the draft that touch one of
 * `subRegionIds`, newest submission first, `limit` at most, after the place `cursor` names.
 * Each sub-region's entries in the section up to that place (one Query each), merged (a sketch
 * touching two of them once), then those sketches (one BatchGet). Each Query reads one entry more
 * than the page (two after a cursor, whose place comes again), so that a cursor is given only when
 * the next page has something in it. Until the `localSections` migration has given every sketch
 * its entry in its section, the section's sketches are read by state instead and paged here.
 */
export async function localSketchPage(
  subRegionIds: readonly string[],
  section: LocalSection,
  limit: number,
  cursor: string | undefined,
): Promise<Page<LocalSketchRow>> {
  const after = cursor ? cursorPlace(cursor, `${section}#`) : undefined;
  if (subRegionIds.length === 0) return { items: [] };
  if (!(await migrationDone(localSectionsMigrationName))) {
    const { items, cursor: next } = pageOf(await localSketchesByStatus(subRegionIds, section), limit, after);
    return { items: items.map(({ place: _place, ...row }) => row), ...(next ? { cursor: next } : {}) };
  }
  const pages = await Promise.all(
    subRegionIds.map((id) =>
      documents().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :first AND :last',
          ExpressionAttributeValues: {
            ':pk': keys.sketchesOfSubRegion(id),
            ':first': `${section}#`,
            ':last': after ?? `${section}#\uffff`,
          },
          ProjectionExpression: 'sketchId, gsi1sk',
          ScanIndexForward: false,
          // One more than the page tells whether more follow; the place itself comes again first.
          Limit: after ? limit + 2 : limit + 1,
        }),
      ),
    ),
  );
  // A sketch in two of the sub-regions has the same place in both: once.
  const places = new Map<string, string>();
  for (const item of pages.flatMap((page) => page.Items ?? []))
    places.set(String(item.sketchId), String(item.gsi1sk));
  const listed = pageOf(
    [...places].map(([id, place]) => ({ id, place })),
    limit,
    after,
  );
  const sketches = await getSketches<Record<string, unknown>>(
    listed.items.map((entry) => entry.id),
    rowFields,
  );
  const byId = new Map(sketches.map((sketch) => [String(sketch.id), sketch]));
  // The index follows its entries a moment later: a sketch just moved on, or returned to its draft, may still be listed.
  const items = listed.items
    .map((entry) => byId.get(entry.id))
    .filter((sketch) => sketch !== undefined && shownIn(sketch, subRegionIds, section))
    .map((sketch) => localSketchRow(sketch as Record<string, unknown>));
  return { items, ...(listed.cursor ? { cursor: listed.cursor } : {}) };
}

const shownIn = (sketch: Record<string, unknown>, subRegionIds: readonly string[], section: LocalSection) => {
  const record = sketch as Pick<SketchRecord, 'status' | 'subRegionIds'>;
  return localSectionOf(record.status) === section && mayLocalSee(record, subRegionIds);
};

/** `limit` of `placed` after the place `after` (newest first; the place itself left out), and the cursor when more follow. */
function pageOf<T extends { place: string }>(
  placed: readonly T[],
  limit: number,
  after: string | undefined,
): Page<T> {
  // By code unit, as DynamoDB orders the keys and as the cursor compares (not by locale).
  const sorted = placed
    .filter((p) => after === undefined || p.place < after)
    .sort((a, b) => (a.place < b.place ? 1 : a.place > b.place ? -1 : 0));
  return pageFrom(sorted, limit, (p) => p.place);
}

/**
 * The same section from every sketch in its states (one Query per state), filtered by sub-region:
 * before the entries are complete and sorted by section.
 */
async function localSketchesByStatus(
  subRegionIds: readonly string[],
  section: LocalSection,
): Promise<(LocalSketchRow & { place: string })[]> {
  const regions = Object.fromEntries(subRegionIds.map((id, i) => [`:r${i}`, id]));
  const filter = Object.keys(regions)
    .map((name) => `contains(subRegionIds, ${name})`)
    .join(' OR ');
  const perStatus = await Promise.all(
    sketchStatuses
      .filter((status) => status !== 'draft' && localSectionOf(status) === section)
      .map((status) =>
        queryAll<Record<string, unknown>>({
          TableName: table(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: filter,
          ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status), ...regions },
          ProjectionExpression:
            'id, #s, submittedAt, updatedAt, title, organisation, subRegionIds, localStatements, endorsement, #d.#rt',
          ExpressionAttributeNames: { '#s': 'status', '#d': 'draft', '#rt': 'runtime' },
        }),
      ),
  );
  return perStatus.flat().map((raw) => {
    const item = current(raw);
    return { ...localSketchRow(item), place: listedAt(item as unknown as SketchRecord) };
  });
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
