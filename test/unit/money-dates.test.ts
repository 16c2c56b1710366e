import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  berlinDate,
  berlinOffsetMinutes,
  berlinTimeOfDay,
  dueAt,
  formatDate,
  formatDateTime,
  isOverdue,
  isValidDate,
  runtimeMonths,
  startOfDayBerlin,
  yearsOf,
} from '../../functions/core/dates.ts';
import {
  formatAmount,
  formatEuro,
  formatPercent,
  formatShare,
  formatWhole,
  parseEuro,
  shareBp,
} from '../../functions/core/money.ts';

describe('money', () => {
  it('formats cents the German way', () => {
    // Act & Assess
    expect(formatEuro(123_456)).toBe('1.234,56\u00a0€');
    expect(formatEuro(50_000_000)).toBe('500.000,00\u00a0€');
    expect(formatEuro(0)).toBe('0,00\u00a0€');
    expect(formatPercent(7000)).toBe('70\u00a0%');
    expect(formatPercent(3333)).toBe('33,33\u00a0%');
  });

  it("writes any amount and share exactly as Intl's German formats would", () => {
    // Prepare
    const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    const percent = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
    const amount = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const whole = new Intl.NumberFormat('de-DE');

    // Act & Assess
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(formatEuro(cents)).toBe(euro.format(cents / 100));
        expect(formatAmount(cents)).toBe(amount.format(cents / 100));
        expect(formatWhole(cents)).toBe(whole.format(cents));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (bp) => {
        expect(formatPercent(bp)).toBe(`${percent.format(bp / 100)}\u00a0%`);
        expect(formatShare(bp)).toBe(percent.format(bp / 100));
      }),
    );
  });

  it('reads amounts as people type them', () => {
    // Act & Assess
    expect(parseEuro('1.234,56')).toBe(123_456);
    expect(parseEuro('1234,5')).toBe(123_450);
    expect(parseEuro('500.000 €')).toBe(50_000_000);
    expect(parseEuro('12')).toBe(1200);
    expect(parseEuro('1,234.56')).toBeUndefined();
    expect(parseEuro('12,345')).toBeUndefined();
    expect(parseEuro('zwölf')).toBeUndefined();
  });

  it('rounds shares down', () => {
    // Act & Assess
    expect(shareBp(70_001, 100_000)).toBe(7000);
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(5, 0)).toBe(0);
  });
});

describe('dates in Berlin', () => {
  it("reads Berlin's date, time and offset exactly as Intl's Europe/Berlin does, 1996 to 2100", () => {
    // Prepare: any instant, and every instant next to a change of the clocks
    const berlin = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const german = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    const intl = (at: Date) => {
      const p = Object.fromEntries(berlin.formatToParts(at).map((x) => [x.type, x.value]));
      const wall = Date.UTC(
        +(p.year ?? 0),
        +(p.month ?? 1) - 1,
        +(p.day ?? 1),
        +(p.hour ?? 0),
        +(p.minute ?? 0),
        +(p.second ?? 0),
      );
      return {
        date: `${p.year}-${p.month}-${p.day}`,
        time: `${p.hour}:${p.minute}`,
        offset: Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000),
        formatted: `${german.format(at)} Uhr`,
      };
    };
    const ours = (at: Date) => ({
      date: berlinDate(at),
      time: berlinTimeOfDay(at),
      offset: berlinOffsetMinutes(at),
      formatted: formatDateTime(at.toISOString()),
    });
    const from = Date.UTC(1996, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    const changes = Array.from({ length: 2100 - 1996 }, (_, i) => 1996 + i).flatMap((year) =>
      [2, 9].map((month) => {
        const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
        return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
      }),
    );

    // Act & Assess
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (t) => {
        expect(ours(new Date(t))).toEqual(intl(new Date(t)));
      }),
      { numRuns: 2000 },
    );
    for (const change of changes)
      for (const t of [change - 1, change, change + 1, change - 3_600_000, change + 3_600_000])
        expect(ours(new Date(t))).toEqual(intl(new Date(t)));
  });

  it('ends a due date at midnight Berlin time, in winter and in summer', () => {
    // Act & Assess
    expect(dueAt('2028-12-31').toISOString()).toBe('2028-12-31T23:00:00.000Z');
    expect(dueAt('2027-07-15').toISOString()).toBe('2027-07-15T22:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // Act & Assess: 29.03.2026 has 23 hours, 25.10.2026 has 25
    expect(startOfDayBerlin('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(dueAt('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayBerlin('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(dueAt('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts a date as overdue only after its day has ended in Berlin', () => {
    // Act & Assess
    expect(isOverdue('2028-12-31', new Date('2028-12-31T22:59:59.999Z'))).toBe(false);
    expect(isOverdue('2028-12-31', new Date('2028-12-31T23:00:00.000Z'))).toBe(true);
    expect(berlinDate(new Date('2028-12-31T23:30:00.000Z'))).toBe('2029-01-01');
  });

  it('adds months, keeping month ends and leap years right', () => {
    // Act & Assess
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-11-30', 1)).toBe('2028-12-30');
    expect(addMonths('2028-12-31', 1)).toBe('2029-01-31');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
  });

  it('counts a runtime in months, both days included', () => {
    // Act & Assess
    expect(runtimeMonths('2026-01-01', '2028-12-31')).toBe(36);
    expect(runtimeMonths('2026-01-15', '2029-01-14')).toBe(36);
    expect(runtimeMonths('2026-01-15', '2029-01-15')).toBe(37);
    expect(runtimeMonths('2026-01-31', '2026-02-27')).toBe(1);
    expect(runtimeMonths('2026-01-20', '2026-01-25')).toBe(1);
    expect(runtimeMonths('2026-02-01', '2026-02-28')).toBe(1);
    expect(runtimeMonths('2026-02-01', '2026-03-01')).toBe(2);
  });

  it('formats and checks calendar dates', () => {
    // Act & Assess
    expect(formatDate('2028-12-31')).toBe('31.12.2028');
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2027-02-29')).toBe(false);
    expect(isValidDate('2027-13-01')).toBe(false);
    expect(yearsOf('2026-07-01', '2028-06-30')).toEqual([2026, 2027, 2028]);
  });
});
