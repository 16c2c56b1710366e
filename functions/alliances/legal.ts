import type { CheckedProfile } from '../core/profile.ts';
import { checkedProfile } from './index.ts';

/*
 * The legal pages' texts of the alliance (Impressum, privacy, accessibility): only the profile route
 * answers them, so they are a define of their own (process.env.VOTUM_BUNDLED_LEGAL, see ./index.ts)
 * that only this module names: esbuild writes a defined value only where it is named, so the other
 * bundles leave the 2.4 KB out.
 */

let bundled: CheckedProfile['legal'] | undefined;

export function loadLegal(id: string): CheckedProfile['legal'] {
  if (process.env.VOTUM_BUNDLED_ALLIANCE === undefined) return checkedProfile(id).legal;
  if (bundled) return bundled;
  const text = process.env.VOTUM_BUNDLED_LEGAL;
  if (text === undefined)
    throw new Error(
      'VOTUM_BUNDLED_ALLIANCE without VOTUM_BUNDLED_LEGAL: bundle with bundlingFor (infra/aws/functions.ts)',
    );
  bundled = JSON.parse(text) as CheckedProfile['legal'];
  return bundled;
}
