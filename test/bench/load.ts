import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/store/keys.ts';
import { benchTable, send, uniqueEmail } from './local.ts';
import { median, notBuilt, percentile, type Row, row } from './results.ts';
import { type ScenarioContext, submitCall } from './scenarios.ts';

/*
 * load.submit: 50 signed-in applicants submit at once, through the local adapter, a fixed number
 * of sketches each (bounded, loopback only). Errors are answers other than 201; lost are sketches
 * answered 201 that are then missing from the table, or whose confirmation mail is missing from the
 * outbox. Throughput is compared with the bare adapter under the same 50 concurrent callers.
 */

interface Round {
  seconds: number;
  requests: number;
  latencies: number[];
  errors: string[];
  accepted: Array<{ owner: string; id: string }>;
}

async function queryAll(index: string, key: string, value: string): Promise<Array<Record<string, unknown>>> {
  const { documents } = await import('../../functions/platform/clients.ts');
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(
      new QueryCommand({
        TableName: benchTable,
        IndexName: index,
        KeyConditionExpression: `${key} = :v`,
        ExpressionAttributeValues: { ':v': value },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function loadRows(
  context: ScenarioContext,
  options: { concurrency: number; perCaller: number; rounds: number },
): Promise<Row[]> {
  const { local } = context;
  if (!local.routes.submitSketch) {
    return [
      notBuilt('load.submit.errors', 'requests', '0', 'submitting sketches'),
      notBuilt('load.submit.lost', 'sketches', '0', 'submitting sketches'),
      notBuilt('load.submit.throughput', 'req/s', 'reported', 'submitting sketches'),
    ];
  }
  const applicants: Array<{ email: string; cookie: string }> = [];
  for (let i = 0; i < options.concurrency; i += 1) {
    const email = uniqueEmail(`last-${i}`);
    applicants.push({ email, cookie: await local.signIn(email) });
  }

  const round = async (base: string, real: boolean): Promise<Round> => {
    const result: Round = { seconds: 0, requests: 0, latencies: [], errors: [], accepted: [] };
    const started = performance.now();
    await Promise.all(
      applicants.map(async (applicant) => {
        for (let k = 0; k < options.perCaller; k += 1) {
          const begun = performance.now();
          try {
            const answer = await send(base, submitCall(applicant.cookie));
            const expected = real ? 201 : 200;
            if (answer.status !== expected) result.errors.push(String(answer.status));
            else if (real)
              result.accepted.push({
                owner: applicant.email,
                id: (JSON.parse(answer.text) as { id: string }).id,
              });
          } catch (error) {
            result.errors.push((error as Error).name);
          }
          result.latencies.push(performance.now() - begun);
          result.requests += 1;
        }
      }),
    );
    result.seconds = (performance.now() - started) / 1000;
    return result;
  };

  const real: Round[] = [];
  const bare: Round[] = [];
  for (let r = 0; r < options.rounds; r += 1) {
    if (r % 2 === 0) {
      real.push(await round(local.apiUrl, true));
      bare.push(await round(local.bareUrl, false));
    } else {
      bare.push(await round(local.bareUrl, false));
      real.push(await round(local.apiUrl, true));
    }
  }

  // Every accepted sketch must be stored, with its confirmation mail (sent, or waiting in the outbox).
  let lost = 0;
  let pendingMails = 0;
  const accepted = real.flatMap((r) => r.accepted);
  for (const applicant of applicants) {
    const mine = accepted.filter((a) => a.owner === applicant.email);
    if (mine.length === 0) continue;
    const stored = new Set(
      (await queryAll('gsi2', 'gsi2pk', keys.sketchesByOwner(applicant.email))).map(
        (item) => item.id as string,
      ),
    );
    // Outbox mails are indexed by recipient as MAILTO#<email> (functions/mail/outbox.ts).
    const mails = await queryAll('gsi2', 'gsi2pk', `MAILTO#${applicant.email}`);
    const mailed = new Set(
      mails.filter((m) => m.kind === 'sketch-submitted').map((m) => m.sketchId as string),
    );
    pendingMails += mails.filter((m) => m.kind === 'sketch-submitted' && m.status !== 'sent').length;
    for (const { id } of mine) if (!stored.has(id) || !mailed.has(id)) lost += 1;
  }

  const errors = real.flatMap((r) => r.errors);
  const tally = Object.entries(
    errors.reduce<Record<string, number>>((t, e) => {
      t[e] = (t[e] ?? 0) + 1;
      return t;
    }, {}),
  )
    .map(([what, n]) => `${n}× ${what}`)
    .join(', ');
  const latencies = real.flatMap((r) => r.latencies);
  const throughput = (r: Round) => r.requests / r.seconds;
  const total = real.reduce((n, r) => n + r.requests, 0);
  const shape = `${options.concurrency} concurrent callers × ${options.perCaller} submissions, ${options.rounds} rounds`;
  return [
    row({
      name: 'load.submit.errors',
      unit: 'requests',
      value: errors.length,
      baseline: null,
      target: '0',
      pass: errors.length === 0,
      note: `${total} submissions (${shape}); latency p50 ${Math.round(median(latencies))} ms, p99 ${Math.round(percentile(latencies, 99))} ms${tally ? `; ${tally}` : ''}`,
    }),
    row({
      name: 'load.submit.lost',
      unit: 'sketches',
      value: lost,
      baseline: null,
      target: '0',
      pass: lost === 0,
      note: `${accepted.length} answered 201, each checked in the table with its confirmation mail (${pendingMails} still in the outbox)`,
    }),
    row({
      name: 'load.submit.throughput',
      unit: 'req/s',
      value: median(real.map(throughput)),
      baseline: median(bare.map(throughput)),
      target: 'reported',
      pass: null,
      note: `median of ${options.rounds} rounds, interleaved with the bare adapter (${bare.flatMap((r) => r.errors).length} bare errors)`,
    }),
  ];
}
