/**
 * The one clock. Everything that depends on "now" asks it, so tests can set the time and the
 * local runtime can be shifted forward (CLOCK_OFFSET_MS) to try deadlines by hand.
 */
let fixed: number | undefined;
let offsetMs = Number(process.env.CLOCK_OFFSET_MS ?? 0) || 0;

export const clock = {
  now(): Date {
    return new Date((fixed ?? Date.now()) + offsetMs);
  },
  /** Freezes the clock at `at` (tests), or lets it run again with `undefined`. */
  set(at: Date | undefined): void {
    fixed = at?.getTime();
  },
  advance(ms: number): void {
    if (fixed !== undefined) fixed += ms;
    else offsetMs += ms;
  },
  reset(): void {
    fixed = undefined;
    offsetMs = 0;
  },
};
