import { randomUUID } from 'node:crypto';
import type { AttachmentKind } from '../core/attachments.ts';
import { berlinDate, runtimeMonths } from '../core/dates.ts';
import { ConflictError, InputError, NotFoundError } from '../core/errors.ts';
import {
  type Deadline,
  deadlineOverviewItem,
  deadlineView,
  type ExpectedResult,
  type FollowUpDoc,
  fundingDeadlineId,
  fundingDecisionDue,
  fundingDifferences,
  newDeadline,
  type OverviewItem,
  officeParty,
  type Requested,
  voteOverviewItem,
} from '../core/followup.ts';
import * as followUpErrors from '../core/followup-texts/errors.de.ts';
import { after, type Role, type TransitionRule } from '../core/lifecycle.ts';
import { reminderRecipients } from '../core/vote.ts';
import type { MailContent } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import { getAttachment } from '../store/attachments.ts';
import { isConditionFailure } from '../store/errors.ts';
import { deadlinePut, getDeadlines, openDeadlines } from '../store/followup.ts';
import type { OutboxMail } from '../store/outbox.ts';
import type { SketchRecord, TransactItem } from '../store/sketches.ts';
import { openVotes, seatStates, sketchTitles } from '../store/votes.ts';
import type { Caller } from './caller.ts';
import { commitSketchChange, loadSketch } from './sketches.ts';

/*
 * The shell around what follows the Votum, shared by its handlers: who may see it, the document the
 * pages read, and storing a change (the sketch, its audit event, its deadlines and their mails) in
 * one transaction, retried when the deadline job changed a deadline meanwhile.
 */

export const followUpLink = (sketchId: string) =>
  `${config().PUBLIC_URL}/skizzen/${encodeURIComponent(sketchId)}/foerderung`;
export const officeFollowUpLink = (sketchId: string) =>
  `${config().PUBLIC_URL}/verwaltung/skizzen/${encodeURIComponent(sketchId)}/foerderung`;
export const deadlinesLink = () => `${config().PUBLIC_URL}/verwaltung/fristen`;

const notYours = () => new NotFoundError(followUpErrors.notYours);

export interface FollowUp {
  sketch: SketchRecord;
  deadlines: Deadline[];
}

/**
 * The sketch and its deadlines for its owner, or (unless `ownerOnly`) an admin; 404 for everyone
 * else, members of the steering group included (they read sketches, not what follows).
 */
export async function loadFollowUp(
  id: string | undefined,
  caller: Caller,
  { ownerOnly = false } = {},
): Promise<FollowUp> {
  const sketch = await loadSketch(id, caller, { ownerOnly });
  if (sketch.ownerEmail !== caller.email && !caller.roles.includes('admin')) throw notYours();
  return { sketch, deadlines: await getDeadlines(sketch.id) };
}

/** The follow-up after a change: the sketch as written, its deadlines as now stored. */
export const getFollowUpAfter = async (sketch: SketchRecord): Promise<FollowUp> => ({
  sketch,
  deadlines: await getDeadlines(sketch.id),
});

export function findDeadline(followUp: FollowUp, id: string | undefined): Deadline {
  const deadline = followUp.deadlines.find((d) => d.id === id);
  if (!deadline) throw new NotFoundError(followUpErrors.unknownDeadline);
  return deadline;
}

/** Refuses a transition the lifecycle does not allow now, before anything else is decided (409). */
export const mustAllow = (sketch: SketchRecord, transition: TransitionRule, role: Role) =>
  after(sketch.status, transition, role);

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the sketch asked for (as submitted), for the differences. */
export function requestedOf(sketch: SketchRecord): Requested {
  const runtime = record(sketch.draft.runtime);
  return { esfCents: sketch.esfCents, start: text(runtime.start), end: text(runtime.end) };
}

/** The sketch's expected results with their indicators: the rows of the report form. */
export function expectedResults(sketch: SketchRecord): ExpectedResult[] {
  const results = record(sketch.draft.project).results;
  return (Array.isArray(results) ? results : []).map((row) => {
    const r = record(row);
    return { result: text(r.result), indicator: text(r.indicator), target: text(r.target) };
  });
}

export const projectOf = (sketch: SketchRecord): Deadline['project'] => ({
  title: sketch.title,
  organisation: sketch.organisation,
  ownerEmail: sketch.ownerEmail,
});

/** The project's end the final report follows: the confirmed decision's end. */
export const projectEnd = (sketch: SketchRecord) =>
  sketch.fundingDecision?.outcome === 'approved' && sketch.fundingDecision.status === 'confirmed'
    ? sketch.fundingDecision.end
    : undefined;

/** What the follow-up pages show (its shape: core/contract/followup-answers.ts). */
export type { FollowUpDoc };

export function followUpDoc(followUp: FollowUp, now: Date): FollowUpDoc {
  const { sketch, deadlines } = followUp;
  const { profile } = config();
  const requested = requestedOf(sketch);
  const votum = sketch.vota?.findLast((v) => v.decision === 'endorsed');
  const decision = sketch.fundingDecision;
  const differences = decision ? fundingDifferences(requested, decision) : undefined;
  const end = projectEnd(sketch);
  // A runtime the sketch never got right has no length.
  let months: number | undefined;
  try {
    months = runtimeMonths(requested.start, requested.end);
  } catch {
    months = undefined;
  }
  if (!Number.isSafeInteger(months)) months = undefined;
  return {
    sketchId: sketch.id,
    title: sketch.title,
    organisation: sketch.organisation,
    status: sketch.status,
    ...(votum ? { votumAt: votum.writtenAt } : {}),
    requested: {
      ...requested,
      ...(months !== undefined ? { months } : {}),
      ...(sketch.costCents ? { costCents: sketch.costCents } : {}),
    },
    ...(decision ? { fundingDecision: decision } : {}),
    ...(differences ? { differences } : {}),
    ...(end ? { projectEnd: end } : {}),
    expectedResults: expectedResults(sketch),
    deadlines: deadlines.map((d) => deadlineView(d, profile.reports, officeParty(profile), now)),
  };
}

/** The wait for the funding decision, armed when the Votum endorses the sketch (write-votum.ts). */
export function fundingWaitItem(sketch: SketchRecord, by: string, now: Date): TransactItem {
  const { reports } = config().profile;
  return deadlinePut(
    newDeadline({
      sketchId: sketch.id,
      id: fundingDeadlineId,
      kind: 'funding_decision',
      due: fundingDecisionDue(berlinDate(now), reports),
      project: projectOf(sketch),
      by,
      now,
    }),
    reports,
    'new',
  );
}

/** An attachment the decision or a report refers to: the owner's, checked, of the right kind. */
export async function mustBeAttached(sketchId: string, attachmentId: string, kind: AttachmentKind) {
  const meta = await getAttachment(sketchId, attachmentId);
  if (meta?.status !== 'ready' || meta.kind !== kind) {
    const message =
      kind === 'funding_decision' ? followUpErrors.attachFundingDecision : followUpErrors.attachReport;
    throw new InputError(message, [{ field: 'attachmentId', message }]);
  }
}

/** A mail of a follow-up change, to the applicant or the office. */
export const mailTo = (
  to: string,
  kind: string,
  sketchId: string,
  content: MailContent,
  now: Date,
): OutboxMail => ({
  id: randomUUID(),
  to,
  kind,
  sketchId,
  createdAt: now.toISOString(),
  ...content,
});

export interface FollowUpChange {
  sketch: SketchRecord;
  caller: Caller;
  role: Role;
  now: Date;
  transition: TransitionRule;
  update?: Partial<SketchRecord>;
  note?: string;
  /** Each deadline as it now is, with the revision it was read at ('new' for a new one). */
  deadlines: { deadline: Deadline; expected: number | 'new' }[];
  mails: OutboxMail[];
}

/**
 * Stores a change after the Votum: the sketch (if nobody changed it since it was read), its audit
 * event, its deadlines (each if still at the revision read) and the mails, in one transaction;
 * then sends the mails. A deadline changed meanwhile (by the job) is a 409 `followup_conflict`.
 */
export async function commitFollowUp({ deadlines, ...change }: FollowUpChange): Promise<SketchRecord> {
  const { reports } = config().profile;
  try {
    return await commitSketchChange({
      ...change,
      also: deadlines.map(({ deadline, expected }) => deadlinePut(deadline, reports, expected)),
    });
  } catch (error) {
    if (!isConditionFailure(error) && (error as { name?: string }).name !== 'TransactionCanceledException')
      throw error;
    throw new ConflictError(followUpErrors.changedElsewhere, 'followup_conflict');
  }
}

/**
 * Runs a load–decide–commit step again when its read went stale meanwhile (the deadline job or
 * another request wrote first): the second attempt decides on what is stored now.
 */
export async function retrying<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const code = error instanceof ConflictError ? error.code : undefined;
      if (i >= attempts || (code !== 'followup_conflict' && code !== 'version_conflict')) throw error;
    }
  }
}

/**
 * Everything someone waits on that is due by `until` (every one without it), overdue items
 * included: open deadlines (a query on their index by due date) and open circulation votes (with
 * the seats still to vote).
 */
export async function collectOverviewItems(now: Date, until = '9999-12-31'): Promise<OverviewItem[]> {
  const { profile } = config();
  const office = officeParty(profile);
  const today = berlinDate(now);
  const deadlines = await openDeadlines(until);
  const votes = (await openVotes()).filter((vote) => vote.deadline <= until);
  const voteItems = await Promise.all(
    votes.map(async (vote) => {
      // The titles only (a projection): the overview names the sketches, it does not show them.
      const [states, titles] = await Promise.all([seatStates(vote), sketchTitles(vote.sketchIds)]);
      return voteOverviewItem(
        {
          id: vote.id,
          deadline: vote.deadline,
          sketchTitles: vote.sketchIds.map((id) => titles.get(id) ?? id),
          seats: vote.seats.length,
          pendingSeats: reminderRecipients(vote, states).length,
        },
        office,
        profile.names.decisionBody.name,
        now,
        today,
      );
    }),
  );
  return [
    ...deadlines.map((d) => deadlineOverviewItem(d, profile.reports, office, now, today)),
    ...voteItems,
  ];
}
