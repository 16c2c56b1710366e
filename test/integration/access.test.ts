import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionTimes } from '../../functions/core/auth.ts';
import { mayCall, type Route, routes } from '../../functions/core/contract/index.ts';
import type { VoteDoc } from '../../functions/core/contract/vote-docs.ts';
import type { Role } from '../../functions/core/lifecycle.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import type { SketchOutcome, Vote } from '../../functions/core/vote.ts';
import { sessionCookieName } from '../../functions/http/cookies.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { tokenHash } from '../../functions/platform/secret.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { epochSeconds } from '../../functions/store/keys.ts';
import { putLocalAccount } from '../../functions/store/local.ts';
import {
  putBallot,
  putSeat,
  putSeatState,
  putVoteItem,
  writeVoteChange,
} from '../../functions/store/votes.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { Caller, startApi, uniqueEmail } from '../support/api.ts';
import { startDraft } from '../support/sketches.ts';

const table = Object.entries(routes as Record<string, Route>);
const callers: Array<{ name: string; roles: Role[]; pending?: true }> = [
  { name: 'anonymous', roles: [] },
  { name: 'applicant', roles: ['applicant'] },
  // Everyone signed in may write a sketch: a member's session holds the applicant role too.
  { name: 'member', roles: ['applicant', 'member'] },
  // A local alliance (Leine-Weser has the local step): an account of the office's for one sub-region.
  { name: 'local alliance', roles: ['applicant', 'local'] },
  { name: 'admin', roles: ['applicant', 'admin'] },
  // After the emailed link, before the second factor: the office's routes wait for it.
  { name: 'admin before the second factor', roles: ['applicant', 'admin'], pending: true },
];

/** Whether a session holding `roles` may call `route` now (core/second-factor.ts: admin only once passed). */
const mayCallNow = (route: Route, roles: Role[], pending = false) =>
  mayCall(route, pending && !route.beforeSecondFactor ? roles.filter((r) => r !== 'admin') : roles);

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  // A table of its own: the member callers' seats are active, and a vote opened elsewhere takes every active seat.
  process.env.TABLE_NAME = `votum-test-access-${randomBytes(4).toString('hex')}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
});
afterAll(() => api.stop());

/** A caller holding exactly `roles`: a session with them, and the admin list entry or seat that makes them true. */
async function callerWith(
  roles: Role[],
  email = uniqueEmail(roles.join('-')),
  pending = false,
): Promise<Caller> {
  const caller = new Caller(api.url);
  if (roles.length === 0) return caller;
  const token = randomBytes(32).toString('base64url');
  const times = newSessionTimes(new Date());
  await documents().send(
    new PutCommand({
      TableName: config().TABLE_NAME,
      Item: {
        ...keys.session(await tokenHash(token)),
        email,
        roles,
        ...times,
        // An admin session has passed its second factor unless the case says otherwise.
        ...(roles.includes('admin') && !pending ? { secondFactorAt: times.createdAt } : {}),
        expiresAt: epochSeconds(new Date(times.absoluteUntil)),
      },
    }),
  );
  // The roles are also true where the portal checks them on every request (app/caller.ts liveRoles).
  if (roles.includes('admin')) await addAdmin(email, 'Test', new Date());
  if (roles.includes('member'))
    await putSeat({
      id: `zugang-${randomBytes(6).toString('hex')}`,
      institution: 'Zugangstest',
      member: { name: 'Test', email },
      deputies: [],
      active: true,
    });
  if (roles.includes('local'))
    await putLocalAccount({
      id: `zugang-${randomBytes(6).toString('hex')}`,
      subRegionId: 'hildesheim',
      name: 'Zugangstest',
      email,
      active: true,
    });
  caller.cookie = `${sessionCookieName()}=${token}`;
  return caller;
}

describe('the route table', () => {
  it.each(table)(
    '%s names an access rule and a handler module whose default export handles this route',
    async (_id, route) => {
      // Act
      const module = (await import(new URL(`../../${route.entry}`, import.meta.url).href)) as {
        default?: { route?: unknown; run?: unknown };
      };
      // Assess
      expect(existsSync(new URL(`../../${route.entry}`, import.meta.url))).toBe(true);
      expect(module.default?.route).toBe(route);
      expect(typeof module.default?.run).toBe('function');
      expect(route.access === 'public' || (Array.isArray(route.access) && route.access.length > 0)).toBe(
        true,
      );
    },
  );

  it('has one route per method and path', () => {
    // Act
    const keysSeen = table.map(([, r]) => `${r.method} ${r.path}`);
    // Assess
    expect(new Set(keysSeen).size).toBe(keysSeen.length);
  });
});

describe('each role reaches exactly its routes', () => {
  const cases = table.flatMap(([id, route]) =>
    callers.map((c) => [id, c.name, route, c.roles, c.pending ?? false] as const),
  );
  it.each(cases)('%s as %s', async (_id, _name, route, roles, pending) => {
    // Prepare
    const caller = await callerWith(roles, undefined, pending);
    const path = route.path.replace(/\{\w+\}/g, 'unbekannt');
    const body = route.method === 'POST' || route.method === 'PUT' ? {} : undefined;
    // Act
    const answer = await caller.call(route.method, path, body, { 'idempotency-key': crypto.randomUUID() });
    // Assess: refused by the access rule exactly when the table says so
    const refused = answer.status === 401 || answer.status === 403;
    expect(refused).toBe(!mayCallNow(route, roles, pending));
    if (refused) expect(answer.status).toBe(roles.length === 0 ? 401 : 403);
    // Refused only for the missing second factor: the code that sends the page to the verification
    const waitsForFactor = refused && mayCall(route, roles);
    expect(answer.body.code === 'second_factor_required').toBe(waitsForFactor);
  });

  it('answers 404 for an API path that is not in the table, whoever asks', async () => {
    // Act
    const answer = await (await callerWith(['applicant', 'admin'])).call('GET', '/api/admin/geheim');
    // Assess
    expect(answer.status).toBe(404);
  });
});

describe('what each role sees of the choices on a sketch (docs/api.md, "Who sees what")', () => {
  it('the office and the voting seats see who voted how; a recused seat sees no choice, in the vote or the sketch; others nothing', async () => {
    // Prepare: a closed vote of three seats on one sketch: seat 1 approved, seat 2 is recused
    const run = crypto.randomUUID().slice(0, 8);
    const email = (who: string) => `${who}-${run}@example.org`;
    const seat = (n: number) => ({
      id: `z${run}-${n}`,
      institution: `Institution ${n}`,
      member: { name: `Mitglied ${n}`, email: email(`mitglied-${n}`) },
      deputies: [],
    });
    const owner = await callerWith(['applicant'], email('traeger'));
    const sketch = await startDraft(owner);
    const voteId = crypto.randomUUID();
    const at = new Date().toISOString();
    const vote: Vote = {
      id: voteId,
      sketchIds: [sketch.id],
      seats: [seat(1), seat(2), seat(3)],
      deadline: at.slice(0, 10),
      openedAt: at,
      openedBy: 'office@example.org',
      status: 'closed',
      closedAt: at,
      remindersSent: [],
      revision: 2,
    };
    const state = (n: number, over: object) => ({
      seatId: seat(n).id,
      holder: 'member' as const,
      deputyVoted: false,
      recusedSketchIds: [],
      votedSketchIds: [],
      revision: 1,
      ...over,
    });
    await writeVoteChange([
      putVoteItem(vote, undefined, 'new'),
      putSeatState(voteId, state(1, { votedSketchIds: [sketch.id] }), 0),
      putSeatState(voteId, state(2, { recusedSketchIds: [sketch.id] }), 0),
      putBallot({
        voteId,
        sketchId: sketch.id,
        seatId: seat(1).id,
        choice: 'approve',
        comment: 'Gut für die Region.',
        castBy: seat(1).member.email,
        castAs: 'member',
        at,
        revision: 1,
      }),
    ]);
    const outcome: SketchOutcome = {
      sketchId: sketch.id,
      result: 'no_quorum',
      counts: { approve: 1, object: 0, abstain: 0 },
      voted: [{ seatId: seat(1).id, choice: 'approve', castAs: 'member' }],
      recusedSeatIds: [seat(2).id],
      silentSeatIds: [seat(3).id],
      eligible: 2,
      quorumMet: true,
      source: 'circulation',
      voteId,
      decidedAt: at,
    };
    await documents().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.sketch(sketch.id),
        UpdateExpression: 'SET #o = :o, #s = :s',
        ExpressionAttributeNames: { '#o': 'outcome', '#s': 'status' },
        ExpressionAttributeValues: { ':o': outcome, ':s': 'vote_closed' },
      }),
    );
    const office = await callerWith(['applicant', 'admin']);
    const voter = await callerWith(['applicant', 'member'], seat(1).member.email);
    const recused = await callerWith(['applicant', 'member'], seat(2).member.email);
    const stranger = await callerWith(['applicant', 'member']);
    // Act
    const seen = async (caller: Caller) => ({
      vote: await caller.call<VoteDoc>('GET', `/api/votes/${voteId}`),
      sketch: await caller.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`),
    });
    const byOffice = await seen(office);
    const byVoter = await seen(voter);
    const byRecused = await seen(recused);
    const byStranger = await seen(stranger);
    const byOwner = await owner.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`);
    // Assess: the office sees every choice
    expect(byOffice.vote.body.ballots).toHaveLength(1);
    expect(byOffice.vote.body.outcomes?.[0]?.voted).toHaveLength(1);
    expect(byOffice.sketch.body.outcome?.voted).toHaveLength(1);
    // a seat that voted sees the choices, in the vote and the sketch, after the close
    expect(byVoter.vote.body.ballots.map((b) => b.comment)).toEqual(['Gut für die Region.']);
    expect(byVoter.vote.body.outcomes?.[0]?.voted).toHaveLength(1);
    expect(byVoter.sketch.status).toBe(200);
    expect(byVoter.sketch.body.outcome?.voted).toHaveLength(1);
    // the recused seat reads the vote and the sketch, but no choice and no comment on it
    expect(byRecused.vote.status).toBe(200);
    expect(byRecused.vote.body.ballots).toEqual([]);
    expect(byRecused.vote.body.outcomes?.[0]?.voted).toEqual([]);
    expect(JSON.stringify(byRecused.vote.body)).not.toContain('Gut für die Region.');
    expect(byRecused.sketch.status).toBe(200);
    expect(byRecused.sketch.body.outcome).toMatchObject({ result: 'no_quorum', voted: [] });
    // a member of no seat in it sees neither; the applicant sees their own sketch
    expect(byStranger.vote.status).toBe(404);
    expect(byStranger.sketch.status).toBe(404);
    expect(byOwner.status).toBe(200);
  });
});
