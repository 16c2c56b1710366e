import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionTimes } from '../../functions/core/auth.ts';
import { mayCall, type Route, routes } from '../../functions/core/contract/index.ts';
import type { Role } from '../../functions/core/lifecycle.ts';
import { sessionCookieName } from '../../functions/http/cookies.ts';
import { documents } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { tokenHash } from '../../functions/platform/secret.ts';
import { epochSeconds, keys } from '../../functions/store/keys.ts';
import { Caller, startApi, uniqueEmail } from '../support/api.ts';

const table = Object.entries(routes as Record<string, Route>);
const callers: Array<{ name: string; roles: Role[] }> = [
  { name: 'anonymous', roles: [] },
  { name: 'applicant', roles: ['applicant'] },
  { name: 'member', roles: ['member'] },
  { name: 'admin', roles: ['applicant', 'admin'] },
];

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

/** A caller holding exactly `roles` (member sessions come from seats, which a later issue adds). */
async function callerWith(roles: Role[]): Promise<Caller> {
  const caller = new Caller(api.url);
  if (roles.length === 0) return caller;
  const token = randomBytes(32).toString('base64url');
  const times = newSessionTimes(new Date());
  await documents().send(
    new PutCommand({
      TableName: config().TABLE_NAME,
      Item: {
        ...keys.session(await tokenHash(token)),
        email: uniqueEmail(roles.join('-')),
        roles,
        ...times,
        expiresAt: epochSeconds(new Date(times.absoluteUntil)),
      },
    }),
  );
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
  const cases = table.flatMap(([id, route]) => callers.map((c) => [id, c.name, route, c.roles] as const));
  it.each(cases)('%s as %s', async (_id, _name, route, roles) => {
    // Prepare
    const caller = await callerWith(roles);
    const path = route.path.replace(/\{\w+\}/g, 'unbekannt');
    const body = route.method === 'POST' || route.method === 'PUT' ? {} : undefined;
    // Act
    const answer = await caller.call(route.method, path, body, { 'idempotency-key': crypto.randomUUID() });
    // Assess: refused by the access rule exactly when the table says so
    const refused = answer.status === 401 || answer.status === 403;
    expect(refused).toBe(!mayCall(route, roles));
    if (refused) expect(answer.status).toBe(roles.length === 0 ? 401 : 403);
  });

  it('answers 404 for an API path that is not in the table, whoever asks', async () => {
    // Act
    const answer = await (await callerWith(['applicant', 'admin'])).call('GET', '/api/admin/geheim');
    // Assess
    expect(answer.status).toBe(404);
  });
});
