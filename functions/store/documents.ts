import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { keys } from './keys.ts';
import type { TransactItem } from './sketches.ts';

/*
 * Documents as they were issued: rendered once, in the transaction that issues them (the Votum
 * with its letter, a meeting with its minutes), and read back byte for byte whenever asked for.
 * What the applicant got by mail is what the portal shows later, whatever changes in the layout,
 * the texts or the profile since; and reading them needs no PDF library in the reading functions.
 */

export interface IssuedDocument {
  fileName: string;
  contentType: 'application/pdf';
  bytes: Uint8Array;
  issuedAt: string;
}

/** The ids documents are stored under. */
export const documentIds = {
  /** The letter of a sketch's n-th Votum (1-based, as in `vota`). */
  votumLetter: (sketchId: string, n: number) => `votum-letter#${sketchId}#${n}`,
  minutes: (meetingId: string) => `minutes#${meetingId}`,
};

/** DynamoDB holds at most 400 KB an item; a document near that is a programming error, not input. */
const maxDocumentBytes = 300_000;

const table = () => config().TABLE_NAME;

/** Stores a document once (the put fails if one is there): part of the transaction that issues it. */
export function documentItem(id: string, document: IssuedDocument): TransactItem {
  if (document.bytes.byteLength > maxDocumentBytes)
    throw new RangeError(
      `document ${id} has ${document.bytes.byteLength} bytes, more than ${maxDocumentBytes}`,
    );
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.document(id), ...document },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getDocument(id: string): Promise<IssuedDocument | undefined> {
  const { Item } = await documents().send(new GetCommand({ TableName: table(), Key: keys.document(id) }));
  if (!Item) return undefined;
  const { fileName, contentType, bytes, issuedAt } = Item as IssuedDocument;
  return { fileName, contentType, bytes, issuedAt };
}
