import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { decodeAttestationObject, isoBase64URL } from '@simplewebauthn/server/helpers';
import * as mfa from '../core/contract/mfa.ts';
import { routeKey } from '../core/contract/route.ts';
import { InputError } from '../core/errors.ts';
import * as de from '../core/second-factor.de.ts';
import { secondFactorPolicy as policy, relyingParty } from '../core/second-factor.ts';
import { config } from '../platform/config.ts';
import { securityLog } from '../platform/security-log.ts';
import {
  findSecondFactors,
  hasSecondFactor,
  putChallenge,
  putPasskey,
  takeChallenge,
  usePasskey,
} from '../store/second-factor.ts';
import type { Caller } from './caller.ts';
import { failed, mayEnrol, mustBePending, newRecoveryCodes, type Passed, pass } from './second-factor.ts';

/*
 * Passkeys as the office's second factor (app/second-factor.ts): registering one, signing in with
 * one.
 */

const rp = () => relyingParty(config().PUBLIC_URL);

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
  if (!verification?.verified) return failed(caller, mfa.registerPasskey, de.passkeyFailed);
  const { credential } = verification.registrationInfo;
  await putPasskey(caller.email, {
    id: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    ...(credential.transports ? { transports: credential.transports } : {}),
    createdAt: now.toISOString(),
  });
  await securityLog('second_factor_enrolled', { email: caller.email, route: routeKey(mfa.registerPasskey) });
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
  if (!passkey) return failed(caller, mfa.verifyPasskey, de.passkeyFailed);
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
    return failed(caller, mfa.verifyPasskey, de.passkeyFailed);
  await securityLog('second_factor_passed', { email: caller.email, route: routeKey(mfa.verifyPasskey) });
  return pass(caller, now, {});
}
