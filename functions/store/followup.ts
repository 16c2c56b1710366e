import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Deadline, isOpen, type JobRun, nextActionAt, type ReportRules } from '../core/followup.ts';
import { compareText } from '../core/order.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { epochSeconds } from './keys.ts';
import { queryAll } from './query.ts';
import type { TransactItem } from './sketches.ts';

/*
 * Deadlines after the Votum, calendar feed tokens and job runs. A deadline sits in two sparse
 * indexes: gsi1 DEADLINES by the instant of its next reminder or escalation (only while one is
 * left, so the job's query reads only what is due), gsi2 DEADLINES_OPEN by due date (only while
 * someone still waits on it, for the overview and the calendar). Every change of a deadline is
 * conditional on the revision it was read at.
 */

const table = () => config().TABLE_NAME;
const bookkeeping = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !bookkeeping.has(k))) as T;

/** The deadline as stored, with the index keys its state and schedule call for. */
export function deadlineItem(deadline: Deadline, rules: ReportRules): Record<string, unknown> {
  const next = nextActionAt(deadline, rules);
  const ref = `${deadline.sketchId}#${deadline.id}`;
  return {
    ...keys.deadline(deadline.sketchId, deadline.id),
    ...deadline,
    ...(next ? { gsi1pk: keys.deadlinesDue, gsi1sk: keys.byTime(next, ref) } : {}),
    ...(isOpen(deadline) ? { gsi2pk: keys.deadlinesOpen, gsi2sk: keys.byTime(deadline.due, ref) } : {}),
  };
}

/** The deadline as a transaction item: new, or replacing the revision it was read at. */
export function deadlinePut(deadline: Deadline, rules: ReportRules, expected: number | 'new'): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: deadlineItem(deadline, rules),
      ...(expected === 'new'
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#r = :r',
            ExpressionAttributeNames: { '#r': 'revision' },
            ExpressionAttributeValues: { ':r': expected },
          }),
    },
  };
}

/** Every deadline of a sketch (one query on its partition), oldest first. */
export async function getDeadlines(sketchId: string): Promise<Deadline[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.sketch(sketchId).pk, ':prefix': prefix.deadline },
      ConsistentRead: true,
    }),
  );
  return (Items ?? [])
    .map((item) => strip<Deadline>(item))
    .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
}

export async function getDeadline(sketchId: string, id: string): Promise<Deadline | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.deadline(sketchId, id), ConsistentRead: true }),
  );
  return Item ? strip<Deadline>(Item) : undefined;
}

export interface DuePage {
  items: Deadline[];
  /** Items the query read (ScannedCount): with a sparse index, just the due ones. */
  read: number;
  /** Read capacity the query consumed, where the service reports it. */
  capacity: number;
  /** Where the next page starts; undefined when this was the last. */
  next?: Record<string, unknown>;
}

/**
 * Deadlines whose next reminder or escalation is due by `now`, a page at a time: a query on the
 * sparse due index, oldest first, so what it reads grows with what is due, not with what is stored.
 */
export async function dueDeadlines(
  now: Date,
  limit: number,
  start?: Record<string, unknown>,
): Promise<DuePage> {
  const page = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pk': keys.deadlinesDue, ':now': keys.upTo(now) },
      Limit: limit,
      ExclusiveStartKey: start,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  return {
    items: (page.Items ?? []).map((item) => strip<Deadline>(item)),
    read: page.ScannedCount ?? 0,
    capacity: page.ConsumedCapacity?.CapacityUnits ?? 0,
    ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}),
  };
}

/** Deadlines someone still waits on, due by `until` (overdue ones included): a query on gsi2. */
export async function openDeadlines(until: string): Promise<Deadline[]> {
  const items: Deadline[] = (
    await queryAll({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :until',
      ExpressionAttributeValues: { ':pk': keys.deadlinesOpen, ':until': keys.upTo(until) },
    })
  ).map((item) => strip<Deadline>(item));
  return items;
}

const isTransactionConflict = (error: unknown) =>
  (error as { name?: string }).name === 'TransactionConflictException' ||
  ((error as { name?: string }).name === 'TransactionCanceledException' &&
    ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some(
      (r) => r.Code === 'TransactionConflict',
    ));

/**
 * Writes one change of the job in one transaction. False when a condition did not hold or another
 * transaction held an item: someone else acted first, and the next run sees what they did.
 */
export async function writeIfUnchanged(items: TransactItem[]): Promise<boolean> {
  try {
    await documents().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (isConditionFailure(error) || isTransactionConflict(error)) return false;
    throw error;
  }
}

// ---- Calendar feeds ---------------------------------------------------------------------------------

export interface CalendarFeed {
  email: string;
  createdAt: string;
}

/** The admin a feed token belongs to, by the token's keyed hash. */
export async function findCalendarFeed(hash: string): Promise<CalendarFeed | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.calendarFeed(hash) }),
  );
  return Item ? { email: Item.email as string, createdAt: Item.createdAt as string } : undefined;
}

/** An admin's current feed: its token's hash and when it was made. */
export async function calendarOf(email: string): Promise<{ hash: string; createdAt: string } | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.calendarOf(email), ConsistentRead: true }),
  );
  return Item ? { hash: Item.hash as string, createdAt: Item.createdAt as string } : undefined;
}

/**
 * Makes `hash` the admin's feed, replacing (and so revoking) `previous` in the same transaction,
 * only if that is still the current one. False when another request changed it meanwhile.
 */
export async function replaceCalendarFeed(
  email: string,
  hash: string,
  previous: string | undefined,
  now: Date,
): Promise<boolean> {
  const createdAt = now.toISOString();
  return writeIfUnchanged([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.calendarFeed(hash), email, createdAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.calendarOf(email), email, hash, createdAt },
        ...(previous
          ? {
              ConditionExpression: '#h = :previous',
              ExpressionAttributeNames: { '#h': 'hash' },
              ExpressionAttributeValues: { ':previous': previous },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    ...(previous ? [{ Delete: { TableName: table(), Key: keys.calendarFeed(previous) } }] : []),
  ]);
}

/** Revokes the admin's feed: its token stops working at once. */
export async function revokeCalendarFeed(email: string, hash: string): Promise<boolean> {
  return writeIfUnchanged([
    {
      Delete: {
        TableName: table(),
        Key: keys.calendarOf(email),
        ConditionExpression: '#h = :hash',
        ExpressionAttributeNames: { '#h': 'hash' },
        ExpressionAttributeValues: { ':hash': hash },
      },
    },
    { Delete: { TableName: table(), Key: keys.calendarFeed(hash) } },
  ]);
}

// ---- Job runs ---------------------------------------------------------------------------------------

export type { JobRun };

/** How long a run's record is kept. */
const runRetentionDays = 90;

export async function recordJobRun(run: JobRun): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.jobRun(run.job, run.startedAt, run.id),
        ...run,
        expiresAt: epochSeconds(new Date(run.finishedAt)) + runRetentionDays * 86_400,
      },
    }),
  );
}

/** The latest runs of a job, newest first. */
export async function latestJobRuns(job: string, limit: number): Promise<JobRun[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.jobRun(job, '', '').pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  // What the run recorded, without the item's keys and its expiry.
  return (Items ?? []).map(({ id, job, startedAt, finishedAt, counts }) => ({
    id,
    job,
    startedAt,
    finishedAt,
    counts,
  }));
}
