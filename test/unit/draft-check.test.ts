import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { draftRuleIssues, openSteps, sectionIssues } from '../../functions/core/draft-check.ts';
import { normalizeDraft } from '../../functions/core/form-draft.ts';
import type { SketchDraft } from '../../functions/core/sketch-full.ts';
import { leineWeserFormSteps, leineWeserSketch } from '../support/sketches.ts';

const today = '2025-11-23';
const leineWeser = checkedProfile('leine-weser');

/** The complete Leine-Weser sketch as the form holds it, changed by `change`. */
function formDraft(change: (draft: Record<string, Record<string, unknown>>) => void = () => undefined) {
  const draft = structuredClone(leineWeserSketch()) as unknown as Record<string, Record<string, unknown>>;
  change(draft);
  return normalizeDraft(draft as SketchDraft);
}

describe('the form steps a draft still has to do (what get-sketch answers the form)', () => {
  it('are none for a complete sketch', () => {
    // Act
    const open = openSteps(formDraft(), leineWeser, today);
    // Assess
    expect(open).toEqual([]);
  });

  it('are every step a new draft has to fill in, by the profile: its local step, its required fields', () => {
    // Prepare
    const empty = normalizeDraft({});
    // Act
    const leineWeserSteps = openSteps(empty, leineWeser, today);
    const nordostSteps = openSteps(empty, checkedProfile('nordostniedersachsen'), today);
    // Assess: Nordostniedersachsen has no local step, and continuation and model character are optional there
    expect(leineWeserSteps).toEqual(leineWeserFormSteps);
    expect(nordostSteps).toEqual([
      'applicant',
      'project',
      'strategy',
      'space',
      'runtime',
      'finance',
      'declarations',
    ]);
  });

  it('name the step of a broken rule of the profile, with every field of it filled in', () => {
    // Prepare: the financing one euro short of the costs
    const draft = formDraft((d) => {
      d.finance = { ...d.finance, ownCents: (d.finance?.ownCents as number) - 100 };
    });
    // Act
    const open = openSteps(draft, leineWeser, today);
    // Assess
    expect(sectionIssues('finance', draft.finance)).toEqual([]);
    expect(draftRuleIssues(draft, leineWeser, today).map((issue) => issue.path[0])).toContain('finance');
    expect(open).toEqual(['finance']);
  });

  it('name the step of a field holding text where a number belongs', () => {
    // Prepare
    const draft = formDraft((d) => {
      const activities = d.project?.activities as Record<string, unknown>[];
      activities[0] = { ...activities[0], endMonth: 'zwölf' };
    });
    // Act
    const open = openSteps(draft, leineWeser, today);
    // Assess
    expect(open).toEqual(['project']);
  });
});

describe('a stored draft read into the form', () => {
  it('has the full shape: missing and malformed fields empty, typed text kept where a number belongs', () => {
    // Prepare
    const stored = {
      applicant: {
        organisation: 'Pflegenetz e. V.',
        contactAddress: 'frau',
        partners: [{ name: 'IHK', extra: 1 }],
      },
      project: { title: 7, activities: [{ startMonth: '', endMonth: '4x' }, null] },
      strategy: { priorities: [{ id: 'I', goals: ['I.1', 2] }], themes: 'digital' },
      finance: { esfCents: 120_000, costs: [{ amountCents: '1.234,5' }] },
      declarations: { privacy: 'true', truthful: true },
    } as unknown as SketchDraft;
    // Act
    const draft = normalizeDraft(stored);
    // Assess
    expect(draft.applicant).toMatchObject({
      organisation: 'Pflegenetz e. V.',
      legalForm: '',
      contactAddress: 'frau',
      partners: [{ name: 'IHK', role: '' }],
    });
    expect(draft.applicant.partners[0]).not.toHaveProperty('extra');
    expect(draft.project.title).toBe('');
    expect(draft.project.activities).toEqual([
      { title: '', description: '', startMonth: undefined, endMonth: '4x' },
      { title: '', description: '', startMonth: undefined, endMonth: undefined },
    ]);
    expect(draft.strategy).toEqual({ priorities: [{ id: 'I', goals: ['I.1'] }], themes: [] });
    expect(draft.finance).toMatchObject({
      esfCents: 120_000,
      ownCents: undefined,
      thirdParty: [],
      capJustification: '',
    });
    expect(draft.finance.costs).toEqual([
      { category: '', description: '', year: undefined, amountCents: '1.234,5' },
    ]);
    expect(draft.runtime).toEqual({ start: '', end: '' });
    expect(draft.declarations).toEqual({ privacy: false, truthful: true });
    expect(normalizeDraft(undefined).space).toEqual({ subRegions: [], districts: [], rationale: '' });
  });
});
