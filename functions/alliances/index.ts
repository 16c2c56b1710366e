import { type AllianceProfile, parseProfile } from '../core/profile.ts';
import leineWeser from './leine-weser.json' with { type: 'json' };
import nordostniedersachsen from './nordostniedersachsen.json' with { type: 'json' };
import suedostniedersachsen from './suedostniedersachsen.json' with { type: 'json' };

/*
 * A deployment's bundles are built for one alliance: infra/aws/functions.ts defines
 * process.env.VOTUM_BUNDLED_ALLIANCE as its id, esbuild folds each test below to a constant and
 * leaves the other alliances' profiles out. Run from source (tests, the local portal), the variable
 * is unset and every profile is there. The test is written out per profile because esbuild folds
 * only literal comparisons, not calls of a helper.
 */
const profiles: Record<string, unknown> = {
  ...(process.env.VOTUM_BUNDLED_ALLIANCE === undefined || process.env.VOTUM_BUNDLED_ALLIANCE === 'leine-weser'
    ? { 'leine-weser': leineWeser }
    : {}),
  ...(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ||
  process.env.VOTUM_BUNDLED_ALLIANCE === 'suedostniedersachsen'
    ? { suedostniedersachsen }
    : {}),
  ...(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ||
  process.env.VOTUM_BUNDLED_ALLIANCE === 'nordostniedersachsen'
    ? { nordostniedersachsen }
    : {}),
};

/** Every profile shipped with votum (in a deployed bundle: its own), by id; a deployment picks one with ALLIANCE / -c alliance. */
export const allianceIds = Object.keys(profiles);

export function loadProfile(id: string): AllianceProfile {
  const data = profiles[id];
  if (data === undefined) {
    throw new Error(`Unknown alliance "${id}". Known alliances: ${allianceIds.join(', ')}`);
  }
  return parseProfile(data, `functions/alliances/${id}.json`);
}
