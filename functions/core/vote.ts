import type * as z from 'zod/mini';
import type { ConflictCode } from './contract/conflicts.ts';
import type * as docs from './contract/vote-docs.ts';
import { addDays, dueAt, formatDate } from './dates.ts';
import type { AllianceProfile } from './profile.ts';
import { outcomeLabels, voteRefusals as r, votumDecisionLabels } from './votes.de.ts';

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

export class VoteError extends Error {
  override name = 'VoteError';
  readonly code: ConflictCode | 'reason_missing';
  constructor(code: ConflictCode | 'reason_missing', message: string) {
    super(message);
    this.code = code;
  }
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

/** Who holds a seat's vote right now: the member, or the deputy while it is handed over. */
export function holderOf(seat: VoteSeat, state: SeatState): Person {
  return state.holder === 'deputy' && seat.deputy ? seat.deputy : seat.member;
}

/** The seats `email` may act for in this vote, with the role they act in. */
export function seatsOf(vote: Vote, email: string): { seat: VoteSeat; as: Holder }[] {
  const mine: { seat: VoteSeat; as: Holder }[] = [];
  for (const seat of vote.seats) {
    if (seat.member.email === email) mine.push({ seat, as: 'member' });
    else if (seat.deputy?.email === email) mine.push({ seat, as: 'deputy' });
  }
  return mine;
}

function seatOf(vote: Vote, seatId: string): VoteSeat {
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
 */
export function castBallot(
  vote: Vote,
  state: SeatState,
  previous: Ballot | undefined,
  input: BallotInput,
  email: string,
  now: Date,
): { ballot: Ballot; state: SeatState } {
  mustBeOpen(vote, now);
  const seat = seatOf(vote, input.seatId);
  if (!vote.sketchIds.includes(input.sketchId)) throw new VoteError('no_sketch', r.noSketch);
  const holder = holderOf(seat, state);
  if (holder.email !== email) {
    throw new VoteError('not_holder', state.holder === 'deputy' ? r.handedToDeputy : r.memberOnly);
  }
  if (state.recusedSketchIds.includes(input.sketchId)) throw new VoteError('recused', r.recused);
  const reason = input.reason?.trim();
  if (input.choice === 'object' && !reason) throw new VoteError('reason_missing', r.reasonMissing);
  const comment = input.comment?.trim();
  const ballot: Ballot = {
    voteId: vote.id,
    sketchId: input.sketchId,
    seatId: seat.id,
    choice: input.choice,
    ...(input.choice === 'object' ? { reason } : {}),
    ...(comment ? { comment } : {}),
    castBy: email,
    castAs: state.holder,
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

/** The member hands the seat's vote to the deputy. */
export function handOver(vote: Vote, state: SeatState, email: string, now: Date): SeatState {
  mustBeOpen(vote, now);
  const seat = seatOf(vote, state.seatId);
  if (seat.member.email !== email) throw new VoteError('not_member', r.handOverMemberOnly);
  if (!seat.deputy) throw new VoteError('no_deputy', r.noDeputy);
  if (state.holder === 'deputy') throw new VoteError('already', r.alreadyHanded);
  return { ...state, holder: 'deputy', revision: state.revision + 1 };
}

/** The member takes the vote back, as long as the deputy has not voted. */
export function takeBack(vote: Vote, state: SeatState, email: string, now: Date): SeatState {
  mustBeOpen(vote, now);
  const seat = seatOf(vote, state.seatId);
  if (seat.member.email !== email) throw new VoteError('not_member', r.takeBackMemberOnly);
  if (state.holder !== 'deputy') throw new VoteError('not_handed', r.notHanded);
  if (state.deputyVoted) throw new VoteError('deputy_voted', r.deputyVoted);
  return { ...state, holder: 'member', revision: state.revision + 1 };
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
    const state = states.find((s) => s.seatId === seat.id) ?? initialSeatState(seat.id);
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
    const state = states.find((s) => s.seatId === seat.id) ?? initialSeatState(seat.id);
    return hasPending(vote, state) ? [{ seat, to: holderOf(seat, state) }] : [];
  });
}

// ---- The outcome ---------------------------------------------------------------------------------

export type DecisionRule = AllianceProfile['steeringGroup']['decisionRule'];
export const outcomeResults = ['endorsed', 'not_endorsed', 'no_consensus', 'no_quorum'] as const;
export type OutcomeResult = (typeof outcomeResults)[number];
export { outcomeLabels };

export type Outcome = z.output<typeof docs.outcome>;

/**
 * The outcome per sketch under the profile's rule. Recused seats are out of the quorum.
 * - consensus: endorsed if nobody objects and the quorum voted; an objection means no consensus.
 * - majority: endorsed if the quorum voted and approvals outnumber objections; else not endorsed.
 * - no_objection: silence counts as consent, so there is no quorum; endorsed unless somebody objects.
 * Without the quorum (consensus, majority) there is no decision: the sketch goes to a meeting.
 */
export function tally(
  sketchId: string,
  seats: readonly VoteSeat[],
  recusedSeatIds: readonly string[],
  ballots: readonly Pick<Ballot, 'seatId' | 'choice' | 'castAs'>[],
  rule: DecisionRule,
  quorumBp: number,
): Outcome {
  const eligibleSeats = seats.filter((s) => !recusedSeatIds.includes(s.id));
  const counted = ballots.filter((b) => eligibleSeats.some((s) => s.id === b.seatId));
  const counts: Record<BallotChoice, number> = { approve: 0, object: 0, abstain: 0 };
  for (const ballot of counted) counts[ballot.choice] += 1;
  const eligible = eligibleSeats.length;
  const quorumMet = eligible > 0 && counted.length * 10_000 >= quorumBp * eligible;
  let result: OutcomeResult;
  if (rule === 'no_objection') result = counts.object > 0 ? 'not_endorsed' : 'endorsed';
  else if (rule === 'consensus')
    result = counts.object > 0 ? 'no_consensus' : quorumMet ? 'endorsed' : 'no_quorum';
  else result = !quorumMet ? 'no_quorum' : counts.approve > counts.object ? 'endorsed' : 'not_endorsed';
  return {
    sketchId,
    result,
    counts,
    voted: counted.map((b) => ({ seatId: b.seatId, choice: b.choice, castAs: b.castAs })),
    recusedSeatIds: seats.filter((s) => recusedSeatIds.includes(s.id)).map((s) => s.id),
    silentSeatIds: eligibleSeats.filter((s) => !counted.some((b) => b.seatId === s.id)).map((s) => s.id),
    eligible,
    quorumMet,
  };
}

/** Outcomes for every sketch of a vote from the seats' states and the ballots. */
export function voteOutcomes(
  vote: Vote,
  states: readonly SeatState[],
  ballots: readonly Ballot[],
  profile: AllianceProfile,
): Outcome[] {
  const { decisionRule, quorumBp } = profile.steeringGroup;
  return vote.sketchIds.map((sketchId) =>
    tally(
      sketchId,
      vote.seats,
      states.filter((s) => s.recusedSketchIds.includes(sketchId)).map((s) => s.seatId),
      ballots.filter((b) => b.sketchId === sketchId),
      decisionRule,
      quorumBp,
    ),
  );
}

export const outcomeSources = ['circulation', 'meeting'] as const;

/** An outcome as the sketch keeps it, from a circulation vote or a meeting. */
export type SketchOutcome = z.output<typeof docs.sketchOutcome>;

export const votumDecisions = ['endorsed', 'not_endorsed', 'deferred'] as const;
export type VotumDecision = (typeof votumDecisions)[number];
export { votumDecisionLabels };
export const assessments = ['met', 'not_met', 'not_assessed'] as const;
export type Assessment = (typeof assessments)[number];

/** The Votum of the steering group on one sketch, written by the office from the outcome. */
export type Votum = z.output<typeof docs.votum>;

/** The lifecycle transition a Votum's decision makes. */
export const votumTransition = {
  endorsed: 'endorse',
  not_endorsed: 'notEndorse',
  deferred: 'defer',
} as const;

// ---- Meetings --------------------------------------------------------------------------------------

export const presences = ['member', 'deputy', 'absent'] as const;
export type Presence = (typeof presences)[number];

/** What a meeting can decide on a sketch (it has no quorum rule of its own). */
export const meetingResults = ['endorsed', 'not_endorsed', 'no_consensus'] as const;

export type MeetingDecision = z.output<typeof docs.meetingDecision>;

/** A meeting of the steering group as the office records it; seats as they were that day. */
export type Meeting = z.output<typeof docs.meeting>;

/** A meeting's decision as the same outcome record a circulation vote yields. */
export function meetingOutcome(meeting: Meeting, decision: MeetingDecision, quorumBp: number): SketchOutcome {
  const present = meeting.attendance.filter((a) => a.presence !== 'absent').map((a) => a.seat.id);
  const eligible = present.filter((id) => !decision.recusedSeatIds.includes(id));
  return {
    sketchId: decision.sketchId,
    result: decision.result,
    counts: decision.counts ?? { approve: 0, object: 0, abstain: 0 },
    voted: [],
    recusedSeatIds: decision.recusedSeatIds,
    silentSeatIds: [],
    eligible: eligible.length,
    quorumMet:
      meeting.attendance.length > 0 && present.length * 10_000 >= quorumBp * meeting.attendance.length,
    source: 'meeting',
    meetingId: meeting.id,
    decidedAt: meeting.recordedAt,
  };
}
