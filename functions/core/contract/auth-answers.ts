import * as z from 'zod/mini';
import type { Role } from '../lifecycle.ts';
import { profileSchema, publicProfileKeys } from '../profile.ts';
import { instant } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/** Only what a deployed bundle's esbuild defines (see `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * What the API answers about signing in, the session and the alliance's profile. Built by
 * functions, not at load: the routes wrap them in `z.lazy` (see followup-answers.ts), so a Lambda
 * function, which never checks its own answers, never builds them.
 */

function build() {
  const roles = ['applicant', 'admin', 'member', 'local'] as const satisfies readonly Role[];
  const role = () => z.enum(roles);

  /** The same words whether or not anybody has an account under the address (no enumeration). */
  const linkRequestedSchema = () => z.strictObject({ message: z.string() });

  /**
   * Whether the session still has to pass the office's second factor (core/second-factor.ts):
   * `pending` sends the page to enrol or confirm it; until then `roles` holds no admin.
   */
  const secondFactor = () => z.enum(['none', 'pending', 'passed']);

  /** Who the new session is for, with the roles it may use now. */
  const sessionCreatedSchema = () =>
    z.strictObject({ email: z.string(), roles: z.array(role()), secondFactor: secondFactor() });

  const signedInSchema = () =>
    z.strictObject({
      email: z.string(),
      roles: z.array(role()),
      secondFactor: secondFactor(),
      /** The session's absolute end (12 hours after sign-in); it ends earlier after an idle hour. */
      sessionEndsAt: instant,
      alliance: z.strictObject({ id: z.string(), name: z.string() }),
    });

  /**
   * Who is signed in, with what roles, until when at the latest, and for which alliance; or that
   * nobody is (a page asks before anyone signed in, and a 401 there would only fill the console).
   */
  const meSchema = () => z.union([signedInSchema(), z.strictObject({ signedIn: z.literal(false) })]);

  return { linkRequestedSchema, sessionCreatedSchema, meSchema };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const linkRequestedSchema = () => schemas().linkRequestedSchema();
export const sessionCreatedSchema = () => schemas().sessionCreatedSchema();
export const meSchema = () => schemas().meSchema();

/**
 * The public projection of the alliance profile: only the fields core/profile.ts names public, each
 * as the profile's own schema types it (strict all the way down), so a leak fails the contract test.
 */
export const publicProfileSchema =
  process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? publicProfileFromSource : unchecked;

/** The profile's schema stays out of a deployed bundle (see `unchecked`): only this builds it. */
function publicProfileFromSource() {
  const shape = profileSchema().shape;
  return z.strictObject(
    Object.fromEntries(publicProfileKeys.map((key) => [key, shape[key]])) as Pick<
      typeof shape,
      (typeof publicProfileKeys)[number]
    >,
  );
}
