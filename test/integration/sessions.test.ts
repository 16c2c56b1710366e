import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdmin, removeAdmin } from '../../functions/store/auth.ts';
import { signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/* Sessions follow the truth (ASVS 7.4.x): a role taken away ends at the next request. */

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

describe('a session', () => {
  it("of an admin who is taken off the list loses the office's routes at the next request", async () => {
    // Prepare
    const email = uniqueEmail('verwaltung');
    await addAdmin(email, 'Test', new Date());
    const admin = await passSecondFactor(await signIn(api.url, email));
    const before = await admin.call('GET', '/api/admin/sketches');
    // Act
    await removeAdmin(email);
    const after = await admin.call('GET', '/api/admin/sketches');
    const me = await admin.call<{ roles: string[] }>('GET', '/api/auth/me');
    // Assess
    expect(before.status).toBe(200);
    expect(after.status).toBe(403);
    expect(me.body.roles).toEqual(['applicant']);
  });

  it('of someone added to the list later gains the role only with a new sign-in', async () => {
    // Prepare
    const email = uniqueEmail('spaeter');
    const early = await signIn(api.url, email);
    // Act
    await addAdmin(email, 'Test', new Date());
    const withOldSession = await early.call('GET', '/api/admin/sketches');
    const again = await passSecondFactor(await signIn(api.url, email));
    const withNewSession = await again.call('GET', '/api/admin/sketches');
    // Assess
    expect(withOldSession.status).toBe(403);
    expect(withNewSession.status).toBe(200);
  });
});
