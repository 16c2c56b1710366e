import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { InputError } from '../core/errors.ts';
import type { AuditEvent, SketchStatus } from '../core/lifecycle.ts';
import type { SketchInput } from '../core/sketch.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { keys } from './keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Sketch extends SketchInput {
  id: string;
  ownerEmail: string;
  status: SketchStatus;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  version: number;
}

const sketchFields = (item: Record<string, unknown>): Sketch => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...sketch } = item;
  return sketch as unknown as Sketch;
};

function sketchItem(sketch: Sketch) {
  return {
    ...keys.sketch(sketch.id),
    gsi1pk: keys.sketchesByStatus(sketch.status),
    gsi1sk: `${sketch.updatedAt}#${sketch.id}`,
    gsi2pk: keys.sketchesByOwner(sketch.ownerEmail),
    gsi2sk: `${sketch.createdAt}#${sketch.id}`,
    ...sketch,
  };
}

export function eventItem(event: AuditEvent, eventId: string): TransactItem {
  const TableName = config().TABLE_NAME;
  return { Put: { TableName, Item: { ...keys.sketchEvent(event.sketchId, event.at, eventId), ...event } } };
}

/**
 * Writes a new sketch with its audit event and whatever else must happen with it (the outbox mail)
 * in one transaction: all of it is stored, or none.
 */
export async function createSketch(sketch: Sketch, also: TransactItem[]): Promise<void> {
  const TableName = config().TABLE_NAME;
  await documents().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName, Item: sketchItem(sketch), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...also,
      ],
    }),
  );
}

export async function getSketch(id: string): Promise<Sketch | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: keys.sketch(id) }),
  );
  return Item ? sketchFields(Item) : undefined;
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && !Array.isArray(key)) return key;
  } catch {}
  throw new InputError('Die Seitenangabe (cursor) ist ungültig.', [
    { field: 'cursor', message: 'cursor: ungültig.' },
  ]);
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** Sketches in one state, newest change first, a page at a time (a query on gsi1, never a scan). */
export async function listSketchesByStatus(
  status: SketchStatus,
  limit: number,
  cursor?: string,
): Promise<Page<Sketch>> {
  const result = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: cursor ? decodeCursor(cursor) : undefined,
    }),
  );
  const next = result.LastEvaluatedKey;
  return {
    items: (result.Items ?? []).map(sketchFields),
    ...(next ? { cursor: Buffer.from(JSON.stringify(next)).toString('base64url') } : {}),
  };
}
