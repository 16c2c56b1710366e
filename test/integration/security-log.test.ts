import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../functions/platform/logger.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/* The security log: what an operator needs to see an attack, and nothing that names a person. */

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => vi.restoreAllMocks());

/** The security lines logged while `act` runs, as their structured fields. */
async function securityLines(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const info = vi.spyOn(logger, 'info');
  await act();
  return info.mock.calls
    .filter(([message]) => message === 'security event')
    .map(([, fields]) => fields as unknown as Record<string, unknown>);
}

describe('the security log', () => {
  it('records sign-ins, a failed one, refusals, exports and admin actions, with pseudonyms only', async () => {
    // Prepare
    const email = uniqueEmail('protokoll');
    await addAdmin(email, 'Test', new Date());
    let office: Caller | undefined;
    // Act
    const lines = await securityLines(async () => {
      office = await passSecondFactor(await signIn(api.url, email));
      await new Caller(api.url).call('POST', '/api/auth/session', { token: 'x'.repeat(43) });
      await new Caller(api.url).call('GET', '/api/admin/sketches');
      await office.call('GET', '/api/admin/exports/sketches.csv');
      await office.call('POST', '/api/admin/calendar', undefined, { 'sec-fetch-site': 'cross-site' });
      await office.call('POST', '/api/admin/calendar');
    });
    // Assess
    expect(lines.map((l) => l.security)).toEqual([
      'sign_in_requested',
      'sign_in',
      'second_factor_enrolled',
      'sign_in_failed',
      'unauthenticated',
      'export',
      'forged_request_refused',
      'admin_action',
    ]);
    const accounts = new Set(lines.filter((l) => l.account).map((l) => l.account));
    expect(accounts.size).toBe(1); // the same person reads the same
    expect(JSON.stringify(lines)).not.toContain(email);
    expect(JSON.stringify(lines)).not.toContain(email.split('@')[0]);
    expect(lines.find((l) => l.security === 'export')).toMatchObject({
      route: 'GET /api/admin/exports/{file}',
      status: 200,
    });
  });
});
