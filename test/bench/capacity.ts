import type { RouteId } from '../../functions/core/contract/index.ts';
import { jobs } from '../../functions/jobs/jobs.ts';
import { jobScenarios } from './jobs.ts';
import { type HttpCall, send } from './local.ts';
import { broken, median, type Row, row } from './results.ts';
import { functionName, inGroups, type ScenarioContext, scenarioOf } from './scenarios.ts';
import { describeCalls, describeTouch, type SdkCall, sum, touchedItems } from './sdk.ts';
import { touches } from './touches.ts';

/*
 * capacity.<operation>: the read and write capacity one call of each API operation and job consumes,
 * as DynamoDB reports it (ReturnConsumedCapacity, set by the middleware in sdk.ts), the median of
 * three calls. Each operation's calls are kept: the cold-start baseline replays them.
 */

const target = 'documented; no Scan';
const repeats = 3;

function capacityPair(name: string, runs: readonly SdkCall[][], what: string): Row[] {
  const last = runs.at(-1) ?? [];
  const scans = runs.flat().filter((c) => c.command === 'ScanCommand').length;
  const failedWrites = last
    .filter((c) => c.error)
    .map((c) => `${c.command.replace(/Command$/, '')}: ${c.error}`);
  const note = [
    what,
    `calls (capacity units): ${
      last
        .map((c) =>
          c.presign
            ? describeCalls([c])
            : `${c.command.replace(/Command$/, '')}${c.client === 'dynamodb' ? ` ${c.read + c.write}` : ''}`,
        )
        .join(', ') || 'none'
    }`,
    `items read: ${sum(last, 'itemsRead')}`,
    ...(failedWrites.length ? [`failed (no capacity reported): ${failedWrites.join(', ')}`] : []),
    ...(scans ? [`${scans} Scan`] : []),
  ].join('; ');
  return [
    row({
      name: `capacity.${name}.read`,
      unit: 'RCU',
      value: median(runs.map((calls) => sum(calls, 'read'))),
      baseline: null,
      target,
      pass: scans === 0,
      note,
    }),
    row({
      name: `capacity.${name}.write`,
      unit: 'WCU',
      value: median(runs.map((calls) => sum(calls, 'write'))),
      baseline: null,
      target,
      pass: scans === 0,
    }),
  ];
}

/** The items a call's DynamoDB calls touched (sdk.ts `touchedItems`). */
const touched = (calls: readonly SdkCall[]) =>
  calls.reduce(
    (t, call) => {
      const { read, write } = touchedItems(call);
      return { read: t.read + read, write: t.write + write };
    },
    { read: 0, write: 0 },
  );

/**
 * capacity.<operation>.items: the items the calls touched ÷ the items the data model says the
 * operation must touch (test/bench/touches.ts, beside the scenarios). Counts, so exact: one extra
 * Query (a request more), an extra write, or a load reading a partition's trail it does not need
 * (more items read) fails the row.
 */
function itemsRow(
  name: string,
  runs: readonly SdkCall[][],
  expected: { requests: number; read: number | undefined; write: number; why: string } | undefined,
): Row {
  const last = runs.at(-1) ?? [];
  const got = touched(last);
  const requests = last.filter((c) => c.client === 'dynamodb').length;
  const calls = last.map(describeTouch).join(', ') || 'none';
  if (!expected) {
    return broken(
      `capacity.${name}.items`,
      'items',
      '≤ 1.0',
      `nothing stated for the route in test/bench/touches.ts; made ${requests} requests, touched ${got.read} read, ${got.write} written: ${calls}`,
    );
  }
  const value = got.write + (expected.read === undefined ? requests : got.read);
  const baseline = expected.write + (expected.read ?? expected.requests);
  const pass =
    requests <= expected.requests &&
    got.write <= expected.write &&
    (expected.read === undefined || got.read <= expected.read);
  return row({
    name: `capacity.${name}.items`,
    unit: 'items',
    value,
    baseline,
    ratio: baseline ? value / baseline : value ? Number.POSITIVE_INFINITY : 1,
    target: '≤ 1.0 (requests, items read, items written each)',
    pass,
    note:
      `${requests} requests (stated ${expected.requests}), ${got.read} items read (stated ${expected.read ?? 'not: grows with the table, value and baseline count requests'}), ${got.write} written (stated ${expected.write}); ` +
      `${expected.why}: ${calls}`,
  });
}

/** One call of a route as the capacity section made it: the request and the SDK calls it caused. */
export interface Recorded {
  request: HttpCall;
  calls: SdkCall[];
}

/** Runs every route's scenario and every job's; returns the rows and, per route id, its last call. */
export async function capacityRows(
  context: ScenarioContext,
): Promise<{ rows: Row[]; calls: Map<string, Recorded> }> {
  const { local } = context;
  const rows: Row[] = [];
  const calls = new Map<string, Recorded>();
  for (const [id, route] of Object.entries(local.routes)) {
    if (!inGroups(route.group)) continue;
    const name = functionName(route.entry);
    const scenario = scenarioOf(id);
    if (!scenario) {
      rows.push(
        broken(
          `capacity.${name}`,
          'RCU/WCU',
          target,
          `no scenario for route ${id} in test/bench/scenarios.ts`,
        ),
      );
      continue;
    }
    const runs: SdkCall[][] = [];
    let request: HttpCall | undefined;
    let answerText = '';
    for (let i = 0; i < repeats; i += 1) {
      const call = await scenario.prepare(context);
      request = call;
      local.recorder.start();
      const answer = await send(local.apiUrl, call).finally(() => runs.push(local.recorder.stop()));
      if (answer.status !== scenario.status) {
        throw new Error(
          `${call.method} ${call.path} answered ${answer.status}, not ${scenario.status}: ${answer.text.slice(0, 200)}`,
        );
      }
      answerText = answer.text;
    }
    if (request) calls.set(id, { request, calls: runs.at(-1) ?? [] });
    rows.push(...capacityPair(name, runs, `${route.method} ${route.path}`));
    const stated = touches[id as RouteId];
    let parsed: Record<string, unknown> = {};
    try {
      parsed = answerText ? (JSON.parse(answerText) as Record<string, unknown>) : {};
    } catch {
      // A file or a calendar: nothing stated depends on it.
    }
    const count = (n: number | ((a: Record<string, unknown>) => number) | undefined) =>
      typeof n === 'function' ? n(parsed) : n;
    rows.push(
      itemsRow(
        name,
        runs,
        stated && {
          requests: count(stated.requests) ?? 0,
          read: count(stated.read),
          write: count(stated.write) ?? 0,
          why: stated.why,
        },
      ),
    );
  }
  for (const [id, job] of Object.entries(jobs)) {
    const name = functionName(job.entry);
    if (!inGroups(name)) continue;
    const scenario = jobScenarios[id];
    if (!scenario) {
      rows.push(
        broken(`capacity.${name}`, 'RCU/WCU', target, `no scenario for job ${id} in test/bench/jobs.ts`),
      );
      continue;
    }
    for (const variant of scenario.capacity) {
      const runs: SdkCall[][] = [];
      for (let i = 0; i < repeats; i += 1) {
        await variant.prepare(context);
        local.recorder.start();
        await scenario.run().finally(() => runs.push(local.recorder.stop()));
      }
      rows.push(...capacityPair(`${name}${variant.suffix}`, runs, variant.what));
    }
  }
  return { rows, calls };
}

/** Whether any Scan was sent during the whole run (every section, in this process). */
export function scanRow(scans: number, tables: readonly string[]): Row {
  return row({
    name: 'capacity.no-scan',
    unit: 'Scan calls',
    value: scans,
    baseline: null,
    target: '0 in the whole run',
    pass: scans === 0,
    note: scans
      ? `Scan on ${[...new Set(tables)].join(', ')}`
      : 'no Scan was sent by any handler or job in this run',
  });
}
