import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNatural, compareText } from '../../functions/core/order.ts';

describe('order', () => {
  it('puts seat ids in natural order', () => {
    // Prepare
    const ids = ['sitz-10-b', 'sitz-2-a', 'sitz-1', 'sitz-01-x', 'sitz', 'a-9', 'sitz-2'];

    // Act
    const sorted = [...ids].sort(compareNatural);

    // Assess
    expect(sorted).toEqual(['a-9', 'sitz', 'sitz-1', 'sitz-01-x', 'sitz-2', 'sitz-2-a', 'sitz-10-b']);
  });

  it("orders any two seat ids as Intl's numeric German collation does", () => {
    // Prepare
    const collator = new Intl.Collator('de', { numeric: true });
    const seatId = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

    // Act & Assess
    fc.assert(
      fc.property(seatId, seatId, (a, b) => {
        const expected = Math.sign(collator.compare(a, b));
        // The collator calls ids equal whose digits differ only in leading zeros; we then order by code unit.
        if (expected === 0) expect(Math.sign(compareNatural(a, b))).toBe(Math.sign(compareText(a, b)));
        else expect(Math.sign(compareNatural(a, b))).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
