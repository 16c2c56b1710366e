import { jobs } from '../../functions/jobs/jobs.ts';
import { jobScenarios } from './jobs.ts';
import { type HttpCall, send } from './local.ts';
import { broken, median, type Row, row } from './results.ts';
import { functionName, type ScenarioContext, scenarioOf } from './scenarios.ts';
import { describeTouch, type SdkCall, sum, touchedItems } from './sdk.ts';

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
        .map(
          (c) =>
            `${c.command.replace(/Command$/, '')}${c.client === 'dynamodb' ? ` ${c.read + c.write}` : ''}`,
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
 * operation must touch (stated beside its scenario). Counts, so exact: one extra Query, or a load
 * reading a partition's trail it does not need, makes the ratio exceed 1.
 */
function itemsRow(name: string, runs: readonly SdkCall[][], expected: { read: number; write: number; why: string } | undefined): Row {
  const last = runs.at(-1) ?? [];
  const got = touched(last);
  const calls = last.map(describeTouch).join(', ') || 'none';
  if (!expected) {
    return broken(
      `capacity.${name}.items`,
      'items',
      '≤ 1.0',
      `no items stated beside the scenario (touches) in test/bench/scenarios.ts; touched ${got.read} read, ${got.write} written: ${calls}`,
    );
  }
  const value = got.read + got.write;
  const baseline = expected.read + expected.write;
  const over = got.read > expected.read || got.write > expected.write;
  return row({
    name: `capacity.${name}.items`,
    unit: 'items',
    value,
    baseline,
    ratio: baseline ? value / baseline : value ? Number.POSITIVE_INFINITY : 1,
    target: '≤ 1.0 (read and written each)',
    pass: !over,
    note: `touched ${got.read} read + ${got.write} written, must touch ${expected.read} + ${expected.write} (${expected.why}): ${calls}`,
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
    const stated = scenario.touches;
    let parsed: unknown = {};
    try {
      parsed = answerText ? JSON.parse(answerText) : {};
    } catch {
      // A file or a calendar: its reads do not depend on a JSON answer.
    }
    rows.push(
      itemsRow(
        name,
        runs,
        stated && {
          read: typeof stated.read === 'function' ? (stated.read as (a: unknown) => number)(parsed) : stated.read,
          write: stated.write,
          why: stated.why,
        },
      ),
    );
  }
  for (const [id, job] of Object.entries(jobs)) {
    const name = functionName(job.entry);
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
