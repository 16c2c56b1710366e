import { type AllianceProfile, parseProfile } from '../core/profile.ts';
import leineWeser from './leine-weser.json' with { type: 'json' };
import nordostniedersachsen from './nordostniedersachsen.json' with { type: 'json' };
import suedostniedersachsen from './suedostniedersachsen.json' with { type: 'json' };

/** Every profile shipped with votum, by id; a deployment picks one with ALLIANCE / -c alliance. */
const profiles: Record<string, unknown> = {
  'leine-weser': leineWeser,
  suedostniedersachsen,
  nordostniedersachsen,
};

export const allianceIds = Object.keys(profiles);

export function loadProfile(id: string): AllianceProfile {
  const data = profiles[id];
  if (data === undefined) {
    throw new Error(`Unknown alliance "${id}". Known alliances: ${allianceIds.join(', ')}`);
  }
  return parseProfile(data, `functions/alliances/${id}.json`);
}
