import { formatDate } from './dates.ts';
import type { FundingDecision } from './followup.ts';
import type { SketchStatus } from './lifecycle.ts';
import { de } from './messages.de.ts';
import { formatEuro, formatPercent } from './money.ts';
import { type CostCategory, costCategoryLabels, sketchLabels } from './sketch-fields.ts';
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
  switch (facts.status) {
    case 'draft':
      return facts.returned
        ? {
            text: `Die Koordinierungsstelle hat die Skizze zur Überarbeitung zurückgegeben: „${facts.returned.note}“ Bitte überarbeiten Sie sie und reichen Sie sie erneut ein.`,
          }
        : {
            text: 'Füllen Sie die Skizze aus und reichen Sie sie ein. Ihr Entwurf wird automatisch gespeichert.',
          };
    case 'submitted':
      return {
        text: facts.endorsed
          ? 'Die Koordinierungsstelle prüft die Skizze auf Vollständigkeit.'
          : 'Die Koordinierungsstelle prüft die Skizze auf Vollständigkeit und bestätigt die Befürwortung durch die lokale Allianz.',
      };
    case 'ready_for_vote':
      return { text: 'Die Skizze ist vollständig und wird der Lenkungsgruppe zur Abstimmung vorgelegt.' };
    case 'in_vote':
      return {
        text: 'Die Lenkungsgruppe stimmt über die Skizze ab. Sie erhalten das Votum per E-Mail.',
        ...(facts.voteDeadline ? { due: facts.voteDeadline } : {}),
      };
    case 'endorsed':
      return {
        text: 'Die Lenkungsgruppe hat ein positives Votum abgegeben. Stellen Sie den Förderantrag bei der NBank und melden Sie hier die Förderentscheidung.',
      };
    case 'not_endorsed':
      return {
        text: 'Die Lenkungsgruppe hat kein positives Votum abgegeben. Die Begründung steht im Votum.',
      };
    case 'deferred':
      return { text: 'Die Entscheidung wurde zurückgestellt; die Skizze wird erneut vorgelegt.' };
    case 'withdrawn':
      return { text: 'Die Skizze wurde zurückgezogen. Es ist nichts mehr zu tun.' };
    case 'funded':
    case 'running':
      return { text: 'Das Projekt ist bewilligt. Reichen Sie nach Projektende den Abschlussbericht ein.' };
    case 'rejected':
      return { text: 'Die NBank hat den Antrag nicht bewilligt.' };
    case 'report_due':
      return { text: 'Bitte reichen Sie den Abschlussbericht ein.' };
    case 'closed':
      return { text: 'Das Projekt ist abgeschlossen.' };
  }
}

export const statusLabel = (status: SketchStatus): string => de.status[status];
