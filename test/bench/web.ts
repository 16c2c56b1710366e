import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { build, type Plugin } from 'vite';
import type { SketchDraft } from '../../functions/core/sketch-full.ts';
import { addPagePreload } from '../../infra/page-preload.ts';
import type { InPage } from '../support/in-page.ts';
import { h2Front } from './h2-front.ts';
import { broken, inTurns, median, percentile, type Row, row } from './results.ts';
import { completeSketch, type ScenarioContext, startDraft, startedDraft } from './scenarios.ts';

/*
 * The front end: web.form-js (the JavaScript the applicant form loads first, gzip, ÷ a Vite +
 * Preact hello world built in the same run), web.lighthouse (Lighthouse on the form page in Debian's
 * Chromium, offline; LCP ÷ the hello world's), web.cost-table (input latency typing into the form's
 * cost table with 100 lines ÷ with 10). Both sites are built here into .bench/web, with the
 * project's own Vite config for the portal. The form page is the sketch form of a draft the
 * applicant has just started (`/skizzen/<id>/bearbeiten`, its first step), as "Neue Skizze" leads
 * to it.
 */

/** Set by run.ts, which finds (or installs) Debian's Chromium before the web section. */
const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Every module of the portal's build and what it imports (filled by buildPortal). */
const moduleGraph = new Map<string, { imports: string[]; dynamic: string[] }>();

/**
 * The modules only the office's pages import, by the module graph: the pages web/src/main.tsx
 * routes under /verwaltung and /zweiter-faktor (the office's second factor) are the office's entry
 * points; a module reachable from them and not from the app's entry by any other way (static or
 * dynamic imports, not through an office page) is office code, wherever its file lies.
 */
export function officeOnlyModules(root: string): { office: Set<string>; entries: string[] } {
  const main = readFileSync(join(root, 'web/src/main.tsx'), 'utf8');
  const resolve = (path: string) => relative(root, join(root, 'web/src', path));
  const loaders = new Map(
    [...main.matchAll(/const (\w+) = \(\) => import\('([^']+)'\)/g)].map((m) => [m[1], m[2]]),
  );
  const modulesOf = new Map<string, string>();
  for (const m of main.matchAll(/const (\w+) = page\(\(\) => import\('([^']+)'\)/g))
    modulesOf.set(m[1] ?? '', m[2] ?? '');
  for (const m of main.matchAll(/const (\w+) = page\((\w+),/g)) {
    const path = loaders.get(m[2]);
    if (path) modulesOf.set(m[1] ?? '', path);
  }
  const routed = new Map<string, string[]>();
  for (const m of main.matchAll(/<Route path="([^"]+)" component=\{(\w+)\}/g)) {
    const path = modulesOf.get(m[2] ?? '');
    if (path) routed.set(resolve(path), [...(routed.get(resolve(path)) ?? []), m[1] ?? '']);
  }
  const isOffice = (path: string) => path.startsWith('/verwaltung') || path.startsWith('/zweiter-faktor');
  const entries = [...routed].filter(([, paths]) => paths.every(isOffice)).map(([module]) => module);
  const reach = (from: string[], stop: Set<string>) => {
    const seen = new Set<string>();
    const todo = [...from];
    while (todo.length) {
      const id = todo.pop() as string;
      if (seen.has(id) || stop.has(id)) continue;
      seen.add(id);
      const node = moduleGraph.get(id);
      if (node) todo.push(...node.imports, ...node.dynamic);
    }
    return seen;
  };
  const stop = new Set(entries);
  const fromApp = reach([relative(root, join(root, 'web/src/main.tsx'))], stop);
  const fromOffice = reach(entries, new Set());
  return { office: new Set([...fromOffice].filter((id) => !fromApp.has(id))), entries };
}

/** Builds the portal's front end with web/vite.config.ts; returns each chunk's modules and their sizes. */
export async function buildPortal(
  root: string,
  outDir: string,
): Promise<Map<string, Record<string, number>>> {
  const chunks = new Map<string, Record<string, number>>();
  moduleGraph.clear();
  const capture: Plugin = {
    name: 'votum-bench-chunks',
    generateBundle(_options, bundle) {
      // The module graph as rollup resolved it: static and dynamic imports of every module.
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (!info) continue;
        const rel = (i: string) => relative(root, i.replace(/^\0/, ''));
        moduleGraph.set(rel(id), {
          imports: info.importedIds.map(rel),
          dynamic: info.dynamicallyImportedIds.map(rel),
        });
      }
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules: Record<string, number> = {};
        for (const id of output.moduleIds) {
          modules[relative(root, id.replace(/^\0/, ''))] = output.modules[id]?.renderedLength ?? 0;
        }
        chunks.set(file, modules);
      }
    },
  };
  await build({
    root: join(root, 'web'),
    configFile: join(root, 'web/vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
    plugins: [capture],
  });
  return chunks;
}

/** A Vite + Preact hello world: the smallest page this stack can make, built the same way. */
async function buildHelloWorld(sourceDir: string, outDir: string): Promise<void> {
  mkdirSync(sourceDir, { recursive: true });
  writeFileSync(
    join(sourceDir, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="de">',
      '  <head>',
      '    <meta charset="utf-8" />',
      '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
      '    <meta name="description" content="Hallo Welt mit Vite und Preact." />',
      '    <title>Hallo Welt</title>',
      '  </head>',
      '  <body>',
      '    <div id="app"></div>',
      '    <script type="module" src="/main.jsx"></script>',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(sourceDir, 'main.jsx'),
    [
      "import { render } from 'preact';",
      '',
      'function App() {',
      '  return <main><h1>Hallo Welt</h1></main>;',
      '}',
      '',
      "render(<App />, document.getElementById('app'));",
      '',
    ].join('\n'),
  );
  await build({
    root: sourceDir,
    configFile: false,
    logLevel: 'error',
    plugins: [preact()],
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Writes a .gz beside each text asset, so the local server compresses as CloudFront does in AWS. */
function precompress(dir: string): void {
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    if (/\.(js|css|html|svg|json|txt)$/.test(file)) {
      writeFileSync(join(dir, `${file}.gz`), gzipSync(readFileSync(join(dir, file)), { level: 9 }));
    }
  }
}

/** The JavaScript a page loads until the network is idle (paths), and whether a form is shown. */
async function scriptsLoaded(
  url: string,
  cookie: { name: string; value: string } | undefined,
  screenshot: string,
) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext();
    if (cookie) await context.addCookies([{ ...cookie, url: new URL(url).origin }]);
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.resourceType() === 'script' || /\.m?js$/.test(path)) scripts.add(path);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const forms = await page.locator('form').count();
    await page.screenshot({ path: screenshot, fullPage: true });
    return { scripts: [...scripts], forms, finalPath: new URL(page.url()).pathname };
  } finally {
    await browser.close();
  }
}

interface LighthouseRun {
  performance: number;
  accessibility: number;
  lcp: number;
  failedA11y: string[];
  /** The other metrics of the performance score: ms, CLS unitless. */
  metrics: Record<string, number>;
}

/** What Lantern's simulator keeps of a node (lighthouse/core/lib/lantern: untyped JavaScript). */
interface LanternNode {
  id: string;
  type: 'network' | 'cpu';
  request?: { url: string; transferSize: number; protocol: string };
  didPerformLayout?: () => boolean;
  getDependencies(): LanternNode[];
}

/**
 * The graphs Lantern simulated for the last run's FCP and LCP, each node with its simulated start
 * and end, what it waits for, and (a request) its size and protocol: which request or task a metric
 * waits on (`BENCH_TRACE=1`). The simulator keeps every simulation of the process; they are cleared.
 */
async function writeLanternGraphs(file: string): Promise<void> {
  const lanternModule = 'lighthouse/core/lib/lantern/lantern.js';
  const { Simulation } = (await import(lanternModule)) as {
    Simulation: {
      Simulator: { allNodeTimings: Map<string, Map<LanternNode, { startTime: number; endTime: number }>> };
    };
  };
  const graphs: Record<string, unknown[]> = {};
  for (const [label, timings] of Simulation.Simulator.allNodeTimings) {
    if (!/ContentfulPaint$/.test(label)) continue;
    graphs[label] = [...timings]
      .map(([node, { startTime, endTime }]) => ({
        id: node.id,
        start: Math.round(startTime),
        end: Math.round(endTime),
        ...(node.request
          ? { url: node.request.url, bytes: node.request.transferSize, protocol: node.request.protocol }
          : { task: node.didPerformLayout?.() ? 'cpu, with layout' : 'cpu' }),
        waitsFor: node.getDependencies().map((d) => d.id),
      }))
      .sort((a, b) => a.start - b.start);
  }
  writeFileSync(file, JSON.stringify(graphs, null, 1));
  Simulation.Simulator.allNodeTimings.clear();
}

/** One Lighthouse run (mobile preset, simulated throttling); the full report is kept in `report`. */
async function runLighthouse(
  port: number,
  url: string,
  headers: Record<string, string>,
  report: string,
): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: headers,
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  writeFileSync(report, JSON.stringify(lhr));
  // The trace Lantern simulated from, for a look at the main thread's tasks (Chromium's DevTools open it).
  if (process.env.BENCH_TRACE)
    writeFileSync(report.replace(/\.json$/, '.trace.json'), JSON.stringify(result.artifacts.Trace));
  if (process.env.BENCH_TRACE) await writeLanternGraphs(report.replace(/\.json$/, '.lantern.json'));
  const metric = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
  const accessibility = lhr.categories.accessibility;
  const failedA11y = (accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((accessibility?.score ?? 0) * 100),
    lcp: metric('largest-contentful-paint'),
    failedA11y,
    metrics: {
      fcp: metric('first-contentful-paint'),
      si: metric('speed-index'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
    },
  };
}

/** A complete sketch whose cost plan has `lines` lines, the financing adding up, below the cap. */
function costPlanDraft(lines: number): SketchDraft {
  const categories = ['personnel', 'material', 'services', 'travel'] as const;
  const costs = Array.from({ length: lines }, (_, i) => ({
    category: categories[i % categories.length] as (typeof categories)[number],
    description: `Kostenposition ${i + 1}`,
    year: 2026 + (i % 3),
    amountCents: 300_000,
  }));
  const total = lines * 300_000;
  const esfCents = Math.floor(total * 0.6);
  return {
    ...completeSketch(),
    finance: { costs, esfCents, ownCents: total - esfCents, thirdParty: [] },
  } as SketchDraft;
}

/** The first cost line's description field on the form's cost step (components/CostTable.tsx). */
const costField = '#f-finance-costs-4-description';

/** What the typing's listeners keep in the page (typeIntoCostTable). */
interface TypingInPage {
  benchLatencies: number[];
  benchWork: number[];
  benchEvents: number[];
}

interface Typing {
  /** Per keystroke: ms from the key event to the frame after it was handled and rendered. */
  latencies: number[];
  /**
   * Per keystroke: the main thread's work for it, ms: from the key event to the end of its input
   * event's handlers (Preact's render included), plus the next frame's rendering (from its
   * animation frame to the task after it). The wait for the frame between the two is left out.
   */
  work: number[];
  /** Event Timing entries of the keystrokes (Chromium reports those of 16 ms and more). */
  eventTimings: number[];
}

/**
 * Types into the cost table of `url` and measures each keystroke, with the CPU slowed down 4× as
 * Lighthouse's mobile preset does: from the key event's timestamp to the animation frame after its
 * input handler and Preact's render ran, plus what Event Timing reports.
 */
async function typeIntoCostTable(
  page: import('playwright-core').Page,
  url: string,
  keystrokes: string,
  profileTo?: string,
): Promise<Typing> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector(costField, { timeout: 20_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    const w = globalThis as unknown as InPage & TypingInPage;
    w.benchLatencies = [];
    w.benchWork = [];
    w.benchEvents = [];
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.interactionId && entry.name === 'keydown') w.benchEvents.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    /** The newest keystroke's key event, until its input event has been handled. */
    let pending: { at: number; handled?: number } | undefined;
    w.document.addEventListener(
      'keydown',
      (event) => {
        const keystroke: { at: number; handled?: number } = { at: event.timeStamp };
        pending = keystroke;
        w.requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => {
            const end = performance.now();
            w.benchLatencies.push(end - keystroke.at);
            // A key that changed nothing (no input event before the frame) counts its key event alone.
            const handled = keystroke.handled ?? frame;
            w.benchWork.push(handled - keystroke.at + (end - frame));
          }, 0);
        });
      },
      true,
    );
    // Bubbling to the document, after the field's own listener and the render it queued (a
    // microtask, run when that listener returned): the end of the keystroke's handling.
    w.document.addEventListener(
      'input',
      () => {
        const keystroke = pending;
        if (keystroke) queueMicrotask(() => (keystroke.handled = performance.now()));
      },
      false,
    );
  });
  await page.click(costField);
  // BENCH_CPU_PROFILE=web.cost-table: the page's CPU profile of the typing (the costTableRow's runs).
  if (profileTo) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.keyboard.type(keystrokes, { delay: 120 });
  await page.waitForTimeout(600);
  if (profileTo) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dirname(profileTo), { recursive: true });
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  const result = await page.evaluate(() => {
    const w = globalThis as unknown as TypingInPage;
    return { latencies: w.benchLatencies, work: w.benchWork, eventTimings: w.benchEvents };
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  // The first keystrokes also pay for focusing and the first autosave: left out.
  return {
    latencies: result.latencies.slice(2),
    work: result.work.slice(2),
    eventTimings: result.eventTimings,
  };
}

/** web.cost-table: typing into the cost table with 100 lines ÷ with 10, interleaved runs. */
async function costTableRow(context: ScenarioContext, runs: number, dir: string): Promise<Row> {
  const target = '≤ 1.5';
  const { local, applicant } = context;
  const small = await startDraft(local, applicant.cookie, costPlanDraft(10));
  const large = await startDraft(local, applicant.cookie, costPlanDraft(100));
  const url = (id: string) => `${local.apiUrl}/skizzen/${id}/bearbeiten?abschnitt=kosten`;
  const [cookieName = '', cookieValue = ''] = applicant.cookie.split('=');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const measured: Record<'small' | 'large', Typing[]> = { small: [], large: [] };
  try {
    const browserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await browserContext.addCookies([{ name: cookieName, value: cookieValue, url: local.apiUrl }]);
    const page = await browserContext.newPage();
    const keystrokes = ' Dozentinnen';
    const profiled = process.env.BENCH_CPU_PROFILE === 'web.cost-table';
    const profileTo = (which: string, r: number) =>
      profiled ? join(dir, 'profiles', 'cost-table', `${which}-${r}.cpuprofile`) : undefined;
    for (let r = 0; r < runs; r += 1) {
      await inTurns(
        r,
        async () =>
          measured.small.push(
            await typeIntoCostTable(page, url(small.id), keystrokes, profileTo('10-lines', r)),
          ),
        async () =>
          measured.large.push(
            await typeIntoCostTable(page, url(large.id), keystrokes, profileTo('100-lines', r)),
          ),
      );
    }
    await page.screenshot({ path: join(dir, 'cost-table-100.png') });
  } catch (error) {
    return broken(
      'web.cost-table',
      'ratio',
      target,
      `typing into the cost table failed: ${String(error).split('\n')[0]?.slice(0, 200)}`,
    );
  } finally {
    await browser.close();
  }
  const all = (which: 'small' | 'large') => measured[which].flatMap((t) => t.latencies);
  const work = (which: 'small' | 'large') => measured[which].flatMap((t) => t.work);
  const events = (which: 'small' | 'large') => measured[which].flatMap((t) => t.eventTimings);
  // Judged on the main thread's work per keystroke: the latency to the next frame rounds it up to a
  // whole frame, so its median ratio flipped between about 1.0 and 1.5 with the frame it landed on.
  const value = median(work('large'));
  const baseline = median(work('small'));
  const ratio = value / baseline;
  const latency = (which: 'small' | 'large') => median(all(which));
  const describe = (which: 'small' | 'large') =>
    `${work(which).length} keystrokes, work p90 ${Math.round(percentile(work(which), 90))} ms, latency to the next frame median ${Math.round(latency(which))} ms (p90 ${Math.round(percentile(all(which), 90))}); Event Timing ≥ 16 ms: ${events(which).length}${events(which).length ? ` (max ${Math.max(...events(which))} ms)` : ''}`;
  return row({
    name: 'web.cost-table',
    unit: 'ms',
    value,
    baseline,
    ratio,
    target,
    pass: ratio <= 1.5,
    note: `median main-thread work per keystroke (key event to its input handled and rendered, plus the next frame's rendering; CPU 4× slowed) typing into line 5's description on /skizzen/<id>/bearbeiten?abschnitt=kosten, 100 lines ÷ 10 lines (latency to the next frame: ${(latency('large') / latency('small')).toFixed(3)}); ${runs} runs each, interleaved; 100 lines: ${describe('large')}; 10 lines: ${describe('small')}`,
  });
}

export async function webRows(
  context: ScenarioContext,
  options: { root: string; dir: string; lighthouseRuns: number },
): Promise<Row[]> {
  const { local } = context;
  const rows: Row[] = [];
  // The form an applicant fills in: a draft just started through "Neue Skizze", its first step.
  const started = await startDraft(local, context.applicant.cookie, startedDraft(context.applicant.email));
  const formPath = `/skizzen/${started.id}/bearbeiten`;
  const appDir = join(options.dir, 'portal');
  const helloDir = join(options.dir, 'hello');
  rmSync(options.dir, { recursive: true, force: true });
  let chunks: Map<string, Record<string, number>>;
  try {
    chunks = await buildPortal(options.root, appDir);
  } catch (error) {
    const reason = `the front end does not build: ${String(error).split('\n')[0]?.slice(0, 200)}`;
    return [
      broken('web.form-js', 'KB gzip', '≤ 35 KB; admin code not loaded', reason),
      broken('web.lighthouse.performance', 'score', '≥ 95', reason),
      broken('web.lighthouse.accessibility', 'score', '100', reason),
      broken('web.lighthouse.lcp', 'ms', '≤ 1.5', reason),
      broken('web.cost-table', 'ms', '≤ 1.5', reason),
    ];
  }
  await buildHelloWorld(join(options.dir, 'hello-src'), helloDir);

  precompress(appDir);
  precompress(helloDir);
  // The pages as CloudFront serves them: its function's preload header included.
  const serveApp = sirv(appDir, { single: true, etag: true, gzip: true });
  local.setStatic((request, response) => {
    addPagePreload(request, response);
    serveApp(request, response);
  });
  const serveHello = sirv(helloDir, { single: true, etag: true, gzip: true });
  const helloServer = createServer((request, response) => serveHello(request, response));
  await new Promise<void>((resolve) => helloServer.listen(0, '127.0.0.1', resolve));
  const helloUrl = `http://127.0.0.1:${(helloServer.address() as AddressInfo).port}`;
  const [cookieName = '', cookieValue = ''] = context.applicant.cookie.split('=');
  try {
    // web.form-js
    const form = await scriptsLoaded(
      `${local.apiUrl}${formPath}`,
      { name: cookieName, value: cookieValue },
      join(options.dir, 'form.png'),
    );
    const hello = await scriptsLoaded(`${helloUrl}/`, undefined, join(options.dir, 'hello.png'));
    const size = (dir: string, paths: readonly string[]) =>
      paths.reduce(
        (total, path) => total + (existsSync(join(dir, path)) ? gzipBytes(join(dir, path)) : 0),
        0,
      ) / 1000;
    const formKb = size(appDir, form.scripts);
    const helloKb = size(helloDir, hello.scripts);
    const loaded: Record<string, number> = {};
    for (const path of form.scripts) Object.assign(loaded, chunks.get(path.replace(/^\//, '')) ?? {});
    const { office, entries: officeEntries } = officeOnlyModules(options.root);
    const isAdmin = (id: string) => office.has(id);
    const adminLoaded = Object.keys(loaded).filter(isAdmin);
    const adminInBuild = [...office];
    const groups: Record<string, number> = {};
    for (const [id, bytes] of Object.entries(loaded)) {
      const group = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? id.split('/').slice(0, 2).join('/');
      groups[group] = (groups[group] ?? 0) + bytes;
    }
    const heaviest = Object.entries(groups)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 6)
      .map(([group, bytes]) => `${group} ${(bytes / 1000).toFixed(1)}`)
      .join(', ');
    const formShown = form.forms > 0 && form.finalPath === formPath;
    rows.push(
      row({
        name: 'web.form-js',
        unit: 'KB gzip',
        value: formKb,
        baseline: helloKb,
        target: '≤ 35 KB',
        pass: formKb <= 35 && formShown,
        note: `${form.scripts.length} scripts on /skizzen/<id>/bearbeiten (a started draft) signed in as an applicant (${formShown ? 'form shown' : `NO form shown, ended on ${form.finalPath}`}); gzip -9, KB = 1,000 bytes; minified KB by source: ${heaviest}`,
      }),
      row({
        name: 'web.form-js.admin-modules',
        unit: 'modules',
        value: adminLoaded.length,
        baseline: null,
        target: '0 (admin code not loaded)',
        pass: adminLoaded.length === 0,
        note: adminInBuild.length
          ? `${adminInBuild.length} office-only modules in the build by the module graph (entries: ${officeEntries.join(', ')})${adminLoaded.length ? `; loaded: ${adminLoaded.slice(0, 5).join(', ')}` : ', none loaded by the form'}`
          : `the module graph shows no office-only module (office entries: ${officeEntries.join(', ') || 'none'})`,
      }),
    );

    // web.lighthouse: both pages over HTTP/2, as CloudFront serves them (h2-front.ts), and over the
    // local servers' HTTP/1.1 for comparison (reported, not judged).
    const formFront = await h2Front(local.apiUrl, join(options.dir, 'tls'));
    const helloFront = await h2Front(helloUrl, join(options.dir, 'tls'));
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath(),
      chromeFlags: ['--headless=new', '--ignore-certificate-errors', ...chromiumArgs],
    });
    const lighthouseBoth = async (formOrigin: string, helloOrigin: string, suffix: string) => {
      const form: LighthouseRun[] = [];
      const hello: LighthouseRun[] = [];
      for (let r = 0; r < options.lighthouseRuns; r += 1) {
        const runForm = async () =>
          form.push(
            await runLighthouse(
              chrome.port,
              `${formOrigin}${formPath}`,
              { Cookie: context.applicant.cookie },
              join(options.dir, `lighthouse-form${suffix}.json`),
            ),
          );
        const runHello = async () =>
          hello.push(
            await runLighthouse(
              chrome.port,
              `${helloOrigin}/`,
              {},
              join(options.dir, `lighthouse-hello${suffix}.json`),
            ),
          );
        await inTurns(r, runForm, runHello);
      }
      return { form, hello };
    };
    let http2: Awaited<ReturnType<typeof lighthouseBoth>>;
    let http1: typeof http2;
    try {
      http2 = await lighthouseBoth(formFront.url, helloFront.url, '');
      http1 = await lighthouseBoth(local.apiUrl, helloUrl, '-http1');
    } finally {
      chrome.kill();
      await Promise.all([formFront.close(), helloFront.close()]);
    }
    const { form: formRuns, hello: helloRuns } = http2;
    const runs = `${options.lighthouseRuns} runs each (mobile preset, simulated throttling), interleaved`;
    const metrics = (list: readonly LighthouseRun[]) =>
      ['fcp', 'si', 'tbt', 'cls']
        .map((m) => `${m.toUpperCase()} ${median(list.map((r) => r.metrics[m] ?? Number.NaN))}`)
        .join(', ');
    const performance = median(formRuns.map((r) => r.performance));
    const accessibility = median(formRuns.map((r) => r.accessibility));
    const failed = [...new Set(formRuns.flatMap((r) => r.failedA11y))];
    const lcp = median(formRuns.map((r) => r.lcp));
    const helloLcp = median(helloRuns.map((r) => r.lcp));
    const http1Lcp = median(http1.form.map((r) => r.lcp));
    const http1HelloLcp = median(http1.hello.map((r) => r.lcp));
    const lcpNote = (form: readonly LighthouseRun[], hello: readonly LighthouseRun[]) =>
      `runs: form ${form.map((r) => Math.round(r.lcp)).join(', ')} ms, hello world ${hello.map((r) => Math.round(r.lcp)).join(', ')} ms`;
    rows.push(
      row({
        name: 'web.lighthouse.performance',
        unit: 'score',
        value: performance,
        baseline: median(helloRuns.map((r) => r.performance)),
        ratio: null,
        target: '≥ 95',
        pass: performance >= 95,
        note: `/skizzen/<id>/bearbeiten (a started draft), signed in, over HTTP/2; ${runs}; form ${metrics(formRuns)}; hello world ${metrics(helloRuns)}`,
      }),
      row({
        name: 'web.lighthouse.accessibility',
        unit: 'score',
        value: accessibility,
        baseline: median(helloRuns.map((r) => r.accessibility)),
        ratio: null,
        target: '100',
        pass: accessibility >= 100,
        note: failed.length ? `failing audits: ${failed.join(', ')}` : 'no failing audit',
      }),
      row({
        name: 'web.lighthouse.lcp',
        unit: 'ms',
        value: lcp,
        baseline: helloLcp,
        target: '≤ 1.5',
        pass: lcp / helloLcp <= 1.5,
        note: `largest contentful paint, simulated (Lantern) from the trace, both pages over HTTP/2 (TLS) as CloudFront serves them; ${lcpNote(formRuns, helloRuns)}`,
      }),
      row({
        name: 'web.lighthouse.lcp.http1',
        unit: 'ms',
        value: http1Lcp,
        baseline: http1HelloLcp,
        target: 'reported (HTTP/1.1, not how the portal is served)',
        pass: null,
        note: `the same over the local servers' HTTP/1.1 (up to six connections, each with its own handshake and slow start); ${lcpNote(http1.form, http1.hello)}`,
      }),
    );
    // web.cost-table
    rows.push(await costTableRow(context, options.lighthouseRuns, options.dir));
  } finally {
    local.setStatic(undefined);
    helloServer.closeAllConnections();
    await new Promise<void>((resolve) => helloServer.close(() => resolve()));
  }
  return rows;
}
