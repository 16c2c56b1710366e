import { describe, expect, it } from 'vitest';
import {
  allianceIds,
  checkedProfile,
  loadProfile,
  runtimeCriteria,
  runtimeLegal,
  runtimeProfile,
  runtimeProse,
} from '../../functions/alliances/index.ts';
import {
  type AllianceProfile,
  type ProfileProse,
  parseProfile,
  splitProse,
  withProse,
} from '../../functions/core/profile.ts';

describe('alliance profiles', () => {
  it('ships a valid Leine-Weser profile with its three sub-regions', () => {
    // Act
    const profile = checkedProfile('leine-weser');
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
    const broken = { ...checkedProfile('leine-weser'), mailFrom: 'keine-adresse', subRegions: [] };
    // Act & Assess
    expect(() => parseProfile(broken, 'test.json')).toThrow(/mailFrom: .*\n.*subRegions: /);
  });

  it('gives a deployed bundle every value but the sources (seed quotes, documentation only), the legal texts, the prose and the criteria apart', () => {
    // Act: as infra/aws/functions.ts defines them, each a JSON text
    const bundled = JSON.parse(JSON.stringify(runtimeProfile('leine-weser'))) as AllianceProfile;
    const legal = JSON.parse(JSON.stringify(runtimeLegal('leine-weser')));
    const prose = JSON.parse(JSON.stringify(runtimeProse('leine-weser'))) as ProfileProse;
    const criteria = JSON.parse(JSON.stringify(runtimeCriteria('leine-weser')));
    // Assess
    const { sources, legal: checkedLegal, ...values } = checkedProfile('leine-weser');
    expect(sources?.length).toBeGreaterThan(0);
    expect({ ...withProse(bundled, prose), criteria }).toEqual(values);
    expect('sources' in bundled).toBe(false);
    expect('legal' in bundled).toBe(false);
    expect('criteria' in bundled).toBe(false);
    expect(criteria.length).toBeGreaterThan(0);
    expect(legal).toEqual(checkedLegal);
    expect(checkedLegal.controller.name.length).toBeGreaterThan(0);
    // the prose only apart: no goal, step note, composition or district list in the common profile
    const common = JSON.stringify(bundled);
    const texts = [
      ...values.priorities.flatMap((p) => p.goals),
      ...values.process.steps.flatMap((s) => (s.note ? [s.note] : [])),
      values.process.decisionBodyComposition,
    ];
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((text) => common.includes(text))).toEqual([]);
    expect(common).not.toMatch(/"(goals|note|decisionBodyComposition|districts)":/);
    expect(JSON.stringify(prose).length).toBeGreaterThan(2500);
  });

  it.each(['leine-weser', 'nordostniedersachsen', 'suedostniedersachsen'])(
    'puts the prose of %s back where the profile has it, steps without a note left without',
    (id) => {
      // Prepare
      const { sources: _sources, legal: _legal, ...values } = checkedProfile(id);
      // Act
      const { profile, prose } = splitProse(values);
      const joined = withProse(profile, prose);
      // Assess
      expect(joined).toEqual(values);
      expect(joined.process.steps.map((s) => 'note' in s)).toEqual(
        values.process.steps.map((s) => 'note' in s),
      );
    },
  );

  it('refuses an unknown alliance with the list of known ones', () => {
    // Act & Assess
    expect(() => loadProfile('atlantis')).toThrow(
      'Unknown alliance "atlantis". Known alliances: leine-weser',
    );
  });
});

describe('the three profiles from the seeds', () => {
  it('are valid, with fair shares adding up to 100 % and the figures the seeds give', () => {
    // Act
    const [lw, son, non] = ['leine-weser', 'suedostniedersachsen', 'nordostniedersachsen'].map(
      checkedProfile,
    );
    // Assess
    expect(lw?.priorities.map((p) => p.id)).toEqual(['I', 'II', 'III', 'IV']);
    // Chapter 5: the contribution to the goals, the effect on the sub-regions, and three aspects.
    expect(lw?.criteria.map((c) => c.id)).toEqual([
      'beitrag-ziele',
      'teilraeumliche-effekte',
      'raeumliche-wirkung',
      'verstetigung',
      'modellcharakter',
    ]);
    // Chapter 6: „im Einvernehmen“, deputies vote „nur im Vertretungsfall“, circulation „im Einzelfall“.
    expect(lw?.steeringGroup).toMatchObject({
      deputyVotes: 'when_representing',
      decision: { meeting: { rule: 'consensus' }, circulation: { rule: 'consensus' } },
      circulationAllowed: 'individual_cases',
    });
    // Every rule of procedure names its source or is marked as a default.
    for (const key of ['deputyVotes', 'decision', 'abstentions', 'quorum', 'circulationAllowed'])
      expect(lw?.sources?.some((a) => a.fields.some((f) => f.startsWith(`steeringGroup.${key}`)))).toBe(true);
    expect(lw?.funding).toMatchObject({
      totalCostCapCents: 50_000_000,
      maxRuntimeMonths: 36,
      latestEnd: '2028-12-31',
      budgetCents: 275_000_000,
    });
    expect(lw?.funding.maxFundingRateOfPersonnelBp).toBeUndefined();
    expect(son?.funding.budgetCents).toBe(140_000_000);
    expect(non?.subRegions).toHaveLength(6);
    expect(non?.priorities).toHaveLength(5);
    expect(non?.funding).toMatchObject({ maxFundingRateOfPersonnelBp: 7000, budgetCents: 224_000_000 });
  });

  it('refuses shares that do not add up to 100 % and duplicate ids', () => {
    // Prepare
    const lw = checkedProfile('leine-weser');
    const broken = {
      ...lw,
      subRegions: lw.subRegions.map((s) => ({ ...s, budgetShareBp: 3000 })),
      criteria: [lw.criteria[0], lw.criteria[0]],
    };
    // Act & Assess
    expect(() => parseProfile(broken, 'x.json')).toThrow(
      /subRegions: budget shares add up to 90 %, not 100 %\n.*criteria: id "beitrag-ziele" appears twice/,
    );
  });
});

/** Every field path of a profile, down to its leaves; arrays of records by `*`, lists as one field. */
function fieldPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      ? [...new Set(value.flatMap((item) => fieldPaths(item, `${path}.*`)))]
      : [path];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, inner]) => fieldPaths(inner, path ? `${path}.${key}` : key));
  return [path];
}

describe('each profile true to its seed', () => {
  it.each(allianceIds)('%s names a source or a marked default for every value', (id) => {
    // Prepare
    const { sources, id: _id, ...values } = checkedProfile(id);
    if (!sources) throw new Error(`${id}: loaded from source, a profile has its sources`);
    const office = values.names.office.name;
    const covered = sources.flatMap((s) => s.fields);
    // Act (ids are the portal's own keys, not values a seed could state)
    const uncovered = fieldPaths(values).filter(
      (path) =>
        !path.endsWith('.id') && !covered.some((field) => path === field || path.startsWith(`${field}.`)),
    );
    // Assess
    expect(uncovered).toEqual([]);
    for (const source of sources)
      if (source.kind === 'default')
        expect(source.note.startsWith(`Standardwert – von der ${office} anzupassen`)).toBe(true);
  });

  it('gives Leine-Weser’s contacts from the newest seed and its local alliances by their names', () => {
    // Act
    const lw = checkedProfile('leine-weser');
    // Assess
    expect(lw.office.phone).toBe('05121 6970-121');
    expect(lw.subRegions.map((s) => s.localAlliance)).toEqual([
      'Fachkräfteallianz Region Hannover',
      'Fachkräfte für die Region Hildesheim (FaReHi)',
      'Fachkräfte-Initiative Weserbergland+',
    ]);
  });

  it('marks what the Nordost and Südost seeds do not say as defaults', () => {
    // Act
    const [non, son] = ['nordostniedersachsen', 'suedostniedersachsen'].map(checkedProfile);
    const kindOf = (profile: typeof non, field: string) =>
      profile?.sources?.find((s) => s.fields.includes(field))?.kind;
    // Assess
    expect(non?.funding).toMatchObject({ maxFundingRateOfPersonnelBp: 7000, budgetCents: 224_000_000 });
    expect(non?.subRegions.map((s) => s.districts[0])).toEqual([
      'Landkreis Celle',
      'Landkreis Harburg',
      'Landkreis Heidekreis',
      'Landkreis Lüchow-Dannenberg',
      'Landkreis Lüneburg',
      'Landkreis Uelzen',
    ]);
    expect(kindOf(non, 'funding.budgetCents')).toBe('seed');
    expect(kindOf(non, 'funding.maxFundingRateOfPersonnelBp')).toBe('seed');
    expect(kindOf(non, 'funding.period.start')).toBe('default');
    expect(kindOf(non, 'funding.period.end')).toBe('seed');
    expect(kindOf(non, 'names.office')).toBe('default');
    expect(kindOf(non, 'form.questions')).toBe('default');
    expect(son?.office.name).toBe('Geschäftsstelle bei der Allianz für die Region GmbH');
    expect(son?.names.decisionBody.name).toBe('Sprecherkreis');
    expect(kindOf(son, 'funding.budgetCents')).toBe('seed');
    expect(kindOf(son, 'funding.period')).toBe('seed');
    expect(kindOf(son, 'funding.latestEnd')).toBe('default');
    expect(kindOf(son, 'names.office')).toBe('seed');
    expect(son?.names.office.name).toBe('Geschäftsstelle');
  });

  it('gives Nordost and Südost the periods their seeds say, not Leine-Weser’s', () => {
    // Act
    const [non, son] = ['nordostniedersachsen', 'suedostniedersachsen'].map(checkedProfile);
    // Assess: „bis 2024“; three years up to the recognition „bis 2021“
    expect(non?.funding).toMatchObject({ period: { end: '2024-12-31' }, latestEnd: '2024-12-31' });
    expect(son?.funding).toMatchObject({ period: { start: '2019-01-01', end: '2021-12-31' } });
    for (const profile of [non, son]) {
      expect(JSON.stringify(profile?.funding)).not.toMatch(/2027|2028/);
      expect(JSON.stringify(profile?.process)).not.toMatch(/Leine-Weser|Lenkungsgruppe|lokale/);
    }
    // Nordost's applicants apply to the alliance directly; Südost collects ideas per focus area.
    expect(non?.process.steps[0]?.note).toContain('direkt bei der Allianz für Fachkräfte');
    expect(son?.process.steps[0]?.note).toContain('Themenschwerpunkten');
    expect(son?.process.decisionBodyComposition).toContain('Sprecherkreis');
  });

  it('refuses a seed source without its file and a default without its note', () => {
    // Prepare
    const lw = checkedProfile('leine-weser');
    const broken = {
      ...lw,
      sources: [
        { kind: 'seed', fields: ['name'], seed: 'strategie.pdf', quote: 'Fachkräftebündnis' },
        { kind: 'default', fields: ['office'] },
      ],
    };
    // Act & Assess
    expect(() => parseProfile(broken, 'x.json')).toThrow(/sources\.0\.seed: .*\n.*sources\.1\.note: /);
  });
});
