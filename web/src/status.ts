import { berlinDate } from '../../functions/core/dates.ts';
import type { SketchStatus } from '../../functions/core/lifecycle.ts';
import { statusText } from '../../functions/core/status.ts';

/** Today in Berlin: the page's clock, passed into the pure core. */
export const today = (): string => berlinDate(new Date());

/**
 * A sketch's state in words, for a list row (its `startsOn`) or a whole sketch (its confirmed
 * funding decision's start): "Bewilligt – beginnt am …" before the project starts, then "Laufend".
 */
export function sketchStatusText(sketch: {
  status: SketchStatus;
  startsOn?: string | undefined;
  fundingDecision?: { start?: string | undefined; status: string } | undefined;
}): string {
  const start =
    sketch.startsOn ??
    (sketch.fundingDecision?.status === 'confirmed' ? sketch.fundingDecision.start : undefined);
  return statusText(sketch.status, today(), start);
}
