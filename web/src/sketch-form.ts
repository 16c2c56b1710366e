import { isValidDate } from '../../functions/core/dates.ts';
import type { AllianceProfile } from '../../functions/core/profile.ts';
import { fieldErrors, inItem } from '../../functions/core/sketch.ts';
import {
  costCategories,
  type FormOfAddress,
  formsOfAddress,
  sketchLabels,
} from '../../functions/core/sketch-fields.ts';
import { ruleIssues, type Sketch, type SketchDraft, sketchShape } from '../../functions/core/sketch-full.ts';
import { formTexts } from './form.texts.de.ts';
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

// ---- Checking ----------------------------------------------------------------------------------

export interface FormIssue {
  field: string;
  message: string;
  /** A rule of the profile (sums, caps, dates), not the shape of one field. */
  rule: boolean;
}

const sectionIndex = new Map<string, number>(sections.map((s, i) => [s.key, i]));
/** The order of keys in the form, so issues are listed as the fields appear. */
const keyOrder = new Map(
  [
    ...Object.values(sketchShape).flatMap((schema) =>
      Object.keys(('shape' in schema ? schema : schema._zod.def.innerType).shape),
    ),
    'name',
    'role',
    'description',
    'startMonth',
    'endMonth',
    'result',
    'indicator',
    'target',
    'id',
    'shareBp',
    'category',
    'year',
    'amountCents',
    'source',
  ].map((key, i) => [key, i] as const),
);

function comparePaths(a: readonly string[], b: readonly string[]): number {
  const bySection = (sectionIndex.get(a[0] ?? '') ?? 99) - (sectionIndex.get(b[0] ?? '') ?? 99);
  if (bySection) return bySection;
  for (let i = 1; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : undefined;
    const ny = /^\d+$/.test(y) ? Number(y) : undefined;
    if (nx !== undefined && ny !== undefined) return nx - ny;
    return (keyOrder.get(x) ?? 999) - (keyOrder.get(y) ?? 999);
  }
  return 0;
}

const wholeLabels: Record<string, string> = {
  startMonth: sketchLabels.startMonth,
  endMonth: sketchLabels.endMonth,
  year: sketchLabels.year,
};

/** What the schema says about a number field holding text, in words that fit the mistake. */
function numberMessage(path: readonly string[], value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const leaf = path.at(-1) ?? '';
  if (leaf === 'shareBp') return formTexts.form.notPercent(sketchLabels.share);
  const label = wholeLabels[leaf];
  return label ? formTexts.form.notWhole(label) : undefined;
}

/** One section's own checks: each field on its own. Cached per section object, which stays the same until edited. */
const sectionCache = new WeakMap<object, FormIssue[]>();
function sectionIssues(key: SectionKey, section: object): FormIssue[] {
  const cached = sectionCache.get(section);
  if (cached) return cached;
  const parsed = sketchShape[key].safeParse(section);
  const issues = parsed.success
    ? []
    : fieldErrors({
        issues: parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })),
      }).map(({ field, message }) => {
        const path = field.split('.');
        return {
          field,
          message: inItem(path, numberMessage(path, getIn(section, path.slice(1))) ?? message),
          rule: false,
        };
      });
  sectionCache.set(section, issues);
  return issues;
}

const numberOr0 = (value: Num): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * The draft as the profile's rules read it: text where a number belongs counts as 0 (its own field
 * already shows the mistake), and a runtime that is not two valid dates becomes one the rules skip.
 */
function forRules(draft: FormDraft, profile: PublicProfile): { sketch: Sketch; runtimeValid: boolean } {
  const { start, end } = draft.runtime;
  const runtimeValid = isValidDate(start) && isValidDate(end);
  const f = draft.finance;
  const sketch = {
    ...draft,
    project: {
      ...draft.project,
      activities: draft.project.activities.map((a) => ({
        ...a,
        startMonth: numberOr0(a.startMonth),
        endMonth: numberOr0(a.endMonth),
      })),
    },
    space: {
      ...draft.space,
      subRegions: draft.space.subRegions.map((s) => ({ id: s.id, shareBp: numberOr0(s.shareBp) })),
    },
    // An end before the start turns off the month and year checks; the one issue it raises is dropped.
    runtime: runtimeValid ? draft.runtime : { start: profile.funding.period.start, end: '0000-01-01' },
    finance: {
      ...f,
      costs: f.costs.map((c) => ({
        ...c,
        category: (costCategories as readonly string[]).includes(c.category) ? c.category : 'material',
        year: numberOr0(c.year),
        amountCents: numberOr0(c.amountCents),
      })),
      esfCents: numberOr0(f.esfCents),
      ownCents: numberOr0(f.ownCents),
      thirdParty: f.thirdParty.map((t) => ({ ...t, amountCents: numberOr0(t.amountCents) })),
    },
  } as unknown as Sketch;
  return { sketch, runtimeValid };
}

/**
 * Every issue the submit would report, plus the profile's rules even while other fields are
 * still empty (the schema alone checks them only once everything else is valid). One message per
 * field, shape before rule, in the order of the form.
 */
export function validateDraft(draft: FormDraft, profile: PublicProfile, today: string): FormIssue[] {
  const all: FormIssue[] = [];
  for (const { key } of sectionsOf(profile)) all.push(...sectionIssues(key, draft[key]));
  const { sketch, runtimeValid } = forRules(draft, profile);
  for (const issue of ruleIssues(sketch, profile as AllianceProfile, today)) {
    if (!runtimeValid && issue.path[0] === 'runtime') continue;
    all.push({
      field: issue.path.map(String).join('.'),
      message: inItem(issue.path, issue.message),
      rule: true,
    });
  }
  const seen = new Set<string>();
  return all
    .filter((issue) => !seen.has(issue.field) && seen.add(issue.field))
    .map((issue) => ({ issue, path: issue.field.split('.') }))
    .sort((x, y) => comparePaths(x.path, y.path))
    .map(({ issue }) => issue);
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
