import {
  type AllianceProfile,
  type CheckedProfile,
  type ProfileCriteria,
  type ProfileProse,
  parseProfile,
  splitProse,
} from '../core/profile.ts';
import leineWeser from './leine-weser.json' with { type: 'json' };
import nordostniedersachsen from './nordostniedersachsen.json' with { type: 'json' };
import suedostniedersachsen from './suedostniedersachsen.json' with { type: 'json' };

/*
 * A deployment's bundles are built for one alliance: infra/aws/functions.ts checks its profile at
 * synth (`runtimeProfile` below) and defines process.env.VOTUM_BUNDLED_ALLIANCE as its id and
 * process.env.VOTUM_BUNDLED_PROFILE as its JSON text without `sources`, `legal` (the legal pages'
 * texts: process.env.VOTUM_BUNDLED_LEGAL, read only by ./legal.ts) and the prose (the priorities
 * with their goals, the themes, the steps' notes, the decision body's composition, the districts: process.env.VOTUM_BUNDLED_PROSE,
 * read only by ./prose.ts; the criteria likewise: process.env.VOTUM_BUNDLED_CRITERIA, ./criteria.ts). esbuild folds each test of
 * VOTUM_BUNDLED_ALLIANCE below to a constant, so the profile files (with their seed quotes),
 * `parseProfile` and the profile's schema stay out of the bundle, and a cold start parses checked
 * JSON instead of checking the profile again. The JSON text is named once only: esbuild writes a
 * defined value wherever it is named. Run from source (tests, the local portal, synth) both are
 * unset: every profile is loaded and checked, sources included.
 */

const files: Record<string, unknown> =
  process.env.VOTUM_BUNDLED_ALLIANCE === undefined
    ? { 'leine-weser': leineWeser, suedostniedersachsen, nordostniedersachsen }
    : {};

/** Every profile shipped with votum (in a deployed bundle: its own), by id; a deployment picks one with ALLIANCE / -c alliance. */
export const allianceIds =
  process.env.VOTUM_BUNDLED_ALLIANCE === undefined
    ? Object.keys(files)
    : [process.env.VOTUM_BUNDLED_ALLIANCE];

/**
 * A define's JSON text, parsed on first use: it was checked when the bundle was built. Each caller
 * names its own `process.env.VOTUM_BUNDLED_<X>` as `text`, since esbuild writes a defined value only
 * where it is named: so only the bundles of the modules that read a text hold it. Callers mark the
 * call pure, so a bundle that imports the module without reading its text drops it as before. Kept
 * terse: every bundle carries it (no larger than the loader it replaced in a bundle that reads one text).
 */
export function parsedOnce<T>(text: string | undefined, define: string): () => T {
  let parsed: T | undefined;
  return () => {
    if (!text)
      throw new Error(
        `VOTUM_BUNDLED_ALLIANCE without ${define}: bundle with bundlingFor (infra/aws/functions.ts)`,
      );
    // biome-ignore lint/suspicious/noAssignInExpressions: the memo in one expression keeps every bundle from growing
    return (parsed ??= JSON.parse(text) as T);
  };
}

/** The bundle's own profile. */
const bundledProfile = /* @__PURE__ */ parsedOnce<AllianceProfile>(
  process.env.VOTUM_BUNDLED_PROFILE,
  'VOTUM_BUNDLED_PROFILE',
);

const unknown = (id: string) =>
  new Error(`Unknown alliance "${id}". Known alliances: ${allianceIds.join(', ')}`);

/** Checks and answers a profile file; every error names its field. From source only (tests, synth). */
export function checkedProfile(id: string): CheckedProfile {
  const data = files[id];
  if (data === undefined) throw unknown(id);
  return parseProfile(data, `functions/alliances/${id}.json`);
}

export function loadProfile(id: string): AllianceProfile {
  if (process.env.VOTUM_BUNDLED_ALLIANCE === undefined) return checkedProfile(id);
  if (id !== process.env.VOTUM_BUNDLED_ALLIANCE) throw unknown(id);
  return bundledProfile();
}

/**
 * The profile as a deployed bundle gets it: checked (a bad profile fails synth and the bench),
 * without `sources` (seed quotes, documentation only), without `legal` (`runtimeLegal`), without
 * its prose (`runtimeProse`) and without its criteria (`runtimeCriteria`). infra/aws/functions.ts defines each for esbuild.
 */
export function runtimeProfile(id: string): AllianceProfile {
  const { sources: _sources, legal: _legal, criteria: _criteria, ...profile } = checkedProfile(id);
  return splitProse(profile).profile;
}

/** The profile's prose as a deployed bundle gets it: only the modules that read it name it (./prose.ts). */
export const runtimeProse = (id: string): ProfileProse => splitProse(checkedProfile(id)).prose;

/** The assessment criteria as a deployed bundle gets them: only ./criteria.ts names them. */
export const runtimeCriteria = (id: string): ProfileCriteria => checkedProfile(id).criteria;

/** The legal pages' texts as a deployed bundle gets them: only the profile route names them (./legal.ts). */
export const runtimeLegal = (id: string): CheckedProfile['legal'] => checkedProfile(id).legal;
