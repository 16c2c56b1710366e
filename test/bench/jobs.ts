import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { jobs } from '../../functions/jobs/jobs.ts';
import { keys } from '../../functions/store/keys.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { benchTable, type LocalStack } from './local.ts';
import { broken, median, notBuilt, type Row, row } from './results.ts';
import type { ScenarioContext } from './scenarios.ts';
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

/** Puts `count` outbox mails, due now, into the configured table: what a failed send leaves behind. */
export async function enqueueDueMails(count: number): Promise<void> {
  const { outboxItem } = await import('../../functions/mail/outbox.ts');
  const { documents } = await import('../../functions/platform/clients.ts');
  const createdAt = new Date(Date.now() - 60_000).toISOString();
  for (let i = 0; i < count; i += 1) {
    const put = outboxItem({
      id: randomUUID(),
      to: `faellig-${i}@example.org`,
      kind: 'sketch-submitted',
      sketchId: randomUUID(),
      createdAt,
      subject: 'Ihre Projektskizze ist eingegangen',
      text: 'Guten Tag,\n\nIhre Projektskizze ist eingegangen. '.repeat(8),
      html: `<p>${'Ihre Projektskizze ist eingegangen. '.repeat(12)}</p>`,
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

/** Fills a table with a realistic mix of items: sent mails, sketches, audit events, mails due later. */
async function seed(client: DynamoDBDocumentClient, table: string, size: number): Promise<void> {
  const now = Date.now();
  const later = new Date(now + 3600_000).toISOString();
  const earlier = new Date(now - 86_400_000).toISOString();
  const text = 'Guten Tag, vielen Dank für Ihre Projektskizze. '.repeat(12);
  const item = (i: number): Record<string, unknown> => {
    const id = randomUUID();
    const kind = i % 50;
    if (kind === 0) {
      // A mail whose send failed: due again in an hour, so it is in the outbox index but not due.
      return {
        ...keys.mail(id),
        id,
        to: `later-${i}@example.org`,
        kind: 'sketch-submitted',
        subject: 'Projektskizze',
        text,
        html: `<p>${text}</p>`,
        createdAt: earlier,
        status: 'pending',
        attempts: 3,
        gsi1pk: keys.outboxDue,
        gsi1sk: `${later}#${id}`,
      };
    }
    if (kind <= 20) {
      return {
        ...keys.mail(id),
        id,
        to: `sent-${i}@example.org`,
        kind: 'sketch-submitted',
        subject: 'Projektskizze',
        text,
        html: `<p>${text}</p>`,
        createdAt: earlier,
        status: 'sent',
        sentAt: earlier,
        attempts: 1,
        gsi2pk: `MAILTO#sent-${i}@example.org`,
        gsi2sk: `${earlier}#${id}`,
      };
    }
    if (kind <= 35) {
      return {
        ...keys.sketch(id),
        id,
        title: `Projektskizze ${i}`,
        organisation: 'Bildungswerk Weserbergland e. V.',
        contactName: 'Anna Musterfrau',
        contactEmail: 'anna@example.org',
        summary: text.slice(0, 300),
        ownerEmail: `owner-${i}@example.org`,
        status: 'submitted',
        createdAt: earlier,
        updatedAt: earlier,
        version: 1,
        gsi1pk: keys.sketchesByStatus('submitted'),
        gsi1sk: `${earlier}#${id}`,
        gsi2pk: keys.sketchesByOwner(`owner-${i}@example.org`),
        gsi2sk: `${earlier}#${id}`,
      };
    }
    return {
      ...keys.sketchEvent(id, earlier, randomUUID()),
      sketchId: id,
      transition: 'submit',
      from: 'draft',
      to: 'submitted',
      actor: `owner-${i}@example.org`,
      role: 'applicant',
      at: earlier,
    };
  };
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < size; i += 25) {
    batches.push(Array.from({ length: Math.min(25, size - i) }, (_, k) => item(i + k)));
  }
  const worker = async () => {
    for (let batch = batches.pop(); batch; batch = batches.pop()) {
      let pending: Record<string, unknown>[] = batch;
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
