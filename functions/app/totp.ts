import * as OTPAuth from 'otpauth';
import * as mfa from '../core/contract/mfa.ts';
import { routeKey } from '../core/contract/route.ts';
import { InputError } from '../core/errors.ts';
import * as de from '../core/second-factor.de.ts';
import { secondFactorPolicy as policy } from '../core/second-factor.ts';
import { config } from '../platform/config.ts';
import { seal, unseal } from '../platform/seal.ts';
import { securityLog } from '../platform/security-log.ts';
import {
  findSecondFactors,
  hasSecondFactor,
  putChallenge,
  putTotp,
  takeChallenge,
  useTotpStep,
} from '../store/second-factor.ts';
import type { Caller } from './caller.ts';
import { failed, mayEnrol, mustBePending, newRecoveryCodes, type Passed, pass } from './second-factor.ts';

/*
 * An authenticator app (TOTP) as the office's second factor (app/second-factor.ts): setting it up,
 * signing in with it.
 */

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
    return failed(caller, mfa.confirmTotp, de.codeInvalid);
  }
  await putTotp(caller.email, pending.sealedSecret, step, now);
  await securityLog('second_factor_enrolled', { email: caller.email, route: routeKey(mfa.confirmTotp) });
  const first = !hasSecondFactor(factors);
  return pass(caller, now, first ? { recoveryCodes: await newRecoveryCodes(caller.email, now) } : {});
}

export async function verifyTotp(caller: Caller, code: string, now: Date): Promise<Passed> {
  mustBePending(caller);
  const { totp } = await findSecondFactors(caller.email);
  if (!totp) throw new InputError(de.noTotp);
  const step = stepOf(totpFor(caller.email, await unseal(totp.sealedSecret)), code, now);
  if (step === undefined || !(await useTotpStep(caller.email, step)))
    return failed(caller, mfa.verifyTotp, de.codeInvalid);
  await securityLog('second_factor_passed', { email: caller.email, route: routeKey(mfa.verifyTotp) });
  return pass(caller, now, {});
}
