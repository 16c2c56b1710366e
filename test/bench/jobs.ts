import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { jobs } from '../../functions/jobs/jobs.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { benchTable, type LocalStack } from './local.ts';
import { broken, median, notBuilt, type Row, row } from './results.ts';
import { completeSketch, type ScenarioContext } from './scenarios.ts';
import { type SdkCall, sum } from './sdk.ts';

/*
 * The jobs: how each is run for capacity.<job>, and jobs.scaling: a job's capacity, items read and
 * time with 10 due among many stored items ÷ 10 due among few. A job that reads only what is due
 * (a query on the sparse outbox index) costs the same however full the table is.
 */

type JobHandler = () => Promise<unknown>;

async function jobHandler(entry: string): Promise<JobHandler> {
  const module = (await import(new URL(`../../${entry}`, import.meta.url).href)) as { handler: JobHandler };
  return module.handler;
}

/** Puts `count` confirmation mails, due now, into the configured table: what a failed send leaves behind. */
export async function enqueueDueMails(count: number): Promise<void> {
  const { outboxItem } = await import('../../functions/mail/outbox.ts');
  const { sketchSubmittedMail } = await import('../../functions/mail/templates.de.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { profile, PUBLIC_URL } = config();
  const createdAt = new Date(Date.now() - 60_000).toISOString();
  const content = sketchSubmittedMail(profile, completeSketch(), { n: 1, at: createdAt }, PUBLIC_URL);
  for (let i = 0; i < count; i += 1) {
    const put = outboxItem({
      id: randomUUID(),
      to: `faellig-${i}@example.org`,
      kind: 'sketch-submitted',
      sketchId: randomUUID(),
      createdAt,
      ...content,
    }).Put;
    if (!put) throw new Error('outboxItem gave no Put');
    await documents().send(new PutCommand(put as ConstructorParameters<typeof PutCommand>[0]));
  }
}

export interface JobScenario {
  run(): Promise<unknown>;
  capacity: Array<{ suffix: string; what: string; prepare(context: ScenarioContext): Promise<void> }>;
}

export const jobScenarios: Record<string, JobScenario> = {
  sendOutbox: {
    run: async () => (await jobHandler(jobs.sendOutbox.entry))(),
    capacity: [
      { suffix: '', what: 'one due mail: claim, send, mark sent', prepare: () => enqueueDueMails(1) },
      {
        suffix: '.idle',
        what: 'nothing due: the run every minute costs this',
        prepare: async () => undefined,
      },
    ],
  },
};

/**
 * What a table holds after months of use, made by the same builders the handlers use (so keys,
 * index entries and sizes are the real ones): submitted sketches with their stored version, audit
 * events, their sent mails (full German text and HTML) and idempotency records; started drafts; and
 * one mail in 50 whose send failed and that is due again in an hour, so it sits in the outbox index
 * without being due. Yields items until `size` are made.
 */
async function* history(size: number): AsyncGenerator<Record<string, unknown>> {
  const { sketchPutItem, versionItem, eventItem } = await import('../../functions/store/sketches.ts');
  const { outboxItem } = await import('../../functions/mail/outbox.ts');
  const { draftCreatedMail, sketchSubmittedMail } = await import('../../functions/mail/templates.de.ts');
  const { sketchFacts } = await import('../../functions/core/sketch-doc.ts');
  const { auditEvent } = await import('../../functions/core/lifecycle.ts');
  const { config } = await import('../../functions/platform/config.ts');
  const { profile, PUBLIC_URL } = config();
  const sketch = completeSketch();
  const submittedMail = sketchSubmittedMail(
    profile,
    sketch,
    { n: 1, at: new Date().toISOString() },
    PUBLIC_URL,
  );
  const draftMail = draftCreatedMail(profile, PUBLIC_URL);
  const item = (put: { Put?: { Item?: Record<string, unknown> } }) => {
    if (!put.Put?.Item) throw new Error('a builder gave no Put');
    return put.Put.Item;
  };
  const sent = (mail: Record<string, unknown>, at: string) => {
    const { gsi1pk: _pk, gsi1sk: _sk, ...rest } = mail;
    return { ...rest, status: 'sent', sentAt: at, attempts: 1 };
  };
  const day = 86_400_000;
  const now = Date.now();
  let made = 0;
  for (let g = 0; made < size; g += 1) {
    const id = randomUUID();
    const owner = `owner-${g}@example.org`;
    const created = new Date(now - (60 + (g % 300)) * day).toISOString();
    const submitted = new Date(Date.parse(created) + 3 * day).toISOString();
    const items: Array<Record<string, unknown>> = [];
    const event = (transition: string, from: string | null, to: string, at: string) =>
      item(
        eventItem(
          auditEvent({
            sketchId: id,
            transition,
            from,
            to,
            actor: owner,
            role: 'applicant',
            at,
          } as Parameters<typeof auditEvent>[0]),
          randomUUID(),
        ),
      );
    const mail = (kind: string, content: typeof draftMail, at: string) =>
      sent(
        item(outboxItem({ id: randomUUID(), to: owner, kind, sketchId: id, createdAt: at, ...content })),
        at,
      );
    items.push(event('create', null, 'draft', created), mail('draft-created', draftMail, created));
    if (g % 4 === 3) {
      // A draft started and left: a few fields, no submission.
      const draft = { applicant: { contactEmail: owner }, project: { title: `Idee ${g}` } };
      items.push(
        item(
          sketchPutItem(
            {
              id,
              ownerEmail: owner,
              status: 'draft',
              version: 3,
              createdAt: created,
              updatedAt: created,
              draft,
              submissions: [],
              ...sketchFacts(draft),
            },
            0,
          ),
        ),
      );
    } else {
      items.push(
        item(
          sketchPutItem(
            {
              id,
              ownerEmail: owner,
              status: 'submitted',
              version: 12,
              createdAt: created,
              updatedAt: submitted,
              submittedAt: submitted,
              draft: sketch,
              submissions: [{ n: 1, submittedAt: submitted }],
              ...sketchFacts(sketch),
            },
            0,
          ),
        ),
        item(versionItem(id, 1, submitted, sketch)),
        event('submit', 'draft', 'submitted', submitted),
        mail('sketch-submitted', submittedMail, submitted),
        {
          // Powertools keeps every record of a function in one partition, keyed by the payload's hash.
          pk: 'idempotency#votum-submitSketch',
          sk: `votum-submitSketch#${randomUUID().replace(/-/g, '')}`,
          status: 'COMPLETED',
          expiresAt: Math.floor(Date.parse(submitted) / 1000) + 86_400,
          data: JSON.stringify({ id, status: 'submitted', version: 12 }),
        },
      );
    }
    if (g % 7 === 0) {
      // A confirmation whose send failed: due again in an hour, in the outbox index but not due.
      const later = item(
        outboxItem({
          id: randomUUID(),
          to: owner,
          kind: 'sketch-submitted',
          sketchId: id,
          createdAt: submitted,
          ...submittedMail,
        }),
      );
      items.push({
        ...later,
        attempts: 3,
        lastError: 'ServiceUnavailable',
        gsi1sk: `${new Date(now + 3_600_000).toISOString()}#${String(later.id)}`,
      });
    }
    for (const next of items) {
      if (made >= size) return;
      made += 1;
      yield next;
    }
  }
}

/** Fills a table with `size` items of `history`, 25 to a batch, 8 batches at a time. */
async function seed(client: DynamoDBDocumentClient, table: string, size: number): Promise<void> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  let batch: Array<Record<string, unknown>> = [];
  for await (const item of history(size)) {
    batch.push(item);
    if (batch.length === 25) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length) batches.push(batch);
  const worker = async () => {
    for (let next = batches.pop(); next; next = batches.pop()) {
      let pending: Record<string, unknown>[] = next;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 20) throw new Error(`seeding ${table}: DynamoDB Local kept items unprocessed`);
        const result = await client.send(
          new BatchWriteCommand({
            RequestItems: { [table]: pending.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
        pending = (result.UnprocessedItems?.[table] ?? []).map((r) => r.PutRequest?.Item ?? {});
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

interface JobRun {
  ms: number;
  capacity: number;
  itemsRead: number;
  sent: number;
}

async function useTable(table: string): Promise<void> {
  process.env.TABLE_NAME = table;
  const { resetConfig } = await import('../../functions/platform/config.ts');
  resetConfig();
}

export async function scalingRows(
  local: LocalStack,
  options: { small: number; large: number; repeats: number; due: number },
): Promise<Row[]> {
  const rows: Row[] = [];
  const target = '≤ 1.1';
  for (const [pattern, name, what] of [
    [/remind/i, 'jobs.scaling.reminders', 'the reminder job (issue: reminders before deadlines)'],
    [/close|deadline/i, 'jobs.scaling.close-votes', 'the job closing votes at their deadline'],
  ] as const) {
    const id = Object.keys(jobs).find((j) => pattern.test(j));
    rows.push(
      id
        ? broken(
            name,
            'ratio',
            target,
            `job ${id} is in the job table but test/bench/jobs.ts has no scaling scenario for it`,
          )
        : notBuilt(name, 'ratio', target, what),
    );
  }

  const raw = new DynamoDBClient({ maxAttempts: 10 });
  const documents = DynamoDBDocumentClient.from(raw);
  const tables = [
    { table: `${benchTable}-small`, size: options.small },
    { table: `${benchTable}-large`, size: options.large },
  ];
  const started = performance.now();
  for (const { table, size } of tables) {
    await ensureTable(raw, table);
    await seed(documents, table, size);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  const handler = await jobHandler(jobs.sendOutbox.entry);
  const measure = async (table: string): Promise<JobRun> => {
    await useTable(table);
    await enqueueDueMails(options.due);
    local.recorder.start();
    const begun = performance.now();
    let calls: SdkCall[] = [];
    let result: { sent?: number } = {};
    try {
      result = (await handler()) as { sent?: number };
    } finally {
      calls = local.recorder.stop();
    }
    return {
      ms: performance.now() - begun,
      capacity: sum(calls, 'read') + sum(calls, 'write'),
      itemsRead: sum(calls, 'itemsRead'),
      sent: result.sent ?? 0,
    };
  };
  const small: JobRun[] = [];
  const large: JobRun[] = [];
  try {
    await measure(tables[0]?.table ?? '');
    await measure(tables[1]?.table ?? '');
    for (let r = 0; r < options.repeats; r += 1) {
      if (r % 2 === 0) {
        small.push(await measure(tables[0]?.table ?? ''));
        large.push(await measure(tables[1]?.table ?? ''));
      } else {
        large.push(await measure(tables[1]?.table ?? ''));
        small.push(await measure(tables[0]?.table ?? ''));
      }
    }
  } finally {
    await useTable(benchTable);
    raw.destroy();
  }
  const unsent = [...small, ...large].filter((run) => run.sent !== options.due).length;
  const context = `send-outbox, ${options.due} due among ${options.large} stored ÷ among ${options.small}; median of ${options.repeats} interleaved runs; seeding took ${seedSeconds.toFixed(1)} s${unsent ? `; ${unsent} runs did not send all ${options.due} mails` : ''}`;
  const figure = (name: string, unit: string, pick: (run: JobRun) => number, note: string) => {
    const value = median(large.map(pick));
    const baseline = median(small.map(pick));
    const ratio = baseline === 0 ? (value === 0 ? 1 : Number.POSITIVE_INFINITY) : value / baseline;
    return row({
      name,
      unit,
      value,
      baseline,
      ratio,
      target,
      pass: ratio <= 1.1 && unsent === 0,
      note,
    });
  };
  rows.push(
    figure('jobs.scaling.send-outbox.capacity', 'RCU+WCU', (r) => r.capacity, context),
    figure(
      'jobs.scaling.send-outbox.items-read',
      'items',
      (r) => r.itemsRead,
      'ScannedCount of its queries + items got',
    ),
    figure(
      'jobs.scaling.send-outbox.time',
      'ms',
      (r) => r.ms,
      'wall time of one run of the handler, in-process',
    ),
  );
  return rows;
}
