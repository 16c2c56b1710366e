import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SessionTimes } from '../core/auth.ts';
import type { Role } from '../core/lifecycle.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import { epochSeconds, keys } from './keys.ts';

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
              UpdateExpression: 'SET usedAt = :now',
              ConditionExpression:
                'attribute_exists(pk) AND attribute_not_exists(usedAt) AND validUntil > :now',
              ExpressionAttributeValues: { ':now': now.toISOString() },
            },
          },
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.session(sessionHash),
                ...session,
                expiresAt: epochSeconds(new Date(session.absoluteUntil)),
              },
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
