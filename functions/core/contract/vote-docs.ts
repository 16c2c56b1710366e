import * as z from 'zod/mini';
import { sketchStatuses } from '../lifecycle.ts';
import { abstentionCounting, decisionRules, quorumBases, withoutConsensus } from '../profile.ts';
import {
  assessments,
  ballotChoices,
  closeReasons,
  holders,
  outcomeResults,
  outcomeSources,
  presences,
  votumDecisions,
} from '../vote.ts';
import { instant, isoDate } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/** Only what a deployed bundle's esbuild defines (see `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * The steering group's documents as the API answers them (and as they are stored): seats, a vote
 * with its seats' states and ballots, outcomes, the Votum, meetings. Each is defined once here; the
 * core's types are derived from these schemas (core/vote.ts), so the web, the handlers and the
 * tests read one definition. Kept apart from ./votes.ts, whose exports are all routes.
 *
 * Built on first use (a request parsed, an answer checked), not when a bundle loads: a function
 * never checks its own answers, so it never builds them (each costs its cold start otherwise).
 */

function build() {
  const count = z.int().check(z.nonnegative());
  const ids = z.array(z.string());

  const person = z.strictObject({ name: z.string(), email: z.string() });

  /**
   * A seat of the steering group, as admins keep it: its member and the deputies who may represent
   * the member (Leine-Weser's universities' seat has two). Items stored with one `deputy` are moved
   * to this shape by the `seatDeputies` migration (store/migrations.ts).
   */
  const seat = z.strictObject({
    id: z.string(),
    institution: z.string(),
    member: person,
    deputies: z.array(person),
    active: z.boolean(),
  });

  /**
   * An address of the seats the portal sends nothing more to: SES reported a permanent bounce or a
   * complaint (functions/store/suppressions.ts). Shown to the office beside the person.
   */
  const undeliverable = z.strictObject({
    address: z.string(),
    reason: z.enum(['bounce', 'complaint']),
    /** SES's word for it (e.g. NoEmail, abuse). */
    detail: z.string(),
    at: z.string(),
  });

  /** The office's list of seats, with the addresses among them that mail does not reach. */
  const seatList = z.strictObject({ items: z.array(seat), undeliverable: z.array(undeliverable) });

  /** A seat as a vote holds it: fixed when the vote opens, so later changes affect later votes only. */
  const voteSeat = z.omit(seat, { active: true });

  const seatStateShape = {
    holder: z.enum(holders),
    /** While handed over: the email of the deputy who represents the member (absent: the first deputy). */
    deputyEmail: z.optional(z.string()),
    /** The office handed the seat over for the member, and why (e.g. „per Telefon“). */
    handedOverBy: z.optional(z.string()),
    handOverReason: z.optional(z.string()),
    /** Once the deputy has voted, the member can no longer take the vote back. */
    deputyVoted: z.boolean(),
    recusedSketchIds: ids,
    votedSketchIds: ids,
    /** Guards every change of the seat's state against races. */
    revision: count,
  };

  /** Where one seat stands in one vote. */
  const seatState = z.strictObject({ seatId: z.string(), ...seatStateShape });

  const ballot = z.strictObject({
    voteId: z.string(),
    sketchId: z.string(),
    seatId: z.string(),
    choice: z.enum(ballotChoices),
    reason: z.optional(z.string()),
    comment: z.optional(z.string()),
    /** Whose vote it is: the seat's holder (member or representing deputy). */
    castBy: z.string(),
    castAs: z.enum(holders),
    /** The office recorded it on the holder's behalf, and why (e.g. „per Telefon“). */
    recordedBy: z.optional(z.string()),
    recordedBecause: z.optional(z.string()),
    at: instant,
    /** 1 for the first ballot, +1 for each change. */
    revision: count,
  });

  /** A circulation vote as stored. */
  const vote = z.strictObject({
    id: z.string(),
    sketchIds: ids,
    seats: z.array(voteSeat),
    /** The last day to vote (Europe/Berlin); the vote closes at the end of it. */
    deadline: isoDate,
    openedAt: instant,
    openedBy: z.string(),
    status: z.enum(['open', 'closed']),
    closedAt: z.optional(instant),
    closedBy: z.optional(z.string()),
    closedBecause: z.optional(z.enum(closeReasons)),
    /** Why this decision is taken in writing, where the profile allows it only in individual cases. */
    reason: z.optional(z.string()),
    /** Reminder offsets (days before the deadline) already sent. */
    remindersSent: z.array(z.int()),
    /** Bumps with every change of the vote itself, so two job runs cannot both send a reminder. */
    revision: count,
  });

  const counts = z.strictObject({ approve: count, object: count, abstain: count });

  /** The rule an outcome was computed under, as the profile stated it then. */
  const appliedRule = z.strictObject({
    rule: z.enum(decisionRules),
    minApprovals: count,
    withoutConsensus: z.optional(z.enum(withoutConsensus)),
    abstentions: z.enum(abstentionCounting),
    quorumBasis: z.enum(quorumBases),
    quorumBp: count,
  });

  /** The outcome of one sketch under the profile's rule. */
  const outcome = z.strictObject({
    sketchId: z.string(),
    result: z.enum(outcomeResults),
    counts,
    /** Seats that voted, with their choice. */
    voted: z.array(
      z.strictObject({ seatId: z.string(), choice: z.enum(ballotChoices), castAs: z.enum(holders) }),
    ),
    recusedSeatIds: ids,
    /** Eligible seats that did not vote. */
    silentSeatIds: ids,
    eligible: count,
    /** Seats present (meeting) or that answered (circulation), recused seats not counted. */
    present: z.optional(count),
    quorumMet: z.boolean(),
    /** The rule applied (absent on outcomes stored before the rules were data). */
    rule: z.optional(appliedRule),
  });

  /** What an outcome overruled: the earlier decision stays in the history, this one has its own basis. */
  const overruled = z.strictObject({
    source: z.enum(outcomeSources),
    voteId: z.optional(z.string()),
    meetingId: z.optional(z.string()),
    result: z.enum(outcomeResults),
    decidedAt: instant,
  });

  /** An outcome as the sketch keeps it, from a circulation vote or a meeting. */
  const sketchOutcome = z.extend(outcome, {
    source: z.enum(outcomeSources),
    voteId: z.optional(z.string()),
    meetingId: z.optional(z.string()),
    decidedAt: instant,
    overrules: z.optional(overruled),
  });

  /** The Votum of the steering group on one sketch, written by the office from the outcome. */
  const votum = z.strictObject({
    decision: z.enum(votumDecisions),
    conditions: z.optional(z.string()),
    criteria: z.array(z.strictObject({ id: z.string(), assessment: z.enum(assessments) })),
    justification: z.string(),
    writtenBy: z.string(),
    writtenAt: instant,
    outcome: sketchOutcome,
  });

  /** What a vote's page shows of a sketch in it (not its draft). */
  const voteSketch = z.strictObject({
    id: z.string(),
    status: z.enum(sketchStatuses),
    title: z.string(),
    organisation: z.string(),
    costCents: z.int(),
    esfCents: z.int(),
    summary: z.string(),
  });

  /**
   * A vote as the caller may see it: admins every seat and ballot; a member the seats they act for
   * (`mySeatIds`) and no ballot on a sketch one of their seats is recused from. `outcomes` once closed.
   */
  const voteDoc = z.extend(z.omit(vote, { seats: true, remindersSent: true }), {
    sketches: z.array(voteSketch),
    seats: z.array(z.strictObject({ ...voteSeat.shape, ...seatStateShape })),
    ballots: z.array(ballot),
    outcomes: z.optional(z.array(sketchOutcome)),
    mySeatIds: z.optional(ids),
  });

  const sketchTitle = z.strictObject({ id: z.string(), title: z.string() });

  /** A vote in the office's list. */
  const voteSummary = z.strictObject({
    id: z.string(),
    sketchIds: ids,
    sketches: z.array(sketchTitle),
    deadline: isoDate,
    status: z.enum(['open', 'closed']),
    openedAt: instant,
    closedAt: z.optional(instant),
    closedBecause: z.optional(z.enum(closeReasons)),
    seatCount: count,
  });

  /** A vote the caller acts in (open, or closed: the sketches stay theirs to read), with what is still to do per seat. */
  const myVote = z.strictObject({
    id: z.string(),
    deadline: isoDate,
    /** Open until the deadline passed or the vote was closed. */
    status: z.enum(['open', 'closed']),
    sketchIds: ids,
    sketches: z.array(sketchTitle),
    seats: z.array(
      z.strictObject({
        seatId: z.string(),
        institution: z.string(),
        as: z.enum(holders),
        /** Whether the caller holds the seat's vote right now. */
        holds: z.boolean(),
        pendingSketchIds: ids,
      }),
    ),
  });

  /**
   * A meeting's decision on one sketch: the counts as recorded, the result computed from them under
   * the profile's rule (meetings stored before that keep the result the office chose then).
   */
  const meetingDecision = z.strictObject({
    sketchId: z.string(),
    result: z.enum(outcomeResults),
    counts: z.optional(counts),
    recusedSeatIds: ids,
    quorumMet: z.optional(z.boolean()),
    rule: z.optional(appliedRule),
  });

  /** A seat at a meeting: present by its member or a deputy (named), or absent. */
  const attendance = z.strictObject({
    seat: voteSeat,
    presence: z.enum(presences),
    /** Who was there for the seat, by name (the minutes name people, not addresses). */
    name: z.optional(z.string()),
  });

  /** An item of the meeting's agenda, about a sketch or not, with a free-text note. */
  const agendaItem = z.strictObject({
    title: z.string(),
    sketchId: z.optional(z.string()),
    note: z.optional(z.string()),
  });

  /** A meeting of the steering group as the office records it; seats as they were that day. */
  const meeting = z.strictObject({
    id: z.string(),
    date: isoDate,
    place: z.optional(z.string()),
    /** The day the invitation went out. */
    invitedOn: z.optional(isoDate),
    /** Who chaired the meeting, by name. */
    chair: z.optional(z.string()),
    agenda: z.optional(z.array(agendaItem)),
    attendance: z.array(attendance),
    decisions: z.array(meetingDecision),
    recordedBy: z.string(),
    recordedAt: instant,
  });

  /** A meeting in the office's list, each decision with its sketch's title. */
  const listedMeeting = z.extend(meeting, {
    decisions: z.array(z.extend(meetingDecision, { title: z.string() })),
  });
  return {
    person,
    seat,
    seatList,
    voteSeat,
    seatState,
    ballot,
    vote,
    counts,
    appliedRule,
    outcome,
    sketchOutcome,
    votum,
    voteSketch,
    voteDoc,
    voteSummary,
    myVote,
    meetingDecision,
    attendance,
    agendaItem,
    meeting,
    listedMeeting,
  };
}

/** Built on first use; in a deployed bundle never (see `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const person = /* @__PURE__ */ z.lazy(() => schemas().person);
export const seat = /* @__PURE__ */ z.lazy(() => schemas().seat);
export const seatList = /* @__PURE__ */ z.lazy(() => schemas().seatList);
export const voteSeat = /* @__PURE__ */ z.lazy(() => schemas().voteSeat);
export const seatState = /* @__PURE__ */ z.lazy(() => schemas().seatState);
export const ballot = /* @__PURE__ */ z.lazy(() => schemas().ballot);
export const vote = /* @__PURE__ */ z.lazy(() => schemas().vote);
export const counts = /* @__PURE__ */ z.lazy(() => schemas().counts);
export const outcome = /* @__PURE__ */ z.lazy(() => schemas().outcome);
export const sketchOutcome = /* @__PURE__ */ z.lazy(() => schemas().sketchOutcome);
export const votum = /* @__PURE__ */ z.lazy(() => schemas().votum);
export const voteSketch = /* @__PURE__ */ z.lazy(() => schemas().voteSketch);
export const voteDoc = /* @__PURE__ */ z.lazy(() => schemas().voteDoc);
export const voteSummary = /* @__PURE__ */ z.lazy(() => schemas().voteSummary);
export const myVote = /* @__PURE__ */ z.lazy(() => schemas().myVote);
export const meetingDecision = /* @__PURE__ */ z.lazy(() => schemas().meetingDecision);
export const attendance = /* @__PURE__ */ z.lazy(() => schemas().attendance);
export const agendaItem = /* @__PURE__ */ z.lazy(() => schemas().agendaItem);
export const appliedRule = /* @__PURE__ */ z.lazy(() => schemas().appliedRule);
export const meeting = /* @__PURE__ */ z.lazy(() => schemas().meeting);
export const listedMeeting = /* @__PURE__ */ z.lazy(() => schemas().listedMeeting);

export type VoteDoc = z.output<typeof voteDoc>;
export type VoteSummary = z.output<typeof voteSummary>;
export type MyVote = z.output<typeof myVote>;
export type ListedMeeting = z.output<typeof listedMeeting>;
