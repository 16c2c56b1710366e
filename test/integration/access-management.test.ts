import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AdminEntry, AdminEvent, SessionEntry } from '../../functions/core/contract/admins.ts';
import { dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { logger } from '../../functions/platform/logger.ts';
import { addAdmin, listAdmins } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/*
 * The office manages its admin list and an account's sessions in the portal (issue 14, item 3).
 * A table of its own: the admin list here is only this file's, so "the last admin" is a state it
 * can reach.
 */

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-access-mgmt-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => vi.restoreAllMocks());

/** A caller as the HTTP stack makes it, for calling the app layer directly. */
const sessionLike = {
  roles: ['applicant' as const, 'admin' as const],
  createdAt: new Date().toISOString(),
  idleUntil: new Date(Date.now() + 3_600_000).toISOString(),
  absoluteUntil: new Date(Date.now() + 3_600_000).toISOString(),
  sessionHash: 'test',
  secondFactor: 'passed' as const,
};

type Admins = { items: AdminEntry[]; events: AdminEvent[] };

async function signInAdmin(who: string): Promise<{ email: string; office: Caller }> {
  const email = uniqueEmail(who);
  await addAdmin(email, 'Test', new Date());
  return { email, office: await passSecondFactor(await signIn(api.url, email)) };
}

/** The security lines logged while `act` runs, as their structured fields. */
async function securityLines(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const info = vi.spyOn(logger, 'info');
  await act();
  const lines = info.mock.calls
    .filter(([message]) => message === 'security event')
    .map(([, fields]) => fields as unknown as Record<string, unknown>);
  info.mockRestore();
  return lines;
}

describe('the admin list', () => {
  it('is managed by the office: added with an audit event and a security line, taken off again; the removed admin loses the office at the next request', async () => {
    // Prepare
    const { email: first, office } = await signInAdmin('erste');
    const second = uniqueEmail('zweite');
    // Act: add a second admin, who signs in; then take them off again
    let added: Awaited<ReturnType<Caller['call']>> | undefined;
    const addLines = await securityLines(async () => {
      added = await office.call('POST', '/api/admin/admins', {
        email: second.toUpperCase(),
        name: 'Zweite Person',
      });
    });
    const again = await office.call('POST', '/api/admin/admins', { email: second, name: 'Zweite Person' });
    const secondOffice = await passSecondFactor(await signIn(api.url, second));
    const before = await secondOffice.call('GET', '/api/admin/admins');
    let removed: Awaited<ReturnType<Caller['call']>> | undefined;
    const removeLines = await securityLines(async () => {
      removed = await office.call('DELETE', `/api/admin/admins/${encodeURIComponent(second)}`);
    });
    const after = await secondOffice.call('GET', '/api/admin/admins');
    const list = await office.call<Admins>('GET', '/api/admin/admins');
    // Assess
    expect(added?.status).toBe(201);
    expect(added?.body).toMatchObject({ email: second, name: 'Zweite Person' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already' });
    expect(before.status).toBe(200);
    expect(removed?.status).toBe(204);
    expect(after.status).toBe(403);
    expect(list.body.items.map((a) => a.email)).toEqual([first]);
    expect(list.body.events.map((e) => [e.action, e.email, e.by])).toEqual([
      ['admin_removed', second, first],
      ['admin_added', second, first],
    ]);
    const changes = [...addLines, ...removeLines].filter((l) => l.security === 'role_changed');
    expect(changes.map((l) => l.change)).toEqual(['granted', 'revoked']);
    expect(changes[0]).toMatchObject({
      account: expect.any(String),
      actor: expect.any(String),
      roles: ['admin'],
    });
    expect(JSON.stringify(changes)).not.toContain(second);
    expect(JSON.stringify(changes)).not.toContain(first);
  });

  it('refuses an admin removing themselves with a 409 in German, and never takes off the last admin', async () => {
    // Prepare: every other admin of this table is taken off directly, so the caller is the last
    const { email, office } = await signInAdmin('letzte');
    const others = (await listAdmins()).filter((a) => a.email !== email);
    const { removeAdmin } = await import('../../functions/store/auth.ts');
    for (const other of others) await removeAdmin(other.email);
    // Act
    const self = await office.call('DELETE', `/api/admin/admins/${encodeURIComponent(email)}`);
    const unknown = await office.call(
      'DELETE',
      `/api/admin/admins/${encodeURIComponent(uniqueEmail('fremd'))}`,
    );
    const malformed = await office.call('DELETE', '/api/admin/admins/keine-adresse');
    const list = await office.call<Admins>('GET', '/api/admin/admins');
    // Act: a caller whose own entry went meanwhile (a race) tries to remove the one left
    const { removeAdminBy } = await import('../../functions/app/admins.ts');
    const gone = { ...sessionLike, email: uniqueEmail('weg') };
    const last = await removeAdminBy(gone, email, new Date()).catch((error: unknown) => error);
    // Assess
    expect(last).toMatchObject({ code: 'last_admin', message: expect.stringContaining('letzte Person') });
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({
      code: 'self_removal',
      message: expect.stringContaining('nicht selbst'),
    });
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('E-Mail-Adresse');
    expect(list.body.items.map((a) => a.email)).toEqual([email]);
  });

  it('is not for applicants: the routes answer 403', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail('antrag'));
    // Act
    const list = await applicant.call('GET', '/api/admin/admins');
    const add = await applicant.call('POST', '/api/admin/admins', { email: uniqueEmail(), name: 'Niemand' });
    // Assess
    expect(list.status).toBe(403);
    expect(add.status).toBe(403);
  });
});

describe("an account's sessions", () => {
  it('are listed for the office, newest first, and one ended is signed out at its next request', async () => {
    // Prepare: an applicant signed in on two devices
    const { office } = await signInAdmin('sitzungen');
    const email = uniqueEmail('zwei-geraete');
    const laptop = await signIn(api.url, email);
    const phone = await signIn(api.url, email);
    // Act
    const listed = await office.call<{ items: SessionEntry[] }>(
      'GET',
      `/api/admin/sessions?email=${encodeURIComponent(email)}`,
    );
    const [newest, older] = listed.body.items;
    let ended: Awaited<ReturnType<Caller['call']>> | undefined;
    const lines = await securityLines(async () => {
      ended = await office.call(
        'DELETE',
        `/api/admin/sessions/${older?.id}?email=${encodeURIComponent(email)}`,
      );
    });
    const endedAgain = await office.call(
      'DELETE',
      `/api/admin/sessions/${older?.id}?email=${encodeURIComponent(email)}`,
    );
    const laptopAfter = await laptop.call('GET', '/api/auth/me');
    const phoneAfter = await phone.call('GET', '/api/auth/me');
    const listedAfter = await office.call<{ items: SessionEntry[] }>(
      'GET',
      `/api/admin/sessions?email=${encodeURIComponent(email)}`,
    );
    // Assess: the older session (the laptop's) ended; the phone's goes on
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(newest).toMatchObject({ roles: ['applicant'], current: false });
    expect(older && newest && older.createdAt <= newest.createdAt).toBe(true);
    expect(ended?.status).toBe(204);
    expect(endedAgain.status).toBe(404);
    expect(lines.map((l) => l.security)).toContain('session_ended');
    expect(laptopAfter.body).not.toHaveProperty('email');
    expect(phoneAfter.body).toMatchObject({ email });
    expect(listedAfter.body.items.map((s) => s.id)).toEqual([newest?.id]);
  });

  it("marks the office's own session, and answers 400 naming the field for a missing address", async () => {
    // Prepare
    const { email, office } = await signInAdmin('eigene');
    // Act
    const own = await office.call<{ items: SessionEntry[] }>(
      'GET',
      `/api/admin/sessions?email=${encodeURIComponent(email)}`,
    );
    const missing = await office.call('GET', '/api/admin/sessions');
    // Assess
    expect(own.body.items.map((s) => s.current)).toEqual([true]);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('email');
  });
});
