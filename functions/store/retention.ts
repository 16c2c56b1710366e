import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SketchRetention } from '../core/retention.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { answerOwnersMigrationName, migrationDone } from './migrated.ts';
import { personHash } from './person.ts';
import { queryAll } from './query.ts';
import type { TransactItem } from './sketches.ts';

/*
 * Retention's items (issue 16). What falls due sits in one sparse index, gsi1 `RETENTION_DUE` by
 * the instant it is due, so the job reads only what is due:
 * - a sketch's period: its own item `RETAIN#<sketch>` / `RETAIN` (the sketch's gsi1 lists it by
 *   state), written by the transition that starts the period, replaced by the next one;
 * - a session (sign-in record): on the session item itself;
 * - a pending upload: on the attachment's metadata, which leaves the index when it is checked.
 * What the job and the erasure did is logged under `RETENTIONLOG`, without the deleted content.
 */

const table = () => config().TABLE_NAME;

export type DueKind = SketchRetention | 'session' | 'upload';

export interface DueItem {
  pk: string;
  sk: string;
  gsi1sk: string;
  kind: DueKind;
  sketchId?: string;
  id?: string;
}

/** A sketch's retention period as a transaction item: it replaces the one before (one per sketch). */
export function sketchRetentionItem(sketchId: string, kind: SketchRetention, due: Date): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.retention(sketchId),
        kind,
        sketchId,
        dueAt: due.toISOString(),
        gsi1pk: keys.retentionDue,
        gsi1sk: keys.byTime(due, `sketch#${sketchId}`),
      },
    },
  };
}

/** The index attributes that put a session or a pending upload into the due index. */
export const dueIndex = (due: Date, id: string) => ({
  gsi1pk: keys.retentionDue,
  gsi1sk: keys.byTime(due, id),
});

/** What is due by `now`, oldest first: a query on the sparse index, O(due). */
export async function dueRetention(now: Date, limit: number): Promise<DueItem[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :due',
      ExpressionAttributeValues: { ':pk': keys.retentionDue, ':due': keys.upTo(now) },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => {
    const pk = String(item.pk);
    const sk = String(item.sk);
    const kind: DueKind = pk.startsWith(prefix.retention)
      ? (item.kind as SketchRetention)
      : pk.startsWith(prefix.session)
        ? 'session'
        : 'upload';
    return {
      pk,
      sk,
      gsi1sk: String(item.gsi1sk),
      kind,
      ...(typeof item.sketchId === 'string' ? { sketchId: item.sketchId } : {}),
      ...(typeof item.id === 'string' ? { id: item.id } : {}),
    };
  });
}

/** Moves a sketch's period to a later instant (the draft changed since it was set). */
export async function moveSketchRetention(sketchId: string, due: Date, before: string): Promise<void> {
  try {
    await documents().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.retention(sketchId),
        UpdateExpression: 'SET gsi1sk = :due, dueAt = :at',
        ConditionExpression: 'gsi1sk = :before',
        ExpressionAttributeValues: {
          ':due': keys.byTime(due, `sketch#${sketchId}`),
          ':at': due.toISOString(),
          ':before': before,
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Deletes an item the job handled, only if it is still due as it was read (nobody set a new period). */
export async function deleteIfStillDue(key: { pk: string; sk: string }, gsi1sk: string): Promise<boolean> {
  try {
    await documents().send(
      new DeleteCommand({
        TableName: table(),
        Key: { pk: key.pk, sk: key.sk },
        ConditionExpression: 'gsi1sk = :due',
        ExpressionAttributeValues: { ':due': gsi1sk },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
  );
  return Item;
}

/** Every item of a sketch's partition: the record, its events, versions, attachments, deadlines. */
export async function sketchPartition(sketchId: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.sketch(sketchId).pk },
    ConsistentRead: true,
  });
}

/**
 * Deletes items by key, a few at a time; keys that are not there are no error. One DeleteItem each
 * (no BatchWriteItem: the functions' table rights name the operations the code sends, and these
 * deletions are few, a sketch's partition or a person's mails).
 */
export async function deleteItems(items: readonly { pk: unknown; sk: unknown }[]): Promise<void> {
  for (let i = 0; i < items.length; i += 10)
    await Promise.all(
      items
        .slice(i, i + 10)
        .map((item) =>
          documents().send(new DeleteCommand({ TableName: table(), Key: { pk: item.pk, sk: item.sk } })),
        ),
    );
}

/** Writes an item back whole (the pseudonymised form of what was read). */
export async function putItem(item: Record<string, unknown>): Promise<void> {
  await documents().send(new PutCommand({ TableName: table(), Item: item }));
}

/** The mails to one address, whole items (for the export and the erasure): a query on gsi2. */
export async function mailItemsTo(address: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.mailsTo(address) },
  });
}

/** The sessions (sign-in records) of one address, whole items: a query on gsi2. */
export async function sessionItemsOf(address: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.sessionsOf(address) },
  });
}

/** The sketches one address owns, ids only: a query on gsi2. */
export async function sketchIdsOf(address: string): Promise<string[]> {
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.sketchesByOwner(address) },
    ProjectionExpression: 'id',
  });
  return items.map((item) => String(item.id));
}

/** What retention or an erasure did, without the deleted content. */
export interface RetentionLogEntry {
  at: string;
  action: 'deleted' | 'pseudonymised' | 'erased' | 'locked';
  /** What it was about: a sketch's period, a session, an upload, or an erasure on request. */
  kind: DueKind | 'request';
  /** The sketch (its id names nobody), where it was about one. */
  sketchId?: string;
  /** How many items and files were deleted or rewritten. */
  items: number;
  files: number;
  /** For an erasure: who ordered it and why, and the person only as a keyed hash. */
  by?: string;
  reason?: string;
  person?: string;
  kept?: string[];
}

export async function logRetention(entry: RetentionLogEntry): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.retentionLog(entry.at, randomUUID()), ...entry },
    }),
  );
}

export async function retentionLog(limit: number): Promise<RetentionLogEntry[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.retentionLog('', '').pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map(({ pk: _pk, sk: _sk, ...entry }) => entry as RetentionLogEntry);
}

/**
 * The stored answers of one person's sketch requests (24 hours, Powertools): their entries in gsi2
 * by the hash of their address. Until the migration has put the records stored before that index
 * there (`answerOwners`), also those of the whole partition that mention the address.
 */
export async function storedAnswersOf(address: string): Promise<{ pk: string; sk: string }[]> {
  const indexed = await queryAll<{ pk: string; sk: string }>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.answersOf(await personHash(address)) },
    ProjectionExpression: 'pk, sk',
  });
  if (await migrationDone(answerOwnersMigrationName)) return indexed;
  const all = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.idempotentSketchRequests },
  });
  const mentioning = all
    .filter((item) => JSON.stringify(item).toLowerCase().includes(address.toLowerCase()))
    .map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  const found = new Set(indexed.map((item) => item.sk));
  return [...indexed, ...mentioning.filter((item) => !found.has(item.sk))];
}
