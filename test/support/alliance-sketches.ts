import type { Sketch } from '../../functions/core/sketch-full.ts';
import { leineWeserSketch } from './sketches.ts';

/*
 * Complete sketches for the other two alliances, each within its own profile's rules: its
 * sub-regions, priorities and period (as their seeds give them), and only the questions it asks.
 */

/** Nordostniedersachsen: 2024 (funds flow „bis 2024“), 70 % of the personnel costs from the ESF. */
export function nordostSketch(): Sketch {
  // No local step in this profile: the sketch has no local alliance section.
  const { localAlliance: _none, ...base } = leineWeserSketch();
  return {
    ...base,
    applicant: { ...base.applicant, city: 'Lüneburg', postalCode: '21335', street: 'Am Sande 1' },
    project: {
      ...base.project,
      title: 'Ausbildung im Heidekreis und in Lüneburg sichern',
      situation:
        'In den ländlichen Landkreisen Nordostniedersachsens finden Betriebe kaum Auszubildende; viele Jugendliche kennen die Betriebe vor Ort nicht.',
      activities: [
        { title: 'Aufbau', description: 'Betriebe gewinnen.', startMonth: 1, endMonth: 3 },
        { title: 'Begleitung', description: 'Auszubildende begleiten.', startMonth: 3, endMonth: 12 },
      ],
    },
    strategy: {
      priorities: [{ id: 'binden-nachwuchs', goals: ['Stärkung und Förderung der dualen Berufsausbildung'] }],
      themes: ['digitalisierung'],
    },
    space: {
      subRegions: [
        { id: 'heidekreis', shareBp: 5000 },
        { id: 'lueneburg', shareBp: 5000 },
      ],
      districts: ['Landkreis Heidekreis', 'Landkreis Lüneburg'],
      rationale: 'Beide Landkreise haben die meisten unbesetzten Ausbildungsplätze der Region.',
    },
    // Nordost asks neither question as required (profile `form.questions`).
    continuation: { continuation: '', modelCharacter: '' },
    runtime: { start: '2024-01-01', end: '2024-12-31' },
    finance: {
      costs: [
        {
          category: 'personnel',
          description: 'Ausbildungscoach (1,0 VZÄ)',
          year: 2024,
          amountCents: 10_000_000,
        },
        { category: 'material', description: 'Lernmaterial', year: 2024, amountCents: 2_000_000 },
      ],
      esfCents: 7_000_000,
      ownCents: 5_000_000,
      thirdParty: [],
    },
  };
}

/** Südostniedersachsen: its three years (2019–2021), one sub-region, Verstetigung required. */
export function suedostSketch(): Sketch {
  // No local step in this profile: the sketch has no local alliance section.
  const { localAlliance: _none, ...base } = leineWeserSketch();
  return {
    ...base,
    applicant: { ...base.applicant, city: 'Braunschweig', postalCode: '38100', street: 'Bohlweg 1' },
    project: {
      ...base.project,
      title: 'Studienabsolventen in der Region Braunschweig-Wolfsburg halten',
      situation:
        'Viele Absolventinnen und Absolventen der Hochschulen der Region ziehen nach dem Studium weg, obwohl Unternehmen vor Ort sie suchen.',
    },
    strategy: {
      priorities: [{ id: 'rekrutierung-matching', goals: ['Studienabsolventen in der Region halten'] }],
      themes: [],
    },
    space: {
      subRegions: [{ id: 'braunschweig-wolfsburg', shareBp: 10_000 }],
      districts: ['Stadt Braunschweig', 'Stadt Wolfsburg'],
      rationale: 'Die Hochschulen und die suchenden Unternehmen sitzen in Braunschweig und Wolfsburg.',
    },
    continuation: {
      continuation: 'Die Hochschulen übernehmen das Matching in ihre Career Services.',
      modelCharacter: '',
    },
    runtime: { start: '2019-01-01', end: '2021-12-31' },
    finance: {
      ...base.finance,
      costs: base.finance.costs.map((line) => ({ ...line, year: line.year - 7 })),
    },
  };
}
