import { type FormOfAddress, formsOfAddress } from '../../functions/core/sketch-fields.ts';
import type { SketchDraft } from '../../functions/core/sketch-full.ts';
import type { PublicProfile } from './profile.ts';
import { type Section, type SectionKey, sections, sectionsOf } from './sketch-paths.ts';

/*
 * The sketch as the form holds it: always the schema's full shape (a missing section would only
 * earn zod's generic "Invalid input"), with a number field holding the typed text instead when it
 * is not a number yet, so autosave keeps exactly what was typed and the schema names the mistake.
 */

/** The profile as the API answers it (`getProfile`): its public fields only. */
export type { PublicProfile };
export { type Section, type SectionKey, sections, sectionsOf };

/** A number, the text typed where it is not one yet, or nothing. */
export type Num = number | string | undefined;

export interface Partner {
  name: string;
  role: string;
}
export interface Activity {
  title: string;
  description: string;
  startMonth: Num;
  endMonth: Num;
}
export interface Result {
  result: string;
  indicator: string;
  target: string;
}
export interface CostLine {
  category: string;
  description: string;
  year: Num;
  amountCents: Num;
}
export interface ThirdParty {
  source: string;
  amountCents: Num;
}

export interface FormDraft {
  applicant: {
    organisation: string;
    legalForm: string;
    street: string;
    postalCode: string;
    city: string;
    contactName: string;
    contactAddress: FormOfAddress;
    contactRole: string;
    contactEmail: string;
    contactPhone: string;
    partners: Partner[];
  };
  project: {
    title: string;
    summary: string;
    situation: string;
    goals: string;
    targetGroups: string;
    activities: Activity[];
    results: Result[];
  };
  strategy: { priorities: { id: string; goals: string[] }[]; themes: string[] };
  space: { subRegions: { id: string; shareBp: Num }[]; districts: string[]; rationale: string };
  continuation: { continuation: string; modelCharacter: string };
  runtime: { start: string; end: string };
  finance: {
    costs: CostLine[];
    esfCents: Num;
    ownCents: Num;
    thirdParty: ThirdParty[];
    capJustification: string;
  };
  localAlliance: { subRegionId: string; presentedOn: string; statement: string };
  declarations: { privacy: boolean; truthful: boolean };
}

const rec = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): Num =>
  typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : undefined;
const arr = <T>(value: unknown, item: (v: Record<string, unknown>) => T): T[] =>
  Array.isArray(value) ? value.map((v) => item(rec(v))) : [];
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Reads whatever the server holds (a draft may be half filled in, or from an older form) into the full shape. */
export function normalizeDraft(draft: SketchDraft | undefined): FormDraft {
  const d = rec(draft);
  const a = rec(d.applicant);
  const p = rec(d.project);
  const s = rec(d.strategy);
  const sp = rec(d.space);
  const c = rec(d.continuation);
  const r = rec(d.runtime);
  const f = rec(d.finance);
  const l = rec(d.localAlliance);
  const dc = rec(d.declarations);
  return {
    applicant: {
      organisation: str(a.organisation),
      legalForm: str(a.legalForm),
      street: str(a.street),
      postalCode: str(a.postalCode),
      city: str(a.city),
      contactName: str(a.contactName),
      contactAddress: (formsOfAddress as readonly unknown[]).includes(a.contactAddress)
        ? (a.contactAddress as FormOfAddress)
        : 'neutral',
      contactRole: str(a.contactRole),
      contactEmail: str(a.contactEmail),
      contactPhone: str(a.contactPhone),
      partners: arr(a.partners, (x) => ({ name: str(x.name), role: str(x.role) })),
    },
    project: {
      title: str(p.title),
      summary: str(p.summary),
      situation: str(p.situation),
      goals: str(p.goals),
      targetGroups: str(p.targetGroups),
      activities: arr(p.activities, (x) => ({
        title: str(x.title),
        description: str(x.description),
        startMonth: num(x.startMonth),
        endMonth: num(x.endMonth),
      })),
      results: arr(p.results, (x) => ({
        result: str(x.result),
        indicator: str(x.indicator),
        target: str(x.target),
      })),
    },
    strategy: {
      priorities: arr(s.priorities, (x) => ({ id: str(x.id), goals: strings(x.goals) })),
      themes: strings(s.themes),
    },
    space: {
      subRegions: arr(sp.subRegions, (x) => ({ id: str(x.id), shareBp: num(x.shareBp) })),
      districts: strings(sp.districts),
      rationale: str(sp.rationale),
    },
    continuation: { continuation: str(c.continuation), modelCharacter: str(c.modelCharacter) },
    runtime: { start: str(r.start), end: str(r.end) },
    finance: {
      costs: arr(f.costs, (x) => ({
        category: str(x.category),
        description: str(x.description),
        year: num(x.year),
        amountCents: num(x.amountCents),
      })),
      esfCents: num(f.esfCents),
      ownCents: num(f.ownCents),
      thirdParty: arr(f.thirdParty, (x) => ({ source: str(x.source), amountCents: num(x.amountCents) })),
      capJustification: str(f.capJustification),
    },
    localAlliance: {
      subRegionId: str(l.subRegionId),
      presentedOn: str(l.presentedOn),
      statement: str(l.statement),
    },
    declarations: { privacy: dc.privacy === true, truthful: dc.truthful === true },
  };
}

export type Path = readonly (string | number)[];

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy with `value` at `path`; everything off the path keeps its identity (memoised rows stay put). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[key as number] = setIn(copy[key as number], rest, next);
    return copy as T;
  }
  const object = (value ?? {}) as Record<string | number, unknown>;
  return { ...object, [key]: setIn(object[key], rest, next) } as T;
}

// ---- Checking (sketch-check.ts, loaded after the form is drawn) ------------------------------------

export interface FormIssue {
  field: string;
  message: string;
  /** A rule of the profile (sums, caps, dates), not the shape of one field. */
  rule: boolean;
}

export const sectionOf = (field: string): Section =>
  sections.find((s) => field === s.key || field.startsWith(`${s.key}.`)) ?? sections[0];

/** A stable, readable id for a district or another profile name used in an id. */
export const slugId = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The id of the input a field path belongs to. Lists the applicant picks from the profile
 * (priorities, sub-regions) are named by the item's id, not its place in the draft.
 */
export function fieldId(field: string, draft: FormDraft): string {
  const path = field.split('.');
  const [section, list, index] = path;
  if (section === 'strategy' && list === 'priorities' && index !== undefined) {
    const id = draft.strategy.priorities[Number(index)]?.id;
    if (id) return `f-strategy-priority-${slugId(id)}`;
  }
  if (section === 'strategy' && list === 'themes') return 'f-strategy-themes';
  if (section === 'space' && list === 'subRegions' && index !== undefined) {
    const id = draft.space.subRegions[Number(index)]?.id;
    if (id) return path[3] === 'id' ? `f-space-region-${id}` : `f-space-share-${id}`;
  }
  if (section === 'space' && list === 'districts') return 'f-space-districts';
  return `f-${path.join('-')}`;
}
