/*
 * Export and import of the local table: the restore drill of docs/operations.md, rehearsed on one
 * machine (in AWS the copy comes from point-in-time recovery or AWS Backup instead).
 *   node infra/local/table-backup.ts export backup.jsonl            # while `npm start` runs
 *   node infra/local/table-backup.ts import backup.jsonl votum-restored
 * One item a line in DynamoDB JSON, binary values in base64 (the format of DynamoDB's own export).
 * The import creates the table from the table definition when it is missing and refuses a table
 * that holds items: a restore goes into a new table, which is then swapped in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { ensureTable } from './table.ts';

type Item = Record<string, AttributeValue>;

/** Binary values as base64, so a line is plain JSON; everything else as DynamoDB writes it. */
function toJson(value: AttributeValue): unknown {
  if (value.B) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.L) return { L: value.L.map(toJson) };
  if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, toJson(v)])) };
  return value;
}

function fromJson(value: Record<string, unknown>): AttributeValue {
  if (typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') };
  if (Array.isArray(value.BS)) return { BS: (value.BS as string[]).map((b) => Buffer.from(b, 'base64')) };
  if (Array.isArray(value.L)) return { L: (value.L as Record<string, unknown>[]).map(fromJson) };
  if (value.M && typeof value.M === 'object')
    return {
      M: Object.fromEntries(
        Object.entries(value.M as Record<string, Record<string, unknown>>).map(([k, v]) => [k, fromJson(v)]),
      ),
    };
  return value as unknown as AttributeValue;
}

/** Every item of the table into `file`; answers how many. */
export async function exportTable(client: DynamoDBClient, tableName: string, file: string): Promise<number> {
  const lines: string[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? [])
      lines.push(JSON.stringify(Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toJson(v)]))));
    start = page.LastEvaluatedKey;
  } while (start);
  writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
  return lines.length;
}

/** The items of `file` into a new (or empty) table; answers how many. */
export async function importTable(client: DynamoDBClient, tableName: string, file: string): Promise<number> {
  await ensureTable(client, tableName);
  const present = await client.send(new ScanCommand({ TableName: tableName, Limit: 1 }));
  if ((present.Items ?? []).length > 0)
    throw new Error(`${tableName} holds items already: import into a new table, then swap it in`);
  const items: Item[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      Object.fromEntries(
        Object.entries(JSON.parse(line) as Record<string, Record<string, unknown>>).map(([k, v]) => [
          k,
          fromJson(v),
        ]),
      ),
    );
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Item } }[]> | undefined = {
      [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
  return items.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, file, tableName = 'votum-local'] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'import') || !file) {
    console.error(
      'usage: node infra/local/table-backup.ts export|import <file> [table, default votum-local]',
    );
    process.exit(2);
  }
  const client = new DynamoDBClient({
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? `http://127.0.0.1:${process.env.DYNAMO_PORT ?? 8000}`,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const count =
    command === 'export'
      ? await exportTable(client, tableName, file)
      : await importTable(client, tableName, file);
  console.log(
    `votum: ${command === 'export' ? 'exported' : 'imported'} ${count} items (${tableName} ↔ ${file})`,
  );
}
