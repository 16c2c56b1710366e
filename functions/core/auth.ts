import type { Role } from './lifecycle.ts';

/** Sign-in policy: how long links and sessions live. Pure: the caller passes "now". */
export const signInPolicy = {
  linkValidMs: 15 * 60_000,
  sessionIdleMs: 60 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  /** A session's idle deadline is pushed forward at most this often, to save writes. */
  touchEveryMs: 5 * 60_000,
  /** Sign-in links mailed to one address per window: enough for typos, too few to flood a mailbox. */
  linksPerWindow: 10,
  linkWindowMs: 60 * 60_000,
} as const;

/** The window a link request falls in (its start, in ms), for counting requests per address. */
export const linkWindow = (now: Date) => now.getTime() - (now.getTime() % signInPolicy.linkWindowMs);

export interface SessionTimes {
  createdAt: string;
  idleUntil: string;
  absoluteUntil: string;
}

export function newSessionTimes(now: Date): SessionTimes {
  return {
    createdAt: now.toISOString(),
    idleUntil: new Date(now.getTime() + signInPolicy.sessionIdleMs).toISOString(),
    absoluteUntil: new Date(now.getTime() + signInPolicy.sessionAbsoluteMs).toISOString(),
  };
}

export function sessionIsLive(session: SessionTimes, now: Date): boolean {
  const t = now.getTime();
  return t < Date.parse(session.idleUntil) && t < Date.parse(session.absoluteUntil);
}

/** The new idle deadline when it is time to push it forward, else undefined. */
export function touchedIdleUntil(session: SessionTimes, now: Date): string | undefined {
  const target = Math.min(now.getTime() + signInPolicy.sessionIdleMs, Date.parse(session.absoluteUntil));
  if (target - Date.parse(session.idleUntil) < signInPolicy.touchEveryMs) return undefined;
  return new Date(target).toISOString();
}

/**
 * Every verified email is an applicant; the allow-list adds admin; a seat adds member; an account
 * of a local alliance (where the profile has the local step) adds local.
 */
export function rolesFor(flags: { admin: boolean; member: boolean; local?: boolean }): Role[] {
  const roles: Role[] = ['applicant'];
  if (flags.admin) roles.push('admin');
  if (flags.member) roles.push('member');
  if (flags.local) roles.push('local');
  return roles;
}
