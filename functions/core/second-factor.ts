import type { Role } from './lifecycle.ts';

/*
 * The office's second factor (ASVS 6.3.3): after the emailed link an admin session is "pending"
 * until a passkey (WebAuthn) or a TOTP code confirms it; recovery codes stand in when both are
 * lost. Pure policy: the caller passes "now" and every random value.
 */

export const secondFactorPolicy = {
  /** How long a passkey challenge or a TOTP secret waiting for its first code stays usable. */
  challengeValidMs: 5 * 60_000,
  /** RFC 6238 defaults, which every authenticator app reads; one step of clock drift either way. */
  totp: { algorithm: 'SHA1', digits: 6, period: 30, window: 1 },
  /** Single-use recovery codes, shown once at enrolment, stored as hashes. */
  recoveryCodes: 10,
  /** 15 random bytes: 120 bits, so a plain hash may store them (ASVS 6.5.2 asks 112 or a salted slow hash). */
  recoveryCodeBytes: 15,
  /** Wrong codes one session may send before it ends (the link has to be requested again). */
  failuresPerSession: 5,
} as const;

/** Where a session stands: no second factor needed, still needed, or passed. */
export type SecondFactorState = 'none' | 'pending' | 'passed';

/** Only privileged roles need the second factor; members and applicants stay passwordless. */
export function secondFactorState(roles: readonly Role[], passedAt: string | undefined): SecondFactorState {
  if (!roles.includes('admin')) return 'none';
  return passedAt ? 'passed' : 'pending';
}

/** The roles a session may use now: an admin's only once the second factor is passed. */
export const usableRoles = (roles: readonly Role[], state: SecondFactorState): Role[] =>
  state === 'pending' ? roles.filter((role) => role !== 'admin') : [...roles];

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Random bytes as a recovery code people can copy: base32 in groups of four (`ABCD-EFGH-…`). */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (input: string) => input.toUpperCase().replace(/[^A-Z2-7]/g, '');

/** The WebAuthn relying party from the portal's address: its host name is the RP id, its origin the origin. */
export function relyingParty(publicUrl: string): { id: string; origin: string } {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin };
}
