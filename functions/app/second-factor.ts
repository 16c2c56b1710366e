import { createHash, randomBytes } from 'node:crypto';
import * as mfa from '../core/contract/mfa.ts';
import { type Route, routeKey } from '../core/contract/route.ts';
import { ForbiddenError, InputError, UnauthenticatedError } from '../core/errors.ts';
import * as de from '../core/second-factor.de.ts';
import {
  normalizeRecoveryCode,
  secondFactorPolicy as policy,
  recoveryCodeFrom,
} from '../core/second-factor.ts';
import { tokenHash } from '../platform/secret.ts';
import { securityLog } from '../platform/security-log.ts';
import { revokeSession } from '../store/auth.ts';
import {
  useRecoveryCode as consumeRecoveryCode,
  countFailure,
  findSecondFactors,
  hasSecondFactor,
  passSession,
  replaceRecoveryCodes,
  type SecondFactors,
} from '../store/second-factor.ts';
import type { Caller } from './caller.ts';

/*
 * The office's second factor (core/second-factor.ts): enrolling a passkey or an authenticator app
 * at the first admin sign-in, confirming later sign-ins with either, recovery codes for when both
 * are lost. Passing replaces the session's token (the handler sets the new cookie). Passkeys
 * (app/passkeys.ts, @simplewebauthn/server) and the authenticator app (app/totp.ts, otpauth) are
 * modules of their own, so a route's bundle holds only the library it uses; this one keeps what they
 * share, the status and the recovery codes.
 */

/** What passing answers: the new session token for the cookie, and the answer's body. */
export interface Passed {
  sessionToken: string;
  body: { state: 'passed'; recoveryCodes?: string[]; recoveryCodesLeft?: number };
}

/** Enrolling is open while the account has no factor, or once this session has passed one. */
export async function mayEnrol(caller: Caller): Promise<SecondFactors> {
  const factors = await findSecondFactors(caller.email);
  if (caller.secondFactor !== 'passed' && hasSecondFactor(factors)) throw new ForbiddenError(de.verifyFirst);
  return factors;
}

export function mustBePending(caller: Caller): void {
  if (caller.secondFactor === 'passed') throw new InputError(de.alreadyPassed);
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Ten new recovery codes: the codes for the person, this once; only their hashes are stored. */
export async function newRecoveryCodes(email: string, now: Date): Promise<string[]> {
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
export async function pass(caller: Caller, now: Date, body: Omit<Passed['body'], 'state'>): Promise<Passed> {
  // A session that passed already (enrolling another factor) keeps its token.
  if (caller.secondFactor === 'passed') return { sessionToken: '', body: { state: 'passed', ...body } };
  const sessionToken = randomBytes(32).toString('base64url');
  if (!(await passSession(caller.sessionHash, await tokenHash(sessionToken), caller, now)))
    throw new UnauthenticatedError();
  return { sessionToken, body: { state: 'passed', ...body } };
}

/** A wrong code or passkey: logged, counted, and after too many the session ends. */
export async function failed(
  caller: Caller,
  of: Pick<Route, 'method' | 'path'>,
  message: string,
): Promise<never> {
  // The security log names a route by its template; each caller names its own route, so a bundle holds only its route's contract.
  await securityLog('second_factor_failed', { email: caller.email, route: routeKey(of), status: 400 });
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

// ---- Recovery codes ---------------------------------------------------------------------------------

export async function useRecoveryCode(caller: Caller, code: string, now: Date): Promise<Passed> {
  mustBePending(caller);
  if (!(await consumeRecoveryCode(caller.email, sha256(normalizeRecoveryCode(code)))))
    return failed(caller, mfa.useRecoveryCode, de.recoveryInvalid);
  const { recoveryCodesLeft } = await findSecondFactors(caller.email);
  await securityLog('recovery_code_used', { email: caller.email, route: routeKey(mfa.useRecoveryCode) });
  return pass(caller, now, { recoveryCodesLeft });
}

export async function renewRecoveryCodes(caller: Caller, now: Date): Promise<string[]> {
  if (!hasSecondFactor(await findSecondFactors(caller.email))) throw new InputError(de.notEnrolled);
  const codes = await newRecoveryCodes(caller.email, now);
  await securityLog('recovery_codes_renewed', {
    email: caller.email,
    route: routeKey(mfa.renewRecoveryCodes),
  });
  return codes;
}
