import { logger } from './logger.ts';
import { tokenHash } from './secret.ts';

/*
 * The security log (ASVS 16.x): sign-ins, failures, the office's second factor, refusals, the office's actions and exports, one
 * structured line each (`security: <event>`), which CloudWatch counts and alarms on (infra). No
 * personal data: a person is a pseudonym, a keyed hash of the address that only the signing secret
 * ties back to it; routes are named by their template, never with ids or texts from the request.
 */

export type SecurityEvent =
  | 'sign_in_requested'
  | 'sign_in_quota_reached'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'unauthenticated'
  | 'access_denied'
  | 'forged_request_refused'
  | 'second_factor_enrolled'
  | 'second_factor_passed'
  | 'second_factor_failed'
  | 'second_factor_required'
  | 'recovery_code_used'
  | 'recovery_codes_renewed'
  | 'admin_action'
  | 'export'
  /** A person put on the admin list or taken off it (`change`), by whom (`actor`). */
  | 'role_changed'
  /** The office ended one of an account's sessions. */
  | 'session_ended';

/** A stable pseudonym for an address: the same person reads the same in every line. */
export const pseudonym = async (email: string) => (await tokenHash(`account:${email}`)).slice(0, 16);

export async function securityLog(
  event: SecurityEvent,
  details: {
    email?: string | undefined;
    route?: string;
    status?: number;
    roles?: readonly string[];
    change?: 'granted' | 'revoked';
    /** Who did it (the office), pseudonymous like `email`. */
    by?: string;
  } = {},
): Promise<void> {
  const { email, by, ...rest } = details;
  logger.info('security event', {
    security: event,
    ...(email ? { account: await pseudonym(email) } : {}),
    ...(by ? { actor: await pseudonym(by) } : {}),
    ...rest,
  });
}
