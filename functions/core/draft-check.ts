import { isValidDate } from './dates.ts';
import { type FormDraft, numbersOf } from './form-draft.ts';
import type { ProseProfile } from './profile.ts';
import { type FieldError, fieldErrors } from './sketch.ts';
import { costCategories } from './sketch-fields.ts';
import { ruleIssues, type Sketch, type SketchSection, sectionsOf, sketchShape } from './sketch-full.ts';

/*
 * The form's checks of a draft as it is being filled in: each section by its schema (the API's),
 * and the profile's rules even while other fields are still empty (the submit's schema checks them
 * only once everything else is valid). The form shows their messages at the fields
 * (web/src/sketch-check.ts); the form sends the steps they find open with each create and save and
 * get-sketch answers them, so the form's step list shows where the applicant stands before the form
 * has loaded its checks.
 */

/** The profile's parts the checks read (its prose among them): the API's public profile has them all. */
export type CheckProfile = Pick<
  ProseProfile,
  'funding' | 'priorities' | 'crossCuttingThemes' | 'subRegions' | 'localStatements'
>;

/** One section's own issues: each field on its own, by the section's schema. */
export function sectionIssues(key: SketchSection, section: unknown): FieldError[] {
  const parsed = sketchShape()[key].safeParse(section);
  if (parsed.success) return [];
  return fieldErrors({
    issues: parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })),
  });
}

/**
 * The draft as the profile's rules read it: text where a number belongs counts as 0 (its own field
 * already shows the mistake), and a runtime that is not two valid dates becomes one the rules skip.
 */
function forRules(draft: FormDraft, profile: CheckProfile): { sketch: Sketch; runtimeValid: boolean } {
  const { start, end } = draft.runtime;
  const runtimeValid = isValidDate(start) && isValidDate(end);
  const numbers = numbersOf(draft);
  const sketch = {
    ...numbers,
    // An end before the start turns off the month and year checks; the one issue it raises is dropped.
    runtime: runtimeValid ? draft.runtime : { start: profile.funding.period.start, end: '0000-01-01' },
    finance: {
      ...numbers.finance,
      costs: numbers.finance.costs.map((c) => ({
        ...c,
        category: (costCategories as readonly string[]).includes(c.category) ? c.category : 'material',
      })),
    },
  } as unknown as Sketch;
  return { sketch, runtimeValid };
}

/** The profile's rules over the draft, each at the field it concerns. Pure: `today` is passed in. */
export function draftRuleIssues(
  draft: FormDraft,
  profile: CheckProfile,
  today: string,
): { path: (string | number)[]; message: string }[] {
  const { sketch, runtimeValid } = forRules(draft, profile);
  return ruleIssues(sketch, profile as ProseProfile, today).filter(
    (issue) => runtimeValid || issue.path[0] !== 'runtime',
  );
}

/** The steps of the profile's form in which the checks find something still to do, in the form's order. */
export function openSteps(draft: FormDraft, profile: CheckProfile, today: string): SketchSection[] {
  const ruled = new Set(draftRuleIssues(draft, profile, today).map((issue) => String(issue.path[0])));
  return sectionsOf(profile).filter((key) => ruled.has(key) || sectionIssues(key, draft[key]).length > 0);
}
