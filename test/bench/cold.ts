import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { deployedEnvironment } from '../../infra/aws/functions.ts';
import type { FunctionBundle } from './bundles.ts';
import type { RouteCall } from './calls.ts';
import type { Recorded } from './capacity.ts';
import { childCommand } from './cores.ts';
import { jobScenarios } from './jobs.ts';
import { type HttpCall, recordedCall, recording } from './local.ts';
import { drawnText } from './pdf-text.ts';
import { replayJson } from './replay-json.ts';
import { broken, inTurns, median, type Row, row } from './results.ts';
import {
  functionName,
  inGroups,
  lockstepVotes,
  type Scenario,
  type ScenarioContext,
  scenarioOf,
  seatChanges,
  toApiEvent,
} from './scenarios.ts';
import {
  describeCalls,
  freshen,
  preparedSubjects,
  type ReplayCall,
  subjectMap,
  trailHeadSwaps,
} from './sdk.ts';
import { dynamoRoundTrip, startSecretsStandIn } from './secrets.ts';

/*
 * cold.<group>.<route>: a fresh Node 24 process imports the bundle of the route's function group
 * and handles its first request, the route's, against DynamoDB Local, the local SES server and the
 * local S3 server, ÷ a fresh process importing the group's reference bundle (the same AWS clients
 * and commands, middy, zod) that makes the same raw SDK calls. Every route of a group gets its own
 * row: after ten idle minutes any of them can be the request a group's new instance starts with.
 * Interleaved in pairs; the ratio is the median of the pairs' ratios, value and baseline the
 * medians of each side.
 */

export interface ChildResult {
  importMs: number;
  callMs: number;
  status?: number;
  body?: string;
}

const resultMark = '@@cold-start-result ';

/**
 * The cold-start child (cold-child.ts) as plain JavaScript, built once per run into `dir`. Run as
 * TypeScript, Node strips its types in the measured process first (amaro, a WebAssembly module):
 * that left the heap at 8.7 MB with a young generation partly full, so an import a few hundred KB
 * larger than its reference's met one more scavenge than the reference (3–5 ms of 65), which Lambda,
 * whose runtime strips nothing, would not charge it. Built, the child loads what Lambda's runtime
 * does before a handler: a small ESM module and the Node built-ins it names.
 */
export async function coldChild(dir: string): Promise<string> {
  const outfile = join(dir, 'cold-child.mjs');
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(import.meta.dirname, 'cold-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'error',
  });
  return outfile;
}

export function runChild(
  node: string,
  child: string,
  bundle: string,
  eventFile: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  /** A file to keep the child's output in (its log lines and, with `--trace-gc`, each collection). */
  keepOutput?: string,
) {
  return new Promise<ChildResult>((resolve, reject) => {
    const [command, args] = childCommand(node, [...nodeArgs, child, bundle, eventFile]);
    execFile(command, args, { env, timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(`cold start of ${bundle} failed: ${String(error).slice(0, 200)} ${stderr.slice(0, 500)}`),
        );
        return;
      }
      if (keepOutput) writeFileSync(keepOutput, stdout);
      try {
        const line = stdout.split('\n').find((l) => l.startsWith(resultMark)) ?? '';
        resolve(JSON.parse(line.slice(resultMark.length)) as ChildResult);
      } catch {
        reject(
          new Error(
            `cold start of ${bundle} printed no result: ${stdout.slice(0, 200)} ${stderr.slice(0, 300)}`,
          ),
        );
      }
    });
  });
}

const isSeatChange = (id: string): id is keyof typeof seatChanges => Object.hasOwn(seatChanges, id);
const seatSteps = new Map<string, number>();

/** The client that reads the replayed vote's trail head (trailHeadSwaps), made on first use. */
let heads: DynamoDBClient | undefined;
const headReader = () => {
  heads ??= new DynamoDBClient({ maxAttempts: 3 });
  return heads;
};

/**
 * The real call and the raw calls its reference replays. A reading route is recorded again just
 * before each pair, from the very request the cold start then gets: what it reads grows with the
 * table (every open vote, every deadline), which the capacity section saw at an earlier size. A
 * change of a seat (conditional on the seat's revision) is made step by step in three votes kept
 * in lockstep: recorded in one, replayed in the second, cold-started in the third. A change that
 * counts against what its call names (`recordEachPair`) is recorded anew on a subject of its own
 * and replayed with fresh ids. Any other changing route replays its capacity call on a subject of
 * its own, prepared like the real one (first: preparing a calendar feed replaces the one before,
 * so the real call's must be the last).
 */
async function referenceCalls(
  context: ScenarioContext,
  routeId: string,
  method: string,
  scenario: Scenario,
  recorded: Recorded | undefined,
): Promise<{ realCall: RouteCall; calls: ReplayCall[] }> {
  const recordNow = (call: HttpCall) => recordedCall(context.local, call, scenario.status);
  if (method === 'GET') {
    const realCall = await scenario.prepare(context);
    return { realCall, calls: freshen(await recordNow(realCall)) };
  }
  if (scenario.recordEachPair) {
    const calls = await recordNow(await scenario.prepare(context));
    return { realCall: await scenario.prepare(context), calls: freshen(calls) };
  }
  if (isSeatChange(routeId)) {
    // The same step in three votes in lockstep: recorded in the first, replayed in the second.
    const step = seatSteps.get(routeId) ?? 0;
    seatSteps.set(routeId, step + 1);
    const [recorded, replayed, real] = await lockstepVotes(context, routeId);
    const change = seatChanges[routeId];
    const recordCall = await change(context, recorded, step);
    await change(context, replayed, step);
    const realCall = await change(context, real, step);
    const ids = new Map([
      [recorded.id, replayed.id],
      ...recorded.sketchIds.map((id, k): [string, string] => [id, replayed.sketchIds[k] ?? id]),
    ]);
    const calls = await recordNow(recordCall);
    return { realCall, calls: freshen(calls, ids, await trailHeadSwaps(headReader(), calls, ids)) };
  }
  const subject = await scenario.prepare(context);
  const realCall = await scenario.prepare(context);
  if (!recorded) return { realCall, calls: [] };
  const literals = new Map(await scenario.subjects?.(recorded.request, subject));
  return { realCall, calls: freshen(recorded.calls, subjectMap(recorded.request, subject), literals) };
}

interface Measured {
  /** The route's id in the table and its row's name (`cold.<group>.<route>`). */
  routeId: string;
  name: string;
  /** The route's function group's bundle (and its reference). */
  bundle: FunctionBundle;
  real: ChildResult[];
  reference: ChildResult[];
  failedReplays: Set<string>;
  replayed: ReplayCall[];
  /** Whether the route's first call read the signing secret (then its reference reads it too). */
  readsSecret: boolean;
  /** Why its cold starts could not be measured (then its row says so, and the others are kept). */
  failure?: string;
}

/** Whether a ratio after the first pairs is near enough to 1.15 (within 0.2) to get a second set. */
const nearTheLine = (ratio: number) => Math.abs(ratio - 1.15) <= 0.2;

export async function coldRows(
  context: ScenarioContext,
  bundles: readonly FunctionBundle[],
  routeBundles: readonly FunctionBundle[],
  calls: ReadonlyMap<string, Recorded>,
  options: { node: string; dir: string; repeats: number; budgetMs: number },
): Promise<Row[]> {
  const { local } = context;
  mkdirSync(options.dir, { recursive: true });
  const child = await coldChild(options.dir);
  // As deployed: the environment of infra/aws/functions.ts (its log level; NODE_OPTIONS if it sets
  // any), and the signing secret from Secrets Manager (a local stand-in with a local DynamoDB round
  // trip's latency), not the environment.
  const deployedSettings = Object.entries(deployedEnvironment)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const { SIGNING_SECRET: secret = '', ...localEnv } = local.env;
  const secrets = await startSecretsStandIn(secret, await dynamoRoundTrip(local.env));
  // The groups check CloudFront's header as deployed (EDGE_SECRET); the events carry it.
  const edgeSecret = randomBytes(32).toString('base64url');
  const env = {
    PATH: process.env.PATH ?? '',
    ...localEnv,
    ...deployedEnvironment,
    EDGE_SECRET: edgeSecret,
    SIGNING_SECRET_ARN: secrets.arn,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
  };
  const target = '≤ 1.15';
  try {
    const rows: Row[] = [];
    const measured: Measured[] = [];
    for (const bundle of bundles.filter((b) => b.kind === 'group' && inGroups(b.name))) {
      for (const routeId of bundle.routes) {
        const route = local.routes[routeId];
        const name = `${bundle.name}.${route ? functionName(route.entry) : routeId}`;
        if (!route || !scenarioOf(routeId) || !calls.get(routeId)) {
          rows.push(
            broken(
              `cold.${name}`,
              'ms',
              target,
              `no scenario for route ${routeId} in test/bench/scenarios.ts`,
            ),
          );
          continue;
        }
        measured.push({
          routeId,
          name,
          bundle,
          real: [],
          reference: [],
          failedReplays: new Set(),
          replayed: [],
          readsSecret: false,
        });
      }
    }
    const total = (r: ChildResult) => r.importMs + r.callMs;
    // For choosing the routes near the line: the first call's ratio, which is judged per route.
    const pairedRatio = (m: Measured) =>
      median(m.real.map((r, i) => r.callMs / (m.reference[i] ?? r).callMs));
    // One pair of cold starts of a route: the real bundle and its reference, in turns as to which goes first.
    const runPair = (m: Measured, rep: number) =>
      m.failure
        ? Promise.resolve()
        : runPairOnce(m, rep).catch((error: unknown) => {
            m.failure = String(error).slice(0, 500);
          });
    const runPairOnce = async (m: Measured, rep: number) => {
      const { bundle, routeId, name } = m;
      const route = local.routes[routeId];
      const scenario = scenarioOf(routeId);
      if (!route || !scenario) return;
      // The group's function, as CDK names its environment and Powertools reads it.
      const functionName = `votum-${bundle.name}`;
      const realFile = join(options.dir, `${name}.event.json`);
      const referenceFile = join(options.dir, `${name}.reference.json`);
      const replay = await referenceCalls(context, routeId, route.method, scenario, calls.get(routeId));
      m.replayed = replay.calls;
      writeFileSync(
        realFile,
        JSON.stringify({ event: toApiEvent(replay.realCall, edgeSecret), functionName }),
      );
      // The reference reads the secret as the route did: one GetSecretValue before its calls (the
      // first pair runs the real side first, so it is known from then on).
      const secretCall: ReplayCall = {
        client: 'secrets-manager',
        command: 'GetSecretValueCommand',
        input: { SecretId: secrets.arn },
        wave: 0,
      } as unknown as ReplayCall;
      const referenceCallList = m.readsSecret ? [secretCall, ...replay.calls] : replay.calls;
      writeFileSync(
        referenceFile,
        replayJson({ event: { calls: referenceCallList, library: replay.realCall.library }, functionName }),
      );
      // One cold start of the group's bundle or its reference. As in Lambda, Powertools reads the
      // function's name from the environment. BENCH_CPU_PROFILE=<group> (or <group>.<route>): CPU
      // profiles of its cold starts (and its reference's), to see where the time goes; open them in
      // Chrome's DevTools.
      const profiled = [bundle.name, name].includes(process.env.BENCH_CPU_PROFILE ?? '');
      // BENCH_GC_TRACE=<group> (or <group>.<route>): V8's line for each collection of these cold starts,
      // without the profilers (whose own allocations would move the collections), one file a run.
      const gcTraces = [bundle.name, name].includes(process.env.BENCH_GC_TRACE ?? '')
        ? join(options.dir, 'gc', name)
        : undefined;
      if (gcTraces) mkdirSync(gcTraces, { recursive: true });
      const coldStart = (file: string, eventFile: string, which: 'real' | 'reference') =>
        runChild(
          options.node,
          child,
          file,
          eventFile,
          {
            ...env,
            AWS_LAMBDA_FUNCTION_NAME: functionName,
            ...(profiled && !gcTraces
              ? { VOTUM_BENCH_CALL_PROFILE: join(options.dir, 'profiles', name, `${which}-call`) }
              : {}),
          },
          gcTraces
            ? ['--trace-gc']
            : profiled
              ? ['--cpu-prof', '--cpu-prof-dir', join(options.dir, 'profiles', name, which)]
              : [],
          gcTraces && join(gcTraces, `${which}-${rep}.log`),
        );
      const runReal = async () => {
        const before = secrets.requests;
        const result = await coldStart(bundle.file, realFile, 'real');
        if (secrets.requests > before) m.readsSecret = true;
        if (result.status !== scenario.status) {
          throw new Error(
            `cold ${name} answered ${result.status}, not ${scenario.status}: ${result.body?.slice(0, 300) ?? ''}`,
          );
        }
        m.real.push(result);
      };
      const runReference = async () => {
        const result = await coldStart(bundle.referenceFile, referenceFile, 'reference');
        let answer: { failed?: string[] };
        try {
          answer = JSON.parse(result.body ?? '{}') as { failed?: string[] };
        } catch {
          throw new Error(`the reference of ${name} gave no readable answer: ${result.body?.slice(0, 200)}`);
        }
        for (const failure of answer.failed ?? []) m.failedReplays.add(failure);
        m.reference.push(result);
      };
      await inTurns(rep, runReal, runReference);
    };
    for (let rep = 0; rep < options.repeats; rep += 1) for (const m of measured) await runPair(m, rep);
    // A route whose median is near the line after these pairs gets as many again, so that the draw of
    // a few pairs on shared cores decides less often which side of the line it falls: the verdict is
    // the median of all its pairs. Routes far from the line on either side keep their first pairs.
    // The second set is run round by round within its own time budget (every near route gets the
    // same count), so that a busy machine lengthens the bench by at most that budget.
    const near = (m: Measured) => nearTheLine(pairedRatio(m));
    const uncertain = measured.filter(near);
    const secondSet = performance.now();
    for (let rep = options.repeats; rep < 2 * options.repeats; rep += 1) {
      if (performance.now() - secondSet > options.budgetMs) break;
      for (const m of uncertain) await runPair(m, rep);
    }
    if (process.env.BENCH_DEBUG) {
      writeFileSync(
        join(options.dir, 'runs.json'),
        JSON.stringify(
          measured.map((m) => ({ name: m.name, real: m.real, reference: m.reference })),
          null,
          1,
        ),
      );
    }
    // Import (init) and first call are judged apart, each against its reference's: a heavier import
    // cannot hide behind a first call's DynamoDB round trips. The group's import (what a cold start
    // of the deployed function pays, the same for each of its routes) is reported from the pairs of
    // all its routes. It is not judged by its reference: that holds the group's clients and libraries
    // and cannot grow with the group's routes, so its ratio would judge how many routes a group has
    // (as the bundle rows found for sizes, bundles.ts). Judged is each route's own import: its route
    // alone behind the group's stack (the bundle of bundle.<group>.<route>) against that bundle's own
    // reference, in import-only pairs.
    const ms = (values: number[]) => Math.round(median(values));
    const pairRatios = (
      m: { real: ChildResult[]; reference: ChildResult[] },
      part: (r: ChildResult) => number,
    ) => m.real.map((r, i) => part(r) / part(m.reference[i] ?? r));
    const importMs = (r: ChildResult) => r.importMs;
    const callMs = (r: ChildResult) => r.callMs;
    const byGroup = new Map<string, Measured[]>();
    for (const m of measured.filter((m) => !m.failure))
      byGroup.set(m.bundle.name, [...(byGroup.get(m.bundle.name) ?? []), m]);
    for (const [group, list] of byGroup) {
      const ratios = list.flatMap((m) => pairRatios(m, importMs));
      const ratio = median(ratios);
      rows.push(
        row({
          name: `cold.${group}.import`,
          unit: 'ms',
          value: median(list.flatMap((m) => m.real.map(importMs))),
          baseline: median(list.flatMap((m) => m.reference.map(importMs))),
          ratio,
          target: 'reported',
          pass: null,
          note: `import of the group's bundle (${list[0]?.bundle.bytes ?? 0} bytes, its ${list.length} routes) vs its reference's (${list[0]?.bundle.referenceBytes ?? 0}: clients and libraries only), with the deployed environment (${deployedSettings}); median of ${ratios.length} paired ratios; each route's own import is judged in cold.${group}.<route>.import`,
        }),
      );
    }
    rows.push(...(await routeImportRows(measured, routeBundles, env, child, options, target)));
    for (const m of measured) {
      const { name, real, reference, failedReplays, replayed } = m;
      if (m.failure) {
        rows.push(broken(`cold.${name}`, 'ms', target, `its cold starts failed: ${m.failure}`));
        continue;
      }
      const ratio = median(pairRatios(m, callMs));
      rows.push(
        row({
          name: `cold.${name}`,
          unit: 'ms',
          value: median(real.map(callMs)),
          baseline: median(reference.map(callMs)),
          // Each run is paired with the reference run next to it: the median of the pairs' ratios.
          ratio,
          target,
          pass: ratio <= 1.15,
          note:
            `first call ${ms(real.map(callMs))} ms vs reference ${ms(reference.map(callMs))} ms (import ${ms(real.map(importMs))} vs ${ms(reference.map(importMs))}, the group's, reported in cold.${m.bundle.name}.import; whole cold start ${ms(real.map(total))} vs ${ms(reference.map(total))}); ${real.length} runs each; ` +
            `reference replays: ${m.readsSecret ? `GetSecretValue (stand-in, ${secrets.delayMs.toFixed(1)} ms) ` : ''}${describeCalls(replayed)}` +
            (failedReplays.size ? ` (failing in the replay: ${[...failedReplays].join(', ')})` : ''),
        }),
      );
    }
    rows.push(...(await jobColdRows(context, bundles, options, env, secrets, child, target)));
    return rows;
  } finally {
    await secrets.stop();
  }
}

/**
 * cold.<group>.<route>.import: a fresh process imports the route's own bundle (the route alone
 * behind its group's stack, as bundle.<group>.<route> sizes it) ÷ a fresh process importing that
 * bundle's reference, in turns; routes near the line get a second set within half the section's
 * budget for second sets. Nothing is called: the first call is judged in cold.<group>.<route>.
 */
async function routeImportRows(
  measured: readonly Measured[],
  routeBundles: readonly FunctionBundle[],
  env: NodeJS.ProcessEnv,
  child: string,
  options: { node: string; dir: string; repeats: number; budgetMs: number },
  target: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const pairs = measured
    .filter((m) => !m.failure)
    .map((m) => ({
      name: m.name,
      functionName: `votum-${m.bundle.name}`,
      bundle: routeBundles.find((b) => b.kind === 'route' && b.name === m.name),
      real: [] as number[],
      reference: [] as number[],
      failure: undefined as string | undefined,
    }));
  const ratio = (p: (typeof pairs)[number]) => median(p.real.map((r, i) => r / (p.reference[i] ?? r)));
  const run = async (p: (typeof pairs)[number], rep: number) => {
    const { bundle } = p;
    if (!bundle || p.failure) return;
    // BENCH_CPU_PROFILE=<group>.<route>: profiles of these imports too, in profiles/<name>/{real,reference}-import.
    const profiled = process.env.BENCH_CPU_PROFILE === p.name;
    const importOf = async (file: string, which: 'real' | 'reference') =>
      (
        await runChild(
          options.node,
          child,
          file,
          '-',
          { ...env, AWS_LAMBDA_FUNCTION_NAME: p.functionName },
          profiled
            ? ['--cpu-prof', '--cpu-prof-dir', join(options.dir, 'profiles', p.name, `${which}-import`)]
            : [],
        )
      ).importMs;
    try {
      await inTurns(
        rep,
        async () => p.real.push(await importOf(bundle.file, 'real')),
        async () => p.reference.push(await importOf(bundle.referenceFile, 'reference')),
      );
    } catch (error) {
      p.failure = String(error).slice(0, 500);
    }
  };
  for (let rep = 0; rep < options.repeats; rep += 1) for (const p of pairs) await run(p, rep);
  const near = pairs.filter((p) => nearTheLine(ratio(p)));
  const started = performance.now();
  for (let rep = options.repeats; rep < 2 * options.repeats; rep += 1) {
    if (performance.now() - started > options.budgetMs / 2) break;
    for (const p of near) await run(p, rep);
  }
  for (const p of pairs) {
    const name = `cold.${p.name}.import`;
    if (!p.bundle) {
      rows.push(broken(name, 'ms', target, 'no bundle of the route alone (bundle section not run?)'));
      continue;
    }
    if (p.failure) {
      rows.push(broken(name, 'ms', target, `its imports failed: ${p.failure}`));
      continue;
    }
    const r = ratio(p);
    rows.push(
      row({
        name,
        unit: 'ms',
        value: median(p.real),
        baseline: median(p.reference),
        ratio: r,
        target,
        pass: r <= 1.15,
        note: `import of the route alone behind its group's stack (${p.bundle.bytes} bytes) vs its own reference (${p.bundle.referenceBytes}); median of ${p.real.length} paired ratios`,
      }),
    );
  }
  return rows;
}

/**
 * cold.<job>.import and cold.<job>.run: a fresh process imports the job's bundle and makes one run
 * (as EventBridge Scheduler invokes it) with work due (the job's first capacity variant: a due mail,
 * an ordered letter, a vote at its reminder …), ÷ its reference importing and replaying the calls
 * the same run made in this process. Work is prepared before each side's run; the replay changes the
 * work prepared for it (its ids mapped from those of the work the recorded run found).
 */
async function jobColdRows(
  context: ScenarioContext,
  bundles: readonly FunctionBundle[],
  options: { node: string; dir: string; repeats: number },
  env: NodeJS.ProcessEnv,
  secrets: Awaited<ReturnType<typeof startSecretsStandIn>>,
  child: string,
  target: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const bundle of bundles.filter((b) => b.kind === 'job' && inGroups(b.name))) {
    try {
      const scenario = jobScenarios[bundle.id];
      const variant = scenario?.capacity[0];
      if (!scenario || !variant) {
        rows.push(
          broken(
            `cold.${bundle.name}.run`,
            'ms',
            target,
            `no scenario for job ${bundle.id} in test/bench/jobs.ts`,
          ),
        );
        continue;
      }
      const functionName = `votum-${bundle.name}`;
      // The preparation's own calls are recorded too: its ids map to those of each fresh preparation.
      const prepared = () => recording(context.local, () => variant.prepare(context));
      // What earlier sections left due (dozens of mails) is taken first: the recorded run does the
      // variant's work alone, as each run after it does.
      await scenario.run().catch(() => undefined);
      const recordedWork = await prepared();
      // The document job's reference lays out the lines the recorded run drew (pdf-text.ts).
      const { result: recorded, document } = bundle.libraries.pdf
        ? await drawnText(() => recording(context.local, scenario.run))
        : { result: await recording(context.local, scenario.run), document: undefined };
      const realFile = join(options.dir, `${bundle.name}.event.json`);
      const referenceFile = join(options.dir, `${bundle.name}.reference.json`);
      writeFileSync(realFile, JSON.stringify({ event: {}, functionName }));
      const real: ChildResult[] = [];
      const reference: ChildResult[] = [];
      const failed = new Set<string>();
      let readsSecret = false;
      const jobEnv = { ...env, AWS_LAMBDA_FUNCTION_NAME: functionName };
      // BENCH_CPU_PROFILE=<job>: profiles of each side's first run alone, as for the routes.
      const profiled = process.env.BENCH_CPU_PROFILE === bundle.name;
      const envOf = (which: 'real' | 'reference') =>
        profiled
          ? {
              ...jobEnv,
              VOTUM_BENCH_CALL_PROFILE: join(options.dir, 'profiles', bundle.name, `${which}-call`),
            }
          : jobEnv;
      const ratios = (part: (r: ChildResult) => number) =>
        real.map((r, i) => part(r) / part(reference[i] ?? r));
      // As for the routes: a job whose first run or whose import is near the line after these pairs
      // gets as many again (each is a row of its own, judged apart).
      for (let rep = 0; rep < 2 * options.repeats; rep += 1) {
        if (
          rep === options.repeats &&
          !nearTheLine(median(ratios((r) => r.callMs))) &&
          !nearTheLine(median(ratios((r) => r.importMs)))
        )
          break;
        await inTurns(
          rep,
          async () => {
            await variant.prepare(context);
            const before = secrets.requests;
            real.push(await runChild(options.node, child, bundle.file, realFile, envOf('real')));
            if (secrets.requests > before) readsSecret = true;
          },
          async () => {
            const calls = freshen(recorded, preparedSubjects(recordedWork, await prepared()));
            const secretCall = {
              client: 'secrets-manager',
              command: 'GetSecretValueCommand',
              input: { SecretId: secrets.arn },
              wave: 0,
            } as unknown as ReplayCall;
            writeFileSync(
              referenceFile,
              replayJson({
                event: { calls: readsSecret ? [secretCall, ...calls] : calls, document },
                functionName,
              }),
            );
            const result = await runChild(
              options.node,
              child,
              bundle.referenceFile,
              referenceFile,
              envOf('reference'),
            );
            for (const failure of (JSON.parse(result.body ?? '{}') as { failed?: string[] }).failed ?? [])
              failed.add(failure);
            reference.push(result);
          },
        );
      }
      const importRatio = median(ratios((r) => r.importMs));
      const runRatio = median(ratios((r) => r.callMs));
      rows.push(
        row({
          name: `cold.${bundle.name}.import`,
          unit: 'ms',
          value: median(real.map((r) => r.importMs)),
          baseline: median(reference.map((r) => r.importMs)),
          ratio: importRatio,
          target,
          pass: importRatio <= 1.15,
          note: `import of the job's bundle (${bundle.bytes} bytes) vs its reference's (${bundle.referenceBytes}); median of ${real.length} paired ratios`,
        }),
        row({
          name: `cold.${bundle.name}.run`,
          unit: 'ms',
          value: median(real.map((r) => r.callMs)),
          baseline: median(reference.map((r) => r.callMs)),
          ratio: runRatio,
          target,
          pass: runRatio <= 1.15,
          note:
            `first run with ${variant.what}; reference replays: ${readsSecret ? 'GetSecretValue ' : ''}${describeCalls(recorded)}` +
            (document
              ? `; and lays out the ${document.lines.length} lines the job drew, in its faces and sizes, with pdfkit's text flow`
              : '') +
            (failed.size ? ` (failing in the replay: ${[...failed].join(', ')})` : ''),
        }),
      );
    } catch (error) {
      rows.push(
        broken(
          `cold.${bundle.name}.run`,
          'ms',
          target,
          `its cold starts failed: ${String(error).slice(0, 500)}`,
        ),
      );
    }
  }
  return rows;
}
