import type { ProfileCriteria } from '../core/profile.ts';
import { checkedProfile, parsedOnce } from './index.ts';

/*
 * The alliance's assessment criteria: only the Votum's checklist (write-votum), its letter (the
 * document job) and the profile route read them, so they are a define of their own
 * (process.env.VOTUM_BUNDLED_CRITERIA, see ./index.ts) that only this module names: esbuild writes a
 * defined value only where it is named, so the other bundles leave them out.
 */

const bundled = /* @__PURE__ */ parsedOnce<ProfileCriteria>(
  process.env.VOTUM_BUNDLED_CRITERIA,
  'VOTUM_BUNDLED_CRITERIA',
);

export function loadCriteria(id: string): ProfileCriteria {
  if (process.env.VOTUM_BUNDLED_ALLIANCE === undefined) return checkedProfile(id).criteria;
  return bundled();
}
