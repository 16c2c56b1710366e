import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdmin } from '../../functions/store/auth.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/*
 * A change must come from the portal's own pages (ASVS 3.5.1–3.5.3): another site's form, a
 * text/plain POST or a script on another origin changes nothing, even with the victim's cookie.
 */

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
beforeAll(async () => {
  api = await startApi();
  const email = uniqueEmail('verwaltung');
  await addAdmin(email, 'Test', new Date());
  admin = await passSecondFactor(await signIn(api.url, email));
});
afterAll(() => api.stop());

/** A request as a browser sends it, with the signed-in admin's cookie and the headers given. */
const raw = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  fetch(`${api.url}${path}`, { method, headers: { cookie: admin.cookie ?? '', ...headers }, body });

const feedStatus = async () => (await admin.call<{ active: boolean }>('GET', '/api/admin/calendar')).body;

describe('a state-changing request', () => {
  it('from another site (Sec-Fetch-Site: cross-site) is refused with 403 and changes nothing', async () => {
    // Prepare
    const before = await feedStatus();
    // Act
    const answer = await raw('POST', '/api/admin/calendar', {
      'content-type': 'application/json',
      'sec-fetch-site': 'cross-site',
      origin: 'https://angreifer.example',
    });
    // Assess
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { message: string }).message).toContain(
      'nicht von den Seiten des Portals',
    );
    expect(await feedStatus()).toEqual(before);
  });

  it('as text/plain with an empty body, as a cross-site form can send it, is refused with 415', async () => {
    // Prepare
    const before = await feedStatus();
    // Act
    const answer = await raw('POST', '/api/admin/calendar', {
      'content-type': 'text/plain',
      'sec-fetch-site': 'same-origin',
    });
    // Assess
    expect(answer.status).toBe(415);
    expect(await feedStatus()).toEqual(before);
  });

  it('without fetch metadata is refused unless its Origin is the portal', async () => {
    // Act
    const foreign = await raw('DELETE', '/api/admin/calendar', {
      'content-type': 'application/json',
      origin: 'https://angreifer.example',
    });
    const none = await raw('DELETE', '/api/admin/calendar', { 'content-type': 'application/json' });
    const own = await raw('DELETE', '/api/admin/calendar', {
      'content-type': 'application/json',
      origin: 'http://votum.test',
    });
    // Assess
    expect([foreign.status, none.status]).toEqual([403, 403]);
    expect(own.status).toBe(204);
  });

  it('from the portal itself goes through, body or not', async () => {
    // Act
    const created = await admin.call('POST', '/api/admin/calendar');
    // Assess
    expect(created.status).toBe(201);
    expect((await feedStatus()).active).toBe(true);
  });

  it('a read (GET) needs neither, as a link or a calendar client opens it', async () => {
    // Act
    const answer = await raw('GET', '/api/admin/calendar', { 'sec-fetch-site': 'cross-site' });
    // Assess
    expect(answer.status).toBe(200);
  });
});
