import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentOrder } from '../core/documents.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isTransactionConflict } from './errors.ts';
import * as keys from './keys.ts';
import type { TransactItem } from './sketches.ts';

/*
 * Documents as they were issued (the Votum letter, a meeting's minutes, the record of a circulation
 * decision). The change that issues one stores its order: the document's data as of that moment,
 * in the same transaction as the change.
 * The render-documents job (woken by the order's insert, see functions/jobs/jobs.ts) renders the
 * PDF once, stores the bytes and releases the mails that carry it, in one transaction. From then on
 * the document is read back byte for byte: what the applicant got by mail is what the portal
 * shows later, whatever changes in the layout, the texts or the profile since. Only that job holds
 * the PDF library; the functions that order or hand out documents stay small.
 */

export interface DocumentHead {
  fileName: string;
  contentType: 'application/pdf';
  /** When the document was issued: its date, and the PDF's creation date. */
  issuedAt: string;
}

/** A document to order: what it is, and what it is rendered from. */
export interface NewDocument {
  head: DocumentHead;
  order: DocumentOrder;
}

export interface IssuedDocument extends DocumentHead {
  bytes: Uint8Array;
}

/** An ordered document as the job finds it. */
export interface OrderedDocument extends DocumentHead {
  id: string;
  order: DocumentOrder;
  /** Outbox mails held until this document is there (they carry it as an attachment). */
  mailIds: string[];
}

/** The ids documents are stored under. */
export const documentIds = {
  /** The letter of a sketch's n-th Votum (1-based, as in `vota`). */
  votumLetter: (sketchId: string, n: number) => `votum-letter#${sketchId}#${n}`,
  minutes: (meetingId: string) => `minutes#${meetingId}`,
  /** The record of the circulation decision on a sketch in a vote. */
  circulationRecord: (sketchId: string, voteId: string) => `circulation-record#${sketchId}#${voteId}`,
  /** The dossier of a planned meeting (all sketches of its agenda), sent with the invitation. */
  dossier: (planId: string) => `dossier#${planId}`,
};

/** DynamoDB holds at most 400 KB an item; a document near that is a programming error, not input. */
const maxDocumentBytes = 300_000;

const table = () => config().TABLE_NAME;

/**
 * Orders a document (the put fails if one is there): part of the transaction that issues it. The
 * item sits in the sparse ordered-documents index until the job has rendered it.
 */
export function documentOrderItem(
  id: string,
  { head, order }: NewDocument,
  mailIds: readonly string[] = [],
): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.document(id),
        id,
        ...head,
        status: 'ordered',
        order,
        mailIds,
        gsi1pk: keys.documentsOrdered,
        gsi1sk: keys.byTime(head.issuedAt, id),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The documents waiting to be rendered, oldest first: a query on the sparse index. */
export async function orderedDocuments(limit: number): Promise<OrderedDocument[]> {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.documentsOrdered },
      Limit: limit,
    }),
  );
  return Items.map(({ id, fileName, contentType, issuedAt, order, mailIds }) => ({
    id,
    fileName,
    contentType,
    issuedAt,
    order,
    mailIds: mailIds ?? [],
  }));
}

/**
 * Stores a rendered document and releases the mails that wait for it, in one transaction. Answers
 * false when another run issued it first (the stream and the schedule may both wake the job).
 */
export async function issueDocument(
  ordered: OrderedDocument,
  bytes: Uint8Array,
  releaseMail: (mailId: string) => TransactItem,
): Promise<boolean> {
  if (bytes.byteLength > maxDocumentBytes)
    throw new RangeError(
      `document ${ordered.id} has ${bytes.byteLength} bytes, more than ${maxDocumentBytes}`,
    );
  try {
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.document(ordered.id),
              UpdateExpression: 'SET #status = :issued, bytes = :bytes REMOVE #order, gsi1pk, gsi1sk',
              ConditionExpression: '#status = :ordered',
              ExpressionAttributeNames: { '#status': 'status', '#order': 'order' },
              ExpressionAttributeValues: { ':issued': 'issued', ':ordered': 'ordered', ':bytes': bytes },
            },
          },
          ...ordered.mailIds.map(releaseMail),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isTransactionConflict(error, 0)) return false;
    throw error;
  }
}

/**
 * Counts a failed rendering on the order, so an operator sees how often it failed and why; after
 * `maxTries` failures the document is given up (status `failed`, out of the ordered index: no run
 * tries it again, the office is told when it asks for it). Answers whether it was given up.
 */
export async function recordRenderFailure(id: string, error: string, maxTries: number): Promise<boolean> {
  const { Attributes } = await documents().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.document(id),
      UpdateExpression: 'SET lastError = :error ADD failures :one',
      ConditionExpression: '#status = :ordered',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':error': error, ':one': 1, ':ordered': 'ordered' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (((Attributes?.failures as number | undefined) ?? 0) < maxTries) return false;
  await documents().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.document(id),
      UpdateExpression: 'SET #status = :failed REMOVE gsi1pk, gsi1sk',
      ConditionExpression: '#status = :ordered',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':failed': 'failed', ':ordered': 'ordered' },
    }),
  );
  return true;
}

/** Only a document's status (no bytes read): ordered, issued, failed, or undefined when not there. */
export async function documentStatus(id: string): Promise<string | undefined> {
  const { Item } = await documents().send(
    new GetCommand({
      TableName: table(),
      Key: keys.document(id),
      ProjectionExpression: '#status',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return Item?.status as string | undefined;
}

/** A document: issued (with its bytes), still being rendered, given up after its tries, or not there. */
export type StoredDocument =
  | ({ status: 'issued' } & IssuedDocument)
  | { status: 'ordered' }
  | { status: 'failed'; failures: number; lastError: string }
  | undefined;

export async function getDocument(id: string): Promise<StoredDocument> {
  const { Item } = await documents().send(new GetCommand({ TableName: table(), Key: keys.document(id) }));
  if (!Item) return undefined;
  if (Item.status === 'ordered') return { status: 'ordered' };
  if (Item.status === 'failed')
    return { status: 'failed', failures: Item.failures as number, lastError: Item.lastError as string };
  const { fileName, contentType, bytes, issuedAt } = Item as IssuedDocument;
  return { status: 'issued', fileName, contentType, bytes, issuedAt };
}
