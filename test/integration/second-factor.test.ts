import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as secondFactorMessages from '../../functions/core/second-factor.de.ts';
import { documents } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { logger } from '../../functions/platform/logger.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { currentStep, enrolment, passSecondFactor, totpCode } from '../support/second-factor.ts';
import { type Attestation, SoftAuthenticator } from '../support/soft-authenticator.ts';

/*
 * The office's second factor (ASVS 6.3.3): after the emailed link an admin session reaches no admin
 * route until a TOTP code (or a passkey, test/e2e/second-factor.test.ts) confirms it; the first
 * sign-in enrols; recovery codes count once; failures are logged and limited.
 */

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => vi.restoreAllMocks());

type Passed = { state: string; recoveryCodes?: string[]; recoveryCodesLeft?: number };
type Status = { state: string; totp: boolean; passkeys: unknown[]; recoveryCodesLeft: number };

async function newAdmin(): Promise<{ email: string; caller: Caller }> {
  const email = uniqueEmail('verwaltung');
  await addAdmin(email, 'Test', new Date());
  return { email, caller: await signIn(api.url, email) };
}

/** An admin whose account has enrolled TOTP (by the support helper), signed in afresh and pending. */
async function enrolledAdmin() {
  const { email, caller } = await newAdmin();
  await passSecondFactor(caller);
  const known = enrolment(email);
  if (!known) throw new Error('not enrolled');
  return { email, known, caller: await signIn(api.url, email) };
}

describe('the first admin sign-in', () => {
  it('reaches no admin route until an authenticator app is set up; then the session passes under a new cookie', async () => {
    // Prepare
    const { caller } = await newAdmin();
    // Act
    const before = await caller.call('GET', '/api/admin/sketches');
    const status = await caller.call<Status>('GET', '/api/auth/second-factor');
    const setup = await caller.call<{ secret: string; uri: string }>(
      'POST',
      '/api/auth/second-factor/totp/setup',
    );
    const wrong = await caller.call('POST', '/api/auth/second-factor/totp', {
      code: totpCode(setup.body.secret, currentStep() + 10),
    });
    const pendingCookie = caller.cookie;
    const confirmed = await caller.call<Passed>('POST', '/api/auth/second-factor/totp', {
      code: totpCode(setup.body.secret),
    });
    const after = await caller.call('GET', '/api/admin/sketches');
    const oldSession = await new Caller(api.url).call('GET', '/api/auth/me', undefined, {
      cookie: pendingCookie ?? '',
    });
    // Assess
    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({
      code: 'second_factor_required',
      message: secondFactorMessages.required,
    });
    expect(status.body).toEqual({ state: 'pending', totp: false, passkeys: [], recoveryCodesLeft: 0 });
    expect(setup.body.uri).toContain(`secret=${setup.body.secret}`);
    expect(wrong.status).toBe(400);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect(caller.cookie).not.toBe(pendingCookie);
    expect(oldSession).toMatchObject({ status: 200, body: { signedIn: false } });
    expect(after.status).toBe(200);
  });

  it('keeps neither the TOTP secret nor a recovery code in the table in plain', async () => {
    // Prepare
    const { email, caller } = await newAdmin();
    const setup = await caller.call<{ secret: string }>('POST', '/api/auth/second-factor/totp/setup');
    const confirmed = await caller.call<Passed>('POST', '/api/auth/second-factor/totp', {
      code: totpCode(setup.body.secret),
    });
    // Act
    const { Items = [] } = await documents().send(
      new QueryCommand({
        TableName: config().TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.secondFactors(email) },
      }),
    );
    // Assess
    const stored = JSON.stringify(Items);
    expect(Items).toHaveLength(11); // the TOTP secret and ten recovery codes
    expect(stored).not.toContain(setup.body.secret);
    for (const code of confirmed.body.recoveryCodes ?? [])
      expect(stored).not.toContain(code.replaceAll('-', ''));
  });
});

describe('a passkey at the first admin sign-in', () => {
  /** A new admin's pending session registers a passkey whose registration carries `attestation`. */
  async function registration(attestation: Attestation) {
    const { caller } = await newAdmin();
    const options = await caller.call<{ challenge: string }>(
      'POST',
      '/api/auth/second-factor/passkeys/options',
    );
    const authenticator = new SoftAuthenticator(config().PUBLIC_URL);
    const registered = await caller.call<Passed>(
      'POST',
      '/api/auth/second-factor/passkeys',
      authenticator.register(options.body.challenge, attestation),
    );
    return { caller, registered };
  }

  it.each<Attestation>(['none', 'self'])(
    'is registered with what a browser sends when asked for no attestation ("%s")',
    async (attestation) => {
      // Act
      const { caller, registered } = await registration(attestation);
      const status = await caller.call<Status>('GET', '/api/auth/second-factor');
      // Assess
      expect(registered.status).toBe(201);
      expect(registered.body.recoveryCodes).toHaveLength(10);
      expect(status.body).toMatchObject({ state: 'passed', passkeys: [expect.any(Object)] });
    },
  );

  it.each<Attestation>(['packed-x5c', 'fido-u2f'])(
    'is refused with a clear message when its attestation "%s" carries certificates',
    async (attestation) => {
      // Act
      const { caller, registered } = await registration(attestation);
      const status = await caller.call<Status>('GET', '/api/auth/second-factor');
      // Assess
      expect(registered.status).toBe(400);
      expect(registered.body).toMatchObject({ message: secondFactorMessages.attestationRefused });
      expect(status.body).toMatchObject({ state: 'pending', passkeys: [] });
    },
  );
});

describe('a later admin sign-in', () => {
  it('passes with a fresh code from the app, not with one used before, and cannot enrol another factor first', async () => {
    // Prepare
    const { known, caller } = await enrolledAdmin();
    // Act
    const enrolAnother = await caller.call('POST', '/api/auth/second-factor/totp/setup');
    const replayed = await caller.call('POST', '/api/auth/second-factor/totp/verification', {
      code: totpCode(known.secret, known.lastStep),
    });
    const refused = await caller.call('GET', '/api/admin/sketches');
    const verified = await caller.call<Passed>('POST', '/api/auth/second-factor/totp/verification', {
      code: totpCode(known.secret, known.lastStep + 1),
    });
    const allowed = await caller.call('GET', '/api/admin/sketches');
    // Assess
    expect(enrolAnother.status).toBe(403);
    expect(replayed.status).toBe(400);
    expect(refused.status).toBe(403);
    expect(verified).toMatchObject({ status: 200, body: { state: 'passed' } });
    expect(allowed.status).toBe(200);
  });

  it('passes once with each recovery code', async () => {
    // Prepare
    const { email, known } = await enrolledAdmin();
    const code = known.recoveryCodes[0] ?? '';
    const first = await signIn(api.url, email);
    const second = await signIn(api.url, email);
    // Act
    const used = await first.call<Passed>('POST', '/api/auth/second-factor/recovery', {
      code: code.toLowerCase(),
    });
    const reused = await second.call('POST', '/api/auth/second-factor/recovery', { code });
    // Assess
    expect(used.body).toEqual({ state: 'passed', recoveryCodesLeft: 9 });
    expect((await first.call('GET', '/api/admin/sketches')).status).toBe(200);
    expect(reused.status).toBe(400);
    expect((await second.call('GET', '/api/admin/sketches')).status).toBe(403);
  });

  it('logs a wrong code without the address, and ends the session after five', async () => {
    // Prepare
    const { email, known, caller } = await enrolledAdmin();
    const info = vi.spyOn(logger, 'info');
    const wrong = { code: totpCode(known.secret, known.lastStep + 40) };
    // Act
    const answers: number[] = [];
    for (let i = 0; i < 5; i++)
      answers.push((await caller.call('POST', '/api/auth/second-factor/totp/verification', wrong)).status);
    // Assess
    const lines = info.mock.calls
      .filter(([message]) => message === 'security event')
      .map(([, fields]) => fields as unknown as Record<string, unknown>);
    expect(answers).toEqual([400, 400, 400, 400, 401]);
    expect(lines.filter((l) => l.security === 'second_factor_failed')).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      security: 'second_factor_failed',
      route: 'POST /api/auth/second-factor/totp/verification',
    });
    expect(lines[0]?.account).toEqual(expect.any(String));
    expect(JSON.stringify(lines)).not.toContain(email);
    expect((await caller.call('GET', '/api/auth/me')).body).toEqual({ signedIn: false });
  });
});

describe('members and applicants', () => {
  it('stay passwordless: no second factor to pass, none to enrol', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    // Act
    const me = await applicant.call('GET', '/api/auth/me');
    const setup = await applicant.call('POST', '/api/auth/second-factor/totp/setup');
    // Assess
    expect(me.body).toMatchObject({ roles: ['applicant'], secondFactor: 'none' });
    expect(setup.status).toBe(403);
    expect(setup.body.code).toBeUndefined();
  });
});
