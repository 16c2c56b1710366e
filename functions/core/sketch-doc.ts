import type * as z from 'zod/mini';
import type * as docs from './contract/sketch-docs.ts';
import type { SketchStatus } from './lifecycle.ts';
import { de } from './messages.de.ts';
import type { SketchDraft } from './sketch-full.ts';

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
