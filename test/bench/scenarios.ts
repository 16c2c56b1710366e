import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { type Route, type RouteId, routeKey, routes } from '../../functions/core/contract/index.ts';
import { addDays, berlinDate } from '../../functions/core/dates.ts';
import { openSteps } from '../../functions/core/draft-check.ts';
import { normalizeDraft } from '../../functions/core/form-draft.ts';
import { periodIdOf } from '../../functions/core/periods.ts';
import type { Sketch, SketchDraft } from '../../functions/core/sketch-full.ts';
import { edgeHeader } from '../../functions/http/edge.ts';
import { tokenHash } from '../../functions/platform/secret.ts';
import { leineWeserSketch } from '../support/sketches.ts';
import { type Answered, type RouteCall, routeCall, type StatusOf } from './calls.ts';
import {
  freshAdmin,
  linkSession,
  nextCode,
  passkeyAdmin,
  passkeyChallengeOf,
  passkeyLibrary,
  passkeyRegistration,
  totpAdmin,
  totpLibrary,
  totpSetup,
} from './factors.ts';
import { benchAdmin, type LocalStack, send, uniqueEmail } from './local.ts';

/*
 * How each route of the route table is called in the benchmarks: a fresh, valid request as the web
 * pages send it, and the status it must answer. Every request, the measured ones and those that
 * prepare them, names its route and is typed by the contract (calls.ts `routeCall`), so a change of
 * a route's schema or statuses breaks the scenario at compile time. What the call needs (a draft, a
 * submitted sketch, an uploaded file) is made through the API first, outside the measurement. A
 * route without a scenario here is reported as a miss, so a new route cannot slip past the
 * cold-start and capacity rows.
 */

export interface Person {
  email: string;
  /** `name=value` of the session cookie. */
  cookie: string;
}

export interface ScenarioContext {
  local: LocalStack;
  /** Drafts, submits and uploads what the scenarios need, as one applicant does over time. */
  applicant: Person;
  adminCookie: string;
  /** A complete sketch the applicant submitted, with two checked attachments. */
  sketchId: string;
  /** One of those attachments. */
  attachmentId: string;
  /**
   * An applicant whose status page is never changed by the bench: a sketch just started, a complete
   * one submitted, and one the office returned for revision, with the mails about them.
   */
  statusApplicant: Person;
  /** The steering group: its seats, their members signed in, and the votes the vote routes act in. */
  group: SteeringGroup;
}

/** Thirteen seats, as Leine-Weser has, each with a member and a deputy. */
export interface SteeringGroup {
  seats: Array<{
    id: string;
    institution: string;
    member: Person;
    deputies: { name: string; email: string }[];
  }>;
  /** Member sessions by seat index (0-based). */
  members: string[];
  /** An open vote on three sketches: ballots, reads, reminders, hand-overs. Seat 13 never votes in it, so it stays open. */
  voteId: string;
  voteSketchIds: string[];
  /** An open vote on four sketches in which the office records recusals. */
  recusalVoteId: string;
  recusalSketchIds: string[];
  /** An open vote whose deadline is extended, a day further each time. */
  extendVoteId: string;
  extendDeadline: string;
  /** A recorded meeting (for its list and minutes) and a sketch with its Votum written (for the letter). */
  meetingId: string;
  votumSketchId: string;
  /** A vote the office closed after seat 1 voted, and its sketch: the record of the circulation decision. */
  closedVoteId: string;
  closedSketchId: string;
  /** A project funded and running (approval reported and confirmed), owned by the bench's applicant. */
  runningId: string;
  /** The end date the office last set on it. */
  runningEnd: string;
}

export interface Scenario<Id extends RouteId = RouteId> {
  /** The status the call must answer: one the route declares. */
  status: StatusOf<Id>;
  /** A fresh request of route `Id`, with what it needs made first. */
  prepare(context: ScenarioContext): Promise<RouteCall<Id>>;
  /**
   * Whether the cold start's baseline is recorded again before each pair, from a call on a subject
   * of its own, rather than taken from the capacity section: for a change that counts against
   * something its recorded call names (a sign-in link against the address's hourly quota).
   */
  recordEachPair?: boolean;
  /**
   * Keys the route makes of its request (no ids, which the replay maps by itself), as the
   * recorded call's and this call's, swapped wherever they occur in the replay: it writes the
   * prepared subject's item, not again the recorded one (whose condition would fail).
   */
  subjects?(
    recorded: SubjectRequest,
    fresh: SubjectRequest,
  ): Array<[string, string]> | Promise<Array<[string, string]>>;
}

/** What of a call names its subject: its path parameters and its body. */
type SubjectRequest = { pathParameters?: Record<string, string>; body?: unknown };

/** The sketch the benchmarks submit: the complete Leine-Weser sketch of the integration tests. */
export const completeSketch = (): Sketch => leineWeserSketch();

/** Sends a call made outside the measurement and reads its JSON answer, or fails saying why. */
export async function expectAnswer<Id extends RouteId>(
  local: LocalStack,
  call: RouteCall<Id>,
  status: StatusOf<Id>,
): Promise<Answered<Id>> {
  const answer = await send(local.apiUrl, call);
  if (answer.status !== status) {
    throw new Error(
      `${call.route} (${call.method} ${call.path}) answered ${answer.status}, not ${status}: ${answer.text.slice(0, 300)}`,
    );
  }
  return (answer.text ? JSON.parse(answer.text) : {}) as Answered<Id>;
}

/** `createSketch` as the form's "Neue Skizze" sends it (a fresh Idempotency-Key per click). */
/** The steps the form's checks find open in `draft`: the form sends them with it (web/src/sketch-check.ts `stepsOpen`). */
export const formOpenSteps = (draft: SketchDraft) =>
  openSteps(normalizeDraft(draft), checkedProfile('leine-weser'), berlinDate(new Date()));

/** `createSketch` as "Neue Skizze" sends it: the draft with its open steps. */
export const createDraftCall = (cookie: string, draft: SketchDraft) =>
  routeCall('createSketch', {
    cookie,
    headers: { 'idempotency-key': randomUUID() },
    body: { draft, openSteps: formOpenSteps(draft) },
  });

/** `submitSketch` as the review page sends it. */
export const submitCall = (cookie: string, id: string, version: number) =>
  routeCall('submitSketch', {
    params: { id },
    cookie,
    headers: { 'idempotency-key': randomUUID() },
    body: { version },
  });

/** A new draft of `cookie`'s owner holding `draft`. */
export const startDraft = (local: LocalStack, cookie: string, draft: SketchDraft = completeSketch()) =>
  expectAnswer(local, createDraftCall(cookie, draft), 201);

/** A complete sketch, drafted and submitted through the API. */
export async function submittedSketch(local: LocalStack, cookie: string) {
  const draft = await startDraft(local, cookie);
  return expectAnswer(local, submitCall(cookie, draft.id, draft.version), 200);
}

/** The sub-regions of the bench's sketch: each one's local alliance gives its statement. */
const benchSubRegions = () => completeSketch().space.subRegions.map((s) => s.id);

/** Hildesheim's second account (never signed in), as the office creates or renames it. */
const localAccountCall = (adminCookie: string, name: string) => {
  const id = 'lokal-hildesheim-vertretung';
  return routeCall('putLocalAccount', {
    params: { id },
    cookie: adminCookie,
    body: { subRegionId: 'hildesheim', name, email: `${id}@example.org` },
  });
};

/** The local alliances' sessions by sub-region, per local stack: their accounts kept by the office, signed in once. */
const localSessions = new WeakMap<LocalStack, Promise<Map<string, string>>>();
export function localAlliances(local: LocalStack, adminCookie: string): Promise<Map<string, string>> {
  let sessions = localSessions.get(local);
  if (!sessions) {
    sessions = (async () => {
      const run = randomUUID().slice(0, 6);
      const cookies = new Map<string, string>();
      for (const subRegionId of benchSubRegions()) {
        const email = `lokal-${subRegionId}-${run}@example.org`;
        await expectAnswer(
          local,
          routeCall('putLocalAccount', {
            params: { id: `lokal-${subRegionId}-${run}` },
            cookie: adminCookie,
            body: { subRegionId, name: `Lokale Allianz ${subRegionId}`, email },
          }),
          200,
        );
        cookies.set(subRegionId, await local.signIn(email));
      }
      // Hildesheim's second account, which putLocalAccount changes: the accounts are four from the start.
      await expectAnswer(local, localAccountCall(adminCookie, 'FaReHi (Vertretung)'), 200);
      return cookies;
    })();
    localSessions.set(local, sessions);
  }
  return sessions;
}

const statementCall = (cookie: string, id: string, subRegionId: string) =>
  routeCall('giveStatement', { params: { id }, cookie, body: { subRegionId, verdict: 'supports' } });

/** A complete sketch with every local statement given, accepted by the office: ready for the vote. */
export async function readySketch(local: LocalStack, cookie: string, adminCookie: string) {
  const sketch = await submittedSketch(local, cookie);
  const params = { id: sketch.id };
  for (const [subRegionId, localCookie] of await localAlliances(local, adminCookie))
    await expectAnswer(local, statementCall(localCookie, sketch.id, subRegionId), 200);
  return expectAnswer(local, routeCall('acceptSketch', { params, cookie: adminCookie }), 200);
}

export const readySketches = (
  context: Pick<ScenarioContext, 'local' | 'applicant' | 'adminCookie'>,
  n: number,
) =>
  Promise.all(
    Array.from({ length: n }, () =>
      readySketch(context.local, context.applicant.cookie, context.adminCookie),
    ),
  );

const openVoteCall = (adminCookie: string, sketchIds: string[], deadline?: string) =>
  routeCall('openVote', {
    cookie: adminCookie,
    body: { sketchIds, reason: 'Eilbedürftig vor der nächsten Sitzung.', ...(deadline ? { deadline } : {}) },
  });

export const openedVote = async (
  local: LocalStack,
  adminCookie: string,
  sketchIds: string[],
  deadline?: string,
) => (await expectAnswer(local, openVoteCall(adminCookie, sketchIds, deadline), 201)).id;

export const ballotCall = (
  cookie: string,
  voteId: string,
  seatId: string,
  sketchId: string,
  choice: 'approve' | 'abstain',
) => routeCall('castBallot', { params: { id: voteId }, cookie, body: { seatId, sketchId, choice } });

const today = () => berlinDate(new Date());

/** Seat `n` (1–13) of the steering group. */
function seatOf(group: Pick<SteeringGroup, 'seats'>, n: number) {
  const seat = group.seats[n - 1];
  if (!seat) throw new Error(`no seat ${n}`);
  return seat;
}

/** A meeting of all thirteen seats deciding `sketchIds`: eight members, two deputies, three absent. */
const meetingCall = (adminCookie: string, group: SteeringGroup, sketchIds: string[]) =>
  routeCall('recordMeeting', {
    cookie: adminCookie,
    body: {
      date: today(),
      place: 'Hildesheim',
      attendance: group.seats.map((seat, i) => ({
        seatId: seat.id,
        presence: i < 8 ? ('member' as const) : i < 10 ? ('deputy' as const) : ('absent' as const),
      })),
      decisions: sketchIds.map((sketchId) => ({
        sketchId,
        // Ten present, one recused: nine may vote.
        approve: 8,
        object: 0,
        abstain: 1,
        recusedSeatIds: [seatOf(group, 5).id],
      })),
    },
  });

const votumCall = (adminCookie: string, sketchId: string) =>
  routeCall('writeVotum', {
    params: { id: sketchId },
    cookie: adminCookie,
    body: {
      decision: 'endorsed',
      conditions: 'Zwischenbericht nach zwölf Monaten.',
      criteria: [
        { id: 'raeumliche-wirkung', assessment: 'met' },
        { id: 'verstetigung', assessment: 'met' },
        { id: 'modellcharakter', assessment: 'not_assessed' },
      ],
      justification: 'Das Projekt wirkt in allen drei Teilräumen und ist auf andere Bündnisse übertragbar.',
    },
  });

/** A sketch the steering group endorsed in a meeting, with its Votum written: where the follow-up starts. */
async function endorsedSketch(
  context: Pick<ScenarioContext, 'local' | 'applicant' | 'adminCookie'>,
  group: SteeringGroup,
) {
  const [sketch] = await readySketches(context, 1);
  const id = sketch?.id ?? '';
  await expectAnswer(context.local, meetingCall(context.adminCookie, group, [id]), 201);
  await expectAnswer(context.local, votumCall(context.adminCookie, id), 200);
  return id;
}

/** What the applicant reports from the NBank's notice: approved with less money and 18 months. */
const fundingCall = (cookie: string, id: string) =>
  routeCall('reportFunding', {
    params: { id },
    cookie,
    body: {
      outcome: 'approved',
      approvedCents: 20_000_000,
      start: '2027-01-01',
      end: '2028-06-30',
      decidedOn: berlinDate(new Date()),
    },
  });

const confirmFundingCall = (adminCookie: string, id: string) =>
  routeCall('confirmFunding', { params: { id }, cookie: adminCookie, body: {} });

/** An endorsed sketch whose funding decision is reported and confirmed: the project runs. */
async function runningProject(
  context: ScenarioContext | Pick<ScenarioContext, 'local' | 'applicant' | 'adminCookie'>,
  group: SteeringGroup,
) {
  const id = await endorsedSketch(context, group);
  await expectAnswer(context.local, fundingCall(context.applicant.cookie, id), 200);
  await expectAnswer(context.local, confirmFundingCall(context.adminCookie, id), 200);
  return id;
}

/** The final report in its short form, as the report page sends it. */
const finalReportCall = (cookie: string, id: string) =>
  routeCall('submitReport', {
    params: { id, rid: 'final' },
    cookie,
    body: {
      course: 'Das Projekt verlief wie geplant; alle drei Teilräume waren beteiligt.',
      indicators: [{ achieved: '64 begonnene Ausbildungen', comment: 'Mehr als geplant.' }],
      continuation: 'Die Pflegeschulen übernehmen das Coaching-Konzept in ihr Regelangebot.',
      spentCents: 19_450_000,
    },
  });

/** A vote a seat's change acts in: its id and its sketches. */
export interface VoteRef {
  id: string;
  sketchIds: string[];
}

type SeatChange<Id extends RouteId> = (
  context: ScenarioContext,
  vote: VoteRef,
  step: number,
) => Promise<RouteCall<Id>>;

/**
 * Seat 12's member and seat in a vote, after making `opposite` (a take-back before a hand-over and
 * the other way round), so that the hand-over or take-back made next always changes the seat.
 */
async function seat12After(
  { local, group }: ScenarioContext,
  vote: VoteRef,
  opposite: 'handOver' | 'takeBack',
) {
  const seat = seatOf(group, 12);
  const sent = { params: { id: vote.id, seatId: seat.id }, cookie: seat.member.cookie };
  await send(local.apiUrl, routeCall(opposite, sent));
  return sent;
}

/**
 * The changes of one seat in a vote, made alike in any vote of the group's seats; `step` (0, 1, …)
 * says which seat and sketch. Each is conditional on the seat's revision, so a baseline can replay
 * one only on a vote whose seat is at the same revision: for the cold starts, cold.ts makes each
 * step in three votes kept in lockstep (lockstepVotes).
 */
export const seatChanges: { [Id in 'castBallot' | 'handOver' | 'takeBack' | 'recuseSeat']: SeatChange<Id> } =
  {
    // Seats 1–11 vote on the sketches in turn, changing their ballot on later rounds.
    castBallot: async ({ group }, vote, step) => {
      const seat = group.seats[step % 11];
      const k = Math.floor(step / 11);
      const sketchId = vote.sketchIds[k % vote.sketchIds.length];
      if (!seat || !sketchId) throw new Error('no seat or sketch to vote on');
      const round = Math.floor(k / vote.sketchIds.length);
      return ballotCall(
        seat.member.cookie,
        vote.id,
        seat.id,
        sketchId,
        round % 2 === 0 ? 'approve' : 'abstain',
      );
    },
    // Seat 12's member hands the vote to the deputy (taking it back first when it was handed over).
    handOver: async (context, vote) => routeCall('handOver', await seat12After(context, vote, 'takeBack')),
    // Seat 12's member takes the vote back from the deputy (handing it over first when it was not).
    takeBack: async (context, vote) => routeCall('takeBack', await seat12After(context, vote, 'handOver')),
    // The office records seat 13's, then 12's … recusals on the sketches; the last pair is never taken.
    recuseSeat: async ({ adminCookie, group }, vote, step) => {
      const n = vote.sketchIds.length;
      const seat = group.seats[12 - Math.floor(step / n)];
      const sketchId = vote.sketchIds[step % n];
      if (!seat || !sketchId || step >= 13 * n - 1)
        throw new Error('the recusal vote has no pair left: give it more sketches');
      return routeCall('recuseSeat', {
        params: { id: vote.id },
        cookie: adminCookie,
        body: { seatId: seat.id, sketchId },
      });
    },
  };

/** How many sketches each lockstep vote of a change has: recusals use up a (seat, sketch) pair each. */
const lockstepSketches: Record<keyof typeof seatChanges, number> = {
  castBallot: 3,
  handOver: 1,
  takeBack: 1,
  recuseSeat: 3,
};
const lockstep = new Map<string, Promise<[VoteRef, VoteRef, VoteRef]>>();

/**
 * Three votes with the group's 13 seats, each on sketches of its own, opened once per change for
 * the cold starts: every step of the change is made in all three (recorded through the local
 * adapter in the first, replayed raw in the second, the cold start's in the third), so the seat
 * is at the same revision in each and every replayed change meets its condition as the handler's did.
 */
export function lockstepVotes(
  context: ScenarioContext,
  change: keyof typeof seatChanges,
): Promise<[VoteRef, VoteRef, VoteRef]> {
  let votes = lockstep.get(change);
  if (!votes) {
    const open = async (): Promise<VoteRef> => {
      const sketchIds = (await readySketches(context, lockstepSketches[change])).map((d) => d.id);
      return { id: await openedVote(context.local, context.adminCookie, sketchIds), sketchIds };
    };
    votes = (async () => [await open(), await open(), await open()] as [VoteRef, VoteRef, VoteRef])();
    lockstep.set(change, votes);
  }
  return votes;
}

/** A vote of its own on one ready sketch, for a change the office makes for a seat. */
async function freshVote(context: ScenarioContext): Promise<VoteRef> {
  const sketchIds = (await readySketches(context, 1)).map((d) => d.id);
  return { id: await openedVote(context.local, context.adminCookie, sketchIds), sketchIds };
}

/** Where the capacity and warm sections are in the group's votes (ballotTwin starts the ballots anew). */
const steps = { castBallot: 0, recuseSeat: 0 };

/**
 * For warm.cast-ballot: a new ballot vote and its twin, the same 13 seats each on three other
 * sketches ready for the vote. From now on the ballot scenario votes in the new vote, from its first
 * pair; the answer maps the new vote's and its sketches' ids to the twin's. Replaying each ballot
 * cast in the new vote on the twin, in the same order, leaves every seat of the twin at the revision
 * the vote's seat had: each replayed seat change meets its condition, as the handler's did.
 */
export async function ballotTwin(context: ScenarioContext): Promise<Map<string, string>> {
  const { group } = context;
  const [real, twin] = await Promise.all(
    [0, 1].map(async () => {
      const sketchIds = (await readySketches(context, group.voteSketchIds.length)).map((d) => d.id);
      return { sketchIds, id: await openedVote(context.local, context.adminCookie, sketchIds) };
    }),
  );
  if (!real || !twin) throw new Error('no twin votes');
  group.voteId = real.id;
  group.voteSketchIds = real.sketchIds;
  steps.castBallot = 0;
  return new Map([
    [real.id, twin.id],
    ...real.sketchIds.map((id, k) => [id, twin.sketchIds[k] ?? ''] as [string, string]),
  ]);
}

/** Sets up the steering group in the bench's table: seats (through the API), members signed in, votes open. */
async function steeringGroup(
  context: Pick<ScenarioContext, 'local' | 'applicant' | 'adminCookie'>,
): Promise<SteeringGroup> {
  const { local, adminCookie } = context;
  const run = randomUUID().slice(0, 6);
  const seats = Array.from({ length: 13 }, (_, i) => ({
    id: `sitz-${i + 1}-${run}`,
    institution: `Institution ${i + 1}`,
    member: { name: `Mitglied ${i + 1}`, email: `mitglied-${i + 1}-${run}@example.org` },
    deputies: [{ name: `Vertretung ${i + 1}`, email: `vertretung-${i + 1}-${run}@example.org` }],
  }));
  for (const seat of seats) {
    const { id, ...body } = seat;
    await expectAnswer(
      local,
      routeCall('putSeat', { params: { id }, cookie: adminCookie, body: { ...body, active: true } }),
      200,
    );
  }
  // The member role comes with a seat at sign-in: they sign in once their seats exist.
  const members: string[] = [];
  for (const seat of seats) members.push(await local.signIn(seat.member.email));
  const [a, b, c, r1, r2, r3, r4, e, m, v, k] = await readySketches(context, 11);
  const voteSketchIds = [a, b, c].map((d) => d?.id ?? '');
  const recusalSketchIds = [r1, r2, r3, r4].map((d) => d?.id ?? '');
  const extendDeadline = addDays(today(), 14);
  const voteId = await openedVote(local, adminCookie, voteSketchIds);
  const recusalVoteId = await openedVote(local, adminCookie, recusalSketchIds);
  const extendVoteId = await openedVote(local, adminCookie, [e?.id ?? ''], extendDeadline);
  const group = {
    seats: seats.map((seat, i) => ({
      ...seat,
      member: { email: seat.member.email, cookie: members[i] ?? '' },
    })),
    members,
    voteId,
    voteSketchIds,
    recusalVoteId,
    recusalSketchIds,
    extendVoteId,
    extendDeadline,
    meetingId: '',
    votumSketchId: v?.id ?? '',
    closedVoteId: '',
    closedSketchId: k?.id ?? '',
    runningId: '',
    runningEnd: '2028-06-30',
  };
  group.meetingId = (
    await expectAnswer(local, meetingCall(adminCookie, group, [m?.id ?? '', v?.id ?? '']), 201)
  ).id;
  await expectAnswer(local, votumCall(adminCookie, group.votumSketchId), 200);
  group.closedVoteId = await openedVote(local, adminCookie, [group.closedSketchId]);
  const first = seatOf(group, 1);
  await expectAnswer(
    local,
    ballotCall(first.member.cookie, group.closedVoteId, first.id, group.closedSketchId, 'approve'),
    200,
  );
  await expectAnswer(
    local,
    routeCall('closeVote', { params: { id: group.closedVoteId }, cookie: adminCookie }),
    200,
  );
  // The minutes and the letter the reading scenarios fetch are made by the render job, as the
  // stream would have it run right after these inserts.
  const renderDocuments = await import('../../functions/jobs/render-documents.ts');
  await renderDocuments.handler();
  group.runningId = await runningProject(context, group);
  return group;
}

/** The first page of the form as the applicant leaves it after a few fields. */
export const startedDraft = (email: string): SketchDraft => ({
  applicant: { contactEmail: email, organisation: 'Bildungswerk Weserbergland e. V.' },
  project: { title: 'Pflegekräfte für Leine-Weser' },
});

/**
 * A cost plan as a PDF of about 300 KB, the same bytes every time (so its ETag is too): the check
 * reads its first 256 KB, as it does of any file at least that large.
 */
export const costPlanPdf = (() => {
  const filler = Buffer.alloc(300 * 1024);
  for (let i = 0; i < filler.length; i += 32) createHash('sha256').update(String(i)).digest().copy(filler, i);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
      Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
      Buffer.from('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
      Buffer.from('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n'),
      Buffer.from(`4 0 obj\n<< /Length ${filler.length} >>\nstream\n`),
      filler,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]),
  );
})();

/** The kinds of attachment the bench uploads. */
type AttachmentKind = 'cost_plan' | 'endorsement_statement';

export const startUploadCall = (cookie: string, sketchId: string, kind: AttachmentKind = 'cost_plan') =>
  routeCall('createAttachment', {
    params: { id: sketchId },
    cookie,
    body: {
      kind,
      fileName: 'Kostenplan Pflegekräfte Leine-Weser.pdf',
      contentType: 'application/pdf',
      size: costPlanPdf.length,
    },
  });

/** Starts an attachment and uploads the file with its presigned POST, as the browser does. */
export async function uploadedAttachment(
  local: LocalStack,
  cookie: string,
  sketchId: string,
  kind?: AttachmentKind,
) {
  const { attachment, upload } = await expectAnswer(local, startUploadCall(cookie, sketchId, kind), 201);
  const form = new FormData();
  for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
  form.append('file', new Blob([costPlanPdf], { type: 'application/pdf' }), 'Kostenplan.pdf');
  const answer = await fetch(upload.url, { method: 'POST', body: form });
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`the presigned upload answered ${answer.status}`);
  return attachment.id;
}

export const checkCall = (cookie: string, sketchId: string, attachmentId: string) =>
  routeCall('checkAttachment', { params: { id: sketchId, aid: attachmentId }, cookie });

/** An uploaded attachment that passed its check. */
async function checkedAttachment(local: LocalStack, cookie: string, sketchId: string, kind?: AttachmentKind) {
  const id = await uploadedAttachment(local, cookie, sketchId, kind);
  await expectAnswer(local, checkCall(cookie, sketchId, id), 200);
  return id;
}

/** The shares of a period the bench opens: the sketch's three sub-regions, adding up to 100 %. */
const periodShares = () => {
  const ids = benchSubRegions();
  const each = Math.floor(10_000 / ids.length);
  return ids.map((subRegionId, i) => ({
    subRegionId,
    shareBp: i === 0 ? 10_000 - each * (ids.length - 1) : each,
  }));
};

/** The next year `openPeriod` opens a period in: one a call, far past the periods the bench reads. */
let nextPeriodYear = 2100;

const openPeriodCall = (adminCookie: string, start: string, end: string) =>
  routeCall('openPeriod', {
    cookie: adminCookie,
    body: { start, end, budgetCents: 250_000_000, shares: periodShares() },
  });

/**
 * The period the office records prior projects in, per local stack: the ESF period before the
 * portal (2014–2020), opened once, so the current period's budget, which other scenarios read,
 * stays as it is.
 */
const priorPeriods = new WeakMap<LocalStack, Promise<string>>();
function priorPeriod(local: LocalStack, adminCookie: string): Promise<string> {
  let period = priorPeriods.get(local);
  if (!period) {
    period = (async () =>
      (await expectAnswer(local, openPeriodCall(adminCookie, '2014-01-01', '2020-12-31'), 201)).id)();
    priorPeriods.set(local, period);
  }
  return period;
}

/** A project approved before the portal was used, as the office records it on the periods page. */
const priorProjectCall = (adminCookie: string, periodId: string) =>
  routeCall('recordPriorProject', {
    params: { periodId },
    cookie: adminCookie,
    body: {
      title: 'Fachkräftenetzwerk Pflege Weserbergland',
      organisation: 'Bildungswerk Weserbergland e. V.',
      approvedOn: '2019-05-14',
      amounts: benchSubRegions().map((subRegionId, i) => ({ subRegionId, amountCents: (i + 1) * 4_500_000 })),
      note: 'Aus der Förderliste der NBank übernommen.',
    },
  });

/** Plans one meeting through the API: its id. */
async function plannedMeeting(local: LocalStack, adminCookie: string, date: string, deadline: string) {
  const { items } = await expectAnswer(
    local,
    routeCall('planMeetings', {
      cookie: adminCookie,
      body: { meetings: [{ date, submissionDeadline: deadline, place: 'Hildesheim' }] },
    }),
    201,
  );
  return items[0]?.id ?? '';
}

/**
 * Per local stack, the next meeting: in a week, its submission deadline today, so every sketch
 * ready for a decision is on the agenda it would have now (the list shows what it read). It is
 * the earliest plan, so the list (oldest date first, at most 100) always shows it.
 */
const nextMeetings = new WeakMap<LocalStack, Promise<string>>();
function nextMeeting(local: LocalStack, adminCookie: string): Promise<string> {
  let plan = nextMeetings.get(local);
  if (!plan) {
    plan = plannedMeeting(local, adminCookie, addDays(today(), 7), today());
    nextMeetings.set(local, plan);
  }
  return plan;
}

const returnNote = 'Bitte ergänzen Sie die Zielwerte je Teilraum und erläutern Sie die Restkostenpauschale.';

/** Every route's scenario, by route id: each is checked against its own route's request and statuses. */
const table = {
  requestLink: {
    status: 202,
    recordEachPair: true,
    prepare: async () => routeCall('requestLink', { body: { email: uniqueEmail('link') } }),
  },
  redeemLink: {
    status: 201,
    prepare: async ({ local }) => {
      const email = uniqueEmail('redeem');
      const requested = await send(local.apiUrl, routeCall('requestLink', { body: { email } }));
      if (requested.status !== 202) throw new Error(`link request answered ${requested.status}`);
      return routeCall('redeemLink', { body: { token: await local.linkToken(email) } });
    },
    // The token's item is keyed by its keyed hash: the replay redeems the fresh subject's unused token
    // (the recorded one is spent). The session it opens still names the recorded address, as harmless.
    subjects: async (recorded, fresh) => {
      const token = (body: unknown) => ((body ?? {}) as { token?: string }).token ?? '';
      return [[await tokenHash(token(recorded.body)), await tokenHash(token(fresh.body))]];
    },
  },
  signOut: {
    status: 204,
    prepare: async ({ local }) =>
      routeCall('signOut', { cookie: await local.signIn(uniqueEmail('signout')) }),
  },
  me: {
    status: 200,
    prepare: async ({ applicant }) => routeCall('me', { cookie: applicant.cookie }),
  },
  getProfile: {
    status: 200,
    prepare: async () => routeCall('getProfile', {}),
  },
  createSketch: {
    status: 201,
    // What the form's "Neue Skizze" sends: the applicant's address; the rest is autosaved.
    prepare: async ({ applicant }) =>
      createDraftCall(applicant.cookie, { applicant: { contactEmail: applicant.email } }),
  },
  getSketch: {
    status: 200,
    prepare: async ({ applicant, sketchId }) =>
      routeCall('getSketch', { params: { id: sketchId }, cookie: applicant.cookie }),
  },
  saveDraft: {
    status: 200,
    // Autosave of the whole form, complete now, over a draft that holds its first page.
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie, startedDraft(applicant.email));
      return routeCall('saveDraft', {
        params: { id: draft.id },
        cookie: applicant.cookie,
        body: { version: draft.version, draft: completeSketch(), openSteps: formOpenSteps(completeSketch()) },
      });
    },
  },
  submitSketch: {
    status: 200,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      return submitCall(applicant.cookie, draft.id, draft.version);
    },
  },
  withdrawSketch: {
    status: 200,
    prepare: async ({ local, applicant }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      return routeCall('withdrawSketch', {
        params: { id: sketch.id },
        cookie: applicant.cookie,
        body: { reason: 'Die Finanzierung durch die Stiftung ist entfallen.' },
      });
    },
  },
  getVersion: {
    status: 200,
    prepare: async ({ applicant, sketchId }) =>
      routeCall('getVersion', { params: { id: sketchId, n: 1 }, cookie: applicant.cookie }),
  },
  mySketches: {
    status: 200,
    prepare: async ({ statusApplicant }) => routeCall('mySketches', { cookie: statusApplicant.cookie }),
  },
  listSketches: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listSketches', { cookie: adminCookie }),
  },
  returnSketch: {
    status: 200,
    prepare: async ({ local, applicant, adminCookie }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      return routeCall('returnSketch', {
        params: { id: sketch.id },
        cookie: adminCookie,
        body: { note: returnNote },
      });
    },
  },
  acceptSketch: {
    status: 200,
    prepare: async ({ local, applicant, adminCookie }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      const params = { id: sketch.id };
      for (const [subRegionId, localCookie] of await localAlliances(local, adminCookie))
        await expectAnswer(local, statementCall(localCookie, sketch.id, subRegionId), 200);
      return routeCall('acceptSketch', { params, cookie: adminCookie });
    },
  },
  createAttachment: {
    status: 201,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      return startUploadCall(applicant.cookie, draft.id);
    },
  },
  checkAttachment: {
    status: 200,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      return checkCall(
        applicant.cookie,
        draft.id,
        await uploadedAttachment(local, applicant.cookie, draft.id),
      );
    },
  },
  listAttachments: {
    status: 200,
    prepare: async ({ applicant, sketchId }) =>
      routeCall('listAttachments', { params: { id: sketchId }, cookie: applicant.cookie }),
  },
  downloadAttachment: {
    status: 302,
    prepare: async ({ adminCookie, sketchId, attachmentId }) =>
      routeCall('downloadAttachment', { params: { id: sketchId, aid: attachmentId }, cookie: adminCookie }),
  },
  deleteAttachment: {
    status: 204,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      const aid = await checkedAttachment(local, applicant.cookie, draft.id);
      return routeCall('deleteAttachment', { params: { id: draft.id, aid }, cookie: applicant.cookie });
    },
  },
  listSeats: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listSeats', { cookie: adminCookie }),
  },
  putSeat: {
    status: 200,
    // The office changes seat 13's deputy (active seats stay thirteen).
    prepare: async ({ adminCookie, group }) => {
      const seat = seatOf(group, 13);
      const deputy = seat.deputies[0];
      if (!deputy) throw new Error('seat 13 of the bench group has no deputy');
      return routeCall('putSeat', {
        params: { id: seat.id },
        cookie: adminCookie,
        body: {
          institution: seat.institution,
          member: { name: 'Mitglied 13', email: seat.member.email },
          deputies: [{ name: `Vertretung 13 (${randomUUID().slice(0, 4)})`, email: deputy.email }],
          active: true,
        },
      });
    },
  },
  openVote: {
    status: 201,
    prepare: async (context) => {
      const sketches = await readySketches(context, 2);
      return openVoteCall(
        context.adminCookie,
        sketches.map((d) => d.id),
      );
    },
  },
  listVotes: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listVotes', { cookie: adminCookie }),
  },
  getVote: {
    status: 200,
    prepare: async ({ group }) =>
      routeCall('getVote', { params: { id: group.voteId }, cookie: seatOf(group, 1).member.cookie }),
  },
  listLocalAccounts: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listLocalAccounts', { cookie: adminCookie }),
  },
  putLocalAccount: {
    status: 200,
    // The office renames Hildesheim's second account each time: the alliances' accounts stay four
    // (an alliance has a handful), and every local request reads them all (store/local.ts).
    prepare: async ({ local, adminCookie }) => {
      await localAlliances(local, adminCookie);
      return localAccountCall(adminCookie, `FaReHi (Vertretung ${randomUUID().slice(0, 4)})`);
    },
  },
  localSketches: {
    status: 200,
    prepare: async ({ local, adminCookie }) =>
      routeCall('localSketches', {
        cookie: (await localAlliances(local, adminCookie)).get('hildesheim') ?? '',
      }),
  },
  localSketch: {
    status: 200,
    prepare: async ({ local, adminCookie, sketchId }) =>
      routeCall('localSketch', {
        params: { id: sketchId },
        cookie: (await localAlliances(local, adminCookie)).get('hildesheim') ?? '',
      }),
  },
  giveStatement: {
    status: 200,
    prepare: async ({ local, applicant, adminCookie }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      return statementCall(
        (await localAlliances(local, adminCookie)).get('hildesheim') ?? '',
        sketch.id,
        'hildesheim',
      );
    },
  },
  myVotes: {
    status: 200,
    prepare: async ({ group }) => routeCall('myVotes', { cookie: seatOf(group, 1).member.cookie }),
  },
  castBallot: {
    status: 200,
    prepare: (context) =>
      seatChanges.castBallot(
        context,
        { id: context.group.voteId, sketchIds: context.group.voteSketchIds },
        steps.castBallot++,
      ),
  },
  handOver: {
    status: 200,
    prepare: (context) => seatChanges.handOver(context, { id: context.group.voteId, sketchIds: [] }, 0),
  },
  takeBack: {
    status: 200,
    prepare: (context) => seatChanges.takeBack(context, { id: context.group.voteId, sketchIds: [] }, 0),
  },
  recuseSeat: {
    status: 200,
    prepare: async (context) => {
      const { group } = context;
      // Each recusal uses up a (seat, sketch) pair; the warm rows need more than one vote holds.
      if (steps.recuseSeat >= 13 * group.recusalSketchIds.length - 1) {
        group.recusalSketchIds = (await readySketches(context, 4)).map((d) => d.id);
        group.recusalVoteId = await openedVote(context.local, context.adminCookie, group.recusalSketchIds);
        steps.recuseSeat = 0;
      }
      return seatChanges.recuseSeat(
        context,
        { id: group.recusalVoteId, sketchIds: group.recusalSketchIds },
        steps.recuseSeat++,
      );
    },
  },
  closeVote: {
    status: 200,
    // A vote on two sketches in which seat 1 has voted on both.
    prepare: async (context) => {
      const { local, adminCookie, group } = context;
      const sketchIds = (await readySketches(context, 2)).map((d) => d.id);
      const voteId = await openedVote(local, adminCookie, sketchIds);
      const seat = seatOf(group, 1);
      for (const sketchId of sketchIds)
        await expectAnswer(local, ballotCall(seat.member.cookie, voteId, seat.id, sketchId, 'approve'), 200);
      return routeCall('closeVote', { params: { id: voteId }, cookie: adminCookie });
    },
  },
  extendVote: {
    status: 200,
    prepare: async ({ adminCookie, group }) => {
      group.extendDeadline = addDays(group.extendDeadline, 1);
      return routeCall('extendVote', {
        params: { id: group.extendVoteId },
        cookie: adminCookie,
        body: { deadline: group.extendDeadline },
      });
    },
  },
  remindVote: {
    status: 200,
    prepare: async ({ adminCookie, group }) =>
      routeCall('remindVote', { params: { id: group.voteId }, cookie: adminCookie }),
  },
  recordMeeting: {
    status: 201,
    prepare: async (context) =>
      meetingCall(
        context.adminCookie,
        context.group,
        (await readySketches(context, 2)).map((d) => d.id),
      ),
  },
  listMeetings: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listMeetings', { cookie: adminCookie }),
  },
  meetingMinutes: {
    status: 200,
    prepare: async ({ adminCookie, group }) =>
      routeCall('meetingMinutes', { params: { id: group.meetingId }, cookie: adminCookie }),
  },
  writeVotum: {
    status: 200,
    // A sketch the meeting endorsed: the office writes its Votum (orders the letter, holds the mail for it).
    prepare: async (context) => {
      const [sketch] = await readySketches(context, 1);
      await expectAnswer(
        context.local,
        meetingCall(context.adminCookie, context.group, [sketch?.id ?? '']),
        201,
      );
      return votumCall(context.adminCookie, sketch?.id ?? '');
    },
  },
  votumLetter: {
    status: 200,
    prepare: async ({ applicant, group }) =>
      routeCall('votumLetter', { params: { id: group.votumSketchId }, cookie: applicant.cookie }),
  },
  getBudget: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('getBudget', { cookie: adminCookie }),
  },
  budgetCheck: {
    status: 200,
    prepare: async ({ adminCookie, sketchId }) =>
      routeCall('budgetCheck', { params: { id: sketchId }, cookie: adminCookie }),
  },
  getFollowUp: {
    status: 200,
    prepare: async ({ applicant, group }) =>
      routeCall('getFollowUp', { params: { id: group.runningId }, cookie: applicant.cookie }),
  },
  reportFunding: {
    status: 200,
    prepare: async (context) =>
      fundingCall(context.applicant.cookie, await endorsedSketch(context, context.group)),
  },
  confirmFunding: {
    status: 200,
    prepare: async (context) => {
      const id = await endorsedSketch(context, context.group);
      await expectAnswer(context.local, fundingCall(context.applicant.cookie, id), 200);
      return confirmFundingCall(context.adminCookie, id);
    },
  },
  changeEnd: {
    status: 200,
    // An NBank change notice moves the running project's end a day further each time.
    prepare: async ({ adminCookie, group }) => {
      group.runningEnd = addDays(group.runningEnd, 1);
      return routeCall('changeEnd', {
        params: { id: group.runningId },
        cookie: adminCookie,
        body: { end: group.runningEnd, note: 'Änderungsbescheid der NBank' },
      });
    },
  },
  addReport: {
    status: 201,
    prepare: async (context) =>
      routeCall('addReport', {
        params: { id: await runningProject(context, context.group) },
        cookie: context.adminCookie,
        body: { due: '2027-12-31', label: 'Zwischenbericht zum Praxistransfer' },
      }),
  },
  submitReport: {
    status: 200,
    prepare: async (context) =>
      finalReportCall(context.applicant.cookie, await runningProject(context, context.group)),
  },
  reviewReport: {
    status: 200,
    // The office accepts the final report: the project closes.
    prepare: async (context) => {
      const id = await runningProject(context, context.group);
      await expectAnswer(context.local, finalReportCall(context.applicant.cookie, id), 200);
      return routeCall('reviewReport', {
        params: { id, rid: 'final' },
        cookie: context.adminCookie,
        body: { decision: 'accepted', note: 'Vielen Dank.' },
      });
    },
  },
  listDeadlines: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listDeadlines', { cookie: adminCookie }),
  },
  calendarFeedStatus: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('calendarFeedStatus', { cookie: adminCookie }),
  },
  createCalendarFeed: {
    status: 201,
    prepare: async ({ adminCookie }) => routeCall('createCalendarFeed', { cookie: adminCookie }),
  },
  revokeCalendarFeed: {
    status: 204,
    prepare: async ({ local, adminCookie }) => {
      await expectAnswer(local, routeCall('createCalendarFeed', { cookie: adminCookie }), 201);
      return routeCall('revokeCalendarFeed', { cookie: adminCookie });
    },
  },
  calendarFeed: {
    status: 200,
    // A calendar app fetching the office's deadlines (no session: the token in the address).
    prepare: async ({ local, adminCookie }) => {
      const { url } = await expectAnswer(
        local,
        routeCall('createCalendarFeed', { cookie: adminCookie }),
        201,
      );
      const token = new URL(url).pathname.split('/')[3] ?? '';
      return routeCall('calendarFeed', { params: { token } });
    },
  },
  // The office's second factor: each call on a fresh admin account (test/bench/factors.ts).
  secondFactorStatus: {
    status: 200,
    prepare: async ({ local }) =>
      routeCall('secondFactorStatus', { cookie: await linkSession(local, await freshAdmin()) }),
  },
  setupTotp: {
    status: 200,
    prepare: async ({ local }) => {
      const email = await freshAdmin();
      return {
        ...routeCall('setupTotp', { cookie: await linkSession(local, email) }),
        library: [totpLibrary.secret(email)],
      };
    },
  },
  confirmTotp: {
    status: 201,
    prepare: async ({ local }) => {
      const { cookie, email, secret, code } = await totpSetup(local);
      return {
        ...routeCall('confirmTotp', { cookie, body: { code } }),
        library: [totpLibrary.check(email, secret, code)],
      };
    },
  },
  verifyTotp: {
    status: 200,
    prepare: async ({ local }) => {
      const admin = await totpAdmin(local);
      const code = nextCode(admin);
      return {
        ...routeCall('verifyTotp', { cookie: await linkSession(local, admin.email), body: { code } }),
        library: [totpLibrary.check(admin.email, admin.secret, code)],
      };
    },
  },
  useRecoveryCode: {
    status: 200,
    prepare: async ({ local }) => {
      const admin = await totpAdmin(local);
      return routeCall('useRecoveryCode', {
        cookie: await linkSession(local, admin.email),
        body: { code: admin.recoveryCodes[0] ?? '' },
      });
    },
  },
  renewRecoveryCodes: {
    status: 201,
    prepare: async ({ local }) =>
      routeCall('renewRecoveryCodes', { cookie: (await totpAdmin(local)).cookie }),
  },
  passkeyRegistrationOptions: {
    status: 200,
    prepare: async ({ local }) => ({
      ...routeCall('passkeyRegistrationOptions', { cookie: await linkSession(local, await freshAdmin()) }),
      library: [passkeyLibrary.registrationOptions(local)],
    }),
  },
  registerPasskey: {
    status: 201,
    prepare: async ({ local }) => {
      const { cookie, challenge, response } = await passkeyRegistration(local);
      return {
        ...routeCall('registerPasskey', { cookie, body: response }),
        library: [passkeyLibrary.registration(local, challenge, response)],
      };
    },
  },
  passkeyChallenge: {
    status: 200,
    prepare: async ({ local }) => {
      const { cookie, passkey } = await passkeyAdmin(local);
      return {
        ...routeCall('passkeyChallenge', { cookie }),
        library: [passkeyLibrary.challenge(local, passkey)],
      };
    },
  },
  verifyPasskey: {
    status: 200,
    prepare: async ({ local }) => {
      const { cookie, passkey } = await passkeyAdmin(local);
      const challenge = await passkeyChallengeOf(local, cookie);
      const response = passkey.assert(challenge);
      return {
        ...routeCall('verifyPasskey', { cookie, body: response }),
        library: [passkeyLibrary.assertion(local, passkey, challenge, response)],
      };
    },
  },
  // Access management: the admin list and an account's sessions.
  listAdmins: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listAdmins', { cookie: adminCookie }),
  },
  addAdmin: {
    status: 201,
    prepare: async ({ adminCookie }) =>
      routeCall('addAdmin', {
        cookie: adminCookie,
        body: { email: uniqueEmail('neu'), name: 'Neue Kollegin' },
      }),
    // The admin's item is keyed by the address.
    subjects: (recorded, fresh) => {
      const email = (body: unknown) => ((body ?? {}) as { email?: string }).email ?? '';
      return [[email(recorded.body), email(fresh.body)]];
    },
  },
  removeAdmin: {
    status: 204,
    prepare: async ({ local, adminCookie }) => {
      const email = uniqueEmail('weg');
      await expectAnswer(
        local,
        routeCall('addAdmin', { cookie: adminCookie, body: { email, name: 'Befristete Kollegin' } }),
        201,
      );
      return routeCall('removeAdmin', { params: { email }, cookie: adminCookie });
    },
    // The admin's item is keyed by the address in the path.
    subjects: (recorded, fresh) => [
      [recorded.pathParameters?.email ?? '', fresh.pathParameters?.email ?? ''],
    ],
  },
  listSessions: {
    status: 200,
    prepare: async ({ adminCookie, applicant }) =>
      routeCall('listSessions', { query: { email: applicant.email }, cookie: adminCookie }),
  },
  endSession: {
    status: 204,
    // The office ends the session a person just signed in with.
    prepare: async ({ local, adminCookie }) => {
      const email = uniqueEmail('sitzung');
      await local.signIn(email);
      const { items } = await expectAnswer(
        local,
        routeCall('listSessions', { query: { email }, cookie: adminCookie }),
        200,
      );
      return routeCall('endSession', {
        params: { id: items[0]?.id ?? '' },
        query: { email },
        cookie: adminCookie,
      });
    },
  },
  // The office acting for a seat, each in a vote of its own (one ready sketch).
  recordBallot: {
    status: 200,
    prepare: async (context) => {
      const vote = await freshVote(context);
      const seat = seatOf(context.group, 1);
      return routeCall('recordBallot', {
        params: { id: vote.id },
        cookie: context.adminCookie,
        body: {
          seatId: seat.id,
          sketchId: vote.sketchIds[0] ?? '',
          choice: 'approve',
          because: 'Telefonisch übermittelt.',
        },
      });
    },
  },
  officeHandOver: {
    status: 200,
    prepare: async (context) => {
      const vote = await freshVote(context);
      return routeCall('officeHandOver', {
        params: { id: vote.id, seatId: seatOf(context.group, 1).id },
        cookie: context.adminCookie,
        body: { because: 'Das Mitglied ist erkrankt.' },
      });
    },
  },
  // The trails: checked and exported, of the submitted sketch and of the ballot vote.
  checkSketchTrail: {
    status: 200,
    prepare: async ({ adminCookie, sketchId }) =>
      routeCall('checkSketchTrail', { params: { id: sketchId }, cookie: adminCookie }),
  },
  checkVoteTrail: {
    status: 200,
    prepare: async ({ adminCookie, group }) =>
      routeCall('checkVoteTrail', { params: { id: group.voteId }, cookie: adminCookie }),
  },
  exportSketchTrail: {
    status: 200,
    prepare: async ({ adminCookie, sketchId }) =>
      routeCall('exportSketchTrail', { params: { id: sketchId }, cookie: adminCookie }),
  },
  exportVoteTrail: {
    status: 200,
    prepare: async ({ adminCookie, group }) =>
      routeCall('exportVoteTrail', { params: { id: group.voteId }, cookie: adminCookie }),
  },
  circulationRecord: {
    status: 200,
    // The record of a closed vote, rendered by the document job when the vote closed.
    prepare: async ({ adminCookie, group }) =>
      routeCall('circulationRecord', {
        params: { id: group.closedSketchId },
        query: { vote: group.closedVoteId },
        cookie: adminCookie,
      }),
  },
  // Funding periods and the projects approved before the portal (the periods page).
  listPeriods: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('listPeriods', { cookie: adminCookie }),
  },
  openPeriod: {
    status: 201,
    // A period of its own each time (one year, after every other), so none overlaps.
    prepare: async ({ adminCookie }) => {
      const year = nextPeriodYear++;
      return openPeriodCall(adminCookie, `${year}-01-01`, `${year}-12-31`);
    },
    // The period's key is made of its years; its item holds its dates.
    subjects: (recorded, fresh) => {
      const period = (body: unknown) => {
        const { start = '', end = '' } = (body ?? {}) as { start?: string; end?: string };
        return [periodIdOf(start, end), start, end];
      };
      const [from, to] = [period(recorded.body), period(fresh.body)];
      return from.map((key, i): [string, string] => [key, to[i] ?? key]);
    },
  },
  recordPriorProject: {
    status: 201,
    prepare: async ({ local, adminCookie }) =>
      priorProjectCall(adminCookie, await priorPeriod(local, adminCookie)),
  },
  deletePriorProject: {
    status: 204,
    // A prior project recorded by mistake, removed again.
    prepare: async ({ local, adminCookie }) => {
      const periodId = await priorPeriod(local, adminCookie);
      const { id } = await expectAnswer(local, priorProjectCall(adminCookie, periodId), 201);
      return routeCall('deletePriorProject', { params: { periodId, projectId: id }, cookie: adminCookie });
    },
  },
  // How the office hears of submissions. The bench keeps a mail for each (the default), so the
  // submissions of the other scenarios stay as they are.
  getSubmissionNotices: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('getSubmissionNotices', { cookie: adminCookie }),
  },
  putSubmissionNotices: {
    status: 200,
    prepare: async ({ adminCookie }) =>
      routeCall('putSubmissionNotices', { cookie: adminCookie, body: { mode: 'each' } }),
  },
  // The meeting cycle.
  listMeetingPlans: {
    status: 200,
    prepare: async ({ local, adminCookie }) => {
      await nextMeeting(local, adminCookie);
      return routeCall('listMeetingPlans', { cookie: adminCookie });
    },
  },
  planMeetings: {
    status: 201,
    // Next year's two meetings, as "Termine vorschlagen" fills them in, each with its deadline.
    prepare: async ({ adminCookie }) => {
      const year = Number(today().slice(0, 4)) + 1;
      return routeCall('planMeetings', {
        cookie: adminCookie,
        body: {
          meetings: [
            { date: `${year}-03-15`, submissionDeadline: `${year}-02-15`, place: 'Hannover' },
            { date: `${year}-09-15`, submissionDeadline: `${year}-08-15`, place: 'Hameln' },
          ],
        },
      });
    },
  },
  inviteToMeeting: {
    status: 200,
    // A meeting of its own each time (the second invitation of a plan is a 409), in two weeks, its
    // submission deadline two weeks past: the bench's sketches all came in after it, so the agenda
    // is empty and the invitation is the 26 mails to the seats' members and deputies, the office's
    // copy and the dossier ordered. (An agenda of every sketch the bench leaves ready for a decision
    // would outgrow one transaction in the warm section.)
    prepare: async ({ local, adminCookie }) =>
      routeCall('inviteToMeeting', {
        params: { id: await plannedMeeting(local, adminCookie, addDays(today(), 14), addDays(today(), -14)) },
        cookie: adminCookie,
      }),
  },
  // Privacy: the person's own data, the office's erasure and its log.
  exportMyData: {
    status: 200,
    // The applicant whose status page the bench never changes: three sketches, their mails, a sign-in.
    prepare: async ({ statusApplicant }) => routeCall('exportMyData', { cookie: statusApplicant.cookie }),
  },
  erasePerson: {
    status: 200,
    // A person of their own each time: signed in, one complete sketch submitted (pseudonymised).
    prepare: async ({ local, adminCookie }) => {
      const email = uniqueEmail('loeschen');
      await submittedSketch(local, await local.signIn(email));
      return routeCall('erasePerson', {
        cookie: adminCookie,
        body: { email, confirmEmail: email, reason: 'Antrag auf Löschung per Brief vom 2. Dezember.' },
      });
    },
  },
  retentionLog: {
    status: 200,
    prepare: async ({ adminCookie }) => routeCall('retentionLog', { cookie: adminCookie }),
  },
  exportCsv: {
    status: 200,
    prepare: async ({ adminCookie }) =>
      routeCall('exportCsv', { params: { file: 'sketches.csv' }, cookie: adminCookie }),
  },
} satisfies { readonly [Id in RouteId]?: Scenario<Id> };

/** Every route's scenario by route id; a route without one makes its rows miss. */
export const scenarios: { readonly [Id in RouteId]?: Scenario<Id> } = table;

/** The scenario of a route named by a string (a bundle's route, a row's), if there is one. */
export const scenarioOf = (id: string): Scenario | undefined =>
  Object.hasOwn(scenarios, id) ? (scenarios[id as RouteId] as Scenario | undefined) : undefined;

/**
 * BENCH_GROUPS=public,documents: only these function groups' routes (and jobs of these names) in
 * the capacity, cold and warm sections, for working on one group (not for the record).
 */
export const inGroups = (group: string): boolean => {
  const wanted = process.env.BENCH_GROUPS?.split(',').filter(Boolean);
  return !wanted?.length || wanted.includes(group);
};

/** A function's name in the table: its handler file's name (`submit-sketch`). */
export const functionName = (entry: string) => basename(entry).replace(/\.ts$/, '');

/**
 * Signs in an applicant and the admin; submits one complete sketch with two checked attachments for
 * the routes that read one; gives a second applicant a status page with three sketches.
 */
export async function scenarioContext(local: LocalStack): Promise<ScenarioContext> {
  const email = uniqueEmail('antrag');
  const applicant = { email, cookie: await local.signIn(email) };
  const adminCookie = await local.signIn(benchAdmin);
  const submitted = await submittedSketch(local, applicant.cookie);
  const attachmentId = await checkedAttachment(local, applicant.cookie, submitted.id, 'cost_plan');
  await checkedAttachment(local, applicant.cookie, submitted.id, 'endorsement_statement');

  const statusEmail = uniqueEmail('status');
  const statusApplicant = { email: statusEmail, cookie: await local.signIn(statusEmail) };
  await startDraft(local, statusApplicant.cookie, startedDraft(statusEmail));
  await submittedSketch(local, statusApplicant.cookie);
  const returned = await submittedSketch(local, statusApplicant.cookie);
  await expectAnswer(
    local,
    routeCall('returnSketch', {
      params: { id: returned.id },
      cookie: adminCookie,
      body: { note: returnNote },
    }),
    200,
  );
  const group = await steeringGroup({ local, applicant, adminCookie });
  return { local, applicant, adminCookie, sketchId: submitted.id, attachmentId, statusApplicant, group };
}

/**
 * The request as API Gateway's HTTP API (payload 2.0) hands it to its route's function, with what
 * the portal's pages send (fetch metadata and JSON for a change: the stack refuses a forged one)
 * and, given the edge secret, the header CloudFront adds to every request it forwards.
 */
export function toApiEvent(call: RouteCall, edgeSecret?: string): APIGatewayProxyEventV2 {
  const route: Route = routes[call.route];
  const now = new Date();
  const headers: Record<string, string> = {
    host: 'votum.bench',
    'user-agent': 'votum-bench',
    ...(call.method === 'GET' ? {} : { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }),
    ...(edgeSecret ? { [edgeHeader]: edgeSecret } : {}),
    ...call.headers,
  };
  const key = routeKey(route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: call.path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    ...(call.cookie ? { cookies: [call.cookie] } : {}),
    headers,
    ...(call.query ? { queryStringParameters: call.query } : {}),
    ...(call.pathParameters ? { pathParameters: call.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'votum.bench',
      domainPrefix: 'votum',
      http: {
        method: call.method,
        path: call.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'votum-bench',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    isBase64Encoded: false,
  };
}

/** A Lambda context as the runtime passes it. */
export function lambdaContext(functionName: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-central-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
