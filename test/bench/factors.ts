import * as OTPAuth from 'otpauth';
import type { RouteId } from '../../functions/core/contract/index.ts';
import { secondFactorPolicy as policy, relyingParty } from '../../functions/core/second-factor.ts';
import { SoftAuthenticator } from '../support/soft-authenticator.ts';
import { type LibraryCall, type RouteCall, routeCall, type StatusOf } from './calls.ts';
import { type LocalStack, send, uniqueEmail } from './local.ts';

/*
 * The office's second factor for the bench's scenarios: fresh admin accounts with a pending session
 * (a sign-in link redeemed), an authenticator app (TOTP codes as the app shows them) and a software
 * passkey (test/support/soft-authenticator.ts: a P-256 key signing WebAuthn's "none" attestation and
 * assertions as a browser's platform authenticator does, so the server's @simplewebauthn checks run in full).
 */

const period = 30_000;
const totpCode = (secret: string, step: number) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: step * period });
const step = () => Math.floor(Date.now() / period);

async function answered<Id extends RouteId>(local: LocalStack, call: RouteCall<Id>, status: StatusOf<Id>) {
  const answer = await send(local.apiUrl, call);
  if (answer.status !== status)
    throw new Error(`${call.route} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 300)}`);
  return { body: (answer.text ? JSON.parse(answer.text) : {}) as Record<string, unknown>, ...answer };
}

/** A new account on the admin list (the store's call, as the office's list puts it). */
export async function freshAdmin(): Promise<string> {
  const email = uniqueEmail('verwaltung');
  const { addAdmin } = await import('../../functions/store/auth.ts');
  await addAdmin(email, 'Benchmark', new Date());
  return email;
}

/** A redeemed sign-in link of `email`: the session's cookie, its second factor still pending for an admin. */
export async function linkSession(local: LocalStack, email: string): Promise<string> {
  await answered(local, routeCall('requestLink', { body: { email } }), 202);
  const token = await local.linkToken(email);
  const redeemed = await answered(local, routeCall('redeemLink', { body: { token } }), 201);
  const cookie = redeemed.setCookie?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export interface EnrolledAdmin {
  email: string;
  secret: string;
  /** The step the enrolment used: each step counts once. */
  step: number;
  recoveryCodes: string[];
  /** The passed session of the enrolment. */
  cookie: string;
}

/** A fresh admin who set up the authenticator app (their first factor): the session passed. */
export async function totpAdmin(local: LocalStack): Promise<EnrolledAdmin> {
  const email = await freshAdmin();
  const cookie = await linkSession(local, email);
  const setup = await answered(local, routeCall('setupTotp', { cookie }), 200);
  const secret = String(setup.body.secret);
  const now = step();
  const confirmed = await answered(
    local,
    routeCall('confirmTotp', { cookie, body: { code: totpCode(secret, now) } }),
    201,
  );
  const passed = confirmed.setCookie?.split(';')[0];
  if (!passed) throw new Error('no passed session');
  return {
    email,
    secret,
    step: now,
    recoveryCodes: confirmed.body.recoveryCodes as string[],
    cookie: passed,
  };
}

/** The next unused code of an enrolled admin (the portal allows one step of drift ahead). */
export const nextCode = (admin: EnrolledAdmin) => totpCode(admin.secret, admin.step + 1);

/** A pending session (setup started) of a fresh admin: what confirmTotp confirms, and its code. */
export async function totpSetup(
  local: LocalStack,
): Promise<{ cookie: string; email: string; secret: string; code: string }> {
  const email = await freshAdmin();
  const cookie = await linkSession(local, email);
  const setup = await answered(local, routeCall('setupTotp', { cookie }), 200);
  const secret = String(setup.body.secret);
  return { cookie, email, secret, code: totpCode(secret, step()) };
}

/*
 * What the TOTP routes ask of otpauth, as app/totp.ts asks it: a new secret and its URI, a code
 * checked against the stored secret (one step of drift either way). The cold start's reference asks
 * the same (RouteCall.library).
 */
export const totpLibrary = {
  secret: (email: string): LibraryCall => ({ fn: 'totpSecret', args: [email] }),
  check: (email: string, secret: string, code: string): LibraryCall => ({
    fn: 'totpCheck',
    args: [email, secret, code],
  }),
};

/** A fresh admin's pending session that asked for passkey creation options, and the passkey's answer. */
export async function passkeyRegistration(local: LocalStack) {
  const cookie = await linkSession(local, await freshAdmin());
  const options = await answered(local, routeCall('passkeyRegistrationOptions', { cookie }), 200);
  const passkey = new SoftAuthenticator(local.env.PUBLIC_URL ?? '');
  const challenge = String(options.body.challenge);
  return { cookie, passkey, challenge, response: passkey.register(challenge) };
}

/** An admin with a registered passkey (their only factor) and a new pending session. */
export async function passkeyAdmin(
  local: LocalStack,
): Promise<{ cookie: string; passkey: SoftAuthenticator }> {
  const email = await freshAdmin();
  const first = await linkSession(local, email);
  const options = await answered(local, routeCall('passkeyRegistrationOptions', { cookie: first }), 200);
  const passkey = new SoftAuthenticator(local.env.PUBLIC_URL ?? '');
  await answered(
    local,
    routeCall('registerPasskey', { cookie: first, body: passkey.register(String(options.body.challenge)) }),
    201,
  );
  return { cookie: await linkSession(local, email), passkey };
}

/** The challenge of a passkey sign-in just asked for. */
export async function passkeyChallengeOf(local: LocalStack, cookie: string): Promise<string> {
  const answer = await answered(local, routeCall('passkeyChallenge', { cookie }), 200);
  return String(answer.body.challenge);
}

/*
 * What the passkey routes ask of @simplewebauthn/server with a request, as app/passkeys.ts asks it:
 * the cold start's reference makes the same calls (RouteCall.library), so that its first call checks
 * the same signature or makes the same options as the route's.
 */
const party = (local: LocalStack) => relyingParty(local.env.PUBLIC_URL ?? '');
/** What the portal expects of a passkey's answer (app/passkeys.ts): the challenge it gave, its origin and id. */
const expected = (local: LocalStack, challenge: string) => ({
  expectedChallenge: challenge,
  expectedOrigin: party(local).origin,
  expectedRPID: party(local).id,
  requireUserVerification: false,
});
type Assertion = ReturnType<SoftAuthenticator['assert']>;
type Registration = ReturnType<SoftAuthenticator['register']>;

export const passkeyLibrary = {
  registrationOptions: (local: LocalStack): LibraryCall => ({
    fn: 'generateRegistrationOptions',
    args: [
      {
        rpName: 'Fachkräftebündnis',
        rpID: party(local).id,
        userName: 'verwaltung@example.org',
        userDisplayName: 'verwaltung@example.org',
        timeout: policy.challengeValidMs,
        attestationType: 'none',
        excludeCredentials: [],
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
        supportedAlgorithmIDs: [-8, -7, -257],
      },
    ],
  }),
  registration: (local: LocalStack, challenge: string, response: Registration): LibraryCall => ({
    fn: 'verifyRegistrationResponse',
    args: [
      {
        response,
        ...expected(local, challenge),
      },
    ],
  }),
  challenge: (local: LocalStack, passkey: SoftAuthenticator): LibraryCall => ({
    fn: 'generateAuthenticationOptions',
    args: [
      {
        rpID: party(local).id,
        timeout: policy.challengeValidMs,
        userVerification: 'preferred',
        allowCredentials: [{ id: passkey.id.toString('base64url'), transports: ['internal'] }],
      },
    ],
  }),
  assertion: (
    local: LocalStack,
    passkey: SoftAuthenticator,
    challenge: string,
    response: Assertion,
  ): LibraryCall => ({
    fn: 'verifyAuthenticationResponse',
    args: [
      {
        response,
        ...expected(local, challenge),
        credential: { id: response.id, publicKey: passkey.coseKey(), counter: 0, transports: ['internal'] },
      },
    ],
  }),
};
