import { describe, expect, it } from 'vitest';
import { checkedProfile, loadProfile } from '../../functions/alliances/index.ts';
import { fieldLabel, sketchDiff } from '../../functions/core/sketch-diff.ts';
import { nextStep, readableNote, sketchFacts } from '../../functions/core/sketch-doc.ts';
import { sketchRecord } from '../../functions/core/sketch-record.ts';
import { leineWeserSketch } from '../support/sketches.ts';

describe('field labels', () => {
  it('name fields in German, with their row where they sit in a list', () => {
    // Act & Assess
    expect(fieldLabel(['applicant', 'organisation'])).toBe('Organisation');
    expect(fieldLabel(['finance', 'costs', 2, 'amountCents'])).toBe('Kostenplan, Zeile 3: Betrag');
    expect(fieldLabel(['space', 'subRegions', 0, 'shareBp'])).toBe('Teilraum 1: Anteil am Budget');
    expect(fieldLabel(['strategy', 'priorities', 0, 'goals', 1])).toBe('Handlungsschwerpunkt 1, Ziel 2');
    expect(fieldLabel(['project', 'activities', 1, 'title'])).toBe('Arbeitspaket 2: Arbeitspaket');
    expect(fieldLabel(['finance', 'esfCents'])).toBe('Beantragte ESF-Mittel');
  });
});

describe('the differences between two versions', () => {
  it('lists each changed field in the form’s order, in German formats, whatever order the keys come in', () => {
    // Prepare
    const before = leineWeserSketch();
    const after = leineWeserSketch();
    after.finance.thirdParty = [];
    after.finance.ownCents += 3_000_000;
    after.runtime.end = '2028-11-30';
    after.space.subRegions[1]!.shareBp = 2000;
    after.space.subRegions[2]!.shareBp = 4000;
    const { thirdParty, ...rest } = after.finance;
    const shuffled = { ...after, finance: { thirdParty, ...rest } };
    // Act
    const changes = sketchDiff(before, shuffled);
    // Assess
    expect(changes).toEqual([
      {
        path: 'space.subRegions.1.shareBp',
        label: 'Teilraum 2: Anteil am Budget',
        before: '25\u00a0%',
        after: '20\u00a0%',
      },
      {
        path: 'space.subRegions.2.shareBp',
        label: 'Teilraum 3: Anteil am Budget',
        before: '35\u00a0%',
        after: '40\u00a0%',
      },
      { path: 'runtime.end', label: 'Projektende', before: '31.12.2028', after: '30.11.2028' },
      {
        path: 'finance.ownCents',
        label: 'Eigenmittel',
        before: '84.930,00\u00a0€',
        after: '114.930,00\u00a0€',
      },
      {
        path: 'finance.thirdParty.0.source',
        label: 'Drittmittel, Zeile 1: Quelle der Drittmittel',
        before: 'Stiftung Pflege Niedersachsen',
      },
      {
        path: 'finance.thirdParty.0.amountCents',
        label: 'Drittmittel, Zeile 1: Betrag',
        before: '30.000,00\u00a0€',
      },
    ]);
  });

  it('is empty for equal versions', () => {
    // Act & Assess
    expect(sketchDiff(leineWeserSketch(), leineWeserSketch())).toEqual([]);
  });
});

describe('what lists show of a draft', () => {
  it('reads a half-filled draft without failing', () => {
    // Act & Assess
    expect(
      sketchFacts({
        project: { title: '  Pflege  ' },
        finance: { costs: [{ amountCents: 100 }, { amountCents: 'x' }] },
      }),
    ).toEqual({
      title: 'Pflege',
      organisation: '',
      subRegionIds: [],
      priorityIds: [],
      costCents: 100,
      esfCents: 0,
    });
    expect(sketchFacts({}).title).toBe('Ohne Titel');
  });
});

describe('the next step', () => {
  it('tells the applicant in plain German what happens next', () => {
    // Prepare
    const { names } = loadProfile('leine-weser');
    // Act & Assess
    expect(nextStep({ status: 'draft', statementsComplete: false, names }).text).toMatch(
      /Füllen Sie die Skizze aus/,
    );
    expect(
      nextStep({
        status: 'draft',
        returned: { note: 'Bitte Ziele schärfen.' },
        statementsComplete: false,
        names,
      }).text,
    ).toContain('„Bitte Ziele schärfen.“');
    expect(nextStep({ status: 'submitted', statementsComplete: false, names }).text).toMatch(
      /lokalen Allianzen der Teilräume nehmen/,
    );
    expect(
      nextStep({ status: 'in_vote', statementsComplete: true, voteDeadline: '2026-12-10', names }),
    ).toMatchObject({
      due: '2026-12-10',
      text: 'Die Lenkungsgruppe stimmt über die Skizze ab. Sie erhalten das Votum per E-Mail.',
    });
  });
});

describe('the record of a submitted sketch', () => {
  it('has every section with the profile’s names and German formats', () => {
    // Act
    const sections = sketchRecord(leineWeserSketch(), checkedProfile('leine-weser'));
    // Assess
    expect(sections.map((s) => s.title)).toEqual([
      '1. Antragsteller',
      '2. Projekt',
      '3. Einordnung in die Strategie',
      '4. Räumliche Wirkung',
      '5. Verstetigung',
      '6. Laufzeit',
      '7. Kosten- und Finanzierungsplan',
      '8. Lokale Allianz',
    ]);
    const rows = Object.fromEntries(sections.flatMap((s) => s.rows));
    expect(rows.Gesamtkosten).toBe('383.100,00\u00a0€');
    expect(rows['Kosten 2027']).toBe('127.700,00\u00a0€');
    expect(rows['Lokale Allianz']).toBe('Fachkräfte-Initiative Weserbergland+');
  });
});

describe('an audit note', () => {
  it('reads in words, also where an earlier version stored a code at its end', () => {
    // Act
    const notes = [
      'Umlaufverfahren: no_consensus',
      'Votum: deferred',
      'Förderentscheidung gemeldet: approved',
      'Sitzung am 12.11.2026',
      'Bitte: keine_ahnung',
      'Projektende 2026-12-31 → 2027-03-31: verlängert',
    ].map(readableNote);
    // Assess
    expect(notes).toEqual([
      'Umlaufverfahren: Kein Einvernehmen',
      'Votum: zurückgestellt',
      'Förderentscheidung gemeldet: bewilligt',
      'Sitzung am 12.11.2026',
      'Bitte: keine_ahnung',
      'Projektende 31.12.2026 → 31.03.2027: verlängert',
    ]);
  });
});
