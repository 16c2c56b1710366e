import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOrInstallChromium } from '../support/chromium.ts';
import { buildBundles, type FunctionBundle } from './bundles.ts';
import { capacityRows, type Recorded, scanRow } from './capacity.ts';
import { coldRows } from './cold.ts';
import { coreLayout, machineCores, pin, pinV8Workers, placeChildren } from './cores.ts';
import { scalingRows } from './jobs.ts';
import { limitRows, loadRows } from './load.ts';
import { type LocalStack, startLocal } from './local.ts';
import { broken, formatMarkdown, formatTable, type Row } from './results.ts';
import { type ScenarioContext, scenarioContext } from './scenarios.ts';
import { sittingRows } from './sittings.ts';
import { compilerNice, lowerCompilers } from './threads.ts';
import { warmRows } from './warm.ts';
import { webRows } from './web.ts';

/*
 * `npm run bench`: builds what it measures, runs every row, prints the table, writes
 * .bench/results.json (after each section, so a stopped run keeps what it measured; run.json's
 * `complete` says whether it finished) and exits non-zero when a target is missed. Never part of `npm test`.
 * Options: --quick (fewer repeats, smaller tables: for trying the bench itself, not for results),
 * --only=bundle,capacity,cold,sitting,warm,jobs,load,web (cold needs bundle and capacity and runs
 * them; sitting needs bundle).
 */

const root = join(import.meta.dirname, '../..');
const out = join(root, '.bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean);
const sections = ['bundle', 'capacity', 'cold', 'sitting', 'warm', 'jobs', 'load', 'web'] as const;
type Section = (typeof sections)[number];
const wanted = new Set<Section>(only ? sections.filter((s) => only.includes(s)) : sections);
if (wanted.has('cold')) {
  wanted.add('bundle');
  wanted.add('capacity');
}
// A sitting's cold starts pay its groups' imports: their bundles are built first.
if (wanted.has('sitting')) wanted.add('bundle');

const settings = quick
  ? {
      coldRepeats: 3,
      coldBudgetSeconds: 120,
      warmRequests: 6,
      warmFewest: 6,
      warmBudgetSeconds: 0,
      warmup: 2,
      warmFillSeconds: 0,
      warmSecondSetSeconds: 30,
      small: 200,
      large: 4000,
      jobRepeats: 3,
      loadRounds: 1,
      perCaller: 3,
      lighthouseRuns: 1,
    }
  : {
      coldRepeats: 7,
      // The second set of pairs for routes near the line: at most this long (see cold.ts).
      coldBudgetSeconds: 450,
      // Per route (submit-sketch, get-sketch and cast-ballot get 3–5 times as many).
      warmRequests: 60,
      warmFewest: 24,
      warmBudgetSeconds: 10,
      // Untimed pairs per route: in five full runs the first three timed pairs after a warm-up of 3
      // were over twice their route's median 5–21 % of the time (V8 and DynamoDB Local tiering up
      // on the route's calls), from the seventh pair on 1–7 %; after a warm-up of 6, pairs 6–15
      // still 2.2–2.9 % (real) and 3.9–4.3 % (baseline), from pair 16 on 0.9–2.5 % (benchmarks.md,
      // the warm rows and the eighteenth pass).
      warmup: 16,
      // A cheap route goes on to this many seconds, at most ten times its requests (see warm.ts).
      warmFillSeconds: 3,
      // Routes near the line get a second set of pairs, pooled: at most this long in all (see warm.ts).
      warmSecondSetSeconds: 300,
      small: 1000,
      large: 20_000,
      jobRepeats: 25,
      loadRounds: 3,
      perCaller: 6,
      lighthouseRuns: 3,
    };

const runStarted = performance.now();
const rows: Row[] = [];
const timings: Record<string, number> = {};
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Runs a section: its rows are those it answers, and those it hands to `keep` as it goes (written at once). */
async function section(name: string, run: (keep: (some: Row[]) => void) => Promise<Row[]>): Promise<void> {
  const started = performance.now();
  log(`${name} …`);
  const keep = (some: Row[]) => {
    rows.push(...some);
    writeResults(false);
  };
  try {
    rows.push(...(await run(keep)));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name} failed: ${message}`);
    rows.push(broken(`${name}.error`, '', 'runs', message.split('\n').slice(0, 2).join(' ').slice(0, 300)));
  }
  timings[name] = Math.round((performance.now() - started) / 100) / 10;
  log(`${name} done in ${timings[name]} s`);
  // After every section: a run stopped later keeps what it measured (run.json says how far it got).
  writeResults(false);
}

const groups = process.env.BENCH_GROUPS ?? null;
/** Every section of every group, not `--quick`: the run whose results are for the record. */
const fullRun = !quick && !only && !groups;

function writeResults(complete: boolean): void {
  const seconds = Math.round((performance.now() - runStarted) / 1000);
  writeFileSync(join(out, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  writeFileSync(join(out, 'results.md'), `${formatMarkdown(rows)}\n`);
  writeFileSync(
    join(out, 'run.json'),
    `${JSON.stringify({ date: new Date().toISOString(), complete, seconds, timings, quick, only: only ?? null, groups, machine: machine() }, null, 2)}\n`,
  );
  // A partial run (--quick, --only, BENCH_GROUPS) writes over these files: a complete full run's
  // stay in .bench/full/ too, so profiling a row afterwards in the same clone does not lose them.
  if (complete && fullRun) {
    mkdirSync(join(out, 'full'), { recursive: true });
    for (const file of ['results.json', 'results.md', 'run.json'])
      copyFileSync(join(out, file), join(out, 'full', file));
  }
}

function machine() {
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const cpu = spawnSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], {
    encoding: 'utf8',
  }).stdout?.trim();
  return {
    nproc: machineCores,
    cpu,
    memory: free,
    node: process.version,
    cores: layout ? { ...layout, sections: placement } : 'shared (one core, or no taskset)',
    platform: `${process.platform} ${process.arch}`,
  };
}

mkdirSync(out, { recursive: true });
// Before anything starts: installing Chromium blocks this process, and the local stack's servers with it.
if (wanted.has('web')) {
  try {
    process.env.CHROMIUM_PATH = findOrInstallChromium(log);
  } catch (error) {
    log((error as Error).message);
  }
}
// The timed function on a core of its own, the stand-ins on the others (cores.ts), in the sections
// that time a function: in a process of its own (a cold start) or in the bench process (the adapter
// with the handlers). The other sections run on every core.
const layout = coreLayout();
const placement: Partial<Record<Section, 'own process' | 'bench process'>> = {
  cold: 'own process',
  sitting: 'own process',
  warm: 'bench process',
  jobs: 'bench process',
};
function place(name: Section, dynamoPid: number | undefined): void {
  if (!layout) return;
  const where = placement[name];
  if (!where) {
    pin(process.pid, layout.every);
    pin(dynamoPid, layout.every);
    placeChildren(undefined);
    return;
  }
  pin(dynamoPid, layout.services);
  pin(process.pid, where === 'own process' ? layout.services : layout.function);
  placeChildren(where === 'own process' ? layout.function : undefined);
  // The handlers in this process: its V8 workers beside the stand-ins, not on the timed core (cores.ts).
  const moved = where === 'bench process' ? pinV8Workers(layout.services) : 0;
  log(
    `${name}: the function on core ${layout.function} (${where}), the stand-ins on ${layout.services}` +
      (moved ? `, with this process's ${moved} V8 workers` : ''),
  );
}
let bundles: FunctionBundle[] = [];
let routeBundles: FunctionBundle[] = [];
// Node 24 from the devDependency, as Lambda runs it (the system Node may be older).
const nodeBinary = existsSync(join(root, 'node_modules/.bin/node'))
  ? join(root, 'node_modules/.bin/node')
  : process.execPath;
let local: LocalStack | undefined;
let context: ScenarioContext | undefined;
let recorded = new Map<string, Recorded>();

try {
  if (wanted.has('bundle')) {
    await section('bundle', async () => {
      const built = await buildBundles(root, join(out, 'build'));
      bundles = built.bundles;
      routeBundles = built.routeBundles;
      log(`bundled with the options of ${built.source}`);
      return built.rows;
    });
  }
  if ([...wanted].some((s) => s !== 'bundle')) {
    await section('local', async () => {
      local = await startLocal();
      context = await scenarioContext(local);
      const lowered = lowerCompilers(local.dynamoPid);
      log(`DynamoDB Local's compilers at nice ${compilerNice}: ${lowered.join(', ') || 'none found'}`);
      return [];
    });
  }
  const withStack = async (
    name: Section,
    run: (c: ScenarioContext, keep: (some: Row[]) => void) => Promise<Row[]>,
  ) => {
    if (!wanted.has(name)) return;
    if (!context) {
      rows.push(broken(`${name}.error`, '', 'runs', 'the local stack did not start (see local.error)'));
      return;
    }
    const c = context;
    // Before each section: a compiler thread HotSpot started since the last one is lowered too.
    lowerCompilers(c.local.dynamoPid);
    await section(name, (keep) => {
      place(name, c.local.dynamoPid);
      return run(c, keep);
    });
    await c.local.clearMailbox();
  };
  await withStack('capacity', async (c) => {
    const result = await capacityRows(c);
    recorded = result.calls;
    return result.rows;
  });
  await withStack('cold', (c) =>
    coldRows(c, bundles, routeBundles, recorded, {
      node: nodeBinary,
      dir: join(out, 'cold'),
      repeats: settings.coldRepeats,
      budgetMs: settings.coldBudgetSeconds * 1000,
    }),
  );
  await withStack('sitting', (c) => sittingRows(c, bundles, { node: nodeBinary, dir: join(out, 'cold') }));
  await withStack('warm', async (c, keep) => {
    const options = {
      requests: settings.warmRequests,
      fewest: settings.warmFewest,
      budgetMs: settings.warmBudgetSeconds * 1000,
      warmup: settings.warmup,
      fillMs: settings.warmFillSeconds * 1000,
      fillFactor: 10,
      secondSetMs: settings.warmSecondSetSeconds * 1000,
      debugDir: join(out, 'warm'),
    };
    await warmRows(c, options, keep);
    return [];
  });
  await withStack('jobs', (c) =>
    scalingRows(c.local, {
      small: settings.small,
      large: settings.large,
      repeats: settings.jobRepeats,
      due: 10,
    }),
  );
  await withStack('load', async (c) => [
    ...(await loadRows(c, { concurrency: 50, perCaller: settings.perCaller, rounds: settings.loadRounds })),
    ...(await limitRows(c)),
  ]);
  await withStack('web', (c) =>
    webRows(c, { root, dir: join(out, 'web'), lighthouseRuns: settings.lighthouseRuns }),
  );
  const stack = local as LocalStack | undefined;
  if (stack && (wanted.has('capacity') || wanted.has('warm') || wanted.has('jobs') || wanted.has('load'))) {
    rows.push(scanRow(stack.recorder.scans, stack.recorder.scanTables));
  }
} finally {
  await (local as LocalStack | undefined)?.stop();
}

const seconds = Math.round((performance.now() - runStarted) / 1000);
const missed = rows.filter((r) => r.pass === false);
const notYet = rows.filter((r) => r.pass === null && r.note?.startsWith('not built yet'));
console.log(formatTable(rows));
console.log('');
console.log(
  `${rows.length} rows: ${rows.filter((r) => r.pass === true).length} met, ${missed.length} missed, ` +
    `${notYet.length} not built yet, ${rows.length - missed.length - notYet.length - rows.filter((r) => r.pass === true).length} reported only; ` +
    `${seconds} s in all (${Object.entries(timings)
      .map(([name, s]) => `${name} ${s} s`)
      .join(', ')})${quick ? '; --quick: not for the record' : ''}`,
);
writeResults(true);
if (missed.length) console.log(`missed: ${missed.map((r) => r.name).join(', ')}`);
process.exit(missed.length ? 1 : 0);
