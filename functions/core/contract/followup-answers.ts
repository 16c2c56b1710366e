import * as z from 'zod/mini';
import { deadlineKinds, deadlineStates, fundingOutcomes } from '../followup.ts';
import { sketchStatuses } from '../lifecycle.ts';
import { instant, isoDate } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/*
 * What the API answers after the Votum: the follow-up document, the deadlines overview with the
 * deadline job's last run. Each shape is defined here once; the types of core/followup.ts (and the
 * pages') are derived from it. Built by functions, not at load: the routes wrap them in `z.lazy`,
 * so a Lambda function, which never checks its own answers, never builds them; the tests check
 * every answer against them and the API reference is generated from them.
 */

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

function build() {
  const party = () =>
    z.strictObject({ role: z.enum(['office', 'applicant', 'steering_group']), name: z.string() });

  /** Who waits on whom, and for what (in German). */
  const waitingSchema = () => z.strictObject({ by: party(), on: party(), what: z.string() });

  /** The NBank's decision as the applicant reported it and the office confirmed it. */
  const fundingDecisionSchema = () =>
    z.strictObject({
      outcome: z.enum(fundingOutcomes),
      /** The ESF funding approved, in cents (approved only). */
      approvedCents: z.optional(z.int()),
      /** The approved runtime (approved only); `end` is the project's end that the final report follows. */
      start: z.optional(isoDate),
      end: z.optional(isoDate),
      /** The date of the NBank's notice. */
      decidedOn: z.optional(isoDate),
      /** The copy of the notice (an attachment of kind `funding_decision`). */
      attachmentId: z.optional(z.string()),
      note: z.optional(z.string()),
      status: z.enum(['reported', 'confirmed']),
      reportedBy: z.string(),
      reportedAt: instant,
      confirmedBy: z.optional(z.string()),
      confirmedAt: z.optional(instant),
      /** Later corrections of the end (e.g. an NBank change notice), oldest first. */
      endChanges: z.optional(
        z.array(
          z.strictObject({
            from: isoDate,
            to: isoDate,
            at: instant,
            by: z.string(),
            note: z.optional(z.string()),
          }),
        ),
      ),
    });

  const span = () => z.strictObject({ start: isoDate, end: isoDate, months: z.int() });

  /** How an approval differs from the sketch: the ESF amount and the runtime. */
  const fundingDifferencesSchema = () =>
    z.strictObject({
      esf: z.strictObject({ requestedCents: z.int(), approvedCents: z.int(), differenceCents: z.int() }),
      runtime: z.strictObject({
        requested: span(),
        approved: span(),
        /** Approved minus requested: negative when the approved runtime is shorter. */
        monthsDifference: z.int(),
        startShiftDays: z.int(),
        endShiftDays: z.int(),
      }),
      differs: z.boolean(),
      /** Each difference as a German sentence; empty when the approval matches the sketch. */
      lines: z.array(z.string()),
    });

  /** One of the sketch's expected results with its indicator: a row of the report form. */
  const expectedResultSchema = () =>
    z.strictObject({ result: z.string(), indicator: z.string(), target: z.string() });

  const reportContentShape = () => ({
    course: z.optional(z.string()),
    indicators: z.optional(
      z.array(
        z.strictObject({
          result: z.string(),
          indicator: z.string(),
          target: z.string(),
          achieved: z.string(),
          comment: z.optional(z.string()),
        }),
      ),
    ),
    continuation: z.optional(z.string()),
    /** The final report: the ESF funds spent, in cents (the budget's „ausgegeben“). */
    spentCents: z.optional(z.int()),
    attachmentId: z.optional(z.string()),
    note: z.optional(z.string()),
  });

  /** A report as the applicant hands it in: the short structured form, or the NBank Sachbericht attached. */
  const reportContentSchema = () => z.strictObject(reportContentShape());

  const submittedReportSchema = () =>
    z.strictObject({ ...reportContentShape(), submittedAt: instant, submittedBy: z.string() });

  const reviewSchema = () =>
    z.strictObject({
      at: instant,
      by: z.string(),
      decision: z.enum(['accepted', 'more']),
      note: z.optional(z.string()),
    });

  /** A deadline as its pages see it: without the job's bookkeeping, with its schedule and who waits. */
  const deadlineViewSchema = () =>
    z.strictObject({
      id: z.string(),
      kind: z.enum(deadlineKinds),
      /** What is due, in German ("Abschlussbericht", "Zwischenbericht nach zwölf Monaten"). */
      label: z.string(),
      /** The calendar date in Berlin; due at the end of that day. */
      due: isoDate,
      state: z.enum(deadlineStates),
      /** Bumps with every change, so two job runs (or a run and a request) cannot both act. */
      revision: z.int(),
      createdAt: instant,
      createdBy: z.string(),
      report: z.optional(submittedReportSchema()),
      reviews: z.array(reviewSchema()),
      /** Every move of the due date, oldest first. */
      moves: z.array(
        z.strictObject({ from: isoDate, to: isoDate, at: instant, by: z.string(), reason: z.string() }),
      ),
      overdue: z.boolean(),
      waiting: waitingSchema(),
      /** The schedule for the current due date, each with whether it was done. */
      reminders: z.array(z.strictObject({ at: instant, offset: z.optional(z.int()), sent: z.boolean() })),
      escalation: z.optional(z.strictObject({ at: instant, done: z.boolean() })),
      nextActionAt: z.optional(instant),
    });

  /** What the follow-up pages show: the decision against the sketch, the deadlines and their schedule. */
  const followUpDocSchema = () =>
    z.strictObject({
      sketchId: z.string(),
      title: z.string(),
      organisation: z.string(),
      status: z.enum(sketchStatuses),
      /** When the endorsing Votum was written. */
      votumAt: z.optional(instant),
      /** What the sketch asked for (as submitted; its runtime as the applicant typed it). */
      requested: z.strictObject({
        esfCents: z.int(),
        /** The sketch's total cost: the ESF funding rate is the ESF share of it. */
        costCents: z.optional(z.int()),
        start: z.string(),
        end: z.string(),
        months: z.optional(z.int()),
      }),
      fundingDecision: z.optional(fundingDecisionSchema()),
      differences: z.optional(fundingDifferencesSchema()),
      /** The end of the confirmed approval, which the final report follows. */
      projectEnd: z.optional(isoDate),
      expectedResults: z.array(expectedResultSchema()),
      deadlines: z.array(deadlineViewSchema()),
    });

  /** One thing someone waits on, in the office's overview and the calendar. */
  const overviewItemSchema = () =>
    z.strictObject({
      /** Stable across changes of the date: the calendar's UID is made from it. */
      id: z.string(),
      kind: z.enum([...deadlineKinds, 'vote']),
      /** What is due ("Abschlussbericht", "Umlaufverfahren"). */
      label: z.string(),
      /** The project, or the sketches of a vote. */
      title: z.string(),
      due: isoDate,
      overdue: z.boolean(),
      /** Days from today to the due date; negative once overdue. */
      daysLeft: z.int(),
      waiting: waitingSchema(),
      sketchId: z.optional(z.string()),
      deadlineId: z.optional(z.string()),
      voteId: z.optional(z.string()),
      /** Reports and the funding wait: the next reminder or escalation, and whether the office was told. */
      nextActionAt: z.optional(instant),
      escalated: z.optional(z.boolean()),
      /** The page in the portal. */
      path: z.string(),
    });

  const overviewShape = () => ({
    today: isoDate,
    /** The last day the overview looks ahead to; absent when it shows every future deadline. */
    until: z.optional(isoDate),
    weeks: z.optional(z.int()),
    /** Past their due date, oldest first. */
    overdue: z.array(overviewItemSchema()),
    /** Due from today (until `until`), soonest first. */
    upcoming: z.array(overviewItemSchema()),
  });

  /** Everything overdue and everything due in the next weeks. */
  const overviewSchema = () => z.strictObject(overviewShape());

  /** What one run of a job did (kept 90 days). */
  const jobRunSchema = () =>
    z.strictObject({
      id: z.string(),
      job: z.string(),
      startedAt: instant,
      finishedAt: instant,
      counts: z.record(z.string(), z.number()),
    });

  /** The office's deadlines overview, with the deadline job's last run (when it has run). */
  const deadlinesOverviewSchema = () =>
    z.strictObject({ ...overviewShape(), lastRun: z.optional(jobRunSchema()) });
  return {
    waitingSchema,
    fundingDecisionSchema,
    fundingDifferencesSchema,
    expectedResultSchema,
    reportContentSchema,
    submittedReportSchema,
    reviewSchema,
    deadlineViewSchema,
    followUpDocSchema,
    overviewItemSchema,
    overviewSchema,
    jobRunSchema,
    deadlinesOverviewSchema,
  };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const waitingSchema = () => schemas().waitingSchema();
export const fundingDecisionSchema = () => schemas().fundingDecisionSchema();
export const fundingDifferencesSchema = () => schemas().fundingDifferencesSchema();
export const expectedResultSchema = () => schemas().expectedResultSchema();
export const reportContentSchema = () => schemas().reportContentSchema();
export const submittedReportSchema = () => schemas().submittedReportSchema();
export const reviewSchema = () => schemas().reviewSchema();
export const deadlineViewSchema = () => schemas().deadlineViewSchema();
export const followUpDocSchema = () => schemas().followUpDocSchema();
/** A sketch's follow-up after the Votum, as several routes answer it (one schema, named once in the OpenAPI document). */
export const followUpDoc = /* @__PURE__ */ z.lazy(followUpDocSchema);
export const overviewItemSchema = () => schemas().overviewItemSchema();
export const overviewSchema = () => schemas().overviewSchema();
export const jobRunSchema = () => schemas().jobRunSchema();
export const deadlinesOverviewSchema = () => schemas().deadlinesOverviewSchema();

export type Waiting = z.output<ReturnType<typeof waitingSchema>>;
export type Party = Waiting['by'];
export type FundingDecision = z.output<ReturnType<typeof fundingDecisionSchema>>;
export type FundingDifferences = z.output<ReturnType<typeof fundingDifferencesSchema>>;
export type ExpectedResult = z.output<ReturnType<typeof expectedResultSchema>>;
export type ReportContent = z.output<ReturnType<typeof reportContentSchema>>;
export type ReportIndicator = NonNullable<ReportContent['indicators']>[number];
export type SubmittedReport = z.output<ReturnType<typeof submittedReportSchema>>;
export type Review = z.output<ReturnType<typeof reviewSchema>>;
export type DeadlineView = z.output<ReturnType<typeof deadlineViewSchema>>;
export type FollowUpDoc = z.output<ReturnType<typeof followUpDocSchema>>;
export type OverviewItem = z.output<ReturnType<typeof overviewItemSchema>>;
export type Overview = z.output<ReturnType<typeof overviewSchema>>;
export type JobRun = z.output<ReturnType<typeof jobRunSchema>>;
export type DeadlinesOverview = z.output<ReturnType<typeof deadlinesOverviewSchema>>;
