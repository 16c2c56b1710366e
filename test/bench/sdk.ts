import { randomBytes, randomUUID } from 'node:crypto';
import * as dynamodbCommands from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as s3Commands from '@aws-sdk/client-s3';
import { S3Client } from '@aws-sdk/client-s3';
import * as sesv2Commands from '@aws-sdk/client-sesv2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bytesFromJson, replayJson } from './replay-json.ts';

/*
 * What the functions ask of AWS, seen from inside the process: a middleware on the AWS SDK clients'
 * middleware stacks (the instances from functions/platform/clients.ts) asks DynamoDB for
 * ReturnConsumedCapacity on every data command, sums what it answers, counts any Scan, and keeps a
 * copy of each call so a baseline can replay exactly these calls with a bare SDK client.
 */

export type ClientName = 'dynamodb' | 'sesv2' | 's3';

export interface SdkCall {
  client: ClientName;
  command: string;
  /** The input as it went over the wire (DocumentClient inputs already marshalled). */
  input: Record<string, unknown>;
  /** Capacity units DynamoDB reported, split by whether the command reads or writes. */
  read: number;
  write: number;
  /** Items DynamoDB looked at: ScannedCount of queries, found items of gets. */
  itemsRead: number;
  /** The error's name, when the call failed (a failed condition reports no capacity). */
  error?: string;
  /**
   * Calls of one wave were in flight together (the handler sent them side by side, as with
   * Promise.all); a wave starts when no call is in flight. A replay sends each wave's calls
   * together and the waves one after the other, as the handler did.
   */
  wave: number;
  /**
   * Not sent: an S3 URL or POST form the handler signed (no request, but the signing and the
   * client's configuration cost the same in the baseline).
   */
  presign?: 'url' | 'post';
}

const readCommands = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'TransactGetItemsCommand',
]);
const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);
const capacityCommands = new Set([
  ...readCommands,
  ...writeCommands,
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
]);

type Handler = (args: { input: object }) => Promise<{ output: unknown }>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface Stacked {
  middlewareStack: {
    add(middleware: Middleware, options: { step: string; priority: string; name: string }): void;
  };
}

function capacityUnits(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: unknown } | undefined)?.ConsumedCapacity;
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce(
    (sum: number, c: { CapacityUnits?: number }) => sum + (Number(c?.CapacityUnits) || 0),
    0,
  );
}

function itemsRead(command: string, output: unknown): number {
  const o = (output ?? {}) as {
    ScannedCount?: number;
    Item?: unknown;
    Responses?: unknown[] | Record<string, unknown[]>;
  };
  if (command === 'QueryCommand' || command === 'ScanCommand') return o.ScannedCount ?? 0;
  if (command === 'GetItemCommand') return o.Item ? 1 : 0;
  if (Array.isArray(o.Responses)) return o.Responses.length;
  if (o.Responses) return Object.values(o.Responses).reduce((sum, list) => sum + list.length, 0);
  return 0;
}

export class SdkRecorder {
  /** Scan commands sent by the functions during the whole run: the target is none, anywhere. */
  scans = 0;
  scanTables: string[] = [];
  private current: SdkCall[] | undefined;
  /** Off while a timed request is recorded: it then sends exactly what production sends. */
  private askCapacity = true;
  private inFlight = 0;
  private wave = 0;

  /** Starts keeping calls (one operation at a time: the windows are never overlapped). */
  start({ askCapacity = true } = {}): void {
    this.askCapacity = askCapacity;
    this.current = [];
    this.wave = 0;
  }

  /** A call is sent: the wave it belongs to (a new one when nothing else is in flight). */
  private sent(): number {
    if (this.inFlight === 0) this.wave += 1;
    this.inFlight += 1;
    return this.wave;
  }

  stop(): SdkCall[] {
    const calls = this.current ?? [];
    this.current = undefined;
    return calls;
  }

  /** A call came back: kept when it was sent while calls were being kept. */
  private answered(call: SdkCall | undefined): void {
    this.inFlight -= 1;
    if (call) this.current?.push(call);
  }

  /**
   * Adds the middlewares to a DynamoDB client's stack (a DocumentClient shares it): one asks for
   * ReturnConsumedCapacity while calls are being kept (so timed runs send what production sends),
   * one after serialisation sees the input as it went over the wire (DocumentClient inputs are
   * marshalled just before the serializer) and what DynamoDB answered.
   */
  instrumentDynamo(client: object): void {
    const stack = (client as Stacked).middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? 'unknown';
        if (this.current && this.askCapacity && capacityCommands.has(command)) {
          return next({ ...args, input: { ...args.input, ReturnConsumedCapacity: 'TOTAL' } });
        }
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'votumBenchAskCapacity' },
    );
    stack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? 'unknown';
        const { ReturnConsumedCapacity: _asked, ...input } = args.input as Record<string, unknown>;
        if (command === 'ScanCommand') {
          this.scans += 1;
          this.scanTables.push(String(input.TableName));
        }
        const kept = this.current ? (structuredClone(input) as Record<string, unknown>) : undefined;
        const wave = this.sent();
        let result: Awaited<ReturnType<Handler>>;
        try {
          result = await next(args);
        } catch (error) {
          const name = (error as Error).name;
          this.answered(
            kept && {
              client: 'dynamodb',
              command,
              input: kept,
              read: 0,
              write: 0,
              itemsRead: 0,
              error: name,
              wave,
            },
          );
          throw error;
        }
        const units = capacityUnits(result.output);
        this.answered(
          kept && {
            client: 'dynamodb',
            command,
            input: kept,
            read: readCommands.has(command) ? units : 0,
            write: readCommands.has(command) ? 0 : units,
            itemsRead: itemsRead(command, result.output),
            wave,
          },
        );
        return result;
      },
      { step: 'build', priority: 'high', name: 'votumBenchCapacity' },
    );
  }

  /**
   * Keeps SES and S3 calls too, so the baseline replays the mail a route sends and the files it reads,
   * copies and deletes. A presigned URL (made through a copy of the stack) and a presigned POST form
   * (made from the client's configuration, no stack: seen as credentials asked for outside any
   * request) are kept as presigns: not requests, but the baseline signs them too.
   */
  instrument(client: object, name: Exclude<ClientName, 'dynamodb'>): void {
    let sending = 0;
    /** A call of this client as kept: no capacity, no table items. */
    const kept = (
      command: string,
      input: Record<string, unknown>,
      wave: number,
      more: Partial<SdkCall> = {},
    ) => ({ client: name, command, input, read: 0, write: 0, itemsRead: 0, wave, ...more }) satisfies SdkCall;
    (client as Stacked).middlewareStack.add(
      (next, context) => async (args) => {
        const input = this.current ? (structuredClone(args.input) as Record<string, unknown>) : undefined;
        const command = context.commandName ?? 'unknown';
        const wave = this.sent();
        let result: Awaited<ReturnType<Handler>>;
        try {
          result = await next(args);
        } catch (error) {
          this.answered(input && kept(command, input, wave, { error: (error as Error).name }));
          throw error;
        }
        const presigned = (result.output as { presigned?: unknown } | undefined)?.presigned !== undefined;
        this.answered(input && kept(command, input, wave, presigned ? { presign: 'url' } : {}));
        return result;
      },
      { step: 'build', priority: 'high', name: `votumBench-${name}` },
    );
    if (name !== 's3') return;
    // Outermost, so that asking for credentials anywhere in a request's stack counts as in a request.
    (client as Stacked).middlewareStack.add(
      (next) => async (args) => {
        sending += 1;
        try {
          return await next(args);
        } finally {
          sending -= 1;
        }
      },
      { step: 'initialize', priority: 'high', name: 'votumBench-s3-sending' },
    );
    // The config's setter would memoise a new provider: wrap the one it holds, behind a getter.
    const config = (client as { config: object }).config;
    const credentials = (config as { credentials: (...args: unknown[]) => Promise<unknown> }).credentials;
    const presignedPost = async (...args: unknown[]) => {
      if (sending === 0 && this.current) {
        const wave = this.sent();
        this.answered(
          kept('PutObjectCommand', { Bucket: 'presigned-post', Key: randomUUID() }, wave, {
            presign: 'post',
          }),
        );
      }
      return credentials(...args);
    };
    Object.defineProperty(config, 'credentials', { get: () => presignedPost, configurable: true });
  }
}

export function sum(calls: readonly SdkCall[], field: 'read' | 'write' | 'itemsRead'): number {
  return calls.reduce((total, call) => total + call[field], 0);
}

export function describeCalls(calls: ReadonlyArray<Pick<SdkCall, 'command' | 'error' | 'presign'>>): string {
  return calls
    .map((c) => {
      const name = `${c.command.replace(/Command$/, '')}${c.error ? `(${c.error})` : ''}`;
      return c.presign ? `presign(${c.presign === 'post' ? 'POST' : name})` : name;
    })
    .join(' ');
}

const idPatterns: Array<[RegExp, () => string]> = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, () => randomUUID()],
  // Hashes Powertools idempotency keys its records on (md5, as hex or base64).
  [/\b[0-9a-f]{32}\b/g, () => randomBytes(16).toString('hex')],
  [/[A-Za-z0-9+/]{22}==/g, () => randomBytes(16).toString('base64')],
  // The hashes sign-in tokens and sessions are stored under (32 bytes as base64url).
  [/(?<![\w-])[\w-]{43}(?![\w-])/g, () => randomBytes(32).toString('base64url')],
];

/** What a replay sends of a recorded call. */
export type ReplayCall = Pick<SdkCall, 'client' | 'command' | 'input' | 'wave' | 'presign'>;

/** The calls in their waves: the calls of each wave were sent together, the waves in turn. */
export function inWaves<T extends { wave: number }>(calls: readonly T[]): T[][] {
  const waves: T[][] = [];
  for (const call of calls) {
    const last = waves.at(-1);
    if (last && last[0]?.wave === call.wave) last.push(call);
    else waves.push([call]);
  }
  return waves;
}

/** The items a call creates (PutItem, the Puts of a transaction or a batch). */
function createdItems(call: Pick<SdkCall, 'command' | 'input'>): unknown[] {
  const input = call.input as {
    Item?: unknown;
    TransactItems?: Array<{ Put?: { Item?: unknown } }>;
    RequestItems?: Record<string, Array<{ PutRequest?: { Item?: unknown } }>>;
  };
  if (call.command === 'PutItemCommand') return [input.Item];
  if (call.command === 'TransactWriteItemsCommand')
    return (input.TransactItems ?? []).map((t) => t.Put?.Item);
  if (call.command === 'BatchWriteItemCommand') {
    return Object.values(input.RequestItems ?? {}).flatMap((list) => list.map((r) => r.PutRequest?.Item));
  }
  return [];
}

/**
 * The ids the calls create (UUIDs, and the hashes Powertools idempotency keys on), in the order they
 * first appear, each with a maker of a new one like it: two preparations of the same work create
 * the same structure, so their lists pair each id of one with its counterpart in the other
 * (`preparedSubjects`); a replay gives each a new one (`freshen`).
 */
export function createdIds(calls: readonly Pick<SdkCall, 'command' | 'input'>[]): Map<string, () => string> {
  const ids = new Map<string, () => string>();
  for (const call of calls)
    for (const item of createdItems(call)) {
      const text = JSON.stringify(item ?? {});
      for (const [pattern, fresh] of idPatterns)
        for (const id of text.match(pattern) ?? []) if (!ids.has(id)) ids.set(id, fresh);
    }
  return ids;
}

/**
 * Which id of the work prepared for the recorded run stands for which of work prepared again: a
 * job's replay then changes the fresh vote, mail or deadline as the recorded run changed its own,
 * instead of failing on the spent one. Paired from the end: a preparation first lets a run take
 * what is due (which creates a digest mail or not, depending on what earlier sections left), then
 * enqueues its work, so the work's ids are the last it created.
 */
export function preparedSubjects(
  recorded: readonly Pick<SdkCall, 'command' | 'input'>[],
  fresh: readonly Pick<SdkCall, 'command' | 'input'>[],
): Map<string, string> {
  const [from, to] = [[...createdIds(recorded).keys()].reverse(), [...createdIds(fresh).keys()].reverse()];
  return new Map(from.slice(0, to.length).map((id, i) => [id, to[i] as string]));
}

/** `text` with every occurrence of each key of `swaps` replaced by its value, in the map's order. */
const swapEach = (text: string, swaps: ReadonlyMap<string, string>): string =>
  [...swaps].reduce((result, [from, to]) => result.split(from).join(to), text);

/**
 * The same calls, except that the ids of the items they create (UUIDs, and the hashes Powertools
 * idempotency keys on) are new ones, mapped consistently within one replay: replayed
 * creations succeed as the original did, and reads of existing items still find them.
 * `subjects` maps ids the route was called with (the sketch, the attachment) to those of another
 * freshly prepared subject in the same state, so a replayed change of it (a conditional write on
 * its version, a copy of its uploaded file) succeeds as the original did, instead of failing on
 * the spent original or on an id that does not exist. `literals` are keys no id pattern finds (a
 * funding period's years, an admin's address: `Scenario.subjects`), swapped wherever they occur.
 */
export function freshen(
  calls: readonly SdkCall[],
  subjects: ReadonlyMap<string, string> = new Map(),
  literals: ReadonlyMap<string, string> = new Map(),
): ReplayCall[] {
  const ids = new Map(subjects);
  for (const [id, fresh] of createdIds(calls)) if (!ids.has(id)) ids.set(id, fresh());
  const swap = (text: string) =>
    swapEach(
      idPatterns.reduce((result, [pattern]) => result.replace(pattern, (id) => ids.get(id) ?? id), text),
      literals,
    );
  return calls.map(({ client, command, input, wave, presign }) => ({
    client,
    command,
    input: JSON.parse(swap(replayJson(input)), bytesFromJson) as Record<string, unknown>,
    wave,
    ...(presign ? { presign } : {}),
  }));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which subject ids of one call stand for which of another call of the same route: the path
 * parameters, and the ids (UUIDs) at the same place in the two bodies (the sketches a vote is
 * opened on, the sketches a meeting decides).
 */
export function subjectMap(
  recorded: { pathParameters?: Record<string, string>; body?: unknown },
  fresh: { pathParameters?: Record<string, string>; body?: unknown },
): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(recorded.pathParameters ?? {})) {
    const other = fresh.pathParameters?.[name];
    if (other !== undefined && other !== value) map.set(value, other);
  }
  const walk = (a: unknown, b: unknown): void => {
    if (typeof a === 'string' && typeof b === 'string') {
      if (a !== b && uuid.test(a) && uuid.test(b)) map.set(a, b);
    } else if (Array.isArray(a) && Array.isArray(b)) {
      for (const [i, item] of a.entries()) walk(item, b[i]);
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const [key, value] of Object.entries(a)) walk(value, (b as Record<string, unknown>)[key]);
    }
  };
  walk(recorded.body, fresh.body);
  return map;
}

type CommandClass = new (input: Record<string, unknown>) => object;
const commandModules: Record<ClientName, Record<string, unknown>> = {
  dynamodb: dynamodbCommands,
  sesv2: sesv2Commands,
  s3: s3Commands,
};

/** Signs what the handler signed: a GET URL or a POST form (as the attachments store asks, 5 minutes). */
async function presign(s3: S3Client, call: ReplayCall): Promise<void> {
  const { Bucket, Key } = call.input as { Bucket: string; Key: string };
  if (call.presign === 'post')
    await createPresignedPost(s3, {
      Bucket,
      Key,
      Conditions: [['content-length-range', 1, 1000]],
      Expires: 300,
    });
  else await getSignedUrl(s3, new s3Commands.GetObjectCommand({ Bucket, Key }), { expiresIn: 300 });
}

/**
 * A vote's trail head is written on condition that it still has the hash and length the handler
 * read (functions/store/trail.ts). A replay on another vote (a twin kept in step) names the
 * recorded vote's hash, which the other chain does not have. Reads each such head of the replay's
 * vote (`ids` maps the recorded vote to it) and answers the recorded hash → the other vote's, to
 * swap like a literal key; the length matches while the votes are kept in step.
 */
export async function trailHeadSwaps(
  client: DynamoDBClient,
  calls: readonly Pick<SdkCall, 'command' | 'input'>[],
  ids: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  type Value = { S?: string };
  type Put = {
    TableName?: string;
    Item?: Record<string, Value>;
    ConditionExpression?: string;
    ExpressionAttributeValues?: Record<string, Value>;
  };
  const swaps = new Map<string, string>();
  for (const call of calls) {
    if (call.command !== 'TransactWriteItemsCommand') continue;
    for (const { Put: put } of (call.input as { TransactItems?: { Put?: Put }[] }).TransactItems ?? []) {
      const read = put?.ExpressionAttributeValues?.[':h']?.S;
      const pk = put?.Item?.pk?.S;
      const sk = put?.Item?.sk?.S;
      if (!put?.ConditionExpression?.includes('#h = :h') || !read || !pk || !sk) continue;
      const other = swapEach(pk, ids);
      if (other === pk) continue;
      const { Item } = await client.send(
        new dynamodbCommands.GetItemCommand({
          TableName: put.TableName,
          Key: { pk: { S: other }, sk: { S: sk } },
          ConsistentRead: true,
        }),
      );
      const hash = Item?.hash?.S;
      if (hash && hash !== read) swaps.set(read, hash);
    }
  }
  return swaps;
}

/** Bare SDK clients (no middleware of ours) that replay recorded calls: the raw cost of a route's I/O. */
export class RawReplayer {
  readonly dynamo = new DynamoDBClient({ maxAttempts: 3 });
  readonly ses = new SESv2Client({ maxAttempts: 1 });
  readonly s3 = new S3Client({ maxAttempts: 3, forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });

  /** Sends the calls wave by wave, a wave's calls together; returns the failures (`command error`). */
  async replay(calls: readonly ReplayCall[]): Promise<string[]> {
    const failed: string[] = [];
    for (const wave of inWaves(calls)) await Promise.all(wave.map((call) => this.send(call, failed)));
    return failed;
  }

  private async send(call: ReplayCall, failed: string[]): Promise<void> {
    if (call.presign) {
      await presign(this.s3, call);
      return;
    }
    const Command = commandModules[call.client][call.command] as CommandClass | undefined;
    if (!Command) throw new Error(`cannot replay ${call.client} ${call.command}`);
    const client = (call.client === 'dynamodb'
      ? this.dynamo
      : call.client === 's3'
        ? this.s3
        : this.ses) as unknown as {
      send(command: object): Promise<{ Body?: { transformToByteArray(): Promise<Uint8Array> } }>;
    };
    try {
      const output = await client.send(new Command(call.input));
      // A file read is read to the end, as the handler reads it.
      await output.Body?.transformToByteArray();
    } catch (error) {
      failed.push(`${call.command} ${(error as Error).name}`);
    }
  }

  destroy(): void {
    this.dynamo.destroy();
    this.ses.destroy();
    this.s3.destroy();
  }
}

/**
 * The items a DynamoDB call touches, as the data model counts them: a Get or a write one item
 * (found or not: a Get of a missing item is still a request DynamoDB bills), a Query or Scan every
 * item it scanned and at least one (an empty Query is billed too), a batch or transaction each item
 * it names. SES and S3 calls touch no table item.
 */
export function touchedItems(call: Pick<SdkCall, 'client' | 'command' | 'input' | 'itemsRead'>): {
  read: number;
  write: number;
} {
  if (call.client !== 'dynamodb') return { read: 0, write: 0 };
  const input = call.input as {
    TransactItems?: unknown[];
    RequestItems?: Record<string, unknown[] | { Keys?: unknown[] }>;
  };
  switch (call.command) {
    case 'GetItemCommand':
      return { read: 1, write: 0 };
    case 'QueryCommand':
    case 'ScanCommand':
      return { read: Math.max(1, call.itemsRead), write: 0 };
    case 'BatchGetItemCommand':
      return {
        read: Object.values(input.RequestItems ?? {}).reduce(
          (n, r) => n + ((r as { Keys?: unknown[] }).Keys?.length ?? 0),
          0,
        ),
        write: 0,
      };
    case 'TransactGetItemsCommand':
      return { read: input.TransactItems?.length ?? 0, write: 0 };
    case 'TransactWriteItemsCommand':
      return { read: 0, write: input.TransactItems?.length ?? 0 };
    case 'BatchWriteItemCommand':
      return {
        read: 0,
        write: Object.values(input.RequestItems ?? {}).reduce(
          (n, r) => n + (Array.isArray(r) ? r.length : 0),
          0,
        ),
      };
    default:
      return { read: 0, write: 1 };
  }
}

/** A key as a reader of the table sees it: ids and hashes left out (`SKETCH#…/VERSION#0001`). */
function shownKey(key: unknown): string {
  const attributes = (key ?? {}) as Record<string, { S?: string; N?: string }>;
  const named =
    'pk' in attributes ? [attributes.pk, attributes.sk].filter(Boolean) : Object.values(attributes);
  const values = named.map((v) => v?.S ?? v?.N ?? '?');
  return values
    .join('/')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '…')
    .replace(/[\w+/=-]{32,}/g, '…')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '…');
}

/** One DynamoDB call as its note shows it: command, the key(s) or key condition, items touched. */
export function describeTouch(
  call: Pick<SdkCall, 'client' | 'command' | 'input' | 'itemsRead' | 'error'>,
): string {
  const name = call.command.replace(/Command$/, '').replace(/Item$/, '');
  if (call.client !== 'dynamodb') return `${call.client} ${name}`;
  const input = call.input as {
    Key?: unknown;
    Item?: unknown;
    IndexName?: string;
    ExpressionAttributeValues?: Record<string, { S?: string }>;
    TransactItems?: Array<Record<string, { Key?: unknown; Item?: unknown }>>;
  };
  const { read, write } = touchedItems(call);
  const n = read + write;
  let what = '';
  if (input.Key || input.Item) what = shownKey(input.Key ?? input.Item);
  else if (call.command === 'QueryCommand')
    what = `${input.IndexName ? `${input.IndexName} ` : ''}${Object.values(
      input.ExpressionAttributeValues ?? {},
    )
      .map((v) => shownKey({ v }))
      .join(' ')}`;
  else if (input.TransactItems)
    what = input.TransactItems.map((t) => {
      const [kind, body] = Object.entries(t)[0] ?? ['?', {}];
      return `${kind} ${shownKey(body.Key ?? body.Item)}`;
    }).join(', ');
  return `${name}(${what})${n === 1 ? '' : ` ${n}`}${call.error ? ` ${call.error}` : ''}`;
}
