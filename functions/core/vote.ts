import type * as z from 'zod/mini';
import type { ConflictCode } from './contract/conflicts.ts';
import type * as docs from './contract/vote-docs.ts';
import { addDays, dueAt, formatDate } from './dates.ts';
import type { AllianceProfile, CriteriaProfile } from './profile.ts';
import * as transitions from './transitions.ts';
import { outcomeLabels, votumDecisionLabels } from './vote-texts/labels.de.ts';
import * as r from './vote-texts/refusals.de.ts';

/*
 * The steering group's vote (DOMAIN.md, "The vote"), pure: seats with a member and a deputy, a
 * circulation vote with its deadline, hand-over and take-back, conflicts of interest, ballots, the
 * reminders due, and the tally under the profile's decision rule. The shell stores what these
 * functions decide; `now` is always passed in.
 */

// The shapes below are defined once, as the API's schemas (contract/vote-docs.ts), and read here.

export type Person = z.output<typeof docs.person>;

/** A seat of the steering group, as admins keep it. */
export type Seat = z.output<typeof docs.seat>;

/** A seat as a vote holds it: fixed when the vote opens, so later changes affect later votes only. */
export type VoteSeat = Omit<Seat, 'active'>;

export const ballotChoices = ['approve', 'object', 'abstain'] as const;
export type BallotChoice = (typeof ballotChoices)[number];
export const choiceLabels: Record<BallotChoice, string> = {
  approve: 'Zustimmung',
  object: 'Einwand',
  abstain: 'Enthaltung',
};

export const holders = ['member', 'deputy'] as const;
export type Holder = (typeof holders)[number];

/** Where one seat stands in one vote. `revision` guards every change to it against races. */
export type SeatState = z.output<typeof docs.seatState>;

export type Ballot = z.output<typeof docs.ballot>;

/** Why a vote closed: its deadline passed, every seat voted, or an admin closed it. */
export const closeReasons = ['deadline', 'complete', 'admin'] as const;

export type Vote = z.output<typeof docs.vote>;

/**
 * A refusal of the core: a conflict with the vote's state (its code), or bad input (`invalid`,
 * naming the field it is about).
 */
export class VoteError extends Error {
  override name = 'VoteError';
  readonly code: ConflictCode | 'invalid';
  readonly field: string | undefined;
  constructor(code: ConflictCode | 'invalid', message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

const invalid = (field: string, message: string) => new VoteError('invalid', message, field);

/** The steering group's rules of procedure, as the profile states them. */
export type Rules = AllianceProfile['steeringGroup'];

/** What the office states when it acts for a seat (hands it over, records a ballot). */
export interface OfficeAct {
  by: string;
  because: string;
}

function officeReason(act: OfficeAct): string {
  const because = act.because.trim();
  if (!because) throw invalid('because', r.becauseMissing);
  return because;
}

/** The deadline a new vote gets when the admin names none. */
export const defaultDeadline = (profile: AllianceProfile, today: string) =>
  addDays(today, profile.steeringGroup.circulationDays);

export function checkDeadline(deadline: string, today: string): void {
  if (deadline < today) throw new VoteError('deadline_past', r.deadlinePast(formatDate(deadline)));
}

export const isOpen = (vote: Vote, now: Date) => vote.status === 'open' && now < dueAt(vote.deadline);

export const initialSeatState = (seatId: string): SeatState => ({
  seatId,
  holder: 'member',
  deputyVoted: false,
  recusedSketchIds: [],
  votedSketchIds: [],
  revision: 0,
});

/** A seat's state among a vote's: as stored, or as it starts (a seat that has done nothing has no item). */
export const seatStateOf = (states: readonly SeatState[], seatId: string): SeatState =>
  states.find((s) => s.seatId === seatId) ?? initialSeatState(seatId);

/**
 * The deputy representing the member while the seat is handed over: the one named, or (states
 * stored before a seat could have several) the first.
 */
export function representing(
  seat: Pick<VoteSeat, 'deputies'>,
  state: Pick<SeatState, 'holder' | 'deputyEmail'>,
): Person | undefined {
  if (state.holder !== 'deputy') return undefined;
  return seat.deputies.find((d) => d.email === state.deputyEmail) ?? seat.deputies[0];
}

/** Who holds a seat's vote right now: the member, or the representing deputy while it is handed over. */
export function holderOf(
  seat: Pick<VoteSeat, 'member' | 'deputies'>,
  state: Pick<SeatState, 'holder' | 'deputyEmail'>,
): Person {
  return representing(seat, state) ?? seat.member;
}

/** Whether `email` is the member or one of the deputies of a seat. */
export const isOfSeat = (seat: Pick<VoteSeat, 'member' | 'deputies'>, email: string) =>
  seat.member.email === email || seat.deputies.some((d) => d.email === email);

/** The seats `email` may act for in this vote, with the role they act in. */
export function seatsOf(vote: Pick<Vote, 'seats'>, email: string): { seat: VoteSeat; as: Holder }[] {
  const mine: { seat: VoteSeat; as: Holder }[] = [];
  for (const seat of vote.seats) {
    if (seat.member.email === email) mine.push({ seat, as: 'member' });
    else if (seat.deputies.some((d) => d.email === email)) mine.push({ seat, as: 'deputy' });
  }
  return mine;
}

/** The vote's seat by its id; a seat not in the vote is the caller's mistake (`no_seat`). */
export function seatOf(vote: Vote, seatId: string): VoteSeat {
  const seat = vote.seats.find((s) => s.id === seatId);
  if (!seat) throw new VoteError('no_seat', r.noSeat);
  return seat;
}

function mustBeOpen(vote: Vote, now: Date): void {
  if (vote.status !== 'open' || now >= dueAt(vote.deadline))
    throw new VoteError('closed', r.closedUntil(formatDate(vote.deadline)));
}

export interface BallotInput {
  sketchId: string;
  seatId: string;
  choice: BallotChoice;
  reason?: string | undefined;
  comment?: string | undefined;
}

/**
 * A ballot cast (or changed) by `email` for a seat: only while the vote is open, only by whoever
 * holds the seat's vote, never on a sketch the seat is recused from, an objection with its reason.
 * With `office`, the office records the holder's ballot on their behalf, with the reason it states
 * (e.g. „per Telefon“): the ballot is the holder's, and says who recorded it and why.
 */
export function castBallot(
  vote: Vote,
  state: SeatState,
  previous: Ballot | undefined,
  input: BallotInput,
  email: string,
  now: Date,
  office?: OfficeAct,
): { ballot: Ballot; state: SeatState } {
  mustBeOpen(vote, now);
  const seat = seatOf(vote, input.seatId);
  if (!vote.sketchIds.includes(input.sketchId)) throw new VoteError('no_sketch', r.noSketch);
  const holder = holderOf(seat, state);
  const because = office ? officeReason(office) : undefined;
  if (!office && holder.email !== email) {
    throw new VoteError('not_holder', state.holder === 'deputy' ? r.handedToDeputy : r.memberOnly);
  }
  if (state.recusedSketchIds.includes(input.sketchId)) throw new VoteError('recused', r.recused);
  const reason = input.reason?.trim();
  if (input.choice === 'object' && !reason) throw invalid('reason', r.reasonMissing);
  const comment = input.comment?.trim();
  const ballot: Ballot = {
    voteId: vote.id,
    sketchId: input.sketchId,
    seatId: seat.id,
    choice: input.choice,
    ...(input.choice === 'object' ? { reason } : {}),
    ...(comment ? { comment } : {}),
    castBy: holder.email,
    castAs: state.holder,
    ...(office ? { recordedBy: office.by, recordedBecause: because } : {}),
    at: now.toISOString(),
    revision: (previous?.revision ?? 0) + 1,
  };
  return {
    ballot,
    state: {
      ...state,
      deputyVoted: state.deputyVoted || state.holder === 'deputy',
      votedSketchIds: [...new Set([...state.votedSketchIds, input.sketchId])],
      revision: state.revision + 1,
    },
  };
}

/**
 * The member hands the seat's vote to a deputy (the one named; a seat with one deputy needs no
 * name), or the office does it for the member with a stated reason. Refused where the profile
 * gives deputies no vote.
 */
export function handOver(
  vote: Vote,
  state: SeatState,
  email: string,
  now: Date,
  rules: Pick<Rules, 'deputyVotes'>,
  deputyEmail?: string,
  office?: OfficeAct,
): SeatState {
  mustBeOpen(vote, now);
  const seat = seatOf(vote, state.seatId);
  const because = office ? officeReason(office) : undefined;
  if (!office && seat.member.email !== email) throw new VoteError('not_member', r.handOverMemberOnly);
  if (rules.deputyVotes === 'never') throw new VoteError('no_deputy', r.deputiesNoVote);
  if (seat.deputies.length === 0) throw new VoteError('no_deputy', r.noDeputy);
  if (state.holder === 'deputy') throw new VoteError('already', r.alreadyHanded);
  const deputy = deputyEmail
    ? seat.deputies.find((d) => d.email === deputyEmail)
    : seat.deputies.length === 1
      ? seat.deputies[0]
      : undefined;
  if (!deputy) throw invalid('deputy', deputyEmail ? r.notADeputy : r.whichDeputy);
  return {
    ...state,
    holder: 'deputy',
    deputyEmail: deputy.email,
    ...(office ? { handedOverBy: office.by, handOverReason: because } : {}),
    revision: state.revision + 1,
  };
}

/** The member (or the office for the member) takes the vote back, as long as the deputy has not voted. */
export function takeBack(
  vote: Vote,
  state: SeatState,
  email: string,
  now: Date,
  office?: Pick<OfficeAct, 'by'>,
): SeatState {
  mustBeOpen(vote, now);
  const seat = seatOf(vote, state.seatId);
  if (!office && seat.member.email !== email) throw new VoteError('not_member', r.takeBackMemberOnly);
  if (state.holder !== 'deputy') throw new VoteError('not_handed', r.notHanded);
  if (state.deputyVoted) throw new VoteError('deputy_voted', r.deputyVoted);
  const { deputyEmail: _deputy, handedOverBy: _by, handOverReason: _because, ...rest } = state;
  return { ...rest, holder: 'member', revision: state.revision + 1 };
}

/**
 * A conflict of interest of a seat on one sketch, declared by whoever holds the seat's vote or
 * recorded by an admin. A ballot the seat already cast on it no longer counts (the shell deletes it).
 */
export function recuse(
  vote: Vote,
  state: SeatState,
  sketchId: string,
  actor: { email: string; admin: boolean },
  now: Date,
): SeatState {
  if (vote.status !== 'open') throw new VoteError('closed', r.closed);
  if (!actor.admin) mustBeOpen(vote, now);
  const seat = seatOf(vote, state.seatId);
  if (!vote.sketchIds.includes(sketchId)) throw new VoteError('no_sketch', r.noSketch);
  if (!actor.admin && holderOf(seat, state).email !== actor.email)
    throw new VoteError('not_holder', r.recuseHolderOnly);
  if (state.recusedSketchIds.includes(sketchId)) throw new VoteError('already', r.alreadyRecused);
  return {
    ...state,
    recusedSketchIds: [...state.recusedSketchIds, sketchId],
    votedSketchIds: state.votedSketchIds.filter((id) => id !== sketchId),
    revision: state.revision + 1,
  };
}

/** Whether a seat still has something to do: a sketch it is neither recused from nor voted on. */
export const hasPending = (vote: Vote, state: SeatState) =>
  vote.sketchIds.some((id) => !state.recusedSketchIds.includes(id) && !state.votedSketchIds.includes(id));

/** Every seat has voted on every sketch it is not recused from: the vote may close early. */
export const isComplete = (vote: Vote, states: readonly SeatState[]) =>
  vote.seats.every((seat) => {
    const state = seatStateOf(states, seat.id);
    return !hasPending(vote, state);
  });

/** The reminder offsets whose day has come and that were not sent yet, largest first. */
export function remindersDue(vote: Vote, profile: AllianceProfile, now: Date): number[] {
  if (!isOpen(vote, now)) return [];
  return profile.steeringGroup.reminderDaysBefore
    .filter((days) => !vote.remindersSent.includes(days))
    .filter((days) => now >= reminderAt(vote.deadline, days))
    .sort((a, b) => b - a);
}

/** A reminder `days` before the deadline goes out at the start of that day in Berlin. */
export const reminderAt = (deadline: string, days: number) => dueAt(addDays(deadline, -days - 1));

/** When the job must next look at this vote: the next reminder, else the close. */
export function nextDueAt(vote: Vote, profile: AllianceProfile): Date {
  const pending = profile.steeringGroup.reminderDaysBefore
    .filter((days) => !vote.remindersSent.includes(days))
    .map((days) => reminderAt(vote.deadline, days).getTime());
  return new Date(Math.min(dueAt(vote.deadline).getTime(), ...pending));
}

/** Who gets a reminder: the current holder of each seat that still has something to do. */
export function reminderRecipients(
  vote: Vote,
  states: readonly SeatState[],
): { seat: VoteSeat; to: Person }[] {
  return vote.seats.flatMap((seat) => {
    const state = seatStateOf(states, seat.id);
    return hasPending(vote, state) ? [{ seat, to: holderOf(seat, state) }] : [];
  });
}

// ---- The outcome ---------------------------------------------------------------------------------

export type DecisionRule = Rules['decision']['meeting']['rule'];
export const outcomeResults = ['endorsed', 'not_endorsed', 'no_consensus', 'no_quorum'] as const;
export type OutcomeResult = (typeof outcomeResults)[number];
export { outcomeLabels };

export type Outcome = z.output<typeof docs.outcome>;
export type Counts = z.output<typeof docs.counts>;

/** The rule one procedure decides under, with everything the result depends on. */
export type AppliedRule = z.output<typeof docs.appliedRule>;
export type Procedure = keyof Rules['decision'];

/** The profile's rule for a meeting or a circulation vote. */
export function ruleFor(rules: Rules, procedure: Procedure): AppliedRule {
  const { rule, minApprovals, withoutConsensus } = rules.decision[procedure];
  return {
    rule,
    minApprovals,
    withoutConsensus,
    abstentions: rules.abstentions,
    quorumBasis: rules.quorum.basis,
    quorumBp: rules.quorum.shareBp,
  };
}

/** The votes that count as cast: approvals and objections, and abstentions where the rule counts them. */
export const votesCast = (counts: Counts, rule: Pick<AppliedRule, 'abstentions'>) =>
  counts.approve + counts.object + (rule.abstentions === 'cast' ? counts.abstain : 0);

/**
 * The one place a result is decided, from the counts: `present` seats took part (were at the
 * meeting, or answered in writing), `eligible` seats could have (recused seats are neither).
 * - The quorum: `present` (basis present) or the votes cast (basis voting) reach the share of eligible seats.
 * - consensus: an objection means no consensus; else endorsed with the quorum and at least
 *   `minApprovals` approvals — abstentions alone endorse nothing. No consensus means what the
 *   procedure's rule says: not endorsed (a meeting), or on to the next meeting (in writing).
 * - majority: with the quorum, endorsed when approvals are more than half the votes cast (and at
 *   least `minApprovals`); else not endorsed.
 * - no_objection: an objection means not endorsed; else endorsed with the quorum (a profile with
 *   this rule usually sets its share to 0: silence is consent).
 * Without the quorum there is no decision: the sketch goes to a meeting.
 */
export function decideCounts(
  counts: Counts,
  present: number,
  eligible: number,
  rule: AppliedRule,
): { result: OutcomeResult; quorumMet: boolean } {
  const cast = votesCast(counts, rule);
  const taking = rule.quorumBasis === 'present' ? present : cast;
  const quorumMet = eligible > 0 && taking * 10_000 >= rule.quorumBp * eligible;
  const enough = counts.approve >= rule.minApprovals;
  const noConsensus = rule.withoutConsensus === 'not_endorsed' ? 'not_endorsed' : 'no_consensus';
  let result: OutcomeResult;
  if (rule.rule === 'consensus')
    result = counts.object > 0 ? noConsensus : !quorumMet ? 'no_quorum' : enough ? 'endorsed' : noConsensus;
  else if (rule.rule === 'no_objection')
    result =
      counts.object > 0 ? 'not_endorsed' : !quorumMet ? 'no_quorum' : enough ? 'endorsed' : 'not_endorsed';
  else result = !quorumMet ? 'no_quorum' : enough && counts.approve * 2 > cast ? 'endorsed' : 'not_endorsed';
  return { result, quorumMet };
}

/** The counts of the ballots that count: those of eligible seats. */
export function countBallots(ballots: readonly Pick<Ballot, 'choice'>[]): Counts {
  const counts: Counts = { approve: 0, object: 0, abstain: 0 };
  for (const ballot of ballots) counts[ballot.choice] += 1;
  return counts;
}

/**
 * The outcome of a circulation vote on one sketch, from its ballots under `rule`. Recused seats
 * are out of it: their ballots (there should be none) do not count, nor do they count as eligible.
 */
export function tally(
  sketchId: string,
  seats: readonly VoteSeat[],
  recusedSeatIds: readonly string[],
  ballots: readonly Pick<Ballot, 'seatId' | 'choice' | 'castAs'>[],
  rule: AppliedRule,
): Outcome {
  const eligibleSeats = seats.filter((s) => !recusedSeatIds.includes(s.id));
  const counted = eligibleSeats.flatMap((s) => ballots.filter((b) => b.seatId === s.id).slice(0, 1));
  const counts = countBallots(counted);
  const eligible = eligibleSeats.length;
  const { result, quorumMet } = decideCounts(counts, counted.length, eligible, rule);
  return {
    sketchId,
    result,
    counts,
    voted: counted.map((b) => ({ seatId: b.seatId, choice: b.choice, castAs: b.castAs })),
    recusedSeatIds: seats.filter((s) => recusedSeatIds.includes(s.id)).map((s) => s.id),
    silentSeatIds: eligibleSeats.filter((s) => !counted.some((b) => b.seatId === s.id)).map((s) => s.id),
    eligible,
    present: counted.length,
    quorumMet,
    rule,
  };
}

/** Outcomes for every sketch of a vote from the seats' states and the ballots, under the profile's circulation rule. */
export function voteOutcomes(
  vote: Vote,
  states: readonly SeatState[],
  ballots: readonly Ballot[],
  rules: Rules,
): Outcome[] {
  const rule = ruleFor(rules, 'circulation');
  return vote.sketchIds.map((sketchId) =>
    tally(
      sketchId,
      vote.seats,
      states.filter((s) => s.recusedSketchIds.includes(sketchId)).map((s) => s.seatId),
      ballots.filter((b) => b.sketchId === sketchId),
      rule,
    ),
  );
}

export const outcomeSources = ['circulation', 'meeting'] as const;

/** An outcome as the sketch keeps it, from a circulation vote or a meeting. */
export type SketchOutcome = z.output<typeof docs.sketchOutcome>;

/** What a new decision records of the one it overrules (a meeting after a circulation vote). */
export const overruledBy = (earlier: SketchOutcome | undefined): Pick<SketchOutcome, 'overrules'> =>
  earlier
    ? {
        overrules: {
          source: earlier.source,
          ...(earlier.voteId ? { voteId: earlier.voteId } : {}),
          ...(earlier.meetingId ? { meetingId: earlier.meetingId } : {}),
          result: earlier.result,
          decidedAt: earlier.decidedAt,
        },
      }
    : {};

// ---- Who sees what ----------------------------------------------------------------------------------

/** Who looks at a vote's choices: the office, or a member acting for `seatIds`. */
export interface Viewer {
  admin: boolean;
  seatIds: readonly string[];
}

/**
 * Whether a viewer may see the choices (ballots, who voted how) on a sketch: the office always; a
 * member unless one of their seats is recused from it. (Who may read the sketch at all is decided
 * before: its applicant, the office, the members it was put to.) The one rule every answer, mail and export
 * that shows choices applies.
 */
export const maySeeChoices = (viewer: Viewer, recusedSeatIds: readonly string[]) =>
  viewer.admin || !viewer.seatIds.some((id) => recusedSeatIds.includes(id));

/** An outcome as a viewer may see it: without who voted how where they may not see the choices. */
export function outcomeFor<T extends Outcome>(outcome: T, viewer: Viewer): T {
  return maySeeChoices(viewer, outcome.recusedSeatIds) ? outcome : { ...outcome, voted: [] };
}

/** The ballots of a vote a viewer may see: none on a sketch one of their seats is recused from. */
export function ballotsFor<T extends Pick<Ballot, 'sketchId'>>(
  ballots: readonly T[],
  states: readonly Pick<SeatState, 'seatId' | 'recusedSketchIds'>[],
  viewer: Viewer,
): T[] {
  if (viewer.admin) return [...ballots];
  const hidden = new Set(
    states.filter((s) => viewer.seatIds.includes(s.seatId)).flatMap((s) => s.recusedSketchIds),
  );
  return ballots.filter((b) => !hidden.has(b.sketchId));
}

// ---- The Votum -------------------------------------------------------------------------------------

export const votumDecisions = ['endorsed', 'not_endorsed', 'deferred'] as const;
export type VotumDecision = (typeof votumDecisions)[number];
export { votumDecisionLabels };
export const assessments = ['met', 'not_met', 'not_assessed'] as const;
export type Assessment = (typeof assessments)[number];

/** The Votum of the steering group on one sketch, written by the office from the outcome. */
export type Votum = z.output<typeof docs.votum>;

/**
 * The Votum's decision, taken from the outcome, never chosen: endorsed or not as decided; without
 * consensus or quorum the sketch is deferred to the next round (a meeting).
 */
export const votumDecisionOf = (result: OutcomeResult): VotumDecision =>
  result === 'endorsed' ? 'endorsed' : result === 'not_endorsed' ? 'not_endorsed' : 'deferred';

/**
 * The criteria checklist of a Votum: every criterion of the profile once, in its order (one not
 * given is not assessed). Above the cost cap, where the profile says the criteria weigh heavily,
 * every one must be assessed. Unknown criteria are refused, naming the field.
 */
export function votumCriteria(
  given: readonly { id: string; assessment: Assessment }[],
  profile: Pick<CriteriaProfile, 'criteria' | 'funding'>,
  costCents: number,
): { id: string; assessment: Assessment }[] {
  given.forEach((c, i) => {
    if (!profile.criteria.some((known) => known.id === c.id))
      throw invalid(`criteria.${i}.id`, r.unknownCriterion(c.id));
    if (given.findIndex((o) => o.id === c.id) !== i)
      throw invalid(`criteria.${i}.id`, r.criterionTwice(c.id));
  });
  const list = profile.criteria.map((c) => ({
    id: c.id,
    assessment: given.find((g) => g.id === c.id)?.assessment ?? ('not_assessed' as const),
  }));
  if (aboveCostCap(profile, costCents)) {
    const open = profile.criteria.filter(
      (c) => list.find((l) => l.id === c.id)?.assessment === 'not_assessed',
    );
    if (open.length > 0) throw invalid('criteria', r.criteriaAboveCap(open.map((c) => c.name)));
  }
  return list;
}

/** Whether a sketch's total cost is above the cap where the profile has the criteria weigh heavily. */
export const aboveCostCap = (profile: Pick<AllianceProfile, 'funding'>, costCents: number) =>
  profile.funding.assessAllCriteriaAboveCap && costCents > profile.funding.totalCostCapCents;

/** The lifecycle transition a Votum's decision makes. */
export const votumTransition = {
  endorsed: transitions.endorse,
  not_endorsed: transitions.notEndorse,
  deferred: transitions.defer,
} as const;

// ---- Meetings --------------------------------------------------------------------------------------

export const presences = ['member', 'deputy', 'absent'] as const;
export type Presence = (typeof presences)[number];

export type MeetingDecision = z.output<typeof docs.meetingDecision>;
export type Attendance = z.output<typeof docs.attendance>;

/** A meeting of the steering group as the office records it; seats as they were that day. */
export type Meeting = z.output<typeof docs.meeting>;

/** A seat's attendance as the office enters it: by member, by a deputy (named by email where there are several), or absent. */
export interface AttendanceInput {
  seatId: string;
  presence: Presence;
  deputy?: string | undefined;
}

/** A decision as the office enters it: the counts and the recused seats, never the result. */
export interface DecisionInput {
  sketchId: string;
  approve: number;
  object: number;
  abstain: number;
  recusedSeatIds: readonly string[];
}

/**
 * Who was at a meeting, checked against the seats: every active seat (unlisted: absent) and any
 * other known seat listed (one deactivated since). A deputy only where the seat has one (the one
 * named, where it has several) and the profile gives deputies a vote; people are named by name.
 */
export function meetingAttendance(
  input: readonly AttendanceInput[],
  known: readonly Seat[],
  rules: Pick<Rules, 'deputyVotes'>,
): Attendance[] {
  input.forEach((a, i) => {
    if (!known.some((s) => s.id === a.seatId))
      throw invalid(`attendance.${i}.seatId`, r.unknownSeat(a.seatId));
    if (input.findIndex((o) => o.seatId === a.seatId) !== i)
      throw invalid(`attendance.${i}.seatId`, r.seatTwice(a.seatId));
  });
  const group = known.filter((s) => s.active || input.some((a) => a.seatId === s.id));
  return group.map(({ active: _a, ...seat }) => {
    const i = input.findIndex((a) => a.seatId === seat.id);
    const entry = input[i];
    if (!entry || entry.presence === 'absent') return { seat, presence: 'absent' as const };
    if (entry.presence === 'member') return { seat, presence: 'member' as const, name: seat.member.name };
    if (rules.deputyVotes === 'never') throw invalid(`attendance.${i}.presence`, r.deputiesNoVote);
    if (seat.deputies.length === 0) throw invalid(`attendance.${i}.presence`, r.meetingNoDeputy);
    const deputy = entry.deputy
      ? seat.deputies.find((d) => d.email === entry.deputy || d.name === entry.deputy)
      : seat.deputies.length === 1
        ? seat.deputies[0]
        : undefined;
    if (!deputy) throw invalid(`attendance.${i}.deputy`, entry.deputy ? r.notADeputy : r.whichDeputy);
    return { seat, presence: 'deputy' as const, name: deputy.name };
  });
}

/**
 * A meeting's decision on one sketch, checked and computed: the recused seats are seats of the
 * meeting; approvals, objections and abstentions together are at most the seats present and not
 * recused; the quorum comes from the attendance; the result from the counts under the meeting rule.
 */
export function meetingDecision(
  attendance: readonly Attendance[],
  input: DecisionInput,
  index: number,
  rule: AppliedRule,
): MeetingDecision {
  const field = (name: string) => `decisions.${index}.${name}`;
  for (const id of input.recusedSeatIds)
    if (!attendance.some((a) => a.seat.id === id))
      throw invalid(field('recusedSeatIds'), r.recusedUnknown(id));
  const recused = [...new Set(input.recusedSeatIds)];
  const eligible = attendance.filter((a) => !recused.includes(a.seat.id)).length;
  const present = attendance.filter((a) => a.presence !== 'absent' && !recused.includes(a.seat.id)).length;
  const counts = { approve: input.approve, object: input.object, abstain: input.abstain };
  const total = counts.approve + counts.object + counts.abstain;
  if (total > present) throw invalid(field('approve'), r.tooManyVotes(total, present));
  const { result, quorumMet } = decideCounts(counts, present, eligible, rule);
  return { sketchId: input.sketchId, result, counts, recusedSeatIds: recused, quorumMet, rule };
}

/** A meeting's decision as the same outcome record a circulation vote yields. */
export function meetingOutcome(meeting: Meeting, decision: MeetingDecision, quorumBp: number): SketchOutcome {
  const eligible = meeting.attendance.filter((a) => !decision.recusedSeatIds.includes(a.seat.id));
  const present = eligible.filter((a) => a.presence !== 'absent').length;
  const all = meeting.attendance.filter((a) => a.presence !== 'absent').length;
  return {
    sketchId: decision.sketchId,
    result: decision.result,
    counts: decision.counts ?? { approve: 0, object: 0, abstain: 0 },
    voted: [],
    recusedSeatIds: decision.recusedSeatIds,
    silentSeatIds: [],
    eligible: eligible.length,
    present,
    // Meetings stored before the quorum was computed with the decision: as it was computed then.
    quorumMet:
      decision.quorumMet ??
      (meeting.attendance.length > 0 && all * 10_000 >= quorumBp * meeting.attendance.length),
    ...(decision.rule ? { rule: decision.rule } : {}),
    source: 'meeting',
    meetingId: meeting.id,
    decidedAt: meeting.recordedAt,
  };
}
