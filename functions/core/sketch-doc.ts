import { formatDate } from './dates.ts';
import type { FundingDecision } from './followup.ts';
import type { SketchStatus } from './lifecycle.ts';
import { de } from './messages.de.ts';
import { formatEuro, formatPercent } from './money.ts';
import {
  type CostCategory,
  costCategoryLabels,
  type SketchDraft,
  sketchLabels,
  sketchShape,
} from './sketch-full.ts';
import type { SketchOutcome, Votum } from './vote.ts';

/*
 * A sketch as the API answers it (docs/api.md), and what is derived from it: the summary lists
 * show, the next step the applicant reads, and the differences between two submitted versions.
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

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
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

// ---- Differences between two versions ----------------------------------------------------------

export interface Change {
  /** Dotted path, as in the API's field errors. */
  path: string;
  /** The field in German, with its row where it is in a list ("Kostenplan, Zeile 3: Betrag"). */
  label: string;
  before?: string;
  after?: string;
}

const listLabels: Record<string, string> = {
  partners: 'Partner',
  activities: 'Arbeitspaket',
  results: 'Ergebnis',
  priorities: 'Handlungsschwerpunkt',
  themes: 'Querschnittsthema',
  subRegions: 'Teilraum',
  districts: 'Landkreis',
  costs: 'Kostenplan, Zeile',
  thirdParty: 'Drittmittel, Zeile',
  goals: 'Ziel',
};

/** Leaf keys whose label differs from the key (the same word means different fields in lists). */
const leafLabels: Record<string, Record<string, string>> = {
  partners: { name: sketchLabels.partnerName, role: sketchLabels.partnerRole },
  activities: { title: sketchLabels.activityTitle, description: sketchLabels.activityDescription },
  results: { target: sketchLabels.targetValue },
  costs: { description: sketchLabels.costDescription, amountCents: sketchLabels.amount },
  thirdParty: { source: sketchLabels.thirdPartySource, amountCents: sketchLabels.amount },
  subRegions: { id: sketchLabels.subRegions, shareBp: sketchLabels.share },
  priorities: { id: sketchLabels.priorities, goals: 'Ziele' },
  space: { rationale: sketchLabels.spatialRationale },
  finance: { esfCents: sketchLabels.esf, ownCents: sketchLabels.own },
  localAlliance: { subRegionId: sketchLabels.localAlliance },
};

/** The German label of a field path such as `finance.costs.2.amountCents`. */
export function fieldLabel(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  let parent = String(path[0] ?? '');
  let leaf = '';
  for (let i = 1; i < path.length; i++) {
    const key = path[i];
    if (typeof key === 'number' || /^\d+$/.test(String(key))) {
      parts.push(`${listLabels[parent] ?? parent} ${Number(key) + 1}`);
      continue;
    }
    leaf =
      leafLabels[parent]?.[key as string] ?? (sketchLabels as Record<string, string>)[key as string] ?? '';
    parent = key as string;
  }
  const last = path.at(-1);
  if (typeof last === 'number' || /^\d+$/.test(String(last))) return parts.join(', ');
  return [...parts, leaf || String(last)].join(parts.length ? ': ' : '');
}

function show(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') {
    if (key.endsWith('Cents')) return formatEuro(value);
    if (key.endsWith('Bp')) return formatPercent(value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (key === 'category' && value in costCategoryLabels) return costCategoryLabels[value as CostCategory];
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  }
  return JSON.stringify(value);
}

type SchemaNode = {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      innerType?: SchemaNode;
      in?: SchemaNode;
    };
  };
};

/** The keys of each object in the sketch, in the schema's (the form's) order, by path without list indexes. */
const keyOrder = (() => {
  const order = new Map<string, string[]>();
  const visit = (node: SchemaNode | undefined, path: string) => {
    const def = node?._zod.def;
    if (!def) return;
    if (def.shape) {
      order.set(path, Object.keys(def.shape));
      for (const [key, child] of Object.entries(def.shape)) visit(child, path ? `${path}.${key}` : key);
    } else visit(def.element ?? def.innerType ?? def.in, path);
  };
  order.set('', Object.keys(sketchShape));
  for (const [key, child] of Object.entries(sketchShape)) visit(child as unknown as SchemaNode, key);
  return order;
})();

function orderedKeys(path: (string | number)[], a: unknown, b: unknown): string[] {
  const known = keyOrder.get(path.filter((p) => typeof p === 'string').join('.')) ?? [];
  const present = new Set([...Object.keys(record(a)), ...Object.keys(record(b))]);
  return [...known.filter((k) => present.has(k)), ...[...present].filter((k) => !known.includes(k)).sort()];
}

/** Every field whose value differs between two versions, in the order of the form. */
export function sketchDiff(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    const aObject = a !== null && typeof a === 'object';
    const bObject = b !== null && typeof b === 'object';
    if (aObject || bObject) {
      const aIsList = Array.isArray(a);
      const keys =
        aIsList || Array.isArray(b)
          ? Array.from({ length: Math.max(list(a).length, list(b).length) }, (_, i) => i)
          : orderedKeys(path, a, b);
      for (const key of keys) {
        const next = (v: unknown) => (Array.isArray(v) ? v[key as number] : record(v)[key]);
        walk(next(a), next(b), [...path, key]);
      }
      return;
    }
    const key = String(path.findLast((p) => typeof p === 'string') ?? '');
    const [was, is] = [show(key, a), show(key, b)];
    if (was === is) return;
    changes.push({
      path: path.join('.'),
      label: fieldLabel(path),
      ...(was ? { before: was } : {}),
      ...(is ? { after: is } : {}),
    });
  };
  walk(before, after, []);
  return changes;
}
