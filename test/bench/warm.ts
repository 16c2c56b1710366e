import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RouteId } from '../../functions/core/contract/index.ts';
import { answerBytesHeader, type HttpCall, recordedAnswer, send } from './local.ts';
import { broken, median, percentile, type Row, row } from './results.ts';
import { ballotTwin, functionName, inGroups, type ScenarioContext, scenarioOf } from './scenarios.ts';
import {
  describeCalls,
  freshen,
  RawReplayer,
  type ReplayCall,
  type SdkCall,
  subjectMap,
  trailHeadSwaps,
} from './sdk.ts';
import { ranBetween, threadTimes, v8WorkersSettled } from './threads.ts';

/*
 * warm.<route>: a request through the local HTTP adapter to the warm handler against DynamoDB
 * Local, ÷ the baseline timed as one unit: the same request to the bare adapter (whose handlers
 * answer a constant body as long as the real answer) followed by the raw SDK calls the handler
 * made, replayed by a bare SDK client in the handler's order (its waves: calls the handler sent
 * together go together). The two are timed in turn, alternating which goes first. Median and p99
 * over all requests, for every route.
 * Most routes get 60 requests in their time budget; a route whose every subject is prepared through
 * several requests (a sketch through a vote, a person to erase) stops at 24 once its budget is spent,
 * so that a full run fits in half an hour; a cheap one goes on until it has spent 3 s (at most ten
 * times its requests). Below 100 requests the p99 row compares the second largest values (`tail`),
 * so that one pause of the shared machine, on either side, does not decide it. A route whose rows are
 * near their lines or over them then gets a second set of as many pairs, pooled with the first
 * (`nearTheLine`). The young generation is emptied before each side of a pair, the old one before
 * each route (`benchCollector`).
 * The replay acts on a subject of its own prepared like the real one (for a submission: another
 * draft of the complete sketch), so its conditional writes succeed as the handler's do. A ballot
 * changes a seat whose every change is conditional on its revision: each real ballot's own calls
 * are replayed on a twin vote, in order, so the twin's seat is always at the revision the replay
 * expects.
 */

/**
 * The p99 row's figure: the nearest-rank 99th percentile from 100 requests on; below that, where
 * that rank is the largest value, the second largest, on both sides alike. One slow request (a
 * pause of the shared machine, a GC of the whole process) then decides nothing, while two slow
 * requests still show (benchmarks.md, the warm rows).
 */
export function tail(values: readonly number[]): number {
  if (values.length >= 100 || values.length < 2) return percentile(values, 99);
  return [...values].sort((a, b) => a - b)[values.length - 2] as number;
}

/**
 * Whether a route's rows are near their lines or over them after its first set: the p99 ratio
 * from 1.2 up, the median ratio from 1.1 up. Such a route gets a second set of pairs, pooled with
 * the first (the cold section does the same with its second set of pairs). Pooling is not a retry:
 * both sets count, and a real regression is over the line in both.
 */
export function nearTheLine(real: readonly number[], baseline: readonly number[]): boolean {
  return tail(real) / tail(baseline) >= 1.2 || median(real) / median(baseline) >= 1.1;
}

/** One timed request of a pair, as BENCH_DEBUG keeps it (`.bench/warm/debug.json`). */
interface TimedSpan {
  route: string;
  i: number;
  side: 'real' | 'baseline';
  /** performance.now() at its start, and Date.now() (to line up with DynamoDB Local's GC log). */
  start: number;
  epoch: number;
  /** The time measured, and the span around it (the baseline's also includes freshening its calls). */
  ms: number;
  outer: number;
  /** This process's CPU time meanwhile (user + system), ms. */
  cpu: number;
  /** The main thread's time on the CPU and waiting for one (runnable, not running), ms, from the kernel's schedstat. */
  run: number;
  wait: number;
  /** Every other thread of this process that ran meanwhile: its name and ms on a CPU. */
  threads?: Record<string, number>;
  /** DynamoDB Local's threads that ran meanwhile, by name (numbers dropped): ms on a CPU. */
  db?: Record<string, number>;
  /** The SDK calls the real request made (its commands), to spot one that made more than the probe. */
  calls?: string;
}

/**
 * BENCH_DEBUG=1: every timed request, every GC of this process (start, duration, kind) and its heap as
 * each route starts, written to `<dir>/debug.json`, to tell where a slow request came from.
 */
function debugTrace(dir: string | undefined, dbPid: number | undefined) {
  if (!process.env.BENCH_DEBUG || !dir) return undefined;
  const spans: TimedSpan[] = [];
  /** The bench process's heap as each route starts (after its collection): what a major GC marks. */
  const heaps: Array<{ route: string; usedMb: number; externalMb: number }> = [];
  const gcs: Array<{ start: number; ms: number; kind: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      gcs.push({
        start: entry.startTime,
        ms: entry.duration,
        kind: (entry as { detail?: { kind?: number } }).detail?.kind ?? -1,
      });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    spans,
    heap(route: string) {
      const { used_heap_size, external_memory } = getHeapStatistics();
      heaps.push({ route, usedMb: used_heap_size / 1e6, externalMb: external_memory / 1e6 });
    },
    /** Times `run` as one span of `side`. */
    async time(
      route: string,
      i: number,
      side: TimedSpan['side'],
      run: () => Promise<number>,
      calls?: () => string,
    ) {
      const cpu = process.cpuUsage();
      const before = threadTimes();
      const dbBefore = dbPid === undefined ? undefined : threadTimes(dbPid);
      const start = performance.now();
      const epoch = Date.now();
      const ms = await run();
      const outer = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const after = threadTimes();
      const dbAfter = dbPid === undefined ? undefined : threadTimes(dbPid);
      /** A thread's nanoseconds on a CPU (or waiting for one) during the span, in ms. */
      const spent = (tid: string, field: 'runNs' | 'waitNs') =>
        ((after.get(tid)?.[field] ?? 0) - (before.get(tid)?.[field] ?? 0)) / 1e6;
      // The main thread's id is the process's.
      const main = String(process.pid);
      const threads = ranBetween(before, after, { except: main });
      const db =
        dbBefore && dbAfter
          ? // The request threads are numbered per connection (qtp…-3): one name for them all.
            ranBetween(dbBefore, dbAfter, { kind: (name) => name.replace(/[-#]\d+$/, '') })
          : undefined;
      spans.push({
        route,
        i,
        side,
        start,
        epoch,
        ms,
        outer,
        cpu: (used.user + used.system) / 1000,
        run: spent(main, 'runNs'),
        wait: spent(main, 'waitNs'),
        threads,
        ...(db ? { db } : {}),
        ...(calls ? { calls: calls() } : {}),
      });
      return ms;
    },
    write() {
      observer.disconnect();
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'debug.json'),
        JSON.stringify({ timeOrigin: performance.timeOrigin, spans, gcs, heaps }),
      );
    },
  };
}

type Collect = (options: { type: 'minor' | 'major'; execution: 'sync' }) => void;

/**
 * V8's collector, to empty the young generation before each timed request (and the old one before
 * each route, see `warmRows`). This one process runs the client, both adapters, the handlers, the
 * local SES and S3 servers and every scenario's preparation (sign-ins, drafts, votes made through
 * the API between pairs): its heap holds 150–300 MB and its young generation tens of MB, so a
 * scavenge copies many survivors and takes 20–700 ms. Left alone, it fell inside whichever timed
 * request filled the young generation — mostly the real one, which allocates more — and that
 * request became the route's slowest (benchmarks.md, the warm rows). Emptied before each request,
 * a request's own garbage fits in the young generation, so the preparation's garbage is collected
 * outside the timing; a request that allocates more than the young generation holds still pays for
 * its collection.
 */
function benchCollector(): Collect {
  setFlagsFromString('--expose-gc');
  // V8 started an old-generation marking every 0.25–1 s of the section: its limit was set only 10–20 MB
  // above what survives (growing factor about 1.1), and the sockets' and bodies' buffers counted
  // against a limit of their own ("external memory pressure"). Each marking of this 150 MB heap ran
  // on V8's workers for 50–100 ms of CPU and in steps on the main thread, inside timed requests of
  // either side, on two cores: 287 markings in a run of 13 routes, 23 ms of worker CPU in a slow
  // request (`BENCH_DEBUG`, `threads`). A limit four times what survives, the buffers counted in it:
  // 19 markings, most of them the once-per-route collection below (benchmarks.md, the warm rows).
  setFlagsFromString('--heap-growing-percent=300');
  setFlagsFromString('--external-memory-accounted-in-global-limit');
  // A context made after the flag has `gc`; the flag does not add it to this one.
  return runInNewContext('gc') as Collect;
}

/** V8's own limits again once the section is done: the sections after it time jobs and loads as Node runs them. */
function defaultHeapLimits(): void {
  setFlagsFromString('--heap-growing-percent=0');
  setFlagsFromString('--no-external-memory-accounted-in-global-limit');
}

/** More requests for the rows read most: their p99 rests on more samples. */
const shares: Partial<Record<RouteId, number>> = {
  submitSketch: 3,
  getSketch: 5,
  castBallot: 3,
};
/** Each ballot's calls are replayed on a twin vote, one step behind: see ballotTwin. */
const mirrors: Partial<Record<RouteId, (context: ScenarioContext) => Promise<Map<string, string>>>> = {
  castBallot: ballotTwin,
};

export async function warmRows(
  context: ScenarioContext,
  options: {
    /** Requests per route (times its share), … */
    requests: number;
    /** … but at least this many, once the route has spent `budgetMs` (preparing included). */
    fewest: number;
    budgetMs: number;
    warmup: number;
    /** A route that has spent less than this goes on, up to `fillFactor` times its requests: cheap routes' p99 rests on hundreds. */
    fillMs: number;
    fillFactor: number;
    /** The section's time for second sets (routes near the line), all routes together. */
    secondSetMs: number;
    /** Where BENCH_DEBUG writes its trace. */
    debugDir?: string;
  },
  /** Takes each route's rows as they are measured (the bench writes them at once). */
  keep: (rows: Row[]) => void,
): Promise<void> {
  const { local } = context;
  const replayer = new RawReplayer();
  const trace = debugTrace(options.debugDir, local.dynamoPid);
  const collect = benchCollector();
  /** What the second sets have spent so far, in the section. */
  let secondSetSpent = 0;
  try {
    for (const [id, route] of Object.entries(local.routes) as Array<
      [RouteId, (typeof local.routes)[string]]
    >) {
      if (!inGroups(route.group)) continue;
      const name = `warm.${functionName(route.entry)}`;
      const scenario = scenarioOf(id);
      if (!scenario) {
        keep([broken(name, 'ms', '≤ 1.3 / ≤ 1.5', `no scenario for route ${id} in test/bench/scenarios.ts`)]);
        continue;
      }
      // The old generation too, once per route and untimed: it holds the whole run's preparation, so
      // left alone its incremental marking ran in steps and finalisations of 5–100 ms inside the
      // timed requests, more often the real ones, which allocate more (a Lambda instance's heap holds
      // one function's few MB). Collected here, a route's requests start from a fresh limit.
      collect({ type: 'major', execution: 'sync' });
      trace?.heap(name);
      // A route that cannot be measured is a miss with its reason; the other routes go on.
      const routeStarted = performance.now();
      let preparing = 0;
      /** Time spent waiting for V8's background work before the timed requests, and how often it was more than 5 ms. */
      let settling = 0;
      let longSettles = 0;
      const settled = async () => {
        const waited = await v8WorkersSettled();
        settling += waited;
        if (waited > 5) longSettles += 1;
      };
      const prepared = async () => {
        const started = performance.now();
        const call = await scenario.prepare(context);
        preparing += performance.now() - started;
        return call;
      };
      try {
        const mirror = mirrors[id];
        const twin = mirror ? await mirror(context) : undefined;
        // The raw SDK calls this request needs: recorded from one real request.
        const probeCall = await scenario.prepare(context);
        const probe = await recordedAnswer(local, probeCall, scenario.status);
        const calls = probe.calls;
        /** The length of the newest real answer: the bare adapter answers as many bytes. */
        let answerBytes = probe.bytes;

        const real: number[] = [];
        const baseline: number[] = [];
        // With a twin: the calls of every real request, to be replayed on the twin in their order.
        const mirrored: SdkCall[][] = [calls];
        /** The commands the last real request made, when they were recorded (BENCH_DEBUG). */
        let made: SdkCall[] = [];
        const timeReal = async (call: HttpCall) => {
          const recording = Boolean(twin || trace);
          if (recording) local.recorder.start({ askCapacity: false });
          const started = performance.now();
          const answer = await send(local.apiUrl, call).finally(() => {
            if (recording) made = local.recorder.stop();
            if (twin) mirrored.push(made);
          });
          const ms = performance.now() - started;
          if (answer.status !== scenario.status)
            throw new Error(`${name} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
          answerBytes = answer.bytes;
          return ms;
        };
        const replayFailures = new Set<string>();
        /**
         * What the baseline replays: a real ballot's calls on the twin vote (its trail head swapped
         * in), or the probe's calls on the replay's own subject (its ids and the keys it makes of its
         * request).
         */
        const replayed = async (subject: HttpCall): Promise<ReplayCall[]> => {
          if (twin) {
            const ballot = mirrored.shift() ?? [];
            return freshen(ballot, twin, await trailHeadSwaps(replayer.dynamo, ballot, twin));
          }
          const literals = new Map(await scenario.subjects?.(probeCall, subject));
          return freshen(calls, subjectMap(probeCall, subject), literals);
        };
        // The baseline as one unit: the bare adapter's answer, then the raw calls in the handler's order.
        const timeBaseline = async (call: HttpCall, subject: HttpCall) => {
          const fresh = await replayed(subject);
          const started = performance.now();
          await send(local.bareUrl, {
            ...call,
            headers: { ...call.headers, [answerBytesHeader]: String(answerBytes) },
          });
          const failed = await replayer.replay(fresh);
          const ms = performance.now() - started;
          for (const failure of failed) replayFailures.add(failure);
          return ms;
        };
        const requests = Math.max(1, Math.round(options.requests * (shares[id] ?? 1)));
        const enough = Math.min(requests, options.fewest);
        /** One pair: the real request and the baseline, in turn first; kept after the warm-up. */
        const pair = async (i: number) => {
          // The replay's subject first: preparing a calendar feed replaces the one before, so the real call's must be the last.
          const subject = twin ? undefined : await prepared();
          const call = await prepared();
          const rawSubject = subject ?? call;
          // What the preparation keeps alive survives this scavenge and the next one promotes it, so
          // the first side starts with the young generation empty, not full of it: left there, a
          // route whose preparation keeps tens of MB (end-session's second set) had scavenges of
          // 114–135 ms inside its timed requests.
          collect({ type: 'minor', execution: 'sync' });
          /**
           * Each side starts from an empty young generation with the collector's background work
           * done (threads.ts), untimed. Emptied before each side, not once before the pair: the side
           * just after a scavenge took 4–5 % longer at its median than the other (benchmarks.md, the
           * nineteenth pass), and that side alternates, so it showed as noise in the tails.
           */
          const ready = async () => {
            collect({ type: 'minor', execution: 'sync' });
            await settled();
          };
          const realSide = async () => {
            await ready();
            return trace
              ? trace.time(
                  name,
                  i,
                  'real',
                  () => timeReal(call),
                  () => describeCalls(made),
                )
              : timeReal(call);
          };
          const baselineSide = async () => {
            await ready();
            return trace
              ? trace.time(name, i, 'baseline', () => timeBaseline(call, rawSubject))
              : timeBaseline(call, rawSubject);
          };
          let r = 0;
          let b = 0;
          if (i % 2 === 0) {
            r = await realSide();
            b = await baselineSide();
          } else {
            b = await baselineSide();
            r = await realSide();
          }
          if (i < options.warmup) return;
          real.push(r);
          baseline.push(b);
        };
        let i = 0;
        for (; i < options.warmup + requests; i += 1) {
          // A route whose subject takes long to prepare stops at `fewest` once its time is spent.
          const spent = performance.now() - routeStarted > options.budgetMs;
          if (spent && real.length >= enough) break;
          await pair(i);
        }
        // A cheap route goes on until it has spent `fillMs`, so its p99 rests on hundreds of requests;
        // a route whose subjects run out meanwhile keeps what it measured.
        const extra: string[] = [];
        const most = requests * options.fillFactor;
        const counted = real.length;
        try {
          for (; performance.now() - routeStarted < options.fillMs && real.length < most; i += 1)
            await pair(i);
        } catch (error) {
          extra.push(`stopped: ${String((error as Error).message).slice(0, 120)}`);
        }
        if (real.length > counted)
          extra.push(`${real.length - counted} more within ${options.fillMs / 1000} s`);
        // Near the line or over it: a second set of as many pairs, pooled with the first (never
        // instead of it), so that one pause of the shared machine on either side decides less often.
        if (nearTheLine(real, baseline) && !extra.some((e) => e.startsWith('stopped'))) {
          const first = real.length;
          const started = performance.now();
          const firstSetMs = started - routeStarted;
          try {
            for (let k = 0; k < first; k += 1, i += 1) {
              const spent = performance.now() - started;
              if (spent > firstSetMs || secondSetSpent + spent > options.secondSetMs) break;
              await pair(i);
            }
          } catch (error) {
            extra.push(`second set stopped: ${String((error as Error).message).slice(0, 120)}`);
          }
          secondSetSpent += performance.now() - started;
          extra.push(`${real.length - first} more in a second set, pooled: near the line after ${first}`);
        }
        const note =
          `${real.length} requests after ${options.warmup} warm-up${extra.length ? ` (${extra.join('; ')})` : ''}; baseline: bare adapter answering ${answerBytes} bytes + raw calls ${describeCalls(calls) || '(none)'}, timed as one` +
          (replayFailures.size ? ` (failing in the replay: ${[...replayFailures].join(', ')})` : '');
        const med = median(real) / median(baseline);
        const p99 = tail(real) / tail(baseline);
        keep([
          row({
            name: `${name}.median`,
            unit: 'ms',
            value: median(real),
            baseline: median(baseline),
            target: '≤ 1.3',
            pass: med <= 1.3,
            note,
          }),
          row({
            name: `${name}.p99`,
            unit: 'ms',
            value: tail(real),
            baseline: tail(baseline),
            target: '≤ 1.5',
            pass: p99 <= 1.5,
          }),
        ]);
      } catch (error) {
        keep([broken(name, 'ms', '≤ 1.3 / ≤ 1.5', String((error as Error).message).slice(0, 300))]);
      }
      process.stderr.write(
        `bench: ${name} ${((performance.now() - routeStarted) / 1000).toFixed(1)} s (preparing ${(preparing / 1000).toFixed(1)} s, V8's background work ${(settling / 1000).toFixed(1)} s, ${longSettles} waits over 5 ms)\n`,
      );
    }
  } finally {
    replayer.destroy();
    trace?.write();
    defaultHeapLimits();
    collect({ type: 'major', execution: 'sync' });
  }
}
