import { statementsMissing } from '../core/local.ts';
import { nextStep, type SketchSummary } from '../core/sketch-doc.ts';
import { config } from '../platform/config.ts';
import type { SketchListRecord } from '../store/sketches.ts';

/** A sketch as lists show it: facts, state and next step, never the draft or the owner's address. */
export function summary(record: SketchListRecord): SketchSummary {
  const { ownerEmail: _owner, localStatements, submissions, returned, fundingDecision, ...rest } = record;
  const missing = statementsMissing(config().profile, record);
  return {
    ...rest,
    // The approved start: lists say "Bewilligt – beginnt am …" until then (core/status.ts).
    ...(fundingDecision?.start ? { startsOn: fundingDecision.start } : {}),
    statementsMissing: missing,
    submissions: submissions?.length ?? 0,
    returned: record.status === 'draft' && !!returned,
    nextStep: nextStep({
      status: record.status,
      returned,
      statementsComplete: missing.length === 0,
      names: config().profile.names,
    }),
  };
}
