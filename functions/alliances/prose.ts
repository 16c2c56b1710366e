import {
  type AllianceProfile,
  type ProfileProse,
  type ProseProfile,
  splitProse,
  withProse,
} from '../core/profile.ts';
import { checkedProfile, parsedOnce } from './index.ts';

/*
 * The profile's prose (core/profile.ts `ProfileProse`: the priorities with their goals, the themes,
 * the steps' notes, the decision body's composition, the districts): only the sketch's submission,
 * the meeting's dossier and the profile route read it, so it is a define of its own
 * (process.env.VOTUM_BUNDLED_PROSE, see ./index.ts) that only this module names: esbuild writes a
 * defined value only where it is named, so the other bundles leave its 4 KB out. `AllianceProfile` has none of it: code that reads it takes a `ProseProfile`.
 */

const bundled = /* @__PURE__ */ parsedOnce<ProfileProse>(
  process.env.VOTUM_BUNDLED_PROSE,
  'VOTUM_BUNDLED_PROSE',
);

export function loadProse(id: string): ProfileProse {
  if (process.env.VOTUM_BUNDLED_ALLIANCE === undefined) return splitProse(checkedProfile(id)).prose;
  return bundled();
}

/** The running profile (config's, with its sender) with the alliance's prose. */
export const proseProfile = (profile: AllianceProfile, id: string): ProseProfile =>
  withProse(profile, loadProse(id));
