import type { CheckedProfile } from '../core/profile.ts';
import { checkedProfile, parsedOnce } from './index.ts';

/*
 * The legal pages' texts of the alliance (Impressum, privacy, accessibility): only the profile route
 * answers them, so they are a define of their own (process.env.VOTUM_BUNDLED_LEGAL, see ./index.ts)
 * that only this module names: esbuild writes a defined value only where it is named, so the other
 * bundles leave the 2.4 KB out.
 */

const bundled = /* @__PURE__ */ parsedOnce<CheckedProfile['legal']>(
  process.env.VOTUM_BUNDLED_LEGAL,
  'VOTUM_BUNDLED_LEGAL',
);

export function loadLegal(id: string): CheckedProfile['legal'] {
  if (process.env.VOTUM_BUNDLED_ALLIANCE === undefined) return checkedProfile(id).legal;
  return bundled();
}
