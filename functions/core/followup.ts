import type { FundingReportRequest, ReportRequest } from './contract/followup.ts';
import type {
  DeadlineView,
  ExpectedResult,
  FollowUpDoc,
  FundingDecision,
  FundingDifferences,
  Overview,
  OverviewItem,
  Party,
  ReportContent,
  Waiting,
} from './contract/followup-answers.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  dueAt,
  formatDate,
  type IsoDate,
  isValidDate,
  runtimeMonths,
  startOfDayBerlin,
} from './dates.ts';
import { ConflictError } from './errors.ts';
import { deadlineKindLabels } from './followup.de.ts';
import * as followUpErrors from './followup-texts/errors.de.ts';
import * as t from './followup-texts/texts.de.ts';
import { fundingOutcomeWords } from './followup-texts/words.de.ts';
import { formatEuro } from './money.ts';
import { capitalised } from './names.ts';
import { compareText } from './order.ts';
import type { AllianceProfile, ProfileNames } from './profile.ts';

/*
 * After the Votum (DOMAIN.md, "After the Votum"), pure: the funding decision and how it differs
 * from the sketch, the deadlines that follow it (the wait for the decision, the final report, agreed
 * interim reports), when each reminder and escalation is due, what a deadline's next action is,
 * what is waiting on whom, and the overview of what is due. No I/O, no clock: `now` is passed in.
 */

export type ReportRules = AllianceProfile['reports'];

// ---- The funding decision -------------------------------------------------------------------------

export const fundingOutcomes = ['approved', 'rejected'] as const;
export type FundingOutcome = (typeof fundingOutcomes)[number];
export const fundingOutcomeLabels: Record<FundingOutcome, string> = fundingOutcomeWords;

export type { FundingReportRequest, ReportRequest } from './contract/followup.ts';
// The shapes the API answers are defined once, in contract/followup-answers.ts; these are their types.
export type {
  DeadlineView,
  ExpectedResult,
  FollowUpDoc,
  FundingDecision,
  FundingDifferences,
  JobRun,
  Overview,
  OverviewItem,
  Party,
  ReportContent,
  ReportIndicator,
  Review,
  SubmittedReport,
  Waiting,
} from './contract/followup-answers.ts';

/** The decision as reported; what was approved is kept only for an approval. */
export function reportedDecision(input: FundingReportRequest, by: string, now: Date): FundingDecision {
  const approved = input.outcome === 'approved';
  return {
    outcome: input.outcome,
    ...(approved ? { approvedCents: input.approvedCents, start: input.start, end: input.end } : {}),
    ...(input.decidedOn ? { decidedOn: input.decidedOn } : {}),
    ...(input.attachmentId ? { attachmentId: input.attachmentId } : {}),
    ...(input.note ? { note: input.note } : {}),
    status: 'reported',
    reportedBy: by,
    reportedAt: now.toISOString(),
  };
}

/** What the sketch asked for, as the differences compare it. */
export type Requested = Omit<FollowUpDoc['requested'], 'months'>;

/**
 * How an approval differs from the sketch: the ESF amount and the runtime. Undefined for a
 * rejection, or when the sketch has no valid runtime to compare with.
 */
export function fundingDifferences(
  requested: Requested,
  decision: Pick<FundingDecision, 'outcome' | 'approvedCents' | 'start' | 'end'>,
): FundingDifferences | undefined {
  const { approvedCents, start, end } = decision;
  if (decision.outcome !== 'approved' || approvedCents === undefined || !start || !end) return undefined;
  if (!isValidDate(requested.start) || !isValidDate(requested.end) || requested.end < requested.start)
    return undefined;
  const requestedMonths = runtimeMonths(requested.start, requested.end);
  const approvedMonths = runtimeMonths(start, end);
  const differenceCents = approvedCents - requested.esfCents;
  const monthsDifference = approvedMonths - requestedMonths;
  const startShiftDays = daysBetween(requested.start, start);
  const endShiftDays = daysBetween(requested.end, end);
  const lines: string[] = [];
  if (differenceCents !== 0)
    lines.push(
      t.esfDifference(
        formatEuro(approvedCents),
        formatEuro(requested.esfCents),
        formatEuro(Math.abs(differenceCents)),
        differenceCents < 0,
      ),
    );
  if (startShiftDays !== 0 || endShiftDays !== 0) {
    const change =
      monthsDifference !== 0
        ? t.runtimeLength(Math.abs(monthsDifference), monthsDifference < 0)
        : t.runtimeShift(Math.abs(startShiftDays || endShiftDays), (startShiftDays || endShiftDays) < 0);
    lines.push(
      t.runtimeDifference(
        `${formatDate(start)}–${formatDate(end)}`,
        approvedMonths,
        `${formatDate(requested.start)}–${formatDate(requested.end)}`,
        requestedMonths,
        change,
      ),
    );
  }
  return {
    esf: { requestedCents: requested.esfCents, approvedCents, differenceCents },
    runtime: {
      requested: { start: requested.start, end: requested.end, months: requestedMonths },
      approved: { start, end, months: approvedMonths },
      monthsDifference,
      startShiftDays,
      endShiftDays,
    },
    differs: lines.length > 0,
    lines,
  };
}

/** The decision as German lines for mails and pages. */
export function decisionLines(names: ProfileNames, decision: FundingDecision): string[] {
  const bank = capitalised(names.bank.nominative);
  const notice = decision.decidedOn ? ` (Bescheid vom ${formatDate(decision.decidedOn)})` : '';
  if (decision.outcome === 'rejected') return [`${bank} hat den Antrag abgelehnt${notice}.`];
  return [
    `${bank} hat ${formatEuro(decision.approvedCents ?? 0)} ESF-Mittel bewilligt${notice}.`,
    `Laufzeit: ${formatDate(decision.start ?? '')} bis ${formatDate(decision.end ?? '')}.`,
  ];
}

// ---- Deadlines ------------------------------------------------------------------------------------

export const deadlineKinds = ['funding_decision', 'final_report', 'interim_report'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/**
 * open: waiting on the applicant; submitted: waiting on the office (confirm or review);
 * accepted: done; cancelled: dropped (an interim report still open when the project closed).
 */
export const deadlineStates = ['open', 'submitted', 'accepted', 'cancelled'] as const;
export type DeadlineState = (typeof deadlineStates)[number];

/** The deadline ids: one funding wait and one final report per sketch, any number of interim reports. */
export const fundingDeadlineId = 'funding';
export const finalReportId = 'final';

/** What a deadline's page shows beyond the deadline itself (deadlineView). */
type ViewOnly = 'overdue' | 'waiting' | 'reminders' | 'escalation' | 'nextActionAt';

/** One deadline after the Votum, with what the job has done for it: the fields pages see, and its bookkeeping. */
export interface Deadline extends Omit<DeadlineView, ViewOnly> {
  sketchId: string;
  /** The keys of the reminders and the escalation done for the current due date. */
  done: string[];
  /** What mails need, so the job never reads the sketch. */
  project: { title: string; organisation: string; ownerEmail: string };
}

export const kindLabels: Record<DeadlineKind, string> = deadlineKindLabels;

/** The funding decision is awaited until this date: the profile's waiting period after the Votum. */
export const fundingDecisionDue = (votumDate: string, rules: ReportRules): IsoDate =>
  addDays(votumDate, rules.fundingDecisionWaitDays);

/** The final report is due the profile's months after the project's end (31.01. + 1 month → 28./29.02.). */
export const finalReportDue = (end: string, rules: ReportRules): IsoDate =>
  addMonths(end, rules.finalReportMonthsAfterEnd);

/** A reminder `offset` days from the due date goes out when that day starts in Berlin. */
export const reminderAt = (due: string, offset: number): Date => startOfDayBerlin(addDays(due, offset));

/** After the funding reminder the office is told this many days later: the profile's last reminder offset. */
export const fundingGraceDays = (rules: ReportRules) => Math.max(0, ...rules.reminderDaysRelative);

export interface FollowUpAction {
  /** Recorded in `done` once taken: `remind:<offset>`, `remind:wait`, `escalate`. */
  key: string;
  kind: 'remind' | 'escalate';
  at: Date;
  /** Days from the due date (reports). */
  offset?: number;
}

const byTime = (a: FollowUpAction, b: FollowUpAction) =>
  a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === 'remind' ? -1 : 1);

/**
 * Every reminder and the escalation of a deadline, in time order.
 * - Reports: a reminder at each of the profile's offsets from the due date (at the start of that
 *   day in Berlin); the escalation once the report is overdue and the profile's number of reminders
 *   has gone out (Leine-Weser: with the third, 7 days after the due date).
 * - The funding decision: one reminder when the waiting period is over, the escalation the profile's
 *   last reminder offset later (Leine-Weser: a week).
 */
export function schedule(deadline: Pick<Deadline, 'kind' | 'due'>, rules: ReportRules): FollowUpAction[] {
  const over = dueAt(deadline.due);
  if (deadline.kind === 'funding_decision')
    return [
      { key: 'remind:wait', kind: 'remind', at: over },
      {
        key: 'escalate',
        kind: 'escalate',
        at: startOfDayBerlin(addDays(deadline.due, 1 + fundingGraceDays(rules))),
      },
    ];
  const offsets = [...new Set(rules.reminderDaysRelative)].sort((a, b) => a - b);
  const reminders: FollowUpAction[] = offsets.map((offset) => ({
    key: `remind:${offset}`,
    kind: 'remind',
    at: reminderAt(deadline.due, offset),
    offset,
  }));
  const nth = reminders[Math.min(rules.escalateAfterReminders, reminders.length) - 1];
  const escalateAt = new Date(Math.max(over.getTime(), nth?.at.getTime() ?? 0));
  return [...reminders, { key: 'escalate', kind: 'escalate' as const, at: escalateAt }].sort(byTime);
}

/** What is left to do: nothing once the applicant has handed in (or the deadline is closed). */
export function pendingActions(deadline: Deadline, rules: ReportRules): FollowUpAction[] {
  if (deadline.state !== 'open') return [];
  return schedule(deadline, rules).filter((action) => !deadline.done.includes(action.key));
}

/** When the job must next look at the deadline; undefined: nothing left (it leaves the due index). */
export function nextActionAt(deadline: Deadline, rules: ReportRules): Date | undefined {
  return pendingActions(deadline, rules)[0]?.at;
}

export interface DueActions {
  /** The reminders whose time has come; one mail covers them (the latest names the state). */
  reminders: FollowUpAction[];
  escalate: boolean;
}

/** What the job has to do for a deadline at `now`. */
export function dueActions(deadline: Deadline, rules: ReportRules, now: Date): DueActions {
  const due = pendingActions(deadline, rules).filter((action) => action.at.getTime() <= now.getTime());
  return {
    reminders: due.filter((a) => a.kind === 'remind'),
    escalate: due.some((a) => a.kind === 'escalate'),
  };
}

/** The deadline with these actions recorded as done. */
export const markDone = (deadline: Deadline, keys: readonly string[]): Deadline => ({
  ...deadline,
  done: [...new Set([...deadline.done, ...keys])],
  revision: deadline.revision + 1,
});

export const isOverdue = (deadline: Pick<Deadline, 'due'>, now: Date) =>
  now.getTime() >= dueAt(deadline.due).getTime();

/** A new deadline: the funding wait after an endorsing Votum, the final report, an interim report. */
export function newDeadline(input: {
  sketchId: string;
  id: string;
  kind: DeadlineKind;
  label?: string;
  due: string;
  project: Deadline['project'];
  by: string;
  now: Date;
}): Deadline {
  return {
    sketchId: input.sketchId,
    id: input.id,
    kind: input.kind,
    label: input.label ?? kindLabels[input.kind],
    due: input.due,
    state: 'open',
    done: [],
    revision: 1,
    project: input.project,
    createdAt: input.now.toISOString(),
    createdBy: input.by,
    reviews: [],
    moves: [],
  };
}

/**
 * The deadline with a new due date: its reminders and escalation are armed again for it (the job
 * sends at most one reminder for those whose time has already come, naming the new date).
 */
export function moveDue(
  deadline: Deadline,
  due: string,
  change: { by: string; now: Date; reason: string },
): Deadline {
  if (due === deadline.due) return deadline;
  return {
    ...deadline,
    due,
    done: [],
    revision: deadline.revision + 1,
    moves: [
      ...deadline.moves,
      { from: deadline.due, to: due, at: change.now.toISOString(), by: change.by, reason: change.reason },
    ],
  };
}

const isReport = (deadline: Deadline) => deadline.kind !== 'funding_decision';

/** The applicant reports the funding decision: the wait is over, the office confirms next. */
export function fundingReported(deadline: Deadline): Deadline {
  if (deadline.state !== 'open' && deadline.state !== 'submitted')
    throw new ConflictError(followUpErrors.alreadyConfirmed, 'already_confirmed');
  return { ...deadline, state: 'submitted', revision: deadline.revision + 1 };
}

/** The office confirmed the funding decision: the deadline is done. */
export function fundingConfirmed(deadline: Deadline): Deadline {
  if (deadline.state !== 'submitted') throw new ConflictError(followUpErrors.notReported, 'not_reported');
  return { ...deadline, state: 'accepted', revision: deadline.revision + 1 };
}

/** The applicant hands in a report (again, while the office has not reviewed it). */
export function reportSubmitted(deadline: Deadline, content: ReportContent, by: string, now: Date): Deadline {
  if (!isReport(deadline)) throw new ConflictError(followUpErrors.notAReport, 'not_a_report');
  if (deadline.state !== 'open' && deadline.state !== 'submitted')
    throw new ConflictError(
      deadline.state === 'accepted' ? followUpErrors.reportAccepted : followUpErrors.reportNotExpected,
      'report_closed',
    );
  return {
    ...deadline,
    state: 'submitted',
    report: { ...content, submittedAt: now.toISOString(), submittedBy: by },
    revision: deadline.revision + 1,
  };
}

/**
 * The office accepts a report, or asks for more: the report is open again, due by `due` (the same
 * date while it is still ahead, else the date the office sets).
 */
export function reportReviewed(
  deadline: Deadline,
  review: { decision: 'accepted' | 'more'; note?: string | undefined; due?: string | undefined },
  by: string,
  now: Date,
): Deadline {
  if (!isReport(deadline)) throw new ConflictError(followUpErrors.notAReport, 'not_a_report');
  if (deadline.state !== 'submitted')
    throw new ConflictError(followUpErrors.noReportToReview, 'not_submitted');
  const reviewed: Deadline = {
    ...deadline,
    state: review.decision === 'accepted' ? 'accepted' : 'open',
    reviews: [
      ...deadline.reviews,
      { at: now.toISOString(), by, decision: review.decision, ...(review.note ? { note: review.note } : {}) },
    ],
    revision: deadline.revision + 1,
  };
  if (review.decision === 'accepted' || !review.due) return reviewed;
  return moveDue(reviewed, review.due, { by, now, reason: 'Nachforderung' });
}

/** An interim report still open when the project closes is no longer expected. */
export const cancelled = (deadline: Deadline): Deadline => ({
  ...deadline,
  state: 'cancelled',
  revision: deadline.revision + 1,
});

/** Whether a deadline is still awaited by someone (it shows in the overview and the calendar). */
export const isOpen = (deadline: Pick<Deadline, 'state'>) =>
  deadline.state === 'open' || deadline.state === 'submitted';

/** What is missing, as a reminder names it. */
export function missingText(deadline: Pick<Deadline, 'kind' | 'label'>): string {
  if (deadline.kind === 'funding_decision') return t.missingFundingDecision;
  return t.missingReport(deadline.kind === 'final_report' ? undefined : deadline.label);
}

// ---- The report form ----------------------------------------------------------------------------

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The report to store, or the problems at their fields. With the NBank Sachbericht attached the form
 * may stay empty; without it, course, every indicator and the continuation are needed. The final
 * report always gives the ESF funds spent (the budget counts them).
 */
export function reportContent(
  input: ReportRequest,
  expected: readonly ExpectedResult[],
  kind: DeadlineKind,
): { content: ReportContent } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const final = kind === 'final_report';
  const attached = Boolean(input.attachmentId);
  const need = (field: 'course' | 'continuation', label: string) => {
    if (!attached && (input[field]?.length ?? 0) < 20)
      problems.push({
        field,
        message: t.reportTooShort(label),
      });
  };
  need('course', t.course);
  const given = input.indicators ?? [];
  if (given.length > 0 || !attached) {
    if (given.length !== expected.length)
      problems.push({
        field: 'indicators',
        message: t.indicatorsMissing(expected.length),
      });
    given.forEach((row, i) => {
      if (!row.achieved) problems.push({ field: `indicators.${i}.achieved`, message: t.achievedMissing });
    });
  }
  need('continuation', t.continuation);
  if (final && input.spentCents === undefined)
    problems.push({
      field: 'spentCents',
      message: t.spentMissing,
    });
  if (problems.length) return { problems };
  const indicators = given.map((row, i) => ({
    result: expected[i]?.result ?? '',
    indicator: expected[i]?.indicator ?? '',
    target: expected[i]?.target ?? '',
    achieved: row.achieved,
    ...(row.comment ? { comment: row.comment } : {}),
  }));
  return {
    content: {
      ...(input.course ? { course: input.course } : {}),
      ...(indicators.length ? { indicators } : {}),
      ...(input.continuation ? { continuation: input.continuation } : {}),
      ...(final && input.spentCents !== undefined ? { spentCents: input.spentCents } : {}),
      ...(input.attachmentId ? { attachmentId: input.attachmentId } : {}),
      ...(input.note ? { note: input.note } : {}),
    },
  };
}

// ---- Who waits on whom, and the overview ------------------------------------------------------------

export const officeParty = (profile: Pick<AllianceProfile, 'office'>): Party => ({
  role: 'office',
  name: profile.office.name,
});

/** Who waits on whom for a deadline that is still open. */
export function waitingFor(deadline: Deadline, office: Party): Waiting {
  const applicant: Party = { role: 'applicant', name: deadline.project.organisation || t.applicant };
  const awaited = deadline.state === 'open';
  if (deadline.kind === 'funding_decision')
    return awaited
      ? { by: office, on: applicant, what: t.reportFunding }
      : { by: applicant, on: office, what: t.confirmFunding };
  return awaited
    ? { by: office, on: applicant, what: t.submitReport(deadline.label) }
    : { by: applicant, on: office, what: t.reviewReport(deadline.label) };
}

export type OverviewKind = DeadlineKind | 'vote';

export function deadlineOverviewItem(
  deadline: Deadline,
  rules: ReportRules,
  office: Party,
  now: Date,
  today: string,
): OverviewItem {
  const next = nextActionAt(deadline, rules);
  return {
    id: `deadline-${deadline.sketchId}-${deadline.id}`,
    kind: deadline.kind,
    label: deadline.label,
    title: deadline.project.title,
    due: deadline.due,
    overdue: deadline.state === 'open' && isOverdue(deadline, now),
    daysLeft: daysBetween(today, deadline.due),
    waiting: waitingFor(deadline, office),
    sketchId: deadline.sketchId,
    deadlineId: deadline.id,
    ...(next ? { nextActionAt: next.toISOString() } : {}),
    escalated: deadline.done.includes('escalate'),
    path: `/verwaltung/skizzen/${encodeURIComponent(deadline.sketchId)}/foerderung`,
  };
}

export interface OpenVoteFacts {
  id: string;
  deadline: string;
  sketchTitles: string[];
  seats: number;
  /** Seats that still have something to vote on. */
  pendingSeats: number;
}

export function voteOverviewItem(
  vote: OpenVoteFacts,
  office: Party,
  decisionBody: string,
  now: Date,
  today: string,
): OverviewItem {
  const title =
    vote.sketchTitles.length === 1 ? (vote.sketchTitles[0] ?? '') : `${vote.sketchTitles.length} Skizzen`;
  return {
    id: `vote-${vote.id}`,
    kind: 'vote',
    label: 'Umlaufverfahren',
    title,
    due: vote.deadline,
    overdue: isOverdue({ due: vote.deadline }, now),
    daysLeft: daysBetween(today, vote.deadline),
    waiting: {
      by: office,
      on: { role: 'steering_group', name: decisionBody },
      what: t.seatsPending(vote.pendingSeats, vote.seats),
    },
    voteId: vote.id,
    path: `/verwaltung/abstimmungen/${encodeURIComponent(vote.id)}`,
  };
}

/** Everything overdue and everything due in the next `weeks` weeks, or at all without `weeks`. */
export function overview(items: readonly OverviewItem[], today: string, weeks?: number): Overview {
  const until = weeks === undefined ? undefined : addDays(today, weeks * 7);
  const sorted = [...items].sort((a, b) => compareText(a.due, b.due) || compareText(a.id, b.id));
  return {
    today,
    ...(until ? { until, weeks } : {}),
    overdue: sorted.filter((item) => item.overdue),
    upcoming: sorted.filter((item) => !item.overdue && (!until || item.due <= until)),
  };
}

// ---- How a deadline looks to its pages -----------------------------------------------------------

export function deadlineView(deadline: Deadline, rules: ReportRules, office: Party, now: Date): DeadlineView {
  const { done, project: _project, sketchId: _sketch, ...rest } = deadline;
  const actions = schedule(deadline, rules);
  const escalation = actions.find((a) => a.kind === 'escalate');
  const next = nextActionAt(deadline, rules);
  return {
    ...rest,
    overdue: deadline.state === 'open' && isOverdue(deadline, now),
    waiting: waitingFor(deadline, office),
    reminders: actions
      .filter((a) => a.kind === 'remind')
      .map((a) => ({
        at: a.at.toISOString(),
        ...(a.offset !== undefined ? { offset: a.offset } : {}),
        sent: done.includes(a.key),
      })),
    ...(escalation
      ? { escalation: { at: escalation.at.toISOString(), done: done.includes('escalate') } }
      : {}),
    ...(next ? { nextActionAt: next.toISOString() } : {}),
  };
}

/** The due date a report asked for more gets: the old one while still ahead, else two weeks from today. */
export function dueAfterMore(current: string, asked: string | undefined, today: string): string {
  if (asked) return asked;
  return current > today ? current : addDays(today, 14);
}
