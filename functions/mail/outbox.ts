import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents, ses } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { getDocument } from '../store/documents.ts';
import { isConditionFailure } from '../store/errors.ts';
import { keys } from '../store/keys.ts';
import type { MailContent } from './templates.de.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface OutboxMail extends MailContent {
  id: string;
  to: string;
  /** What the mail is about, for the status page and the logs (never the content). */
  kind: string;
  sketchId?: string;
  createdAt: string;
  /**
   * Stored documents (store/documents.ts) the mail carries as attachments. Such a mail is held,
   * out of the outbox's due index, until the render job has stored them and releases it: a mail
   * never goes out without its letter, and the letter is stored once, not again in the mail.
   */
  documentIds?: string[];
}

/** How long one sender may hold a mail before another may try it (a crashed sender's lease runs out). */
const leaseMs = 2 * 60_000;
const retryDelayMs = (attempts: number) => Math.min(2 ** attempts, 60) * 60_000;
/** Provider errors may quote the recipient: keep addresses out of the logs. */
const redact = (error: unknown) =>
  String(error)
    .replace(/[^\s<>"']+@[^\s<>"']+/g, '<email>')
    .slice(0, 500);
const dueKey = (at: Date | string, id: string) => `${typeof at === 'string' ? at : at.toISOString()}#${id}`;

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
        ...(held ? {} : { gsi1pk: keys.outboxDue, gsi1sk: dueKey(mail.createdAt, mail.id) }),
        gsi2pk: `MAILTO#${mail.to}`,
        gsi2sk: `${mail.createdAt}#${mail.id}`,
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
        ':due': dueKey(now, id),
      },
    },
  };
}

/** The stored documents a mail carries, as SES attachments; a document not issued yet is an error (retried). */
async function attachmentsOf(mail: OutboxMail) {
  return Promise.all(
    (mail.documentIds ?? []).map(async (id) => {
      const document = await getDocument(id);
      if (document?.status !== 'issued') throw new Error(`document ${id} of mail ${mail.id} is not issued`);
      return {
        FileName: document.fileName,
        ContentType: document.contentType,
        ContentDisposition: 'ATTACHMENT' as const,
        ContentTransferEncoding: 'BASE64' as const,
        RawContent: document.bytes,
      };
    }),
  );
}

export type DeliveryResult = 'sent' | 'skipped' | 'failed';

/**
 * Sends one outbox mail. A conditional lease makes sure that of two senders (the handler and the
 * job, or two job runs) only one sends; a failure leaves the mail due again after a back-off.
 */
export async function deliver(id: string, now: Date): Promise<DeliveryResult> {
  const { TABLE_NAME, SES_CONFIGURATION_SET, profile } = config();
  let mail: OutboxMail & { attempts: number };
  try {
    const claimed = await documents().send(
      new UpdateCommand({
        TableName: TABLE_NAME,
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
    mail = claimed.Attributes as OutboxMail & { attempts: number };
  } catch (error) {
    if (isConditionFailure(error)) return 'skipped';
    throw error;
  }

  try {
    const attachments = await attachmentsOf(mail);
    const sent = await ses().send(
      new SendEmailCommand({
        FromEmailAddress: `${profile.name} <${profile.mailFrom}>`,
        ReplyToAddresses: [profile.office.email],
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: mail.text, Charset: 'UTF-8' },
              Html: { Data: mail.html, Charset: 'UTF-8' },
            },
            ...(attachments.length ? { Attachments: attachments } : {}),
          },
        },
        ConfigurationSetName: SES_CONFIGURATION_SET,
        EmailTags: [{ Name: 'kind', Value: mail.kind }],
      }),
    );
    await documents().send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: keys.mail(id),
        UpdateExpression:
          'SET #status = :sent, sentAt = :now, messageId = :mid REMOVE gsi1pk, gsi1sk, leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':now': now.toISOString(),
          ':mid': sent.MessageId ?? '',
        },
      }),
    );
    logger.info('mail sent', { mailId: id, kind: mail.kind, attempts: mail.attempts });
    return 'sent';
  } catch (error) {
    const retryAt = new Date(now.getTime() + retryDelayMs(mail.attempts));
    logger.warn('mail not sent, will retry', {
      mailId: id,
      kind: mail.kind,
      attempts: mail.attempts,
      error: redact(error),
    });
    await documents().send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: keys.mail(id),
        UpdateExpression: 'SET gsi1sk = :due, lastError = :err REMOVE leaseUntil',
        ExpressionAttributeValues: { ':due': dueKey(retryAt, id), ':err': redact(error) },
      }),
    );
    return 'failed';
  }
}

/** Sends a mail right after its change was stored; if that fails the job sends it later. */
export async function deliverNow(id: string, now: Date): Promise<void> {
  try {
    await deliver(id, now);
  } catch (error) {
    logger.warn('mail left in the outbox', { mailId: id, error: redact(error) });
  }
}

/** Ids of mails due by `now`: a query on the sparse outbox index, so it reads only what is due. */
export async function dueMailIds(now: Date, limit: number): Promise<string[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :due',
      ExpressionAttributeValues: { ':pk': keys.outboxDue, ':due': dueKey(now, '\uffff') },
      ProjectionExpression: 'id',
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => item.id as string);
}

export interface MailSummary {
  id: string;
  kind: string;
  subject: string;
  sketchId?: string;
  createdAt: string;
  /** `held`: waiting for the document it carries (a few seconds after the change). */
  status: 'held' | 'pending' | 'sent';
}

/** The mails sent (or about to be sent) to one address, newest first: a query on gsi2. */
export async function mailsTo(address: string, limit: number): Promise<MailSummary[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `MAILTO#${address}` },
      ProjectionExpression: 'id, kind, subject, sketchId, createdAt, #status',
      ExpressionAttributeNames: { '#status': 'status' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []) as MailSummary[];
}
