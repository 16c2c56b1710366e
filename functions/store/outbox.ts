import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailSummary } from '../core/mail-summary.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import { keys } from './keys.ts';

/*
 * The outbox's items: a mail is stored with the change that causes it, sent by whoever holds its
 * lease (functions/app/outbox.ts), and sits in the sparse due index (gsi1 OUTBOX) only while it is
 * to be sent; gsi2 lists the mails to one address.
 */

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface OutboxMail {
  id: string;
  to: string;
  /** What the mail is about, for the status page and the logs (never the content). */
  kind: string;
  sketchId?: string;
  createdAt: string;
  /** The content, German, plain text and HTML (functions/mail/templates.de.ts). */
  subject: string;
  text: string;
  html: string;
  /**
   * Stored documents (store/documents.ts) the mail carries as attachments. Such a mail is held,
   * out of the outbox's due index, until the render job has stored them and releases it: a mail
   * never goes out without its letter, and the letter is stored once, not again in the mail.
   */
  documentIds?: string[];
  /**
   * A sign-in or vote link, sealed (platform/seal.ts): `text` and `html` hold `linkSlot` in its
   * place until the sender unseals it at the moment of sending; sending drops it. So no usable
   * link ever sits in the table.
   */
  sealedLink?: string;
}

/** Where a sealed link goes in a stored mail's text and HTML (nothing in it needs escaping). */
export const linkSlot = 'VOTUM-LINK-SLOT';

/** How long one sender may hold a mail before another may try it (a crashed sender's lease runs out). */
const leaseMs = 2 * 60_000;

/**
 * The outbox mail as a transaction item: it is stored with the change that causes it, so a mail is
 * never lost when sending fails, and never sent for a change that was not stored.
 */
export function outboxItem(mail: OutboxMail): TransactItem {
  const held = Boolean(mail.documentIds?.length);
  return {
    Put: {
      TableName: config().TABLE_NAME,
      Item: {
        ...keys.mail(mail.id),
        ...mail,
        status: held ? 'held' : 'pending',
        attempts: 0,
        ...(held ? {} : { gsi1pk: keys.outboxDue, gsi1sk: keys.byTime(mail.createdAt, mail.id) }),
        gsi2pk: keys.mailsTo(mail.to),
        gsi2sk: keys.byTime(mail.createdAt, mail.id),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Puts a held mail into the outbox, due now: part of the transaction that stores what it waited for. */
export function releaseMailItem(id: string, now: Date): TransactItem {
  return {
    Update: {
      TableName: config().TABLE_NAME,
      Key: keys.mail(id),
      UpdateExpression: 'SET #status = :pending, gsi1pk = :outbox, gsi1sk = :due',
      ConditionExpression: '#status = :held',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pending': 'pending',
        ':held': 'held',
        ':outbox': keys.outboxDue,
        ':due': keys.byTime(now, id),
      },
    },
  };
}

export type ClaimedMail = OutboxMail & { attempts: number };

/**
 * Takes the lease on a mail to send it: a conditional update that holds only while the mail is
 * unsent (in the due index) and nobody holds a live lease, so of two senders only one gets it.
 * Undefined: sent already, held, or another sender has it.
 */
export async function claimMail(id: string, now: Date): Promise<ClaimedMail | undefined> {
  try {
    const claimed = await documents().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.mail(id),
        UpdateExpression: 'SET leaseUntil = :lease, attempts = attempts + :one',
        ConditionExpression:
          'attribute_exists(gsi1pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeValues: {
          ':lease': new Date(now.getTime() + leaseMs).toISOString(),
          ':now': now.toISOString(),
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return claimed.Attributes as ClaimedMail;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** The mail went out: it leaves the due index and its lease is dropped. */
export async function markMailSent(id: string, now: Date, messageId: string): Promise<void> {
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.mail(id),
      UpdateExpression:
        'SET #status = :sent, sentAt = :now, messageId = :mid REMOVE gsi1pk, gsi1sk, leaseUntil, sealedLink',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':now': now.toISOString(), ':mid': messageId },
    }),
  );
}

/** Sending failed: the mail is due again at `retryAt`, with the (redacted) error, and its lease is dropped. */
export async function markMailFailed(id: string, retryAt: Date, error: string): Promise<void> {
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.mail(id),
      UpdateExpression: 'SET gsi1sk = :due, lastError = :err REMOVE leaseUntil',
      ExpressionAttributeValues: { ':due': keys.byTime(retryAt, id), ':err': error },
    }),
  );
}

/** Ids of mails due by `now`: a query on the sparse outbox index, so it reads only what is due. */
export async function dueMailIds(now: Date, limit: number): Promise<string[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :due',
      ExpressionAttributeValues: { ':pk': keys.outboxDue, ':due': keys.upTo(now) },
      ProjectionExpression: 'id',
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => item.id as string);
}

/** The mails sent (or about to be sent) to one address, newest first: a query on gsi2. */
export async function mailsTo(address: string, limit: number): Promise<MailSummary[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.mailsTo(address) },
      ProjectionExpression: 'id, kind, subject, sketchId, createdAt, #status',
      ExpressionAttributeNames: { '#status': 'status' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []) as MailSummary[];
}
