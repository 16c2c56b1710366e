import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { InputError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { documents } from '../platform/clients.ts';

/**
 * Every item a query matches, following its pages to the end (a page stops at 1 MB whatever its
 * Limit): for the lists that must be whole (a vote's seats, a sketch's events or attachments).
 */
export async function queryAll<T = Record<string, unknown>>(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as T[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A page's cursor: the place of its last row in the list (its sort key, `keys.byTime` after `prefix`), base64url. */
const placeCursor = (place: string) => Buffer.from(place).toString('base64url');

/**
 * The first `limit` of `read`, newest first, with the cursor at the last one's place when `read`
 * held more than the page (a list reads one row beyond it, so no cursor leads to an empty page).
 */
export function pageFrom<T>(
  read: readonly T[],
  limit: number,
  placeOf: (row: T) => string,
): { items: T[]; cursor?: string } {
  const items = read.slice(0, limit);
  const last = items.at(-1);
  return read.length > limit && last ? { items, cursor: placeCursor(placeOf(last)) } : { items };
}

/**
 * The place a cursor names: `prefix`, then a time and an id as `keys.byTime` writes them. Anything
 * else is a 400 naming `cursor`, so a crafted cursor cannot make the query read another list.
 */
export function cursorPlace(cursor: string, prefix = ''): string {
  const place = Buffer.from(cursor, 'base64url').toString('utf8');
  if (
    !place.startsWith(prefix) ||
    !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[\w-]{1,100}$/.test(place.slice(prefix.length))
  )
    throw new InputError(httpMessages.cursorInvalid, [
      { field: 'cursor', message: httpMessages.cursorField },
    ]);
  return place;
}
