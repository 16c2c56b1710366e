import { adminMessages as m } from '../core/admins.de.ts';
import { sessionIsLive } from '../core/auth.ts';
import type { AdminEntry, AdminEvent, SessionEntry } from '../core/contract/admins.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../core/errors.ts';
import { securityLog } from '../platform/security-log.ts';
import { adminEvents, endSessionOf, grantAdmin, listAdmins, revokeAdmin, sessionsOf } from '../store/auth.ts';
import type { Caller } from './caller.ts';

/*
 * The office's access management: the admin list (each change an audit event in the table, written
 * in the change's transaction, and a security log line) and the live sessions of an account.
 */

export async function adminList(): Promise<{ items: AdminEntry[]; events: AdminEvent[] }> {
  const [items, events] = await Promise.all([listAdmins(), adminEvents(20)]);
  return { items: items.sort((a, b) => a.email.localeCompare(b.email)), events };
}

/** Puts a person on the list; the admin role holds from their next sign-in (roles are fixed at sign-in, then only narrowed). */
export async function addAdminBy(
  caller: Caller,
  entry: { email: string; name: string },
  now: Date,
): Promise<AdminEntry> {
  const result = await grantAdmin(entry, caller.email, now);
  if (result === 'already') throw new ConflictError(m.alreadyAdmin, 'already');
  if (result === 'refused') throw new ForbiddenError();
  await securityLog('role_changed', {
    email: entry.email,
    roles: ['admin'],
    change: 'granted',
    by: caller.email,
  });
  return { ...entry, addedAt: now.toISOString() };
}

/**
 * Takes a person off the list: never oneself (someone else must), never the last one. Their
 * sessions stay, without the admin role from their next request on (app/caller.ts liveRoles).
 */
export async function removeAdminBy(caller: Caller, email: string, now: Date): Promise<void> {
  if (email === caller.email) throw new ConflictError(m.selfRemoval, 'self_removal');
  const admins = await listAdmins();
  if (admins.some((a) => a.email === email) && admins.length <= 1)
    throw new ConflictError(m.lastAdmin, 'last_admin');
  const result = await revokeAdmin(email, caller.email, now);
  if (result === 'missing') throw new NotFoundError(m.notAdmin);
  if (result === 'refused') throw new ForbiddenError();
  await securityLog('role_changed', { email, roles: ['admin'], change: 'revoked', by: caller.email });
}

/** The account's sessions that are live now, newest first; the caller's own marked. */
export async function liveSessionsOf(email: string, caller: Caller, now: Date): Promise<SessionEntry[]> {
  const sessions = await sessionsOf(email);
  return sessions
    .filter((session) => sessionIsLive(session, now))
    .map(({ id, roles, createdAt, idleUntil, absoluteUntil, hash }) => ({
      id,
      roles,
      createdAt,
      idleUntil,
      absoluteUntil,
      current: hash === caller.sessionHash,
    }));
}

/** Ends one of an account's sessions: its next request is signed out. */
export async function endSessionBy(caller: Caller, email: string, id: string): Promise<void> {
  if (!(await endSessionOf(email, id))) throw new NotFoundError(m.sessionGone);
  await securityLog('session_ended', { email, by: caller.email });
}
