import type { BatchGetCommandOutput, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, InputError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { type AuditEvent, type SketchStatus, sketchStatuses } from '../core/lifecycle.ts';
import { type LocalStatement, statementsFromEndorsement } from '../core/local.ts';
import type { SketchDoc, SketchEventView, SketchFacts } from '../core/sketch-doc.ts';
import { sketchFacts } from '../core/sketch-doc.ts';
import type { SketchDraft, SketchSection, Sketch as SubmittedSketch } from '../core/sketch-full.ts';
import type { Linked, TrailHead } from '../core/trail.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isTransactionConflict } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { queryAll } from './query.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A sketch as stored: the document the API answers without its events and next step (computed on reading). */
export type SketchRecord = Omit<SketchDoc, 'events' | 'nextStep' | 'openSteps'> &
  SketchFacts & {
    /**
     * The steps the applicant's form found open in the draft it last sent (create, save): what
     * get-sketch answers as `openSteps`. Absent when that request carried none (the form had not
     * loaded its checks, an API client, a draft written before the form sent them).
     */
    draftOpenSteps?: SketchSection[];
    /** The Idempotency-Key of the submit that made the current version, to answer a retry alike. */
    submitKey?: string;
    /** Where its audit trail's hash chain ends (core/trail.ts); absent before the chain began. */
    trail?: TrailHead;
    /** When retention or an erasure replaced its applicant's personal data (functions/app/privacy.ts). */
    pseudonymisedAt?: string;
    /** Kept after its applicant's erasure because a retention duty holds it: only the office reads it. */
    locked?: { at: string; reason: string };
  };

const bookkeeping = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];
const strip = <T>(item: Record<string, unknown>): T =>
  current(Object.fromEntries(Object.entries(item).filter(([k]) => !bookkeeping.includes(k)))) as T;

/** The office's confirmation as versions before the local alliances' workspace stored it. */
export interface LegacyEndorsement {
  confirmedAt: string;
  confirmedBy: string;
  note?: string;
}

/**
 * A sketch as this version keeps it, from one stored either way: before the local alliances'
 * workspace the office ticked `endorsement`; it reads as a "supports" per sub-region until the
 * `localStatements` migration has rewritten the item (store/migrations.ts).
 */
export function current<T>(item: T): T {
  const { endorsement, ...rest } = item as Record<string, unknown> & { endorsement?: LegacyEndorsement };
  if (!endorsement) return item;
  const subRegionIds = Array.isArray(rest.subRegionIds) ? (rest.subRegionIds as string[]) : [];
  return {
    ...rest,
    localStatements:
      (rest.localStatements as LocalStatement[] | undefined) ??
      statementsFromEndorsement(endorsement, subRegionIds),
  } as T;
}

/** The index keys: by state, newest submission first (gsi1); by owner, oldest first (gsi2). */
function indexKeys(
  record: Pick<SketchRecord, 'id' | 'status' | 'ownerEmail' | 'createdAt' | 'updatedAt' | 'submittedAt'>,
) {
  return {
    gsi1pk: keys.sketchesByStatus(record.status),
    gsi1sk: keys.byTime(record.submittedAt ?? record.updatedAt, record.id),
    gsi2pk: keys.sketchesByOwner(record.ownerEmail),
    gsi2sk: keys.byTime(record.createdAt, record.id),
  };
}

export function eventItem(
  event: AuditEvent & { note?: string } & Partial<Linked>,
  eventId: string,
): TransactItem {
  const TableName = config().TABLE_NAME;
  return { Put: { TableName, Item: { ...keys.sketchEvent(event.sketchId, event.at, eventId), ...event } } };
}

/** A submitted version, kept as it was submitted, for reading and comparing later. */
export function versionItem(
  id: string,
  n: number,
  submittedAt: string,
  sketch: SubmittedSketch,
): TransactItem {
  return {
    Put: {
      TableName: config().TABLE_NAME,
      Item: { ...keys.sketchVersion(id, n), n, submittedAt, sketch },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A new sketch's record as a transaction item, only if the id is new. */
export function newSketchItem(record: SketchRecord): TransactItem {
  return {
    Put: {
      TableName: config().TABLE_NAME,
      Item: { ...keys.sketch(record.id), ...indexKeys(record), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Writes the items of one change (a sketch's transition, its mails, …): all of them, or nothing. */
export async function writeChange(items: TransactItem[]): Promise<void> {
  await documents().send(new TransactWriteCommand({ TransactItems: items }));
}

export async function getSketch(id: string): Promise<SketchRecord | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: keys.sketch(id), ConsistentRead: true }),
  );
  return Item ? strip<SketchRecord>(Item) : undefined;
}

/** The audit trail of one sketch, oldest first (one query on its partition). */
export async function getEvents(id: string): Promise<SketchEventView[]> {
  return queryAll<SketchEventView>({
    TableName: config().TABLE_NAME,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
    ExpressionAttributeValues: { ':pk': keys.sketch(id).pk, ':events': prefix.sketchEvent },
    ProjectionExpression: '#t, #f, #to, actor, #r, #at, note',
    ExpressionAttributeNames: {
      '#t': 'transition',
      '#f': 'from',
      '#to': 'to',
      '#r': 'role',
      '#at': 'at',
    },
  });
}

export async function getVersion(
  id: string,
  n: number,
): Promise<{ n: number; submittedAt: string; sketch: SubmittedSketch } | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: keys.sketchVersion(id, n) }),
  );
  return Item ? strip(Item) : undefined;
}

/**
 * Saves a draft if nobody saved since `expectedVersion` and it is still a draft of this owner.
 * Otherwise tells which: a ConflictError the page can act on, or undefined for "not yours".
 */
export async function saveDraft(
  id: string,
  owner: string,
  expectedVersion: number,
  draft: SketchDraft,
  now: string,
  /** The form's open steps for this draft; without them, those of the draft before are dropped. */
  openSteps?: readonly SketchSection[],
): Promise<{ version: number; updatedAt: string } | undefined> {
  const facts = sketchFacts(draft);
  try {
    await documents().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.sketch(id),
        UpdateExpression: `SET draft = :draft, version = :next, updatedAt = :now, gsi1sk = :g1, title = :title, organisation = :org, subRegionIds = :regions, priorityIds = :priorities, costCents = :cost, esfCents = :esf${openSteps ? ', draftOpenSteps = :steps' : ' REMOVE draftOpenSteps'}`,
        ConditionExpression: 'ownerEmail = :owner AND #s = :draftStatus AND version = :expected',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':draft': draft,
          ':next': expectedVersion + 1,
          ':expected': expectedVersion,
          ':now': now,
          ':g1': keys.byTime(now, id),
          ':owner': owner,
          ':draftStatus': 'draft' satisfies SketchStatus,
          ':title': facts.title,
          ':org': facts.organisation,
          ':regions': facts.subRegionIds,
          ':priorities': facts.priorityIds,
          ':cost': facts.costCents,
          ':esf': facts.esfCents,
          ...(openSteps ? { ':steps': openSteps } : {}),
        },
      }),
    );
    return { version: expectedVersion + 1, updatedAt: now };
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    const current = await getSketch(id);
    if (!current || current.ownerEmail !== owner) return undefined;
    throw staleError(current, expectedVersion);
  }
}

/** Why a write based on `expectedVersion` cannot happen, in words the page can act on. */
export function staleError(current: SketchRecord, expectedVersion: number): ConflictError {
  if (current.version !== expectedVersion)
    return new ConflictError(httpMessages.sketchChanged, 'version_conflict', {
      current: { version: current.version, updatedAt: current.updatedAt, status: current.status },
    });
  return new ConflictError(httpMessages.sketchNotEditable, 'not_editable', {
    current: { version: current.version, updatedAt: current.updatedAt, status: current.status },
  });
}

/** A sketch's new record as a transaction item, if it is still at `expectedVersion`. */
export function sketchPutItem(next: SketchRecord, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: config().TABLE_NAME,
      Item: { ...keys.sketch(next.id), ...indexKeys(next), ...next },
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

/**
 * Writes a change of a sketch (its record conditional on `expectedVersion`, its audit event, mails and
 * other items of the same change): all of it, or nothing. A record changed meanwhile is a 409 saying how.
 */
export async function replaceSketch(
  id: string,
  expectedVersion: number,
  items: TransactItem[],
): Promise<void> {
  try {
    await writeChange(items);
  } catch (error) {
    if (!isTransactionConflict(error, 0)) throw error;
    const current = await getSketch(id);
    throw current ? staleError(current, expectedVersion) : error;
  }
}

/**
 * Where each state's query stopped, as the last page's cursor said: a start key is exactly the
 * four key attributes of a sketch in that state's gsi1 partition, so a crafted cursor cannot make
 * DynamoDB read elsewhere or fail (a 400 instead of a 500).
 */
function decodeCursor(cursor: string): Record<string, unknown> {
  const invalid = () =>
    new InputError(httpMessages.cursorInvalid, [{ field: 'cursor', message: httpMessages.cursorField }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalid();
  for (const [status, start] of Object.entries(decoded)) {
    if (!(sketchStatuses as readonly string[]).includes(status)) throw invalid();
    if (start === null) continue;
    const key = start as Record<string, unknown>;
    const names = Object.keys(key ?? {})
      .sort()
      .join();
    const strings = Object.values(key ?? {}).every((v) => typeof v === 'string' && v.length <= 1024);
    if (
      names !== 'gsi1pk,gsi1sk,pk,sk' ||
      !strings ||
      key.gsi1pk !== keys.sketchesByStatus(status as SketchStatus) ||
      !String(key.pk).startsWith(prefix.sketch)
    )
      throw invalid();
  }
  return decoded as Record<string, unknown>;
}
const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? { cursor: Buffer.from(JSON.stringify(key)).toString('base64url') } : {};

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** The fields lists show: never the draft itself. */
const summaryProjection =
  'id, ownerEmail, #s, createdAt, updatedAt, submittedAt, title, organisation, subRegionIds, priorityIds, costCents, esfCents, localStatements, endorsement, submissions, returned, fundingDecision.#start';
/** The names the summary's projection uses (`start` is a reserved word). */
const summaryNames = { '#s': 'status', '#start': 'start' };
export type SketchListRecord = Pick<
  SketchRecord,
  | 'id'
  | 'ownerEmail'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
  | 'localStatements'
  | 'submissions'
  | 'returned'
> & { fundingDecision?: { start?: string } } & SketchFacts;

export interface ListFilter {
  subRegion?: string | undefined;
  priority?: string | undefined;
}

type Key = Record<string, unknown>;

/**
 * Sketches in the given states, newest submission first, a page at a time: one query per state on
 * gsi1 (never a scan), merged. The cursor holds where each state's query stopped (null: done).
 * Sub-region and priority filter within each state's partition.
 */
export async function listSketches(
  statuses: readonly SketchStatus[],
  limit: number,
  cursor: string | undefined,
  filter: ListFilter = {},
): Promise<Page<SketchListRecord>> {
  const starts = (cursor ? decodeCursor(cursor) : {}) as Record<string, Key | null | undefined>;
  const conditions: string[] = [];
  const values: Record<string, unknown> = {};
  if (filter.subRegion) {
    conditions.push('contains(subRegionIds, :region)');
    values[':region'] = filter.subRegion;
  }
  if (filter.priority) {
    conditions.push('contains(priorityIds, :priority)');
    values[':priority'] = filter.priority;
  }
  const pages = await Promise.all(
    statuses
      .filter((status) => starts[status] !== null)
      .map(async (status) => {
        const result = await documents().send(
          new QueryCommand({
            TableName: config().TABLE_NAME,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            // Of the drafts, the office lists only those it gave back: the others are the applicants' own.
            ...(conditions.length || status === 'draft'
              ? {
                  FilterExpression: [
                    ...conditions,
                    ...(status === 'draft' ? ['attribute_exists(returned)'] : []),
                  ].join(' AND '),
                }
              : {}),
            ExpressionAttributeValues: { ...values, ':pk': keys.sketchesByStatus(status) },
            ProjectionExpression: `${summaryProjection}, gsi1sk`,
            ExpressionAttributeNames: summaryNames,
            ScanIndexForward: false,
            Limit: limit,
            ExclusiveStartKey: starts[status] ?? undefined,
          }),
        );
        return {
          status,
          items: (result.Items ?? []) as (SketchListRecord & { gsi1sk: string })[],
          last: result.LastEvaluatedKey,
        };
      }),
  );
  const taken = pages
    .flatMap((page) => page.items)
    .sort((a, b) => (a.gsi1sk < b.gsi1sk ? 1 : a.gsi1sk > b.gsi1sk ? -1 : 0))
    .slice(0, limit);
  const next: Record<string, Key | null | undefined> = { ...starts };
  for (const page of pages) {
    const mine = taken.filter((item) => item.status === page.status);
    const last = mine.at(-1);
    if (mine.length === page.items.length) next[page.status] = page.last ?? null;
    else if (last)
      next[page.status] = {
        ...keys.sketch(last.id),
        gsi1pk: keys.sketchesByStatus(last.status),
        gsi1sk: last.gsi1sk,
      };
  }
  const more = statuses.some((status) => next[status] !== null);
  return {
    items: taken.map(({ gsi1sk: _sort, ...item }) => current(item)),
    ...(more ? encodeCursor(next) : {}),
  };
}

/** Every sketch of one applicant, oldest first (a query on gsi2). */
export async function listSketchesByOwner(owner: string): Promise<SketchListRecord[]> {
  const items = await queryAll<SketchListRecord>({
    TableName: config().TABLE_NAME,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.sketchesByOwner(owner) },
    ProjectionExpression: summaryProjection,
    ExpressionAttributeNames: summaryNames,
  });
  return items.map(current);
}

/**
 * A ProjectionExpression for attribute paths ("draft.project.summary"), every name a placeholder so
 * reserved words like `status` need no care at the call site.
 */
function projectionOf(paths: readonly string[]) {
  const names: Record<string, string> = {};
  const expression = paths
    .map((path) =>
      path
        .split('.')
        .map((name) => {
          names[`#${name}`] = name;
          return `#${name}`;
        })
        .join('.'),
    )
    .join(', ');
  return { ProjectionExpression: expression, ExpressionAttributeNames: names };
}

/**
 * Sketches by id, a hundred per round trip (BatchGet's limit, the round trips at once), retrying
 * what DynamoDB leaves unprocessed; with `projection`, only those attributes (a list that names sketches needs no drafts).
 */
export async function getSketches<T>(ids: readonly string[], projection?: readonly string[]): Promise<T[]> {
  const found: (T & { id: string })[] = [];
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  // The hundreds at once: a local alliance's list reads every sketch of its sub-region.
  const readChunk = async (chunk: string[]) => {
    let keysLeft: Record<string, unknown>[] | undefined = chunk.map((id) => keys.sketch(id));
    for (let attempt = 0; keysLeft?.length && attempt < 5; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const { Responses, UnprocessedKeys }: BatchGetCommandOutput = await documents().send(
        new BatchGetCommand({
          RequestItems: {
            [config().TABLE_NAME]: {
              Keys: keysLeft,
              ...(projection ? projectionOf(projection) : {}),
            },
          },
        }),
      );
      found.push(
        ...(Responses?.[config().TABLE_NAME] ?? []).map((item) => current(strip<T & { id: string }>(item))),
      );
      keysLeft = UnprocessedKeys?.[config().TABLE_NAME]?.Keys;
    }
    if (keysLeft?.length) throw new Error(`${keysLeft.length} sketches could not be read`);
  };
  await Promise.all(chunks.map(readChunk));
  return ids.flatMap((id) => found.filter((s) => s.id === id).slice(0, 1));
}
