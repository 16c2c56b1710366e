import type { FundingDecision } from './followup.ts';
import type { SketchStatus } from './lifecycle.ts';
import { de, nextSteps } from './messages.de.ts';
import type { SketchDraft } from './sketch-full.ts';
import type { SketchOutcome, Votum } from './vote.ts';

/*
 * A sketch as the API answers it (docs/api.md), and what is derived from it: the summary lists
 * show and the next step the applicant reads (the differences between versions: sketch-diff.ts).
 * Pure: no I/O, no clock.
 */

export interface SketchEventView {
  transition: string;
  from: SketchStatus | null;
  to: SketchStatus;
  actor: string;
  role: string;
  at: string;
  note?: string;
}

export interface NextStep {
  text: string;
  /** A calendar date (YYYY-MM-DD) by which it should happen, when there is one. */
  due?: string;
}

export interface SketchDoc {
  id: string;
  ownerEmail: string;
  status: SketchStatus;
  /** Bumps on every write; sent back with each save and submit so no tab overwrites another. */
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  draft: SketchDraft;
  submissions: { n: number; submittedAt: string }[];
  returned?: { note: string; at: string; by: string };
  endorsement?: { confirmedAt: string; confirmedBy: string; note?: string };
  withdrawn?: { at: string; by: string; reason?: string };
  /** The open circulation vote it is in. */
  voteId?: string;
  /** How the steering group decided, once it did. */
  outcome?: SketchOutcome;
  /** Every Votum written on it, the last one counts (a deferred sketch gets another). */
  vota?: Votum[];
  /** The NBank's decision after an endorsing Votum, as reported and confirmed (core/followup.ts). */
  fundingDecision?: FundingDecision;
  /** The final report as the budget reads it: the ESF funds reported as spent; accepted when it closed. */
  finalReport?: { spentCents?: number; submittedAt: string; acceptedAt?: string };
  events: SketchEventView[];
  nextStep: NextStep;
}

export interface SketchFacts {
  title: string;
  organisation: string;
  subRegionIds: string[];
  priorityIds: string[];
  costCents: number;
  esfCents: number;
}

export interface SketchSummary extends SketchFacts {
  id: string;
  status: SketchStatus;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  endorsed: boolean;
  submissions: number;
  nextStep: NextStep;
}

export const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const int = (value: unknown): number => (Number.isSafeInteger(value) ? (value as number) : 0);

/** What lists and filters need from a draft, read tolerantly: a draft may be half filled in. */
export function sketchFacts(draft: SketchDraft): SketchFacts {
  const finance = record(draft.finance);
  return {
    title: str(record(draft.project).title) || 'Ohne Titel',
    organisation: str(record(draft.applicant).organisation),
    subRegionIds: list(record(draft.space).subRegions)
      .map((s) => str(record(s).id))
      .filter(Boolean),
    priorityIds: list(record(draft.strategy).priorities)
      .map((p) => str(record(p).id))
      .filter(Boolean),
    costCents: list(finance.costs).reduce<number>((sum, line) => sum + int(record(line).amountCents), 0),
    esfCents: int(finance.esfCents),
  };
}

export interface NextStepFacts {
  status: SketchStatus;
  returned?: { note: string } | undefined;
  endorsed: boolean;
  /** Set once the vote (later issue) knows its deadline. */
  voteDeadline?: string;
}

/** What happens next, in plain German, for the applicant's status page. */
export function nextStep(facts: NextStepFacts): NextStep {
  const t = nextSteps;
  switch (facts.status) {
    case 'draft':
      return { text: facts.returned ? t.returned(facts.returned.note) : t.draft };
    case 'submitted':
      return { text: facts.endorsed ? t.submitted : t.submittedAwaitingEndorsement };
    case 'ready_for_vote':
      return { text: t.ready_for_vote };
    case 'in_vote':
      return { text: t.in_vote, ...(facts.voteDeadline ? { due: facts.voteDeadline } : {}) };
    case 'funded':
    case 'running':
      return { text: t.funded };
    default:
      return { text: t[facts.status] };
  }
}

export const statusLabel = (status: SketchStatus): string => de.status[status];
