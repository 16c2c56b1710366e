import type * as z from 'zod/mini';
import type * as docs from './contract/sketch-docs.ts';
import { fundingOutcomeWords } from './followup-texts/words.de.ts';
import type { SketchStatus } from './lifecycle.ts';
import { nextSteps, statusLabels } from './messages.de.ts';
import type { ProfileNames } from './profile.ts';
import type { SketchDraft } from './sketch-full.ts';
import { outcomeLabels, votumDecisionLabels } from './vote-texts/labels.de.ts';

/*
 * A sketch as the API answers it (docs/api.md), and what is derived from it: the summary lists
 * show and the next step the applicant reads (the differences between versions: sketch-diff.ts).
 * Pure: no I/O, no clock.
 */

// The shapes the API answers are defined once, as its schemas (contract/sketch-docs.ts), and read here.

/** One entry of a sketch's audit trail. */
export type SketchEventView = z.output<typeof docs.sketchEvent>;

export type NextStep = z.output<typeof docs.nextStep>;

/** A sketch as the API answers it, to its applicant, the office and a member of the steering group. */
export type SketchDoc = z.output<typeof docs.sketchDoc>;

/** A sketch as lists show it: never the draft or the owner's address. */
export type SketchSummary = z.output<typeof docs.sketchSummary>;

export interface SketchFacts {
  title: string;
  organisation: string;
  subRegionIds: string[];
  priorityIds: string[];
  costCents: number;
  esfCents: number;
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
  /** Whether every local alliance the profile asks has given its statement. */
  statementsComplete: boolean;
  /** The profile's names: the steps name the alliance's own decision body. */
  names: ProfileNames;
  /** Set once the vote (later issue) knows its deadline. */
  voteDeadline?: string;
}

/** What happens next, in plain German, for the applicant's status page. */
export function nextStep(facts: NextStepFacts): NextStep {
  const t = nextSteps;
  switch (facts.status) {
    case 'draft':
      return { text: facts.returned ? t.returned(facts.names, facts.returned.note) : t.draft };
    case 'submitted':
      return { text: (facts.statementsComplete ? t.submitted : t.submittedAwaitingStatements)(facts.names) };
    case 'ready_for_vote':
      return { text: t.ready_for_vote(facts.names) };
    case 'in_vote':
      return { text: t.in_vote(facts.names), ...(facts.voteDeadline ? { due: facts.voteDeadline } : {}) };
    case 'funded':
    case 'running':
      return { text: t.funded };
    case 'endorsed':
    case 'not_endorsed':
    case 'rejected':
    case 'vote_closed':
    case 'deferred':
      return { text: t[facts.status](facts.names) };
    default:
      return { text: t[facts.status] };
  }
}

export const statusLabel = (status: SketchStatus): string => statusLabels[status];

/**
 * An audit note as people read it. Notes written before they were put in words (up to issue 18)
 * end in a code: "Umlaufverfahren: no_consensus", "Votum: deferred", "Förderentscheidung gemeldet:
 * approved". The stored event stays as it is (its hash chains the trail); the answer reads it in words.
 */
export function readableNote(note: string | undefined): string | undefined {
  if (!note) return note;
  // Earlier notes also gave dates as stored (2026-12-31); people read 31.12.2026.
  const dated = note.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3.$2.$1');
  const match = /^(.*: )([a-z_]+)$/.exec(dated);
  if (!match) return dated;
  const [, lead = '', code = ''] = match;
  const words: Record<string, string> = { ...outcomeLabels, ...votumDecisionLabels, ...fundingOutcomeWords };
  return code in words ? `${lead}${words[code]}` : dated;
}
