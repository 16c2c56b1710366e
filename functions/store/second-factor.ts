import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { type Session, sessionItem } from './auth.ts';
import { isConditionFailure } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { epochSeconds } from './keys.ts';

/*
 * The office's second factors (core/second-factor.ts): an account's passkeys (public keys only),
 * its TOTP secret (sealed, so a copy of the table yields no codes) and its recovery codes (hashes
 * only), all in one partition per address; and the short-lived challenge of a session.
 */

const table = () => config().TABLE_NAME;

export interface StoredPasskey {
  id: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports?: string[];
  createdAt: string;
  lastUsedAt?: string;
}

export interface StoredTotp {
  /** The base32 secret, sealed (platform/seal.ts). */
  sealedSecret: string;
  /** The last time step whose code was accepted: each code counts once (ASVS 6.5.1). */
  lastCounter: number;
  createdAt: string;
}

export interface SecondFactors {
  passkeys: StoredPasskey[];
  totp: StoredTotp | undefined;
  recoveryCodesLeft: number;
}

/** Every factor of the account, in one query. */
export async function findSecondFactors(email: string): Promise<SecondFactors> {
  const found: SecondFactors = { passkeys: [], totp: undefined, recoveryCodesLeft: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.secondFactors(email) },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const sk = String(item.sk);
      if (sk === 'TOTP') found.totp = item as unknown as StoredTotp;
      else if (sk.startsWith(prefix.passkey)) {
        const { id, publicKey, counter, transports, createdAt, lastUsedAt } =
          item as unknown as StoredPasskey;
        found.passkeys.push({
          id,
          publicKey,
          counter,
          createdAt,
          ...(transports ? { transports } : {}),
          ...(lastUsedAt ? { lastUsedAt } : {}),
        });
      } else if (sk.startsWith(prefix.recoveryCode)) found.recoveryCodesLeft++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

export const hasSecondFactor = (factors: SecondFactors) =>
  factors.passkeys.length > 0 || factors.totp !== undefined;

export async function putPasskey(email: string, passkey: StoredPasskey): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.passkey(email, passkey.id), ...passkey },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** Records a passkey's use; its signature counter only moves forward (a cloned key shows by a counter that does not). */
export async function usePasskey(email: string, id: string, counter: number, now: Date): Promise<boolean> {
  try {
    await documents().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.passkey(email, id),
        UpdateExpression: 'SET #c = :c, lastUsedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND (#c < :c OR :c = :zero)',
        ExpressionAttributeNames: { '#c': 'counter' },
        ExpressionAttributeValues: { ':c': counter, ':now': now.toISOString(), ':zero': 0 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The account's TOTP secret, replacing an earlier one; `counter` is the step of the code that confirmed it. */
export async function putTotp(
  email: string,
  sealedSecret: string,
  counter: number,
  now: Date,
): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.totp(email), sealedSecret, lastCounter: counter, createdAt: now.toISOString() },
    }),
  );
}

/** Accepts a TOTP time step once: false when it (or a later one) was used before. */
export async function useTotpStep(email: string, counter: number): Promise<boolean> {
  try {
    await documents().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.totp(email),
        UpdateExpression: 'SET lastCounter = :c',
        ConditionExpression: 'attribute_exists(pk) AND lastCounter < :c',
        ExpressionAttributeValues: { ':c': counter },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Replaces all recovery codes of the account with these (their hashes). */
export async function replaceRecoveryCodes(
  email: string,
  hashes: readonly string[],
  now: Date,
): Promise<void> {
  const old = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :recovery)',
      ExpressionAttributeValues: { ':pk': keys.secondFactors(email), ':recovery': prefix.recoveryCode },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    }),
  );
  await documents().send(
    new TransactWriteCommand({
      TransactItems: [
        ...(old.Items ?? []).map((item) => ({
          Delete: { TableName: table(), Key: { pk: item.pk, sk: item.sk } },
        })),
        ...hashes.map((hash) => ({
          Put: {
            TableName: table(),
            Item: { ...keys.recoveryCode(email, hash), createdAt: now.toISOString() },
          },
        })),
      ],
    }),
  );
}

/** Uses a recovery code: deleted under a condition, so it counts exactly once even when two requests race. */
export async function useRecoveryCode(email: string, hash: string): Promise<boolean> {
  try {
    await documents().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.recoveryCode(email, hash),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** What a session waits to have answered: a WebAuthn challenge, or a TOTP secret awaiting its first code. */
export type Challenge =
  | { kind: 'passkey-registration'; challenge: string }
  | { kind: 'passkey-authentication'; challenge: string }
  | { kind: 'totp-setup'; sealedSecret: string };

/** The session's one open challenge (a new one replaces it), valid until `validUntil`, removed by the table's TTL after. */
export async function putChallenge(
  sessionHash: string,
  challenge: Challenge,
  validUntil: Date,
): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.secondFactorChallenge(sessionHash),
        ...challenge,
        validUntil: validUntil.toISOString(),
        expiresAt: epochSeconds(validUntil) + 60,
      },
    }),
  );
}

/** Takes the session's challenge of this kind out of the table (single use); undefined if none is valid. */
export async function takeChallenge<K extends Challenge['kind']>(
  sessionHash: string,
  kind: K,
  now: Date,
): Promise<Extract<Challenge, { kind: K }> | undefined> {
  const { Item } = await documents().send(
    new GetCommand({
      TableName: table(),
      Key: keys.secondFactorChallenge(sessionHash),
      ConsistentRead: true,
    }),
  );
  if (!Item || Item.kind !== kind || Date.parse(String(Item.validUntil)) <= now.getTime()) return undefined;
  try {
    await documents().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.secondFactorChallenge(sessionHash),
        ConditionExpression: 'validUntil = :v',
        ExpressionAttributeValues: { ':v': Item.validUntil },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
  return Item as Extract<Challenge, { kind: K }>;
}

/**
 * The session passes its second factor under a new token (ASVS 7.2.4: a new session at a change of
 * privilege): the old session item goes, the new one records when; false if the old one was gone.
 */
export async function passSession(
  oldHash: string,
  newHash: string,
  session: Session,
  now: Date,
): Promise<boolean> {
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: table(),
              Key: keys.session(oldHash),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table(),
              Item: sessionItem(newHash, {
                email: session.email,
                roles: session.roles,
                createdAt: session.createdAt,
                idleUntil: session.idleUntil,
                absoluteUntil: session.absoluteUntil,
                secondFactorAt: now.toISOString(),
              }),
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

/** Counts a wrong code against the session; answers how many it has sent. */
export async function countFailure(sessionHash: string): Promise<number> {
  try {
    const { Attributes } = await documents().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.session(sessionHash),
        UpdateExpression: 'ADD secondFactorFailures :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.secondFactorFailures ?? 0);
  } catch (error) {
    if (isConditionFailure(error)) return Number.POSITIVE_INFINITY;
    throw error;
  }
}
