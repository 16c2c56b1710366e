import { rolesFor } from '../core/auth.ts';
import type { Role } from '../core/lifecycle.ts';
import type { SecondFactorState } from '../core/second-factor.ts';
import { isAdmin, type Session } from '../store/auth.ts';
import { localSubRegions } from '../store/local.ts';
import { holdsSeat } from '../store/votes.ts';

/** Who asks: the live session behind the request's cookie (the HTTP stack finds it). */
export interface Caller extends Session {
  /** The keyed hash of the session token: the session's key in the table. */
  sessionHash: string;
  /**
   * Whether the session has passed the office's second factor. While `pending`, `roles` holds no
   * admin, except on the routes that enrol or check the factor (`beforeSecondFactor`).
   */
  secondFactor: SecondFactorState;
  /**
   * The sub-regions a local alliance speaks for, as read for its live `local` role (none for
   * anyone else): the workspace uses them rather than reading the accounts a second time.
   */
  subRegionIds?: string[];
}

/**
 * The session's roles as they hold now (ASVS 7.4.x): a privileged role taken away (an admin
 * removed, a seat given to someone else, a local alliance's account ended) ends at the next request, not when the session runs out.
 * A role granted later needs a new sign-in, so an applicant's request costs no extra read.
 */
export async function liveRoles(session: Session): Promise<{ roles: Role[]; subRegionIds: string[] }> {
  const [admin, member, subRegionIds] = await Promise.all([
    session.roles.includes('admin') ? isAdmin(session.email) : false,
    session.roles.includes('member') ? holdsSeat(session.email) : false,
    session.roles.includes('local') ? localSubRegions(session.email) : [],
  ]);
  return { roles: rolesFor({ admin, member, local: subRegionIds.length > 0 }), subRegionIds };
}

/** The sub-regions `caller` speaks for: as the stack read them for its role, else read now. */
export async function callerSubRegions(caller: Caller): Promise<string[]> {
  return caller.subRegionIds ?? (await localSubRegions(caller.email));
}

/** Whether `email` holds an active account of a local alliance: the `local` role. */
export async function speaksForSubRegion(email: string): Promise<boolean> {
  return (await localSubRegions(email)).length > 0;
}
