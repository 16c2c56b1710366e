import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { computeBudget, sketchesOfPeriod } from '../../functions/core/budget.ts';
import { budgetChartSvg } from '../../functions/core/budget-chart.ts';
import {
  type FundingPeriod,
  periodDays,
  periodOn,
  periodProblems,
  profilePeriod,
} from '../../functions/core/periods.ts';

const profile = loadProfile('leine-weser');
const first = profilePeriod(profile);
const next: FundingPeriod = {
  ...first,
  id: '2028-2031',
  start: '2028-01-01',
  end: '2031-12-31',
  budgetCents: 100_000_00,
};

describe('funding periods', () => {
  it("take the profile's period as the first", () => {
    expect(first).toMatchObject({
      id: '2024-2027',
      start: '2024-01-01',
      end: '2027-12-31',
      budgetCents: 275_000_000,
    });
    expect(first.shares.map((s) => s.shareBp)).toEqual([3334, 3333, 3333]);
  });

  it('find the period of a day, and of a day between periods the one before', () => {
    const periods = [next, first];
    expect(periodOn(periods, '2026-12-03')?.id).toBe('2024-2027');
    expect(periodOn(periods, '2028-01-01')?.id).toBe('2028-2031');
    expect(periodOn(periods, '2033-05-01')?.id).toBe('2028-2031');
    expect(periodOn(periods, '2020-01-01')?.id).toBe('2024-2027');
  });

  it('give each period the days periodOn gives it, so a budget reads only those days’ submissions', () => {
    // Prepare: three periods with a gap between the first two, and days around every edge
    const third: FundingPeriod = { ...first, id: '2034-2036', start: '2034-01-01', end: '2036-12-31' };
    const periods = [third, next, first];
    const days = ['2019-06-30', '2023-12-31', '2024-01-01', '2027-12-31', '2028-01-01', '2031-12-31'].concat([
      '2032-06-01',
      '2033-12-31',
      '2034-01-01',
      '2036-12-31',
      '2040-01-01',
    ]);
    // Act
    const spans = periods.map((period) => [period.id, periodDays(periods, period)] as const);
    // Assess: a day lies in a period's span exactly when periodOn gives it that period
    expect(Object.fromEntries(spans)).toEqual({
      '2024-2027': { until: '2028-01-01' },
      '2028-2031': { from: '2028-01-01', until: '2034-01-01' },
      '2034-2036': { from: '2034-01-01' },
    });
    for (const day of days)
      for (const [id, { from, until }] of spans)
        expect((from ?? '') <= day && day < (until ?? '9999'), `${day} in ${id}`).toBe(
          periodOn(periods, day)?.id === id,
        );
  });

  it('refuse an overlap, an end before the start, unknown or doubled regions and shares not adding up', () => {
    const problems = periodProblems(
      {
        start: '2027-01-01',
        end: '2026-01-01',
        shares: [
          { subRegionId: 'hildesheim', shareBp: 5000 },
          { subRegionId: 'hildesheim', shareBp: 3000 },
          { subRegionId: 'mars', shareBp: 1000 },
        ],
      },
      [first],
      profile.subRegions.map((r) => r.id),
    );
    expect(problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'end:endBeforeStart',
      'start:overlaps',
      'shares.1.subRegionId:regionTwice',
      'shares.2.subRegionId:unknownRegion',
      'shares:sharesSum',
    ]);
    expect(
      periodProblems(
        { ...next, start: '2028-01-01' },
        [first],
        ['region-hannover', 'hildesheim', 'weserbergland-plus'],
      ),
    ).toEqual([]);
  });

  it('count prior projects as requested, endorsed, approved and bound, and sketches only in their period', () => {
    const sketches = [
      {
        id: 'a',
        status: 'endorsed' as const,
        esfCents: 100_00,
        shares: [{ subRegionId: 'hildesheim', shareBp: 10_000 }],
        submittedOn: '2026-03-01',
      },
      {
        id: 'b',
        status: 'endorsed' as const,
        esfCents: 999_00,
        shares: [{ subRegionId: 'hildesheim', shareBp: 10_000 }],
        submittedOn: '2028-03-01',
      },
    ];
    const inFirst = sketchesOfPeriod(sketches, [first, next], first);
    const budget = computeBudget(profile, inFirst, first, [
      {
        id: 'p',
        periodId: first.id,
        title: 'Früher',
        amounts: [{ subRegionId: 'hildesheim', amountCents: 50_00 }],
        recordedBy: 'x',
        recordedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    const hildesheim = budget.lines.find((l) => l.subRegionId === 'hildesheim');
    expect(inFirst.map((s) => s.id)).toEqual(['a']);
    expect(hildesheim).toMatchObject({
      requestedCents: 150_00,
      endorsedCents: 150_00,
      approvedCents: 50_00,
      committedCents: 150_00,
    });
    expect(budget.priorCount).toBe(1);
    expect(budget.period.id).toBe('2024-2027');
  });
});

describe('the budget chart', () => {
  it('is a standalone SVG with every sub-region, its values in whole euros and its texts escaped', () => {
    const budget = computeBudget(profile, [
      {
        id: 'a',
        status: 'endorsed',
        esfCents: 1_000_000_00,
        shares: [{ subRegionId: 'hildesheim', shareBp: 10_000 }],
      },
    ]);
    const svg = budgetChartSvg(budget, 'Bündnis <A & B>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Budget je Teilraum · Bündnis &lt;A &amp; B&gt;');
    for (const region of profile.subRegions) expect(svg).toContain(region.name.replace('&', '&amp;'));
    expect(svg).toContain('Fairer Anteil 916.850\u00a0€');
    // Hildesheim: 1.000.000 € bound against a share of 916.575 €: overdrawn by 83.425 €, in red
    expect(svg).toContain(
      'Gebunden 1.000.000\u00a0€ (109,1\u00a0% des fairen Anteils) · Überzeichnet 83.425\u00a0€',
    );
    expect(svg).toContain('fill="#b3261e"');
    expect(svg).toContain('<desc id="budget-chart-desc">');
  });
});
