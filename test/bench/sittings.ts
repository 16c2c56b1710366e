import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RouteId, routes } from '../../functions/core/contract/index.ts';
import type { FunctionBundle } from './bundles.ts';
import { type Answered, type RouteCall, routeCall, type StatusOf } from './calls.ts';
import { coldChild, runChild } from './cold.ts';
import { send, uniqueEmail } from './local.ts';
import { broken, median, type Row, row } from './results.ts';
import {
  ballotCall,
  checkCall,
  completeSketch,
  costPlanPdf,
  createDraftCall,
  formOpenSteps,
  openedVote,
  readySketches,
  type ScenarioContext,
  startedDraft,
  startUploadCall,
  submitCall,
} from './scenarios.ts';

/*
 * sitting.<who>: what one person's sitting costs. Three scripted sittings, each a sequence of the
 * requests the web pages send, with the pauses a person makes between them (simulated, not waited):
 * an applicant writes and submits a sketch, a member opens the vote mail and votes on three sketches,
 * the office reviews two sketches and opens a vote on them. Cold starts are counted under a model in
 * which an instance stays warm for ten minutes after its last request and the sitting starts with
 * every function cold: for today's layout (one function per group) and for one function per route.
 * Target: at most one cold start per function group the sitting visits. Server time end to end is
 * the sum of its requests through the local adapter (warm) plus, for each cold start of the grouped
 * layout, the import of that group's bundle in a fresh process as deployed (cold.ts's child).
 */

const warmFor = 600;

interface Step {
  route: RouteId;
  /** Seconds into the sitting. */
  at: number;
  ms: number;
}

class Sitting {
  readonly steps: Step[] = [];
  /** The session cookie the last answer set (a redeemed link). */
  lastCookie: string | undefined;
  private clock = 0;
  private readonly context: ScenarioContext;
  constructor(context: ScenarioContext) {
    this.context = context;
  }

  /** The person waits `pause` seconds, then the page sends `call`. */
  async send<Id extends RouteId>(
    pause: number,
    call: RouteCall<Id>,
    status: StatusOf<Id>,
  ): Promise<Answered<Id>> {
    this.clock += pause;
    const started = performance.now();
    const answer = await send(this.context.local.apiUrl, call);
    const ms = performance.now() - started;
    if (answer.status !== status)
      throw new Error(
        `sitting: ${call.route} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 200)}`,
      );
    this.steps.push({ route: call.route, at: this.clock, ms });
    if (answer.setCookie) this.lastCookie = answer.setCookie.split(';')[0];
    return (
      answer.text && answer.status !== 302 && !answer.text.startsWith('%PDF') ? safeJson(answer.text) : {}
    ) as Answered<Id>;
  }

  /** The cold starts under the ten-minute model, with `functionOf` deciding which function serves a route. */
  coldStarts(functionOf: (route: RouteId) => string): Array<{ fn: string; step: Step }> {
    const lastSeen = new Map<string, number>();
    const cold: Array<{ fn: string; step: Step }> = [];
    for (const step of this.steps) {
      const fn = functionOf(step.route);
      const last = lastSeen.get(fn);
      if (last === undefined || step.at - last > warmFor) cold.push({ fn, step });
      lastSeen.set(fn, step.at);
    }
    return cold;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** An applicant signs in, writes a sketch over half an hour (autosaved), attaches the cost plan and submits. */
async function applicantSitting(context: ScenarioContext): Promise<Sitting> {
  const { local } = context;
  const sitting = new Sitting(context);
  const email = uniqueEmail('sitzung-antrag');
  await sitting.send(0, routeCall('getProfile', {}), 200);
  await sitting.send(2, routeCall('me', {}), 200);
  await sitting.send(20, routeCall('requestLink', { body: { email } }), 202);
  const token = await local.linkToken(email);
  await sitting.send(60, routeCall('redeemLink', { body: { token } }), 201);
  const cookie = sitting.lastCookie ?? '';
  await sitting.send(1, routeCall('me', { cookie }), 200);
  await sitting.send(2, routeCall('mySketches', { cookie }), 200);
  const draft = await sitting.send(30, createDraftCall(cookie, startedDraft(email)), 201);
  let { version } = draft;
  // The form saves as the applicant types: every minute or two over 25 minutes, with one long pause.
  const pauses = [60, 90, 120, 60, 480, 90, 120, 60, 90, 60];
  for (const pause of pauses) {
    ({ version } = await sitting.send(
      pause,
      routeCall('saveDraft', {
        params: { id: draft.id },
        cookie,
        body: { version, draft: completeSketch(), openSteps: formOpenSteps(completeSketch()) },
      }),
      200,
    ));
  }
  await sitting.send(30, routeCall('listAttachments', { params: { id: draft.id }, cookie }), 200);
  const { attachment, upload } = await sitting.send(20, startUploadCall(cookie, draft.id), 201);
  // The browser uploads the file to S3 itself (presigned POST): no request of ours.
  const form = new FormData();
  for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
  form.append('file', new Blob([costPlanPdf], { type: 'application/pdf' }), 'Kostenplan.pdf');
  const uploaded = await fetch(upload.url, { method: 'POST', body: form });
  await uploaded.arrayBuffer();
  await sitting.send(5, checkCall(cookie, draft.id, attachment.id), 200);
  await sitting.send(60, routeCall('getSketch', { params: { id: draft.id }, cookie }), 200);
  await sitting.send(120, submitCall(cookie, draft.id, version), 200);
  await sitting.send(3, routeCall('mySketches', { cookie }), 200);
  return sitting;
}

/** A member opens the vote mail's link, reads the three sketches and their cost plan, votes on each. */
async function memberSitting(context: ScenarioContext): Promise<Sitting> {
  const { local, group, adminCookie } = context;
  const sketchIds = (await readySketches(context, 3)).map((d) => d.id);
  const voteId = await openedVote(local, adminCookie, sketchIds);
  const seat = group.seats[12];
  if (!seat) throw new Error('no seat 13');
  const sitting = new Sitting(context);
  // The vote mail's link signs the seat's holder in.
  const token = await local.linkToken(seat.member.email);
  await sitting.send(0, routeCall('redeemLink', { body: { token } }), 201);
  const cookie = sitting.lastCookie ?? '';
  await sitting.send(1, routeCall('me', { cookie }), 200);
  await sitting.send(1, routeCall('getVote', { params: { id: voteId }, cookie }), 200);
  for (const sketchId of sketchIds) {
    await sitting.send(20, routeCall('getSketch', { params: { id: sketchId }, cookie }), 200);
    await sitting.send(180, routeCall('listAttachments', { params: { id: sketchId }, cookie }), 200);
    await sitting.send(60, ballotCall(cookie, voteId, seat.id, sketchId, 'approve'), 200);
  }
  await sitting.send(5, routeCall('myVotes', { cookie }), 200);
  return sitting;
}

/** The office signs in (second factor), reviews two submitted sketches, accepts them and opens a vote. */
async function officeSitting(context: ScenarioContext): Promise<Sitting> {
  const { local, applicant, adminCookie } = context;
  const { submittedSketch, localAlliances, expectAnswer } = await import('./scenarios.ts');
  const sketches = [
    await submittedSketch(local, applicant.cookie),
    await submittedSketch(local, applicant.cookie),
  ];
  // The local alliances gave their statements before (in their own sittings, not the office's).
  for (const sketch of sketches)
    for (const [subRegionId, cookie] of await localAlliances(local, adminCookie))
      await expectAnswer(
        local,
        routeCall('giveStatement', {
          params: { id: sketch.id },
          cookie,
          body: { subRegionId, verdict: 'supports' },
        }),
        200,
      );
  const sitting = new Sitting(context);
  // A signed-in office session (its sign-in and second factor are the public and secondFactor rows').
  const cookie = adminCookie;
  await sitting.send(0, routeCall('me', { cookie }), 200);
  await sitting.send(1, routeCall('listSketches', { cookie }), 200);
  for (const sketch of sketches) {
    const params = { id: sketch.id };
    await sitting.send(10, routeCall('getSketch', { params, cookie }), 200);
    await sitting.send(30, routeCall('listAttachments', { params, cookie }), 200);
    await sitting.send(240, routeCall('budgetCheck', { params, cookie }), 200);
    await sitting.send(20, routeCall('acceptSketch', { params, cookie }), 200);
  }
  await sitting.send(30, routeCall('listVotes', { cookie }), 200);
  const sketchIds = sketches.map((s) => s.id);
  await sitting.send(
    120,
    routeCall('openVote', {
      cookie,
      body: { sketchIds, reason: 'Eilbedürftig vor der nächsten Sitzung.' },
    }),
    201,
  );
  await sitting.send(2, routeCall('listVotes', { cookie }), 200);
  return sitting;
}

/** The import of each group's bundle in a fresh process (median of three), as a cold start pays it. */
async function importTimes(
  bundles: readonly FunctionBundle[],
  options: { node: string; dir: string; env: NodeJS.ProcessEnv },
): Promise<Map<string, number>> {
  const child = await coldChild(options.dir);
  const eventFile = join(options.dir, 'sitting-import.event.json');
  // `--only=sitting` on a fresh clone: the cold rows, which make this folder, did not run.
  mkdirSync(options.dir, { recursive: true });
  // A route key no group serves: the group answers 404 at once, so only the import is timed.
  writeFileSync(
    eventFile,
    JSON.stringify({
      event: { routeKey: 'GET /bench-import-only', headers: {} },
      functionName: 'votum-sitting',
    }),
  );
  const times = new Map<string, number>();
  for (const bundle of bundles.filter((b) => b.kind === 'group')) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i += 1)
      runs.push((await runChild(options.node, child, bundle.file, eventFile, options.env)).importMs);
    times.set(bundle.id, median(runs));
  }
  return times;
}

export async function sittingRows(
  context: ScenarioContext,
  bundles: readonly FunctionBundle[],
  options: { node: string; dir: string },
): Promise<Row[]> {
  const rows: Row[] = [];
  const { deployedEnvironment } = await import('../../infra/aws/functions.ts');
  const env = { PATH: process.env.PATH ?? '', ...context.local.env, ...deployedEnvironment };
  const imports = bundles.length
    ? await importTimes(bundles, { ...options, env })
    : new Map<string, number>();
  const groupOf = (id: RouteId) => routes[id].group as string;
  const sittings = [
    {
      name: 'applicant',
      what: 'an applicant writes, autosaves, attaches and submits a sketch',
      run: applicantSitting,
    },
    {
      name: 'member',
      what: 'a member opens the vote mail, reads three sketches and votes on each',
      run: memberSitting,
    },
    {
      name: 'office',
      what: 'the office reviews two sketches, accepts them and opens a vote',
      run: officeSitting,
    },
  ];
  for (const { name, what, run } of sittings) {
    let sitting: Sitting;
    try {
      sitting = await run(context);
    } catch (error) {
      rows.push(
        broken(
          `sitting.${name}.cold-starts`,
          'cold starts',
          '≤ 1 per group visited',
          (error as Error).message,
        ),
      );
      continue;
    }
    const grouped = sitting.coldStarts(groupOf);
    const perRoute = sitting.coldStarts((id) => id);
    const visited = new Set(sitting.steps.map((s) => groupOf(s.route)));
    const minutes = Math.round((sitting.steps.at(-1)?.at ?? 0) / 60);
    rows.push(
      row({
        name: `sitting.${name}.cold-starts`,
        unit: 'cold starts',
        value: grouped.length,
        baseline: visited.size,
        target: '≤ 1 per group visited',
        pass: grouped.length <= visited.size,
        note: `${what}: ${sitting.steps.length} requests over ${minutes} minutes; grouped: ${grouped.map((c) => c.fn).join(', ')}; one function per route: ${perRoute.length} cold starts (${[...new Set(perRoute.map((c) => c.fn))].join(', ')}); an instance stays warm 10 minutes after its last request`,
      }),
    );
    const warmMs = sitting.steps.reduce((t, s) => t + s.ms, 0);
    const coldMs = grouped.reduce((t, c) => t + (imports.get(c.fn) ?? 0), 0);
    rows.push(
      row({
        name: `sitting.${name}.server-time`,
        unit: 'ms',
        value: warmMs + coldMs,
        baseline: null,
        target: 'reported',
        pass: null,
        note: `${Math.round(warmMs)} ms in ${sitting.steps.length} requests through the local adapter + ${Math.round(coldMs)} ms importing ${grouped.length} group bundles as deployed (${grouped.map((c) => `${c.fn} ${Math.round(imports.get(c.fn) ?? 0)}`).join(', ')}); per route it would be ${perRoute.length} cold starts`,
      }),
    );
  }
  return rows;
}
