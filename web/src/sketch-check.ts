import { isValidDate } from '../../functions/core/dates.ts';
import type { CheckedProfile } from '../../functions/core/profile.ts';
import { fieldErrors, inItem } from '../../functions/core/sketch.ts';
import { costCategories, sketchLabels } from '../../functions/core/sketch-fields.ts';
import { ruleIssues, type Sketch, sketchShape } from '../../functions/core/sketch-full.ts';
import { formTexts } from './form.texts.de.ts';
import type { PublicProfile } from './profile.ts';
import { type FormDraft, type FormIssue, getIn, type Num } from './sketch-form.ts';
import { type SectionKey, sections, sectionsOf } from './sketch-paths.ts';

/*
 * The form's checks: the sketch's zod schemas (the API's own, one per section) and the profile's
 * rules. A chunk of its own (zod with the whole sketch's schemas), loaded after the form is drawn:
 * the first step shows without it, and the step list's states follow in a task of their own.
 */

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
  for (const issue of ruleIssues(sketch, profile as CheckedProfile, today)) {
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
