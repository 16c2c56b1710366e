import { createHash, randomBytes } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { decodeAttestationObject, isoBase64URL } from '@simplewebauthn/server/helpers';
import * as OTPAuth from 'otpauth';
import * as mfa from '../core/contract/mfa.ts';
import { routeKey } from '../core/contract/route.ts';
import { ForbiddenError, InputError, UnauthenticatedError } from '../core/errors.ts';
import { secondFactorMessages as de } from '../core/second-factor.de.ts';
import {
  normalizeRecoveryCode,
  secondFactorPolicy as policy,
  recoveryCodeFrom,
  relyingParty,
} from '../core/second-factor.ts';
import { config } from '../platform/config.ts';
import { seal, unseal } from '../platform/seal.ts';
import { tokenHash } from '../platform/secret.ts';
import { securityLog } from '../platform/security-log.ts';
import { revokeSession } from '../store/auth.ts';
import {
  useRecoveryCode as consumeRecoveryCode,
  countFailure,
  findSecondFactors,
  hasSecondFactor,
  passSession,
  putChallenge,
  putPasskey,
  putTotp,
  replaceRecoveryCodes,
  type SecondFactors,
  takeChallenge,
  usePasskey,
  useTotpStep,
} from '../store/second-factor.ts';
import type { Caller } from './caller.ts';

/*
 * The office's second factor (core/second-factor.ts): enrolling a passkey or an authenticator app
 * at the first admin sign-in, confirming later sign-ins with either, recovery codes for when both
 * are lost. Passing replaces the session's token (the handler sets the new cookie).
 */

/** What passing answers: the new session token for the cookie, and the answer's body. */
export interface Passed {
  sessionToken: string;
  body: { state: 'passed'; recoveryCodes?: string[]; recoveryCodesLeft?: number };
}

const rp = () => relyingParty(config().PUBLIC_URL);
const routeOf = {
  'passkey-registration': mfa.registerPasskey,
  passkey: mfa.verifyPasskey,
  'totp-setup': mfa.confirmTotp,
  totp: mfa.verifyTotp,
  recovery: mfa.useRecoveryCode,
  'recovery-codes': mfa.renewRecoveryCodes,
} as const;
/** The security log names a route by its template. */
const route = (name: keyof typeof routeOf) => routeKey(routeOf[name]);

/** Enrolling is open while the account has no factor, or once this session has passed one. */
async function mayEnrol(caller: Caller): Promise<SecondFactors> {
  const factors = await findSecondFactors(caller.email);
  if (caller.secondFactor !== 'passed' && hasSecondFactor(factors)) throw new ForbiddenError(de.verifyFirst);
  return factors;
}

function mustBePending(caller: Caller): void {
  if (caller.secondFactor === 'passed') throw new InputError(de.alreadyPassed);
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Ten new recovery codes: the codes for the person, this once; only their hashes are stored. */
async function newRecoveryCodes(email: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: policy.recoveryCodes }, () =>
    recoveryCodeFrom(randomBytes(policy.recoveryCodeBytes)),
  );
  await replaceRecoveryCodes(
    email,
    codes.map((code) => sha256(normalizeRecoveryCode(code))),
    now,
  );
  return codes;
}

/** The session passes: a new token replaces the old one. */
async function pass(caller: Caller, now: Date, body: Omit<Passed['body'], 'state'>): Promise<Passed> {
  // A session that passed already (enrolling another factor) keeps its token.
  if (caller.secondFactor === 'passed') return { sessionToken: '', body: { state: 'passed', ...body } };
  const sessionToken = randomBytes(32).toString('base64url');
  if (!(await passSession(caller.sessionHash, await tokenHash(sessionToken), caller, now)))
    throw new UnauthenticatedError();
  return { sessionToken, body: { state: 'passed', ...body } };
}

/** A wrong code or passkey: logged, counted, and after too many the session ends. */
async function failed(caller: Caller, name: keyof typeof routeOf, message: string): Promise<never> {
  await securityLog('second_factor_failed', { email: caller.email, route: route(name), status: 400 });
  if ((await countFailure(caller.sessionHash)) >= policy.failuresPerSession) {
    await revokeSession(caller.sessionHash);
    throw new UnauthenticatedError(de.tooManyFailures);
  }
  throw new InputError(message);
}

export async function status(caller: Caller) {
  const factors = await findSecondFactors(caller.email);
  return {
    state: caller.secondFactor,
    passkeys: factors.passkeys.map(({ id, createdAt, lastUsedAt }) => ({
      id,
      createdAt,
      ...(lastUsedAt ? { lastUsedAt } : {}),
    })),
    totp: factors.totp !== undefined,
    recoveryCodesLeft: factors.recoveryCodesLeft,
  };
}

// ---- Passkeys ---------------------------------------------------------------------------------------

export async function passkeyRegistrationOptions(caller: Caller, now: Date) {
  const factors = await mayEnrol(caller);
  const options = await generateRegistrationOptions({
    rpName: config().profile.name,
    rpID: rp().id,
    userName: caller.email,
    userDisplayName: caller.email,
    timeout: policy.challengeValidMs,
    attestationType: 'none',
    excludeCredentials: factors.passkeys.map(({ id, transports }) => ({
      id,
      ...(transports ? { transports } : {}),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    // EdDSA, ES256, RS256: what authenticators offer today, the same on every runtime.
    supportedAlgorithmIDs: [-8, -7, -257],
  });
  await putChallenge(
    caller.sessionHash,
    { kind: 'passkey-registration', challenge: options.challenge },
    new Date(now.getTime() + policy.challengeValidMs),
  );
  return options;
}

/**
 * Whether the browser sent an attestation statement with certificates (or in a format that always
 * has them). The portal asks for "none", and a browser then sends "none" or a self attestation
 * ("packed" without `x5c`, WebAuthn §5.1.3); anything else is refused here, before the library, whose
 * certificate code the bundles leave out (platform/no-certificates.ts). An attestation object that
 * does not decode is the library's to refuse.
 */
function certifiedAttestation(response: RegistrationResponseJSON): boolean {
  let attestation: ReturnType<typeof decodeAttestationObject>;
  try {
    attestation = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject));
  } catch {
    return false;
  }
  const format = attestation.get('fmt');
  return !(format === 'none' || (format === 'packed' && attestation.get('attStmt').get('x5c') === undefined));
}

export async function registerPasskey(
  caller: Caller,
  response: RegistrationResponseJSON,
  now: Date,
): Promise<Passed> {
  const factors = await mayEnrol(caller);
  const challenge = await takeChallenge(caller.sessionHash, 'passkey-registration', now);
  if (!challenge) throw new InputError(de.challengeExpired);
  if (certifiedAttestation(response)) throw new InputError(de.attestationRefused);
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp().origin,
    expectedRPID: rp().id,
    requireUserVerification: false,
  }).catch(() => undefined);
  if (!verification?.verified) return failed(caller, 'passkey-registration', de.passkeyFailed);
  const { credential } = verification.registrationInfo;
  await putPasskey(caller.email, {
    id: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    ...(credential.transports ? { transports: credential.transports } : {}),
    createdAt: now.toISOString(),
  });
  await securityLog('second_factor_enrolled', { email: caller.email, route: route('passkey-registration') });
  const first = !hasSecondFactor(factors);
  return pass(caller, now, first ? { recoveryCodes: await newRecoveryCodes(caller.email, now) } : {});
}

export async function passkeyChallenge(caller: Caller, now: Date) {
  mustBePending(caller);
  const { passkeys } = await findSecondFactors(caller.email);
  if (passkeys.length === 0) throw new InputError(de.noPasskey);
  const options = await generateAuthenticationOptions({
    rpID: rp().id,
    timeout: policy.challengeValidMs,
    userVerification: 'preferred',
    allowCredentials: passkeys.map(({ id, transports }) => ({ id, ...(transports ? { transports } : {}) })),
  });
  await putChallenge(
    caller.sessionHash,
    { kind: 'passkey-authentication', challenge: options.challenge },
    new Date(now.getTime() + policy.challengeValidMs),
  );
  return {
    challenge: options.challenge,
    rpId: options.rpId ?? rp().id,
    allowCredentials: (options.allowCredentials ?? []).map(({ id, transports }) => ({
      id,
      type: 'public-key' as const,
      ...(transports ? { transports } : {}),
    })),
    timeout: options.timeout ?? policy.challengeValidMs,
    userVerification: options.userVerification ?? 'preferred',
  };
}

export async function verifyPasskey(
  caller: Caller,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<Passed> {
  mustBePending(caller);
  const challenge = await takeChallenge(caller.sessionHash, 'passkey-authentication', now);
  if (!challenge) throw new InputError(de.challengeExpired);
  const passkey = (await findSecondFactors(caller.email)).passkeys.find((p) => p.id === response.id);
  if (!passkey) return failed(caller, 'passkey', de.passkeyFailed);
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp().origin,
    expectedRPID: rp().id,
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
      counter: passkey.counter,
      ...(passkey.transports ? { transports: passkey.transports } : {}),
    },
    requireUserVerification: false,
  }).catch(() => undefined);
  if (
    !verification?.verified ||
    !(await usePasskey(caller.email, passkey.id, verification.authenticationInfo.newCounter, now))
  )
    return failed(caller, 'passkey', de.passkeyFailed);
  await securityLog('second_factor_passed', { email: caller.email, route: route('passkey') });
  return pass(caller, now, {});
}

// ---- TOTP -------------------------------------------------------------------------------------------

const totpFor = (email: string, secret: OTPAuth.Secret | string) =>
  new OTPAuth.TOTP({
    issuer: de.issuer(config().profile.name),
    label: email,
    algorithm: policy.totp.algorithm,
    digits: policy.totp.digits,
    period: policy.totp.period,
    secret: typeof secret === 'string' ? OTPAuth.Secret.fromBase32(secret) : secret,
  });

/** The time step of a valid code (within one step of drift), or undefined. */
function stepOf(totp: OTPAuth.TOTP, code: string, now: Date): number | undefined {
  const delta = totp.validate({ token: code.trim(), timestamp: now.getTime(), window: policy.totp.window });
  return delta === null ? undefined : totp.counter({ timestamp: now.getTime() }) + delta;
}

export async function setupTotp(caller: Caller, now: Date) {
  await mayEnrol(caller);
  const totp = totpFor(caller.email, new OTPAuth.Secret({ size: 20 }));
  await putChallenge(
    caller.sessionHash,
    { kind: 'totp-setup', sealedSecret: await seal(totp.secret.base32) },
    new Date(now.getTime() + policy.challengeValidMs),
  );
  return { secret: totp.secret.base32, uri: totp.toString() };
}

export async function confirmTotp(caller: Caller, code: string, now: Date): Promise<Passed> {
  const factors = await mayEnrol(caller);
  const pending = await takeChallenge(caller.sessionHash, 'totp-setup', now);
  if (!pending) throw new InputError(de.challengeExpired);
  const secret = await unseal(pending.sealedSecret);
  const step = stepOf(totpFor(caller.email, secret), code, now);
  if (step === undefined) {
    // The secret stays for another try while it is valid.
    await putChallenge(caller.sessionHash, pending, new Date(now.getTime() + policy.challengeValidMs));
    return failed(caller, 'totp-setup', de.codeInvalid);
  }
  await putTotp(caller.email, pending.sealedSecret, step, now);
  await securityLog('second_factor_enrolled', { email: caller.email, route: route('totp-setup') });
  const first = !hasSecondFactor(factors);
  return pass(caller, now, first ? { recoveryCodes: await newRecoveryCodes(caller.email, now) } : {});
}

export async function verifyTotp(caller: Caller, code: string, now: Date): Promise<Passed> {
  mustBePending(caller);
  const { totp } = await findSecondFactors(caller.email);
  if (!totp) throw new InputError(de.noTotp);
  const step = stepOf(totpFor(caller.email, await unseal(totp.sealedSecret)), code, now);
  if (step === undefined || !(await useTotpStep(caller.email, step)))
    return failed(caller, 'totp', de.codeInvalid);
  await securityLog('second_factor_passed', { email: caller.email, route: route('totp') });
  return pass(caller, now, {});
}

// ---- Recovery codes ---------------------------------------------------------------------------------

export async function useRecoveryCode(caller: Caller, code: string, now: Date): Promise<Passed> {
  mustBePending(caller);
  if (!(await consumeRecoveryCode(caller.email, sha256(normalizeRecoveryCode(code)))))
    return failed(caller, 'recovery', de.recoveryInvalid);
  const { recoveryCodesLeft } = await findSecondFactors(caller.email);
  await securityLog('recovery_code_used', { email: caller.email, route: route('recovery') });
  return pass(caller, now, { recoveryCodesLeft });
}

export async function renewRecoveryCodes(caller: Caller, now: Date): Promise<string[]> {
  if (!hasSecondFactor(await findSecondFactors(caller.email))) throw new InputError(de.notEnrolled);
  const codes = await newRecoveryCodes(caller.email, now);
  await securityLog('recovery_codes_renewed', { email: caller.email, route: route('recovery-codes') });
  return codes;
}
