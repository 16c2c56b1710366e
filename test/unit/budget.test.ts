import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import {
  type BudgetSketch,
  budgetColumns,
  budgetSketch,
  budgetWarnings,
  computeBudget,
  splitByShares,
} from '../../functions/core/budget.ts';
import { type SketchStatus, sketchStatuses } from '../../functions/core/lifecycle.ts';
import type { AllianceProfile } from '../../functions/core/profile.ts';

/** Leine-Weser's three sub-regions (33,34 % / 33,33 % / 33,33 %) with a budget of odd cents. */
const profile: AllianceProfile = (() => {
  const base = loadProfile('leine-weser');
  return { ...base, funding: { ...base.funding, budgetCents: 275_000_001 } };
})();
const [hannover, hildesheim, weserbergland] = ['region-hannover', 'hildesheim', 'weserbergland-plus'];

let n = 0;
const sketch = (
  status: SketchStatus,
  esfCents: number,
  shares: [string, number][] = [[hildesheim, 10_000]],
  extra: Partial<BudgetSketch> = {},
): BudgetSketch => ({
  id: `s${++n}`,
  status,
  esfCents,
  shares: shares.map(([subRegionId, shareBp]) => ({ subRegionId, shareBp })),
  ...extra,
});
const line = (budget: ReturnType<typeof computeBudget>, id: string) =>
  budget.lines.find((l) => l.subRegionId === id);

describe('splitting by shares (largest remainder)', () => {
  it('gives the odd cents to the largest remainders, the earlier one on a tie', () => {
    // Act & Assess
    expect(splitByShares(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByShares(1, [3334, 3333, 3333])).toEqual([1, 0, 0]);
    expect(splitByShares(2, [3333, 3334, 3333])).toEqual([1, 1, 0]);
    expect(splitByShares(100_001, [4000, 2500, 3500])).toEqual([40_001, 25_000, 35_000]);
    expect(splitByShares(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitByShares(0, [1, 2])).toEqual([0, 0]);
  });

  it('adds up to the total exactly, each part within a cent of its exact share, even beyond 2^53 products', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          // Act
          const parts = splitByShares(total, weights);
          // Assess
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (BigInt(total) * BigInt(weights[i] ?? 0) * 1000n) / BigInt(sum);
            expect(BigInt(part) * 1000n - exact).toBeGreaterThan(-1000n);
            expect(BigInt(part) * 1000n - exact).toBeLessThan(1001n);
          });
        },
      ),
    );
  });

  it('refuses weights that share nothing out', () => {
    // Act & Assess
    expect(() => splitByShares(5, [])).toThrow(RangeError);
    expect(() => splitByShares(5, [0, 0])).toThrow(RangeError);
  });
});

describe('the budget', () => {
  it('splits the period budget into fair shares that add up to the cent', () => {
    // Act
    const budget = computeBudget(profile, []);
    // Assess: 275.000.001 ct × 33,34 % = 91.685.000,33 → 91.685.001 (largest remainder)
    expect(budget.lines.map((l) => [l.subRegionId, l.fairShareCents])).toEqual([
      [hannover, 91_685_001],
      [hildesheim, 91_657_500],
      [weserbergland, 91_657_500],
    ]);
    expect(budget.total.fairShareCents).toBe(275_000_001);
    expect(budget.total.availableCents).toBe(275_000_001);
    expect(budget.period).toEqual({ id: '2024-2027', start: '2024-01-01', end: '2027-12-31' });
    expect(budget.warnings).toEqual([]);
  });

  it('counts a project that spans sub-regions by its shares, every column adding up to the cent', () => {
    // Prepare: 1.000,01 € endorsed across 40 / 25 / 35 %
    const spanning = sketch('endorsed', 100_001, [
      [hannover, 4000],
      [hildesheim, 2500],
      [weserbergland, 3500],
    ]);
    // Act
    const budget = computeBudget(profile, [spanning]);
    // Assess
    expect(budget.lines.map((l) => l.endorsedCents)).toEqual([40_001, 25_000, 35_000]);
    expect(budget.lines.map((l) => l.committedCents)).toEqual([40_001, 25_000, 35_000]);
    expect(budget.total).toMatchObject({
      requestedCents: 100_001,
      endorsedCents: 100_001,
      committedCents: 100_001,
    });
    expect(line(budget, hannover)?.availableCents).toBe(91_685_001 - 40_001);
    expect(budget.sketchCount).toBe(1);
  });

  it('counts each state where it belongs', () => {
    // Prepare: one sketch of 10,00 € ESF in each state
    const all = sketchStatuses.map((status) => sketch(status, 1000));
    // Act
    const budget = computeBudget(profile, all);
    // Assess
    const counted = (states: SketchStatus[]) => states.length * 1000;
    expect(line(budget, hildesheim)).toMatchObject({
      requestedCents: counted([
        'submitted',
        'ready_for_vote',
        'in_vote',
        'vote_closed',
        'deferred',
        'endorsed',
        'funded',
        'running',
        'report_due',
        'closed',
      ]),
      endorsedCents: counted(['endorsed', 'funded', 'running', 'report_due', 'closed']),
      approvedCents: 0,
      committedCents: counted(['endorsed', 'funded', 'running', 'report_due', 'closed']),
    });
    expect(budget.sketchCount).toBe(10);
  });

  it('lets an approved amount replace the endorsed one, and a closed project bind what it spent', () => {
    // Prepare
    const approvedLess = sketch('running', 100_000, undefined, { approvedCents: 80_000 });
    const closed = sketch('closed', 50_000, undefined, { approvedCents: 50_000, spentCents: 45_000 });
    const rejected = sketch('rejected', 70_000);
    // Act
    const budget = computeBudget(profile, [approvedLess, closed, rejected]);
    // Assess
    expect(line(budget, hildesheim)).toMatchObject({
      requestedCents: 150_000,
      endorsedCents: 150_000,
      approvedCents: 130_000,
      spentCents: 45_000,
      committedCents: 125_000,
      availableCents: 91_657_500 - 125_000,
    });
  });

  it('keeps amounts in sub-regions the profile does not know on a line of their own, so the total still adds up', () => {
    // Prepare
    const elsewhere = sketch('endorsed', 1001, [
      [hildesheim, 5000],
      ['lueneburg', 5000],
    ]);
    const nowhere = sketch('submitted', 500, []);
    // Act
    const budget = computeBudget(profile, [elsewhere, nowhere]);
    // Assess
    expect(budget.lines.at(-1)).toMatchObject({
      name: 'Ohne Zuordnung zu einem Teilraum',
      fairShareCents: 0,
      requestedCents: 500 + 500,
      committedCents: 500,
      availableCents: -500,
    });
    expect(line(budget, hildesheim)?.committedCents).toBe(501);
    expect(budget.total.requestedCents).toBe(1501);
    expect(budget.warnings.map((w) => w.message)).toEqual([
      'Ohne Zuordnung zu einem Teilraum: 5,00\u00a0€ gebunden, 5,00\u00a0€ mehr als der faire Anteil von 0,00\u00a0€.',
    ]);
  });

  it('adds up every column across the lines to the total, whatever the sketches', () => {
    const regionIds = [hannover, hildesheim, weserbergland, 'unbekannt'];
    const arbitrary = fc.record({
      status: fc.constantFrom(...sketchStatuses),
      esfCents: fc.integer({ min: 0, max: 50_000_000 }),
      shares: fc.uniqueArray(
        fc.record({
          subRegionId: fc.constantFrom(...regionIds),
          shareBp: fc.integer({ min: 1, max: 10_000 }),
        }),
        { selector: (s) => s.subRegionId, maxLength: 4 },
      ),
      approvedCents: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
      spentCents: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 20 }), (facts) => {
        // Act
        const budget = computeBudget(
          profile,
          facts.map((f, i) => ({ id: `p${i}`, ...f })),
        );
        // Assess
        for (const column of budgetColumns)
          expect(budget.lines.reduce((sum, l) => sum + l[column], 0)).toBe(budget.total[column]);
        expect(budget.total.fairShareCents).toBe(profile.funding.budgetCents);
      }),
    );
  });

  it('warns when the committed amounts already exceed a share', () => {
    // Prepare
    const big = sketch('endorsed', 91_657_501);
    // Act
    const budget = computeBudget(profile, [big]);
    // Assess
    expect(budget.warnings).toEqual([
      {
        subRegionId: hildesheim,
        overCents: 1,
        message:
          'Landkreis Hildesheim: 916.575,01\u00a0€ gebunden, 0,01\u00a0€ mehr als der faire Anteil von 916.575,00\u00a0€.',
      },
    ]);
  });
});

describe('warnings before an endorsement or a confirmed funding decision', () => {
  const already = sketch('endorsed', 91_000_000);
  const budget = computeBudget(profile, [already]);
  const left = 91_657_500 - 91_000_000;

  it('passes exactly the fair share and warns for one cent more', () => {
    // Prepare
    const candidate = sketch('in_vote', 0);
    // Act
    const exactly = budgetWarnings(budget, candidate, left);
    const oneMore = budgetWarnings(budget, candidate, left + 1);
    // Assess
    expect(exactly).toEqual([]);
    expect(oneMore).toEqual([
      {
        subRegionId: hildesheim,
        overCents: 1,
        message:
          'Landkreis Hildesheim: Mit diesem Betrag wären 916.575,01\u00a0€ gebunden, 0,01\u00a0€ mehr als der faire Anteil von 916.575,00\u00a0€.',
      },
    ]);
  });

  it('warns about the total too when a spanning project would take more than the whole budget', () => {
    // Prepare: shares as the profile's, so the whole budget fits exactly
    const everywhere = sketch('in_vote', 0, [
      [hannover, 3334],
      [hildesheim, 3333],
      [weserbergland, 3333],
    ]);
    const empty = computeBudget(profile, []);
    // Act
    const exactly = budgetWarnings(empty, everywhere, 275_000_001);
    const oneMore = budgetWarnings(empty, everywhere, 275_000_002);
    // Assess
    expect(exactly).toEqual([]);
    // 275.000.002 ct split 33,34/33,33/33,33 % gives Hannover and Hildesheim a cent more than
    // their split of the budget; Hannover's larger share already had it.
    expect(oneMore.map((w) => [w.subRegionId, w.overCents])).toEqual([
      [hildesheim, 1],
      [undefined, 1],
    ]);
    expect(oneMore[1]?.message).toBe(
      'Gesamtbudget: Mit diesem Betrag wären 2.750.000,02\u00a0€ gebunden, 0,01\u00a0€ mehr als das Budget von 2.750.000,01\u00a0€.',
    );
  });

  it('replaces what the sketch already binds: confirming a smaller approval of an endorsed sketch warns of nothing', () => {
    // Prepare: the endorsed sketch fills Hildesheim to the cent
    const full = sketch('endorsed', left);
    const atShare = computeBudget(profile, [already, full]);
    // Act
    const approvedLess = budgetWarnings(atShare, full, left - 100);
    const approvedMore = budgetWarnings(atShare, full, left + 100);
    // Assess
    expect(line(atShare, hildesheim)?.availableCents).toBe(0);
    expect(approvedLess).toEqual([]);
    expect(approvedMore.map((w) => w.overCents)).toEqual([100]);
  });

  it('warns when the amount cannot be assigned to a sub-region of the alliance', () => {
    // Act
    const warnings = budgetWarnings(budget, sketch('in_vote', 0, [['lueneburg', 10_000]]), 100);
    // Assess
    expect(warnings.map((w) => w.message)).toEqual([
      '1,00\u00a0€ dieses Betrags lassen sich keinem Teilraum des Bündnisses zuordnen (die Teilräume der Skizze fehlen oder sind unbekannt).',
    ]);
  });
});

describe('reading a stored sketch', () => {
  it('takes the shares from the content, an approval only once confirmed, and the spent amount from the final report', () => {
    // Prepare
    const stored = {
      id: 'x',
      status: 'closed' as const,
      esfCents: 1234,
      draft: {
        space: {
          subRegions: [{ id: hannover, shareBp: 6000 }, { id: hildesheim, shareBp: 4000 }, { id: 7 }],
        },
      },
      fundingDecision: {
        outcome: 'approved',
        approvedCents: 1000,
        status: 'confirmed',
        confirmedAt: '2026-03-01T10:00:00.000Z',
      },
      finalReport: { spentCents: 900 },
    };
    // Act
    const facts = budgetSketch(stored);
    const unconfirmed = budgetSketch({
      ...stored,
      fundingDecision: { outcome: 'approved', approvedCents: 1000, status: 'reported' },
    });
    const firstDraft = budgetSketch({
      ...stored,
      fundingDecision: { outcome: 'approved', amountCents: 1100, confirmedAt: '2026-03-01T10:00:00.000Z' },
    });
    const rejected = budgetSketch({
      ...stored,
      fundingDecision: { outcome: 'rejected', confirmedAt: '2026-03-01T10:00:00.000Z' },
    });
    const bare = budgetSketch({ id: 'y', status: 'submitted' });
    // Assess
    expect(facts).toEqual({
      id: 'x',
      status: 'closed',
      esfCents: 1234,
      shares: [
        { subRegionId: hannover, shareBp: 6000 },
        { subRegionId: hildesheim, shareBp: 4000 },
      ],
      approvedCents: 1000,
      spentCents: 900,
    });
    expect(unconfirmed.approvedCents).toBeUndefined();
    expect(firstDraft.approvedCents).toBe(1100);
    expect(rejected.approvedCents).toBeUndefined();
    expect(bare).toEqual({ id: 'y', status: 'submitted', esfCents: 0, shares: [] });
  });
});
