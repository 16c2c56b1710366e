import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { clock } from '../../functions/platform/clock.ts';
import type { Caller } from './api.ts';

/*
 * The office's second factor for tests that act as an admin: after the emailed link, an admin
 * session is pending until a factor confirms it. `passSecondFactor` enrols an authenticator app
 * (TOTP) at the account's first sign-in and answers its codes at later ones, as a person with the
 * app would. Codes follow the portal's clock (the tests move it); each code counts once, so when
 * the clock offers no unused step (it stands still, or went back) a recovery code stands in, and
 * the codes are renewed before they run out. What it set up is kept here, per address, for this
 * test file's process.
 */

const period = 30;
interface Enrolled {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}
const enrolled = new Map<string, Enrolled>();

/** The portal's current TOTP time step. */
export const currentStep = () => Math.floor(clock.now().getTime() / 1000 / period);

/** The code an authenticator app shows for `secret` at time step `step` (default: the portal's now). */
export const totpCode = (secret: string, step = currentStep()) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: step * period * 1000 });

/** What this process set up for `email`, if it did. */
export const enrolment = (email: string): Readonly<Enrolled> | undefined => enrolled.get(email);

async function enrol(caller: Caller, email: string): Promise<void> {
  const setup = await caller.call<{ secret: string }>('POST', '/api/auth/second-factor/totp/setup');
  const step = currentStep();
  const confirmed = await caller.call<{ recoveryCodes: string[] }>('POST', '/api/auth/second-factor/totp', {
    code: totpCode(setup.body.secret, step),
  });
  if (confirmed.status !== 201) throw new Error(`TOTP enrolment failed: ${JSON.stringify(confirmed.body)}`);
  enrolled.set(email, {
    secret: setup.body.secret,
    lastStep: step,
    recoveryCodes: confirmed.body.recoveryCodes,
  });
}

async function verify(caller: Caller, known: Enrolled): Promise<void> {
  // The portal accepts one step of drift either way, each step once.
  const now = currentStep();
  const step = Math.max(now - 1, known.lastStep + 1);
  if (step <= now + 1) {
    const verified = await caller.call('POST', '/api/auth/second-factor/totp/verification', {
      code: totpCode(known.secret, step),
    });
    if (verified.status !== 200)
      throw new Error(`TOTP verification failed: ${JSON.stringify(verified.body)}`);
    known.lastStep = step;
    return;
  }
  const code = known.recoveryCodes.shift();
  if (!code) throw new Error('no recovery code left');
  const recovered = await caller.call('POST', '/api/auth/second-factor/recovery', { code });
  if (recovered.status !== 200) throw new Error(`recovery code refused: ${JSON.stringify(recovered.body)}`);
  if (known.recoveryCodes.length < 3) {
    const renewed = await caller.call<{ recoveryCodes: string[] }>(
      'POST',
      '/api/auth/second-factor/recovery-codes',
    );
    known.recoveryCodes = renewed.body.recoveryCodes;
  }
}

/**
 * Completes the second factor of an admin caller's session (TOTP): enrols the account when it has
 * none yet, else confirms the sign-in. Returns the caller, whose cookie is now the passed session's.
 */
export async function passSecondFactor<C extends Caller>(caller: C): Promise<C> {
  const me = await caller.call<{ email: string; secondFactor: string }>('GET', '/api/auth/me');
  if (me.body.secondFactor !== 'pending') return caller;
  const known = enrolled.get(me.body.email);
  if (known) await verify(caller, known);
  else await enrol(caller, me.body.email);
  return caller;
}

/**
 * Sets up the authenticator app on the enrolment page a first admin sign-in leads to, as a person
 * would (the secret read off the page, the code typed), and goes on to the console; this process
 * remembers the secret, so later sign-ins of `email` pass with `passSecondFactor`.
 */
export async function enrolTotpInPage(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  const step = currentStep();
  await page.getByLabel('Sechsstelliger Code').fill(totpCode(secret, step));
  await page.getByRole('button', { name: 'Code bestätigen' }).click();
  await page.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }).waitFor();
  const recoveryCodes = (await page.locator('.recovery-codes code').allTextContents()).map((c) => c.trim());
  enrolled.set(email, { secret, lastStep: step, recoveryCodes });
  await page.getByRole('link', { name: 'Weiter zur Verwaltung' }).click();
  await page.waitForURL((url) => url.pathname === '/verwaltung');
}
