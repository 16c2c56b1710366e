import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailSummary } from '../core/mail-summary.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import * as keys from './keys.ts';

/*
 * The outbox's items: a mail is stored with the change that causes it, sent by whoever holds its
 * lease (functions/app/outbox.ts), and sits in the sparse due index (gsi1 OUTBOX) only while it is
 * to be sent, then in gsi1 MAIL_BODIES until its body is dropped; gsi2 lists the mails to one address.
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
  /**
   * The address the record keeps instead of the recipient once the mail is sent (an erasure's
   * confirmation: the erased person's pseudonym address). Whoever marks it sent (the outbox job,
   * a retry, a sender confirming an earlier attempt) replaces `to` with it and drops the body and
   * the indexes by address and by due date; until then this one item still holds the address.
   */
  pseudonymOnceSent?: string;
}

/** Where a sealed link goes in a stored mail's text and HTML (nothing in it needs escaping). */
export const linkSlot = 'VOTUM-LINK-SLOT';

/** How long one sender may hold a mail before another may try it (a crashed sender's lease runs out). */
const leaseMs = 120_000; // two minutes

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

/** An outbox mail's state: `sending` from the claim until SES's answer is recorded (or is known lost). */
export type MailStatus = 'held' | 'pending' | 'sending' | 'sent' | 'suppressed';

export interface Claim {
  mail: ClaimedMail;
  /**
   * The attempt before this one, when it was claimed and never marked (its sender died between the
   * claim and the mark, or lost SES's answer): whether it reached SES must be found out before sending.
   */
  unconfirmedAttempt?: string;
}

/**
 * Takes the lease on a mail to send it: a conditional update that holds only while the mail is
 * unsent (in the outbox's due index) and nobody holds a live lease, so of two senders only one gets
 * it. The claim marks the mail `sending` with a fresh attempt id, which goes out with the mail (a
 * header), so a later sender can ask whether that attempt arrived. Undefined: sent already, held,
 * or another sender has it.
 */
export async function claimMail(id: string, now: Date, attemptId: string): Promise<Claim | undefined> {
  try {
    const claimed = await documents().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.mail(id),
        UpdateExpression:
          'SET leaseUntil = :lease, attempts = attempts + :one, #status = :sending, attemptId = :attempt, attemptAt = :now',
        ConditionExpression: 'gsi1pk = :outbox AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':lease': new Date(now.getTime() + leaseMs).toISOString(),
          ':now': now.toISOString(),
          ':one': 1,
          ':sending': 'sending',
          ':attempt': attemptId,
          ':outbox': keys.outboxDue,
        },
        // The state before the claim: whether an earlier attempt was left unconfirmed.
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = claimed.Attributes as ClaimedMail & { status: MailStatus; attemptId?: string };
    const { status, attemptId: previous, ...mail } = before;
    return {
      mail: { ...(mail as ClaimedMail), attempts: before.attempts + 1 },
      ...(status === 'sending' && previous ? { unconfirmedAttempt: previous } : {}),
    };
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** When a sent mail's text and HTML are dropped: `mailBodyDays` after sending (the profile's retention). */
export const bodyDropAt = (sentAt: Date, mailBodyDays: number) =>
  new Date(sentAt.getTime() + mailBodyDays * 86_400_000);

export interface SentMark {
  /** It was sent again after an attempt whose fate could not be known (see app/outbox.ts). */
  possibleDuplicate?: boolean;
  /** The mail's `pseudonymOnceSent`: the record keeps this address, without body and indexes. */
  pseudonym?: string;
}

/**
 * The mail went out: it leaves the due index for the index of bodies to drop (gsi1 `MAIL_BODIES`,
 * by the drop date), its lease and sealed link are dropped. A mail with a pseudonym keeps no
 * recipient and no body instead: it leaves every index (nothing is left to drop or to list by address).
 */
export async function markMailSent(
  id: string,
  now: Date,
  messageId: string,
  dropBodyAt: Date,
  mark: SentMark = {},
): Promise<void> {
  const set = ['#status = :sent', 'sentAt = :now', 'messageId = :mid'];
  const remove = ['leaseUntil', 'sealedLink'];
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':sent': 'sent', ':now': now.toISOString(), ':mid': messageId };
  if (mark.possibleDuplicate) {
    set.push('possibleDuplicate = :yes');
    values[':yes'] = true;
  }
  if (mark.pseudonym) {
    set.push('#to = :pseudonym');
    remove.push('pseudonymOnceSent', '#text', 'html', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk');
    Object.assign(names, { '#to': 'to', '#text': 'text' });
    values[':pseudonym'] = mark.pseudonym;
  } else {
    set.push('gsi1pk = :bodies', 'gsi1sk = :drop');
    Object.assign(values, { ':bodies': keys.mailBodiesDue, ':drop': keys.byTime(dropBodyAt, id) });
  }
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.mail(id),
      UpdateExpression: `SET ${set.join(', ')} REMOVE ${remove.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/**
 * Sending failed: the mail is due again at `retryAt`, with the (redacted) error, and its lease is
 * dropped. `answered`: SES answered with an error, so the attempt did not send; otherwise (no answer,
 * e.g. the connection dropped) the mail stays `sending` and the next sender checks the attempt first.
 */
export async function markMailFailed(
  id: string,
  retryAt: Date,
  error: string,
  answered: boolean,
): Promise<void> {
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.mail(id),
      UpdateExpression: `SET gsi1sk = :due, lastError = :err${answered ? ', #status = :pending' : ''} REMOVE leaseUntil`,
      ...(answered ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: {
        ':due': keys.byTime(retryAt, id),
        ':err': error,
        ...(answered ? { ':pending': 'pending' } : {}),
      },
    }),
  );
}

/**
 * Not sent, never to be: its address is marked (a permanent bounce or a complaint). The mail leaves
 * the due index, keeps why, and loses its text, HTML and sealed link (nothing will read them). An
 * erasure's confirmation (`erased`: its pseudonym and the address) also loses its recipient, as if it
 * had been sent, and the address's mark goes in the same transaction: it was the last item to hold
 * the erased address (core/retention.ts `erasureConfirmedKind`).
 */
export async function markMailSuppressed(
  id: string,
  now: Date,
  reason: string,
  erased?: { pseudonym: string; address: string },
): Promise<void> {
  const update = {
    TableName: config().TABLE_NAME,
    Key: keys.mail(id),
    UpdateExpression: `SET #status = :suppressed, suppressedAt = :now, suppressedBecause = :reason${
      erased ? ', #to = :pseudonym' : ''
    } REMOVE gsi1pk, gsi1sk, leaseUntil, sealedLink, #text, html${
      erased ? ', pseudonymOnceSent, gsi2pk, gsi2sk' : ''
    }`,
    ExpressionAttributeNames: {
      '#status': 'status',
      '#text': 'text',
      ...(erased ? { '#to': 'to' } : {}),
    },
    ExpressionAttributeValues: {
      ':suppressed': 'suppressed',
      ':now': now.toISOString(),
      ':reason': reason,
      ...(erased ? { ':pseudonym': erased.pseudonym } : {}),
    },
  };
  if (!erased) {
    await documents().send(new UpdateCommand(update));
    return;
  }
  await documents().send(
    new TransactWriteCommand({
      TransactItems: [
        { Update: update },
        { Delete: { TableName: config().TABLE_NAME, Key: keys.suppression(erased.address.toLowerCase()) } },
      ],
    }),
  );
}

/** Sent mails whose body is due to be dropped by `now`: a query on the sparse index, O(due). */
export async function mailBodiesDue(now: Date, limit: number): Promise<string[]> {
  const result = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :due',
      ExpressionAttributeValues: { ':pk': keys.mailBodiesDue, ':due': keys.upTo(now) },
      ProjectionExpression: 'id',
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => item.id as string);
}

/** Drops a sent mail's text and HTML; it leaves the index. Subject, recipient, times and status stay. */
export async function dropMailBody(id: string, now: Date): Promise<void> {
  try {
    await documents().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.mail(id),
        UpdateExpression: 'SET bodyDroppedAt = :now REMOVE #text, html, gsi1pk, gsi1sk',
        ConditionExpression: 'gsi1pk = :bodies',
        ExpressionAttributeNames: { '#text': 'text' },
        ExpressionAttributeValues: { ':now': now.toISOString(), ':bodies': keys.mailBodiesDue },
      }),
    );
  } catch (error) {
    // Another run dropped it first.
    if (!isConditionFailure(error)) throw error;
  }
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
  // A mail being sent is still on its way for the applicant.
  return (result.Items ?? []).map((item) =>
    item.status === 'sending' ? { ...item, status: 'pending' } : item,
  ) as MailSummary[];
}
