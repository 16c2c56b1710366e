import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';

/**
 * The next number of the file references of `year`: one atomic ADD on the year's counter, so two
 * Vota written at once never get the same number. Taken before the Votum's transaction: should
 * that fail, its number stays unused (a gap in the file numbers, never a duplicate).
 */
export async function nextReferenceNumber(year: number): Promise<number> {
  const { Attributes } = await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.referenceCounter(year),
      UpdateExpression: 'ADD #n :one',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.n);
}
