import * as z from 'zod/mini';
import { isValidDate } from '../dates.ts';
import { fundingOutcomes } from '../followup.ts';
import * as m from '../followup-texts/input.de.ts';
import * as label from '../followup-texts/labels.de.ts';
import { paramLabels } from '../messages.de.ts';
import { coercedNumber, id, instant, sketchParams } from './common.ts';
import { deadlinesOverviewSchema, followUpDoc } from './followup-answers.ts';
import { empty, file, route, unchecked } from './route.ts';

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`): an answer's shape is built only from source. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * After the Votum: the follow-up of a project (its funding decision, its end, its reports), the
 * office's deadlines overview and the admin's calendar feed.
 *
 * What a route takes and answers is built by its getter on the first read (route.ts), not when a
 * bundle loads, so a function builds only the schemas of the routes it really serves. An answer's
 * schema is a `z.lazy` inside that: a function never checks its own answers, so it never builds
 * one. Path parameters and queries are objects (the reference lists them field by field).
 */

// ---- Request pieces -------------------------------------------------------------------------------

const dateField = (name: string) =>
  z.string({ error: m.date(name) }).check(z.refine(isValidDate, m.validDate(name)));

const optionalText = (name: string, max: number) =>
  z.optional(z.string({ error: m.text(name) }).check(z.trim(), z.maxLength(max, m.tooLong(name, max))));

const longText = (name: string) =>
  z.optional(
    z.string({ error: m.text(name) }).check(z.trim(), z.maxLength(10_000, m.tooLong(name, '10.000'))),
  );

const attachmentId = () =>
  z.optional(
    z
      .string({ error: m.attachmentId })
      .check(z.minLength(1, m.attachmentMissing), z.maxLength(100, m.attachmentInvalid)),
  );

const reportParams = () => z.strictObject({ id: id(paramLabels.sketch), rid: id(paramLabels.report) });

// ---- Requests -------------------------------------------------------------------------------------

/** What the applicant reports: approved with amount and runtime, or rejected. */
const fundingReportBody = () =>
  z
    .object({
      outcome: z.enum(fundingOutcomes, { error: m.outcome }),
      approvedCents: z.optional(
        z
          .int(m.approvedCents)
          .check(z.gte(1, m.approvedPositive), z.lte(100_000_000_000, m.approvedTooLarge)),
      ),
      start: z.optional(dateField(label.start)),
      end: z.optional(dateField(label.end)),
      decidedOn: z.optional(dateField(label.decidedOn)),
      attachmentId: attachmentId(),
      note: optionalText(label.note, 2000),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.outcome !== 'approved') return;
        const missing = (path: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [path], message });
        if (input.approvedCents === undefined) missing('approvedCents', m.approvedMissing);
        if (!input.start) missing('start', m.startMissing);
        if (!input.end) missing('end', m.endMissing);
        if (input.start && input.end && input.end < input.start) missing('end', m.endBeforeStart);
      }),
    );
export type FundingReportRequest = z.output<ReturnType<typeof fundingReportBody>>;

/** The office confirms the reported decision, with an optional note for the history. */
const confirmBody = () => z.object({ note: optionalText(label.note, 1000) });

/** The office corrects the project's end. */
const endChangeBody = () => z.object({ end: dateField(label.end), note: optionalText(label.reason, 1000) });

/** The office agrees an interim report, due on its own date. */
const interimReportBody = () =>
  z.object({
    due: dateField(label.due),
    label: z.optional(
      z
        .string({ error: m.text(label.label) })
        .check(
          z.trim(),
          z.minLength(3, m.tooShort(label.label, 3)),
          z.maxLength(200, m.tooLong(label.label, 200)),
        ),
    ),
  });

/** The report as the form sends it; the indicators in the order of the sketch's expected results. */
const reportBody = () =>
  z.object({
    course: longText(label.course),
    indicators: z.optional(
      z.array(
        z.object({
          achieved: z
            .string({ error: m.achievedMissing })
            .check(z.trim(), z.maxLength(2000, m.tooLong(label.achieved, 2000))),
          comment: optionalText(label.comment, 2000),
        }),
      ),
    ),
    continuation: longText(label.continuation),
    spentCents: z.optional(
      z.int(m.spentCents).check(z.gte(0, m.spentNegative), z.lte(100_000_000_000, m.spentTooLarge)),
    ),
    attachmentId: attachmentId(),
    note: optionalText(label.note, 2000),
  });
export type ReportRequest = z.output<ReturnType<typeof reportBody>>;

/** The office accepts a report, or asks for more (saying what is missing), optionally by a new date. */
const reviewBody = () =>
  z
    .object({
      decision: z.enum(['accepted', 'more'], { error: m.reviewDecision }),
      note: optionalText(label.reviewNote, 3000),
      due: z.optional(dateField(label.newDue)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.decision === 'more' && (input.note?.length ?? 0) < 10)
          ctx.addIssue({ code: 'custom', path: ['note'], message: m.reviewNoteMissing });
      }),
    );

/** How many weeks the overview looks ahead (default four). */
/** Without `weeks`, every future deadline (a final report due years ahead included). */
const deadlinesQuery = () =>
  z.object({
    weeks: z.optional(
      coercedNumber({ error: m.weeks }).check(
        z.multipleOf(1, m.weeks),
        z.gte(0, m.weeks),
        z.lte(104, m.weeks),
      ),
    ),
  });

/** A feed's token: 32 random bytes in base64url, as the feed's address was made (create-calendar-feed). */
const calendarParams = () =>
  z.strictObject({
    token: z.string().check(z.regex(/^[\w-]{43}$/, m.calendarToken)),
  });

// ---- Answers --------------------------------------------------------------------------------------

/** Whether the admin has a feed; its address is shown only once, when it is made. */
const calendarStatusSchema = () =>
  z.union([
    z.strictObject({ active: z.literal(true), createdAt: instant }),
    z.strictObject({ active: z.literal(false) }),
  ]);
const calendarCreatedSchema = () => z.strictObject({ url: z.string(), createdAt: instant });

/** What every change of a project after the Votum can run into. */
const changeConflicts = ['wrong_status', 'followup_conflict', 'version_conflict'] as const;

// ---- Routes ---------------------------------------------------------------------------------------

export const getFollowUp = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}/followup',
  summary:
    "A project's follow-up after the Votum: the funding decision against the sketch, deadlines and reports",
  access: ['applicant', 'admin'],
  group: 'followup',
  entry: 'functions/http/handlers/get-followup.ts',
  get params() {
    return sketchParams();
  },
  answers: { 200: followUpDoc },
}));

export const reportFunding = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches/{id}/funding-decision',
  summary:
    "The applicant reports the funding bank's decision (approved with amount and runtime, or rejected)",
  access: ['applicant'],
  group: 'followup',
  entry: 'functions/http/handlers/report-funding.ts',
  get params() {
    return sketchParams();
  },
  get body() {
    return fundingReportBody();
  },
  sendsMail: true,
  answers: { 200: followUpDoc },
  conflicts: [...changeConflicts, 'already_confirmed'],
}));

export const confirmFunding = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/funding-decision/confirm',
  summary: 'The office confirms the reported funding decision: the project runs, or it is closed as rejected',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/confirm-funding.ts',
  get params() {
    return sketchParams();
  },
  get body() {
    return confirmBody();
  },
  sendsMail: true,
  answers: { 200: followUpDoc },
  conflicts: [...changeConflicts, 'not_reported'],
}));

export const changeEnd = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/end',
  summary: "The office corrects the project's end; the final report's due date follows it",
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/change-end.ts',
  get params() {
    return sketchParams();
  },
  get body() {
    return endChangeBody();
  },
  sendsMail: true,
  answers: { 200: followUpDoc },
  conflicts: [...changeConflicts, 'not_confirmed'],
}));

export const addReport = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/reports',
  summary: 'The office agrees an interim report with the project, due on its own date',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/add-report.ts',
  get params() {
    return sketchParams();
  },
  get body() {
    return interimReportBody();
  },
  sendsMail: true,
  answers: { 201: followUpDoc },
  conflicts: changeConflicts,
}));

export const submitReport = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches/{id}/reports/{rid}/submit',
  summary: 'The applicant hands in a report: the short form, or the report to the funding bank attached',
  access: ['applicant'],
  group: 'followup',
  entry: 'functions/http/handlers/submit-report.ts',
  get params() {
    return reportParams();
  },
  get body() {
    return reportBody();
  },
  sendsMail: true,
  answers: { 200: followUpDoc },
  conflicts: [...changeConflicts, 'not_a_report', 'report_closed'],
}));

export const reviewReport = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/reports/{rid}/review',
  summary: 'The office accepts a report or asks for more; accepting the final report closes the project',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/review-report.ts',
  get params() {
    return reportParams();
  },
  get body() {
    return reviewBody();
  },
  sendsMail: true,
  answers: { 200: followUpDoc },
  conflicts: [...changeConflicts, 'not_a_report', 'not_submitted'],
}));

export const listDeadlines = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/deadlines',
  summary:
    "What is overdue and what falls due (in the next weeks, or at all), with who waits on whom and the job's last run",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-deadlines.ts',
  get query() {
    return deadlinesQuery();
  },
  get answers() {
    return { 200: z.lazy(deadlinesOverviewSchema) };
  },
}));

export const calendarFeedStatus = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/calendar',
  summary: 'Whether the admin has a calendar feed, and since when',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/calendar-feed-status.ts',
  get answers() {
    return {
      200: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? calendarStatusSchema : unchecked),
    };
  },
}));

export const createCalendarFeed = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/calendar',
  summary: 'A new calendar feed address for the admin (shown once), replacing the previous one',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/create-calendar-feed.ts',
  get answers() {
    return {
      201: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? calendarCreatedSchema : unchecked),
    };
  },
  conflicts: ['calendar_conflict'],
}));

export const revokeCalendarFeed = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/admin/calendar',
  summary: "Revokes the admin's calendar feed: its address answers 404 from now on",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/revoke-calendar-feed.ts',
  answers: { 204: empty },
}));

export const calendarFeed = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/calendar/{token}/fristen.ics',
  summary: "The deadlines as an iCalendar feed for a calendar app, by the feed's secret token (no cookie)",
  access: 'public',
  group: 'documents',
  entry: 'functions/http/handlers/calendar-feed.ts',
  get params() {
    return calendarParams();
  },
  answers: { 200: file('text/calendar; charset=utf-8') },
}));
