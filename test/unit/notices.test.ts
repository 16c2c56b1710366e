import { describe, expect, it } from 'vitest';
import { nextDigestAt } from '../../functions/core/notices.ts';

describe('the daily digest', () => {
  it('is due at the next 7 o’clock in Berlin, in summer and winter time', () => {
    expect(nextDigestAt(new Date('2026-12-03T05:59:59.000Z')).toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-03T06:00:00.000Z')).toISOString()).toBe('2026-12-04T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-07-01T12:00:00.000Z')).toISOString()).toBe('2026-07-02T05:00:00.000Z');
    // the night the clocks go forward: still 7 o'clock on the wall
    expect(nextDigestAt(new Date('2026-03-28T12:00:00.000Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });
});
