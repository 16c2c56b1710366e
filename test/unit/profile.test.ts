import { describe, expect, it } from 'vitest';
import { allianceIds, loadProfile } from '../../functions/alliances/index.ts';
import { parseProfile } from '../../functions/core/profile.ts';

describe('alliance profiles', () => {
  it('ships a valid Leine-Weser profile with its three sub-regions', () => {
    // Act
    const profile = loadProfile('leine-weser');
    // Assess
    expect(allianceIds).toContain('leine-weser');
    expect(profile.subRegions.map((s) => s.name)).toEqual([
      'Region Hannover',
      'Landkreis Hildesheim',
      'REK Weserbergland+',
    ]);
    expect(profile.subRegions[2]?.districts).toHaveLength(4);
  });

  it('names each wrong field of an invalid profile', () => {
    // Prepare
    const broken = { ...loadProfile('leine-weser'), mailFrom: 'keine-adresse', subRegions: [] };
    // Act & Assess
    expect(() => parseProfile(broken, 'test.json')).toThrow(/mailFrom: .*\n.*subRegions: /);
  });

  it('refuses an unknown alliance with the list of known ones', () => {
    // Act & Assess
    expect(() => loadProfile('atlantis')).toThrow(
      'Unknown alliance "atlantis". Known alliances: leine-weser',
    );
  });
});
