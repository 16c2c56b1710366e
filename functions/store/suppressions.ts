import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Suppression } from '../core/mail-feedback.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';

/*
 * Addresses no more mail goes to (a permanent bounce or a complaint, functions/core/mail-feedback.ts):
 * one item per address, read by the outbox before each send and by the office's views of people.
 */

const table = () => config().TABLE_NAME;

/** Marks an address; a later event replaces the earlier one (the newest reason counts). */
export async function putSuppression(suppression: Suppression): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.suppression(suppression.address), ...suppression },
    }),
  );
}

export async function getSuppression(address: string): Promise<Suppression | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.suppression(address.toLowerCase()) }),
  );
  if (!Item) return undefined;
  const { address: stored, reason, detail, at } = Item as Suppression;
  return { address: stored, reason, detail, at };
}

/** The marks of several addresses at once (the seats, the admins), by address. */
export async function suppressionsOf(addresses: readonly string[]): Promise<Map<string, Suppression>> {
  const found = new Map<string, Suppression>();
  const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table()]: { Keys: unique.slice(i, i + 100).map((a) => keys.suppression(a)) },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await documents().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[table()] ?? []) {
        const { address, reason, detail, at } = item as Suppression;
        found.set(address, { address, reason, detail, at });
      }
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
}
