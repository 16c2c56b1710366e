import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { sketchAttachmentKindsOf } from '../../functions/core/attachments.ts';
import { capJustificationNeeded } from '../../functions/core/funding-rules.ts';
import { processSteps } from '../../functions/core/process.de.ts';
import { type CheckedProfile, type ProseProfile, parseProfile } from '../../functions/core/profile.ts';
import { totals } from '../../functions/core/sketch-fields.ts';
import { type Sketch, sectionsOf, sketchSchema } from '../../functions/core/sketch-full.ts';
import { sketchRecord } from '../../functions/core/sketch-record.ts';
import { nordostSketch, suedostSketch } from '../support/alliance-sketches.ts';

/*
 * The process is data: a profile variant changes what the form requires, when the cap needs a
 * justification and which steps the pages list, with no change to the code.
 */

const today = '2026-12-01';
/** Each problem as `path: message`, with the amounts' non-breaking spaces as plain ones. */
const problems = (profile: ProseProfile, sketch: Sketch) => {
  const result = sketchSchema(profile, today).safeParse(sketch);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message.replaceAll('\u00a0', ' ')}`);
};
/** A variant of a profile, validated as a profile file would be. */
const variant = (profile: ProseProfile, change: (p: ProseProfile) => ProseProfile) =>
  parseProfile(change(structuredClone(profile)), 'variant.json');

/** 500.000 € personnel and 100.000 € material: 600.000 €, above the 500.000 € cap. */
function largeNordostSketch(esfCents: number): Sketch {
  const sketch = nordostSketch();
  sketch.finance = {
    costs: [
      { category: 'personnel', description: 'Coaches', year: 2024, amountCents: 50_000_000 },
      { category: 'material', description: 'Material', year: 2024, amountCents: 10_000_000 },
    ],
    esfCents,
    ownCents: 60_000_000 - esfCents,
    thirdParty: [],
  };
  return sketch;
}

describe('a profile variant', () => {
  it('that requires the model character makes the form ask for it, with no code change', () => {
    // Prepare
    const nordost = checkedProfile('nordostniedersachsen');
    const stricter = variant(nordost, (p) => ({
      ...p,
      form: { questions: { ...p.form.questions, modelCharacter: 'required' } },
    }));
    // Act
    const asIs = problems(nordost, nordostSketch());
    const asVariant = problems(stricter, nordostSketch());
    // Assess
    expect(asIs).toEqual([]);
    expect(asVariant).toEqual([
      'continuation.modelCharacter: Modellcharakter und Übertragbarkeit: Bitte ausfüllen.',
    ]);
  });

  it('that gains the local step requires the local alliance section, with no code change', () => {
    // Prepare
    const nordost = checkedProfile('nordostniedersachsen');
    const withLocalStep = variant(nordost, (p) => ({ ...p, localStatements: { required: true } }));
    const presented = {
      ...nordostSketch(),
      localAlliance: { subRegionId: 'lueneburg', presentedOn: '2023-11-15', statement: '' },
    };
    // Act
    const asIs = problems(nordost, nordostSketch());
    const asVariant = problems(withLocalStep, nordostSketch());
    const asVariantPresented = problems(withLocalStep, presented);
    // Assess
    expect(asIs).toEqual([]);
    expect(asVariant).toEqual([
      'localAlliance.subRegionId: Lokale Allianz: Bitte die lokale Allianz wählen, in der das Projekt vorgestellt wurde.',
      'localAlliance.presentedOn: Datum der Vorstellung in der lokalen Allianz: Bitte ausfüllen.',
    ]);
    expect(asVariantPresented).toEqual([]);
    expect(sectionsOf(nordost)).not.toContain('localAlliance');
    expect(sectionsOf(withLocalStep)).toContain('localAlliance');
    expect(sketchAttachmentKindsOf(nordost)).toEqual(['nbank_draft', 'cost_plan']);
    expect(sketchAttachmentKindsOf(withLocalStep)).toContain('endorsement_statement');
  });

  it('without the local step leaves an older draft’s local alliance section out, unchecked', () => {
    // Prepare: a Nordost draft from before, with the section the form then showed, left blank
    const nordost = checkedProfile('nordostniedersachsen');
    const older = { ...nordostSketch(), localAlliance: { subRegionId: '', presentedOn: '', statement: '' } };
    // Act
    const result = sketchSchema(nordost, today).safeParse(older);
    // Assess
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty('localAlliance');
    expect(sketchRecord(result.data as Sketch, nordost).map((s) => s.title)).not.toContain(
      '8. Lokale Allianz',
    );
  });

  it('that needs a justification above the cap always asks for one where the seed’s rule would not', () => {
    // Prepare: ESF 250.000 €, less than the 291.666 € a plan kept to the cap could get at 70 % of personnel
    const nordost = checkedProfile('nordostniedersachsen');
    const always = variant(nordost, (p) => ({
      ...p,
      funding: { ...p.funding, capJustification: 'above_cap' },
    }));
    const sketch = largeNordostSketch(25_000_000);
    // Act
    const asIs = problems(nordost, sketch);
    const asVariant = problems(always, sketch);
    // Assess
    expect(asIs).toEqual([]);
    expect(asVariant).toEqual([
      'finance.capJustification: Begründung für Gesamtkosten über der Obergrenze: Die Gesamtkosten (600.000,00 €) liegen über 500.000,00 €; bitte begründen Sie das (mindestens 50 Zeichen).',
    ]);
  });

  it('that drops the bank step lists the steps without it', () => {
    // Prepare
    const suedost = checkedProfile('suedostniedersachsen');
    const noBank = variant(suedost, (p) => ({
      ...p,
      process: { ...p.process, steps: p.process.steps.filter((s) => s.kind !== 'bank') },
    }));
    // Act
    const steps = processSteps(suedost);
    const fewer = processSteps(noBank);
    // Assess
    expect(steps).toHaveLength(6);
    expect(fewer).toHaveLength(5);
    expect(fewer.join(' ')).not.toContain('Förderantrag bei der NBank');
    expect(steps[0]).toContain('Projektideen');
  });

  it('refuses steps out of order and a process without a decision', () => {
    // Prepare
    const lw = checkedProfile('leine-weser');
    const broken = {
      ...lw,
      process: { ...lw.process, steps: [{ kind: 'votum' }, { kind: 'office_check' }] },
    };
    // Act & Assess
    expect(() => parseProfile(broken, 'x.json')).toThrow(/process\.steps: step "decision" is missing/);
    expect(() => parseProfile(broken, 'x.json')).toThrow(
      /process\.steps: steps must be in the process's order/,
    );
  });
});

describe('the cap rule of the seed (only when the excess raises the funding)', () => {
  it('asks for a justification only when more ESF is requested than a plan kept to the cap could get', () => {
    // Prepare
    const nordost = checkedProfile('nordostniedersachsen');
    const need = (esfCents: number) =>
      capJustificationNeeded(totals(largeNordostSketch(esfCents).finance), esfCents, nordost.funding);
    // Act & Assess: 70 % of 500.000 € personnel scaled to the cap = 291.666,66 €
    expect(need(29_166_666)).toBe(false);
    expect(need(29_166_667)).toBe(true);
    expect(problems(nordost, largeNordostSketch(30_000_000))).toEqual([
      'finance.capJustification: Begründung für Gesamtkosten über der Obergrenze: Die Gesamtkosten (600.000,00 €) liegen über 500.000,00 €, und die beantragte Förderung übersteigt, was bei Kosten in Höhe der Obergrenze möglich wäre (291.666,66 €); bitte begründen Sie das (mindestens 50 Zeichen).',
    ]);
  });

  it('without a funding rate: a total above the cap needs no justification while the ESF stays within the cap', () => {
    // Prepare
    const lw = checkedProfile('leine-weser');
    const sum = { costCents: 60_000_000, personnelCents: 50_000_000 };
    // Act & Assess
    expect(capJustificationNeeded(sum, 50_000_000, lw.funding)).toBe(false);
    expect(capJustificationNeeded(sum, 50_000_001, lw.funding)).toBe(true);
    expect(capJustificationNeeded({ ...sum, costCents: 50_000_000 }, 50_000_000, lw.funding)).toBe(false);
  });
});

describe('the other alliances’ own sketches', () => {
  it('pass their own profile’s rules, and Südost requires the continuation Nordost leaves free', () => {
    // Prepare
    const [nordost, suedost] = ['nordostniedersachsen', 'suedostniedersachsen'].map(checkedProfile) as [
      CheckedProfile,
      CheckedProfile,
    ];
    const withoutContinuation = suedostSketch();
    withoutContinuation.continuation.continuation = '';
    // Act & Assess
    expect(problems(nordost, nordostSketch())).toEqual([]);
    expect(problems(suedost, suedostSketch())).toEqual([]);
    expect(problems(suedost, withoutContinuation)).toEqual([
      'continuation.continuation: Verstetigung nach der Förderung: Bitte ausfüllen.',
    ]);
  });
});
