import type { SketchStatus } from '../../../../functions/core/lifecycle.ts';

/** The states in which a sketch has a follow-up: an endorsing Votum and everything after it. */
export const followUpStates: readonly SketchStatus[] = [
  'endorsed',
  'funded',
  'rejected',
  'running',
  'report_due',
  'closed',
];
