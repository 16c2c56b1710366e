import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from '../../functions/store/keys.ts';
import { apiThrottle } from '../../infra/aws/throttle.ts';
import { retryDelay } from '../../web/src/lib/retry.ts';
import { routeCall } from './calls.ts';
import { benchTable, type HttpCall, send, uniqueEmail } from './local.ts';
import { inTurns, median, notBuilt, percentile, type Row, row } from './results.ts';
import { type Person, type ScenarioContext, startDraft, submitCall } from './scenarios.ts';

/*
 * load.submit: 50 signed-in applicants submit complete sketches at once, through the local adapter,
 * a fixed number each (bounded, loopback only). Each sketch is drafted first, outside the
 * measurement, as the form's autosave leaves it; the timed calls are the submissions. Errors are
 * answers other than 200; lost are sketches answered 200 that are not then submitted in the table
 * with their stored version, or whose confirmation mail is neither sent nor waiting in the outbox.
 * Throughput is compared with the bare adapter under the same 50 concurrent callers.
 */

interface Round {
  seconds: number;
  requests: number;
  latencies: number[];
  errors: string[];
  accepted: Array<{ owner: string; id: string }>;
}

async function queryAll(key: {
  index?: string;
  name: string;
  value: string;
}): Promise<Array<Record<string, unknown>>> {
  const { documents } = await import('../../functions/platform/clients.ts');
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(
      new QueryCommand({
        TableName: benchTable,
        ...(key.index ? { IndexName: key.index } : {}),
        KeyConditionExpression: `${key.name} = :v`,
        ExpressionAttributeValues: { ':v': key.value },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Runs `work` over `items` with at most `width` at a time. */
async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
    }),
  );
  return results;
}

/** Why a sketch answered 200 is not what a submitted sketch must be in the table, or undefined. */
function missing(items: Array<Record<string, unknown>>, mailed: boolean): string | undefined {
  const sketch = items.find((i) => i.sk === 'SKETCH');
  if (!sketch) return 'no sketch';
  if (sketch.status !== 'submitted') return `state ${String(sketch.status)}`;
  if (!items.some((i) => i.sk === 'VERSION#0001')) return 'no stored version';
  if (!mailed) return 'no confirmation mail';
  return undefined;
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
  const applicants: Person[] = [];
  for (let i = 0; i < options.concurrency; i += 1) {
    const email = uniqueEmail(`last-${i}`);
    applicants.push({ email, cookie: await local.signIn(email) });
  }

  /** Each applicant's drafts for one round, made before it starts (not timed). */
  const draftsFor = async () =>
    inParallel(applicants, 10, async (applicant) => {
      const drafts: HttpCall[] = [];
      for (let k = 0; k < options.perCaller; k += 1) {
        const draft = await startDraft(local, applicant.cookie);
        drafts.push(submitCall(applicant.cookie, draft.id, draft.version));
      }
      return drafts;
    });

  const round = async (base: string, calls: HttpCall[][], real: boolean): Promise<Round> => {
    const result: Round = { seconds: 0, requests: 0, latencies: [], errors: [], accepted: [] };
    const started = performance.now();
    await Promise.all(
      applicants.map(async (applicant, a) => {
        for (const call of calls[a] ?? []) {
          const begun = performance.now();
          try {
            const answer = await send(base, call);
            if (answer.status !== 200) result.errors.push(String(answer.status));
            else if (real)
              result.accepted.push({ owner: applicant.email, id: call.pathParameters?.id ?? '' });
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
  // The bare adapter answers any id: the same requests, to drafts that need not exist.
  const bareCalls = applicants.map((applicant) =>
    Array.from({ length: options.perCaller }, () => submitCall(applicant.cookie, randomUUID(), 1)),
  );
  let drafting = 0;
  for (let r = 0; r < options.rounds; r += 1) {
    const begun = performance.now();
    const calls = await draftsFor();
    drafting += (performance.now() - begun) / 1000;
    await inTurns(
      r,
      async () => real.push(await round(local.apiUrl, calls, true)),
      async () => bare.push(await round(local.bareUrl, bareCalls, false)),
    );
  }

  // Every accepted sketch must be submitted in the table, with its version and its confirmation mail.
  const lostWhy: Record<string, number> = {};
  let pendingMails = 0;
  const accepted = real.flatMap((r) => r.accepted);
  const byOwner = new Map<string, string[]>();
  for (const { owner, id } of accepted) byOwner.set(owner, [...(byOwner.get(owner) ?? []), id]);
  await inParallel([...byOwner], 10, async ([owner, ids]) => {
    // Outbox mails are indexed by recipient on gsi2 (functions/store/outbox.ts).
    const mails = (await queryAll({ index: 'gsi2', name: 'gsi2pk', value: keys.mailsTo(owner) })).filter(
      (m) => m.kind === 'sketch-submitted',
    );
    pendingMails += mails.filter((m) => m.status !== 'sent').length;
    const mailed = new Set(mails.map((m) => m.sketchId as string));
    for (const id of ids) {
      const why = missing(await queryAll({ name: 'pk', value: keys.sketch(id).pk }), mailed.has(id));
      if (why) lostWhy[why] = (lostWhy[why] ?? 0) + 1;
    }
  });
  const lost = Object.values(lostWhy).reduce((n, k) => n + k, 0);

  const tally = (list: readonly string[]) =>
    Object.entries(
      list.reduce<Record<string, number>>((t, e) => {
        t[e] = (t[e] ?? 0) + 1;
        return t;
      }, {}),
    )
      .map(([what, n]) => `${n}× ${what}`)
      .join(', ');
  const errors = real.flatMap((r) => r.errors);
  const latencies = real.flatMap((r) => r.latencies);
  const throughput = (r: Round) => r.requests / r.seconds;
  const total = real.reduce((n, r) => n + r.requests, 0);
  const shape = `${options.concurrency} concurrent applicants × ${options.perCaller} complete sketches, ${options.rounds} rounds`;
  return [
    row({
      name: 'load.submit.errors',
      unit: 'requests',
      value: errors.length,
      baseline: null,
      target: '0',
      pass: errors.length === 0,
      note: `${total} submissions (${shape}; drafting them beforehand took ${drafting.toFixed(1)} s, not timed); latency p50 ${Math.round(median(latencies))} ms, p99 ${Math.round(percentile(latencies, 99))} ms${errors.length ? `; ${tally(errors)}` : ''}`,
    }),
    row({
      name: 'load.submit.lost',
      unit: 'sketches',
      value: lost,
      baseline: null,
      target: '0',
      pass: lost === 0 && accepted.length === total - errors.length,
      note: `${accepted.length} answered 200, each checked in the table: state submitted, version 1 stored, confirmation mail sent or waiting (${pendingMails} still in the outbox)${lost ? `; lost: ${tally(Object.entries(lostWhy).flatMap(([why, n]) => Array(n).fill(why)))}` : ''}`,
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

/*
 * load.limit: the stage's throttle as API Gateway applies it (infra/aws/throttle.ts: a bucket of
 * `burstLimit` tokens refilled at `rateLimit` per second), enforced by the local adapter before any
 * handler runs. Within the limits (80 % of the burst, then 80 % of the rate) nobody is
 * refused; above them (twice the burst, then twice the rate) the surplus is answered 429, which is
 * expected; the same surplus sent by callers that retry as the web client does (web/src/lib/api.ts:
 * up to six retries, `retryDelay` from web/src/lib/retry.ts) all ends in 200. A cheap route
 * (the public profile) keeps the figure about the throttle, not about the machine's speed.
 */
const clientRetries = 6; // web/src/lib/api.ts `throttleRetries`

async function throttled(
  url: string,
  burst: number,
  rate: number,
  seconds: number,
  retry: boolean,
): Promise<{ ok: number; refused: number; other: string[]; attempts: number }> {
  const call = routeCall('getProfile', {});
  const result = { ok: 0, refused: 0, other: [] as string[], attempts: 0 };
  const one = async () => {
    for (let attempt = 0; ; attempt += 1) {
      result.attempts += 1;
      const answer = await send(url, call);
      if (answer.status === 429 && retry && attempt < clientRetries) {
        await new Promise((resolve) => setTimeout(resolve, retryDelay(null, attempt)));
        continue;
      }
      if (answer.status === 200) result.ok += 1;
      else if (answer.status === 429) result.refused += 1;
      else result.other.push(String(answer.status));
      return;
    }
  };
  // A full bucket first: nothing sent for as long as it takes to refill.
  await new Promise((resolve) =>
    setTimeout(resolve, (apiThrottle.burstLimit / apiThrottle.rateLimit) * 1000 + 200),
  );
  const sent: Promise<void>[] = Array.from({ length: burst }, one);
  const started = performance.now();
  for (let k = 1; k <= rate * seconds; k += 1) {
    const due = started + (k * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    sent.push(one());
  }
  await Promise.all(sent);
  return result;
}

export async function limitRows(context: ScenarioContext): Promise<Row[]> {
  const { limitUrl } = context.local;
  const { rateLimit, burstLimit } = apiThrottle;
  // Within the limits, with a margin for the load generator's own timer jitter on a busy machine
  // (late timers send two requests back to back): 80 % of the burst, then 80 % of the rate.
  const within = await throttled(limitUrl, burstLimit * 0.8, rateLimit * 0.8, 4, false);
  const above = await throttled(limitUrl, 2 * burstLimit, 2 * rateLimit, 3, false);
  const retried = await throttled(limitUrl, 2 * burstLimit, 2 * rateLimit, 3, true);
  const limits = `rate ${rateLimit}/s, burst ${burstLimit} (infra/aws/throttle.ts)`;
  return [
    row({
      name: 'load.limit.within',
      unit: 'refused',
      value: within.refused + within.other.length,
      baseline: null,
      target: '0',
      pass: within.refused + within.other.length === 0,
      note: `${within.ok + within.refused + within.other.length} requests: a burst of ${burstLimit * 0.8}, then ${rateLimit * 0.8}/s for 4 s; ${limits}${within.other.length ? `; other answers: ${within.other.join(', ')}` : ''}`,
    }),
    row({
      name: 'load.limit.above',
      unit: 'refused',
      value: above.refused,
      baseline: null,
      target: '> 0, and no answer but 200 or 429',
      pass: above.refused > 0 && above.other.length === 0,
      note: `${above.ok} answered, ${above.refused} refused with 429 (expected: the throttle holds) of a burst of ${2 * burstLimit}, then ${2 * rateLimit}/s for 3 s${above.other.length ? `; other answers: ${above.other.join(', ')}` : ''}`,
    }),
    row({
      name: 'load.limit.retried',
      unit: 'errors',
      value: retried.refused + retried.other.length,
      baseline: null,
      target: '0',
      pass: retried.refused + retried.other.length === 0,
      note: `the same traffic from callers retrying 429 as the web client does (${clientRetries} retries, backoff with jitter): ${retried.ok} answered 200 after ${retried.attempts} attempts`,
    }),
  ];
}
