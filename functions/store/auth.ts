import { randomUUID } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SessionTimes } from '../core/auth.ts';
import type { Role } from '../core/lifecycle.ts';
import { signInRecordUntil } from '../core/retention.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure, isTransactionConflict } from './errors.ts';
import * as keys from './keys.ts';
import { epochSeconds } from './keys.ts';
import { dueIndex } from './retention.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Session extends SessionTimes {
  email: string;
  roles: Role[];
  /** When an admin session passed its second factor (core/second-factor.ts); absent before. */
  secondFactorAt?: string;
}

const table = () => config().TABLE_NAME;

/** The sign-in token as a transaction item, so it is stored together with the mail that carries it. */
export function tokenItem(hash: string, email: string, validUntil: Date): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.token(hash),
        email,
        validUntil: validUntil.toISOString(),
        expiresAt: epochSeconds(validUntil) + 3600,
      },
    },
  };
}

/**
 * Counts a link request against the address's quota for the window, in the same transaction as the
 * token and the mail: over the quota, the transaction is cancelled and nothing is sent.
 */
export function linkQuotaItem(
  addressHash: string,
  windowStart: number,
  max: number,
  windowMs: number,
): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.linkQuota(addressHash, windowStart),
      UpdateExpression: 'ADD #n :one SET expiresAt = :expires',
      ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
      ExpressionAttributeNames: { '#n': 'requests' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':max': max,
        ':expires': Math.ceil((windowStart + windowMs) / 1000) + 3600,
      },
    },
  };
}

export async function findToken(
  hash: string,
): Promise<{ email: string; validUntil: string; usedAt?: string } | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.token(hash), ConsistentRead: true }),
  );
  return Item as { email: string; validUntil: string; usedAt?: string } | undefined;
}

/**
 * A session as stored: under its token's hash, with its own id (the office sees it and ends the
 * session by it) and its place in the account's index, so an account's sessions are one query.
 */
export function sessionItem(sessionHash: string, session: Session) {
  // Kept as the sign-in record after it ends (its times say it no longer signs anyone in), until
  // the profile's retention: the retention job deletes it then (gsi1), the TTL a day later at most.
  const recordUntil = signInRecordUntil(session.createdAt, config().profile.retention);
  return {
    ...keys.session(sessionHash),
    ...session,
    id: randomUUID(),
    gsi2pk: keys.sessionsOf(session.email),
    gsi2sk: keys.byTime(session.createdAt, sessionHash),
    ...dueIndex(recordUntil, `session#${sessionHash}`),
    expiresAt: epochSeconds(recordUntil) + 86_400,
  };
}

/**
 * Consumes the token and opens the session in one transaction. The token's condition (unused, not
 * expired) makes it single use even when two redeems race: false when it did not hold.
 */
export async function redeemToken(
  tokenHash: string,
  sessionHash: string,
  session: Session,
  now: Date,
): Promise<boolean> {
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.token(tokenHash),
              // A used token needs no address any more: it only has to stay used.
              UpdateExpression: 'SET usedAt = :now REMOVE email',
              ConditionExpression:
                'attribute_exists(pk) AND attribute_not_exists(usedAt) AND validUntil > :now',
              ExpressionAttributeValues: { ':now': now.toISOString() },
            },
          },
          {
            Put: {
              TableName: table(),
              Item: sessionItem(sessionHash, session),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function findSession(hash: string): Promise<Session | undefined> {
  const { Item } = await documents().send(new GetCommand({ TableName: table(), Key: keys.session(hash) }));
  if (!Item) return undefined;
  const { email, roles, createdAt, idleUntil, absoluteUntil, secondFactorAt } = Item as Session;
  return { email, roles, createdAt, idleUntil, absoluteUntil, ...(secondFactorAt ? { secondFactorAt } : {}) };
}

/** Pushes the idle deadline forward; a session revoked meanwhile stays revoked. */
export async function touchSession(hash: string, idleUntil: string): Promise<void> {
  try {
    await documents().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.session(hash),
        UpdateExpression: 'SET idleUntil = :idle',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':idle': idleUntil },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

export async function revokeSession(hash: string): Promise<void> {
  await documents().send(new DeleteCommand({ TableName: table(), Key: keys.session(hash) }));
}

export async function isAdmin(email: string): Promise<boolean> {
  const { Item } = await documents().send(new GetCommand({ TableName: table(), Key: keys.admin(email) }));
  return Item !== undefined;
}

export async function addAdmin(email: string, name: string, now: Date): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.admin(email), email, name, addedAt: now.toISOString() },
    }),
  );
}

/** Takes someone off the admin list; their sessions lose the admin role at their next request. */
export async function removeAdmin(email: string): Promise<void> {
  await documents().send(new DeleteCommand({ TableName: table(), Key: keys.admin(email) }));
}

/** A session as the office sees it: its id, never its key. */
export interface ListedSession extends Session {
  id: string;
  /** The session's key (its token's keyed hash), to tell the caller's own session; never answered. */
  hash: string;
}

/**
 * The sessions of one account, newest first: a query on gsi2 (`SESSIONS#<email>`), written with
 * each session since this index exists (sessions from before simply run out within 12 hours).
 * Sessions that ran out but wait for TTL are included; the caller filters by time.
 */
export async function sessionsOf(email: string): Promise<ListedSession[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sessionsOf(email) },
      ScanIndexForward: false,
      Limit: 100,
    }),
  );
  return (result.Items ?? []).map((item) => {
    const { id, email, roles, createdAt, idleUntil, absoluteUntil, pk } = item as Session & {
      id: string;
      pk: string;
    };
    return {
      id,
      email,
      roles,
      createdAt,
      idleUntil,
      absoluteUntil,
      hash: pk.slice(keys.session('').pk.length),
    };
  });
}

/** Ends one session of an account, by its id; false when the account has no such session (any more). */
export async function endSessionOf(email: string, id: string): Promise<boolean> {
  const session = (await sessionsOf(email)).find((s) => s.id === id);
  if (!session) return false;
  try {
    await documents().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.session(session.hash),
        ConditionExpression: 'email = :email AND id = :id',
        ExpressionAttributeValues: { ':email': email, ':id': id },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export interface AdminEntry {
  email: string;
  name: string;
  addedAt?: string;
}

export interface AdminEvent {
  action: 'admin_added' | 'admin_removed';
  email: string;
  by: string;
  at: string;
}

/** The admin list, by address. */
export async function listAdmins(): Promise<AdminEntry[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.admins },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []).map((item) => ({
    email: item.email as string,
    name: item.name as string,
    ...(item.addedAt ? { addedAt: item.addedAt as string } : {}),
  }));
}

/** The admin list's latest changes, newest first. */
export async function adminEvents(limit: number): Promise<AdminEvent[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.adminEvents },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map(({ action, email, by, at }) => ({ action, email, by, at }) as AdminEvent);
}

const adminEventItem = (event: AdminEvent): TransactItem => ({
  Put: { TableName: table(), Item: { ...keys.adminEvent(event.at, randomUUID()), ...event } },
});

/**
 * Puts a person on the admin list with its audit event, in one transaction; only by an admin still
 * on the list. 'already': on it; 'refused': the one adding is no longer an admin.
 */
export async function grantAdmin(
  entry: { email: string; name: string },
  by: string,
  now: Date,
): Promise<'added' | 'already' | 'refused'> {
  const at = now.toISOString();
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...keys.admin(entry.email), ...entry, addedAt: at },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            ConditionCheck: {
              TableName: table(),
              Key: keys.admin(by),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          adminEventItem({ action: 'admin_added', email: entry.email, by, at }),
        ],
      }),
    );
    return 'added';
  } catch (error) {
    if (isTransactionConflict(error, 0)) return 'already';
    if (isTransactionConflict(error, 1)) return 'refused';
    throw error;
  }
}

/**
 * Takes a person off the admin list with its audit event, in one transaction, on the condition
 * that the one removing is still on it: two admins removing each other at once cannot both succeed,
 * so the list never empties. 'missing': not on the list; 'refused': the one removing no longer is.
 */
export async function revokeAdmin(
  email: string,
  by: string,
  now: Date,
): Promise<'removed' | 'missing' | 'refused'> {
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: table(),
              Key: keys.admin(email),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            ConditionCheck: {
              TableName: table(),
              Key: keys.admin(by),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          adminEventItem({ action: 'admin_removed', email, by, at: now.toISOString() }),
        ],
      }),
    );
    return 'removed';
  } catch (error) {
    if (isTransactionConflict(error, 0)) return 'missing';
    if (isTransactionConflict(error, 1)) return 'refused';
    throw error;
  }
}
