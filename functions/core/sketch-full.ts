import * as z from 'zod/mini';
import { isValidDate, runtimeMonths, yearsOf } from './dates.ts';
import { capJustificationNeeded, fundingAtCapCents, maxFundingCents } from './funding-rules.ts';
import { hasLocalStep } from './local.ts';
import { formatEuro, formatPercent } from './money.ts';
import type { AllianceProfile, ProseProfile } from './profile.ts';
import { costCategories, formsOfAddress, sketchLabels as L, limits, totals } from './sketch-fields.ts';
import { draftInput, sketchInput as m } from './sketch-input.de.ts';
import * as validation from './validation-messages.de.ts';

/*
 * The complete project sketch (DOMAIN.md, "The sketch"), as one zod schema built from the
 * alliance profile. The form and the API both validate with it. A draft may be incomplete
 * (`sketchDraft`); submitting requires `sketchSchema(profile, today)`, whose every message is German
 * and whose every issue points at the field it concerns.
 */

const v = validation;
const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: v.required(label) })
    .check(
      z.trim(),
      z.minLength(1, v.required(label)),
      z.minLength(min, v.tooShort(label, min)),
      z.maxLength(max, v.tooLong(label, max)),
    );
const optionalText = (label: string, max: number) =>
  z.optional(z.string({ error: v.invalid(label) }).check(z.trim(), z.maxLength(max, v.tooLong(label, max))));
/** A text the profile may make optional: empty, or at least `min` characters. */
const answer = (label: string, max: number, min: number) =>
  z._default(
    z.string({ error: v.invalid(label) }).check(
      z.trim(),
      z.refine((t) => t.length === 0 || t.length >= min, v.tooShort(label, min)),
      z.maxLength(max, v.tooLong(label, max)),
    ),
    '',
  );
const date = (label: string) =>
  z
    .string({ error: v.required(label) })
    .check(z.minLength(1, v.required(label)), z.refine(isValidDate, m.date(label)));
const cents = (label: string) =>
  z
    .int({
      error: (issue) =>
        typeof issue.input === 'number' && Number.isFinite(issue.input)
          ? m.centsFraction(label)
          : m.centsNotAmount(label),
    })
    .check(z.gte(0, m.centsNegative(label)), z.lte(10_000_000_000, m.centsTooHigh(label)));
const whole = (label: string, min: number, max: number, tooSmall = v.invalid(label)) =>
  z.int({ error: v.required(label) }).check(z.gte(min, tooSmall), z.lte(max, v.invalid(label)));
const id = (label: string) =>
  z
    .string({ error: v.required(label) })
    .check(z.minLength(1, v.required(label)), z.maxLength(100, v.invalid(label)));
/** A list with a German message when it is empty (if it must not be) or too long. */
const list = <T extends z.core.SomeType>(item: T, max: number, label: string, emptyMessage?: string) =>
  z
    .array(item)
    .check(...(emptyMessage ? [z.minLength(1, emptyMessage)] : []), z.maxLength(max, m.tooMany(label, max)));

/** The sketch's sections, in the form's order: what a draft may hold, without building a schema. */
export const sketchSections = [
  'applicant',
  'project',
  'strategy',
  'space',
  'continuation',
  'runtime',
  'finance',
  'localAlliance',
  'declarations',
] as const;
export type SketchSection = (typeof sketchSections)[number];

/** The sections the profile's form has: the local alliance only where the process has the local step. */
export const sectionsOf = (profile: Pick<AllianceProfile, 'localStatements'>): SketchSection[] =>
  sketchSections.filter((section) => section !== 'localAlliance' || hasLocalStep(profile));

/** Builds the sections' schemas; the API's answer of a submitted version builds its own copy on first use. */
export const buildSketchShape = () =>
  ({
    applicant: z.strictObject({
      organisation: text(L.organisation, limits.short, 2),
      legalForm: text(L.legalForm, limits.short),
      street: text(L.street, limits.short),
      postalCode: z
        .string({ error: v.required(L.postalCode) })
        .check(z.trim(), z.regex(/^\d{5}$/, m.postalCode())),
      city: text(L.city, limits.short),
      contactName: text(L.contactName, limits.short, 2),
      // Optional: sketches before it have none, and the neutral default greets by full name.
      contactAddress: z.optional(z.enum(formsOfAddress, { error: m.formOfAddress() })),
      contactRole: text(L.contactRole, limits.short),
      contactEmail: z.pipe(
        z
          .string({ error: v.required(L.contactEmail) })
          .check(z.trim(), z.minLength(1, v.required(L.contactEmail))),
        z.email({ error: v.email(L.contactEmail) }).check(z.toLowerCase()),
      ),
      contactPhone: z
        .string({ error: v.required(L.contactPhone) })
        .check(z.trim(), z.regex(/^\+?[\d\s/()-]{6,30}$/, m.phone())),
      partners: list(
        z.strictObject({
          name: text(L.partnerName, limits.short),
          role: optionalText(L.partnerRole, limits.short),
        }),
        30,
        m.lists.partners,
      ),
    }),
    project: z.strictObject({
      title: text(L.title, limits.title, 5),
      summary: text(L.summary, limits.summary, 50),
      situation: text(L.situation, limits.situation, 50),
      goals: text(L.goals, limits.goals, 20),
      targetGroups: text(L.targetGroups, limits.targetGroups, 5),
      activities: list(
        z.strictObject({
          title: text(L.activityTitle, limits.short),
          description: text(L.activityDescription, limits.activityDescription),
          startMonth: whole(L.startMonth, 1, 120, m.fromMonthOne(L.startMonth)),
          endMonth: whole(L.endMonth, 1, 120, m.fromMonthOne(L.endMonth)),
        }),
        30,
        m.lists.activities,
        m.noActivities,
      ),
      results: list(
        z.strictObject({
          result: text(L.result, limits.short),
          indicator: text(L.indicator, limits.short),
          target: text(L.targetValue, limits.short),
        }),
        30,
        m.lists.results,
        m.noResults,
      ),
    }),
    strategy: z.strictObject({
      priorities: list(
        z.strictObject({ id: id(L.priorities), goals: list(z.string(), 20, m.lists.goals) }),
        10,
        L.priorities,
        m.noPriorities(),
      ),
      themes: list(id(L.themes), 20, L.themes),
    }),
    space: z.strictObject({
      subRegions: list(
        z.strictObject({
          id: id(L.subRegions),
          shareBp: whole(L.share, 1, 10_000, m.shareZero()),
        }),
        20,
        L.subRegions,
        m.noSubRegions(),
      ),
      districts: list(z.string(), 50, L.districts, m.noDistricts()),
      rationale: text(L.spatialRationale, limits.spatialRationale, 20),
    }),
    // Whether each is required is the profile's (`form.questions`): ruleIssues asks for an empty one.
    continuation: z.strictObject({
      continuation: answer(L.continuation, limits.continuation, 20),
      modelCharacter: answer(L.modelCharacter, limits.modelCharacter, 20),
    }),
    runtime: z.strictObject({ start: date(L.start), end: date(L.end) }),
    finance: z.strictObject({
      costs: list(
        z.strictObject({
          category: z.enum(costCategories, { error: m.category() }),
          description: text(L.costDescription, limits.short),
          year: whole(L.year, 2000, 2100),
          amountCents: cents(L.amount),
        }),
        300,
        m.lists.costs,
        m.noCosts,
      ),
      esfCents: cents(L.esf),
      ownCents: cents(L.own),
      thirdParty: list(
        z.strictObject({ source: text(L.thirdPartySource, limits.short), amountCents: cents(L.amount) }),
        20,
        m.lists.thirdParty,
      ),
      capJustification: optionalText(L.capJustification, limits.capJustification),
    }),
    // Optional in the shape, so sketches of a profile without the local step have none and older
    // ones that have it still read; where the profile has the step, ruleIssues asks for it.
    localAlliance: z.optional(
      z.strictObject({
        subRegionId: id(L.localAlliance),
        presentedOn: date(L.presentedOn),
        statement: optionalText(L.statement, limits.statement),
      }),
    ),
    declarations: z.strictObject({
      privacy: z.literal(true, { error: m.privacy() }),
      truthful: z.literal(true, { error: m.truthful() }),
    }),
  }) satisfies Record<SketchSection, z.core.$ZodType>;

type SketchShape = ReturnType<typeof buildSketchShape>;
let shape: SketchShape | undefined;
/**
 * The sections' schemas, built on first use: a bundle that only stores drafts leaves them out, and
 * one that checks a sketch only for some callers (get-sketch checks only a draft's steps, for its
 * applicant) does not build them at start.
 */
export function sketchShape(): SketchShape {
  shape ??= buildSketchShape();
  return shape;
}

const strict = () => z.strictObject(sketchShape());
let base: ReturnType<typeof strict> | undefined;
export type Sketch = z.infer<ReturnType<typeof strict>>;

type Issue = { path: (string | number)[]; message: string };

/**
 * The profile's rules, each reported at the field it concerns. Pure: `today` is passed in. The goals
 * and districts are the profile's prose (functions/alliances/prose.ts).
 */
export function ruleIssues(sketch: Sketch, profile: ProseProfile, today: string): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string) => {
    issues.push({ path, message });
  };
  const f = profile.funding;
  const r = m.rules;

  // 3. Fit with the strategy
  sketch.strategy.priorities.forEach((chosen, i) => {
    const priority = profile.priorities.find((p) => p.id === chosen.id);
    if (!priority) {
      add(['strategy', 'priorities', i, 'id'], r.unknownPriority(chosen.id));
      return;
    }
    chosen.goals.forEach((goal, j) => {
      if (!priority.goals.includes(goal))
        add(['strategy', 'priorities', i, 'goals', j], r.goalNotInPriority(goal, priority.id));
    });
  });
  sketch.strategy.themes.forEach((theme, i) => {
    if (!profile.crossCuttingThemes.some((t) => t.id === theme))
      add(['strategy', 'themes', i], r.unknownTheme(theme));
  });

  // 4. Spatial effect
  const chosenRegions = sketch.space.subRegions.map((s) => profile.subRegions.find((r) => r.id === s.id));
  chosenRegions.forEach((region, i) => {
    if (!region) add(['space', 'subRegions', i, 'id'], r.unknownSubRegion(sketch.space.subRegions[i]?.id));
  });
  const shareSum = sketch.space.subRegions.reduce((sum, s) => sum + s.shareBp, 0);
  if (shareSum !== 10_000) add(['space', 'subRegions'], r.shareSum(formatPercent(shareSum)));
  const ids = sketch.space.subRegions.map((s) => s.id);
  if (new Set(ids).size !== ids.length) add(['space', 'subRegions'], r.subRegionTwice());
  const allowedDistricts = new Set(chosenRegions.flatMap((r) => r?.districts ?? []));
  sketch.space.districts.forEach((d, i) => {
    if (!allowedDistricts.has(d)) add(['space', 'districts', i], r.districtOutside(d));
  });

  // 5. Continuation and model character: asked by every profile, required where it says so
  for (const question of ['continuation', 'modelCharacter'] as const) {
    if (profile.form.questions[question] === 'required' && !sketch.continuation[question]?.trim())
      add(['continuation', question], v.required(L[question]));
  }

  // 6. Runtime
  const { start, end } = sketch.runtime;
  let months = 0;
  if (end < start) {
    add(['runtime', 'end'], r.endBeforeStart());
  } else {
    months = runtimeMonths(start, end);
    if (months > f.maxRuntimeMonths) add(['runtime', 'end'], r.runtimeTooLong(months, f.maxRuntimeMonths));
  }
  if (end > f.latestEnd) add(['runtime', 'end'], r.endTooLate(formatDateDe(f.latestEnd)));
  if (start < f.period.start) add(['runtime', 'start'], r.startTooEarly(formatDateDe(f.period.start)));

  // 2. Work packages within the runtime
  sketch.project.activities.forEach((a, i) => {
    if (a.endMonth < a.startMonth) add(['project', 'activities', i, 'endMonth'], r.activityEndBeforeStart());
    if (months > 0 && a.endMonth > months)
      add(['project', 'activities', i, 'endMonth'], r.activityAfterEnd(months));
  });

  // 7. Cost and financing plan
  const years = end >= start ? yearsOf(start, end) : [];
  sketch.finance.costs.forEach((line, i) => {
    if (years.length && !years.includes(line.year)) {
      add(['finance', 'costs', i, 'year'], r.yearOutside(line.year, years[0], years.at(-1)));
    }
    if (line.amountCents === 0) add(['finance', 'costs', i, 'amountCents'], r.amountZero());
  });
  const sum = totals(sketch.finance);
  if (sum.financingCents !== sum.costCents) {
    const diff = sum.financingCents - sum.costCents;
    add(
      ['finance', 'esfCents'],
      r.financingMismatch(
        formatEuro(sum.financingCents),
        formatEuro(sum.costCents),
        diff > 0,
        formatEuro(Math.abs(diff)),
      ),
    );
  }
  if (
    capJustificationNeeded(sum, sketch.finance.esfCents, f) &&
    (sketch.finance.capJustification ?? '').trim().length < 50
  ) {
    add(
      ['finance', 'capJustification'],
      f.capJustification === 'above_cap'
        ? r.capJustification(formatEuro(sum.costCents), formatEuro(f.totalCostCapCents))
        : r.capJustificationRaising(
            formatEuro(sum.costCents),
            formatEuro(f.totalCostCapCents),
            formatEuro(fundingAtCapCents(sum, f)),
          ),
    );
  }
  if (f.maxFundingRateOfPersonnelBp !== undefined && sketch.finance.esfCents > 0) {
    const maxEsf = maxFundingCents(sum, f);
    if (sketch.finance.esfCents > maxEsf) {
      add(
        ['finance', 'esfCents'],
        r.esfTooHigh(
          formatPercent(f.maxFundingRateOfPersonnelBp),
          formatEuro(maxEsf),
          formatEuro(sketch.finance.esfCents),
        ),
      );
    }
  }

  // 8. Local alliance: only where the profile's process has the local step
  if (!hasLocalStep(profile)) return issues;
  const local = sketch.localAlliance;
  if (!local) {
    add(['localAlliance', 'subRegionId'], r.localAlliance());
    add(['localAlliance', 'presentedOn'], v.required(L.presentedOn));
    return issues;
  }
  const chosenAlliance = profile.subRegions.find((r) => r.id === local.subRegionId);
  if (!chosenAlliance) {
    add(['localAlliance', 'subRegionId'], r.localAlliance());
  } else if (!sketch.space.subRegions.some((s) => s.id === chosenAlliance.id)) {
    // The local alliance speaks for its sub-region only: the one chosen must be one the project covers.
    const covered = chosenRegions.flatMap((region) => (region ? [region.localAlliance] : []));
    add(['localAlliance', 'subRegionId'], r.localAllianceOutside(chosenAlliance.localAlliance, covered));
  }
  if (local.presentedOn > today) {
    add(['localAlliance', 'presentedOn'], r.presentedInFuture());
  }
  return issues;
}

function formatDateDe(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The schema a sketch must meet to be submitted, with the profile's rules. Where the profile has no
 * local step, a local alliance section in the draft (an older form's, or one written before the
 * profile changed) is not part of the sketch: it is left out, not checked.
 */
export function sketchSchema(profile: ProseProfile, today: string) {
  base ??= strict();
  const checked = base.check(
    z.superRefine((sketch, ctx) => {
      for (const issue of ruleIssues(sketch, profile, today)) ctx.addIssue({ code: 'custom', ...issue });
    }),
  );
  if (hasLocalStep(profile)) return checked;
  return z.pipe(
    z.transform((input: unknown) => {
      if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
      const { localAlliance: _left, ...rest } = input as Record<string, unknown>;
      return rest;
    }),
    checked,
  );
}

/**
 * A draft: anything the form has so far, kept as the applicant typed it. Only its size and shape
 * are checked here, so autosave never loses work; completeness is checked on submit.
 */
export const draftSchema = () =>
  z
    .partialRecord(z.enum(sketchSections), z.unknown(), {
      error: (issue) => (issue.code === 'invalid_type' ? draftInput.notObject : draftInput.unknownSection),
    })
    .check(
      z.refine(
        // A DynamoDB item holds at most 400 KB; the rest is the record's own fields.
        (draft) => new TextEncoder().encode(JSON.stringify(draft)).length <= 300_000,
        draftInput.tooLarge,
      ),
    );
// Pure: built only in the bundles that validate drafts (create, save), not in the web's.
export const sketchDraft = /* @__PURE__ */ draftSchema();
export type SketchDraft = z.infer<typeof sketchDraft>;
