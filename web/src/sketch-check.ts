import { berlinDate } from '../../functions/core/dates.ts';
import {
  type CheckProfile,
  draftRuleIssues,
  openSteps,
  sectionIssues as ownIssues,
} from '../../functions/core/draft-check.ts';
import { normalizeDraft } from '../../functions/core/form-draft.ts';
import { inItem } from '../../functions/core/sketch.ts';
import { sketchLabels } from '../../functions/core/sketch-fields.ts';
import type { SketchDraft, SketchSection } from '../../functions/core/sketch-full.ts';
import { sketchShape } from '../../functions/core/sketch-full.ts';
import { formTexts } from './form.texts.de.ts';
import type { PublicProfile } from './profile.ts';
import { type FormDraft, type FormIssue, getIn } from './sketch-form.ts';
import { type SectionKey, sections, sectionsOf } from './sketch-paths.ts';

/*
 * The form's checks (functions/core/draft-check.ts: the sketch's zod schemas, the API's own, one per
 * section, and the profile's rules) with their messages in the form's words and order. A chunk of
 * its own (zod with the whole sketch's schemas), loaded on the page's first use: until then the
 * step list shows the states get-sketch answered, which these checks found when the form last sent
 * the draft (`stepsOpen`, sent with each create and save).
 */

const sectionIndex = new Map<string, number>(sections.map((s, i) => [s.key, i]));
/** The order of keys in the form, so issues are listed as the fields appear. */
const keyOrder = new Map(
  [
    ...Object.values(sketchShape()).flatMap((schema) =>
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
  const issues = ownIssues(key, section).map(({ field, message }) => {
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

/**
 * Every issue the submit would report, plus the profile's rules even while other fields are
 * still empty (the schema alone checks them only once everything else is valid). One message per
 * field, shape before rule, in the order of the form.
 */
export function validateDraft(draft: FormDraft, profile: PublicProfile, today: string): FormIssue[] {
  const all: FormIssue[] = [];
  for (const { key } of sectionsOf(profile)) all.push(...sectionIssues(key, draft[key]));
  for (const issue of draftRuleIssues(draft, profile as CheckProfile, today)) {
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

/**
 * The steps these checks find open in a draft as it is sent (create, save): the server keeps them
 * beside the draft and get-sketch answers them, so the next visit's step list shows them at once.
 */
export const stepsOpen = (
  draft: SketchDraft,
  profile: PublicProfile,
  today = berlinDate(new Date()),
): SketchSection[] => openSteps(normalizeDraft(draft), profile as CheckProfile, today);
