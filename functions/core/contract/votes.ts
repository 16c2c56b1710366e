import * as z from 'zod/mini';
import { isValidDate } from '../dates.ts';
import { documentMessages } from '../documents.de.ts';
import { email, text } from '../sketch.ts';
import { assessments, ballotChoices, presences, votumDecisions } from '../vote.ts';
import * as ballotMessages from '../vote-texts/ballot.de.ts';
import * as deadlineMessages from '../vote-texts/deadline.de.ts';
import { voteParamLabels } from '../vote-texts/labels.de.ts';
import * as meetingMessages from '../vote-texts/meeting.de.ts';
import * as openVoteMessages from '../vote-texts/open.de.ts';
import * as seatMessages from '../vote-texts/seat.de.ts';
import * as voteSketchMessages from '../vote-texts/sketch.de.ts';
import * as votumMessages from '../vote-texts/votum.de.ts';
import { id, list, page, pageQuery, sketchParams, voteParams } from './common.ts';
import { file, route, unchecked } from './route.ts';
import { sketchDoc } from './sketch-docs.ts';
import { listedMeeting, meeting, myVote, seat, seatList, voteDoc, voteSummary } from './vote-docs.ts';

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`): an answer's shape is built only from source. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * The steering group's routes: seats, circulation votes (ballots, hand-over, recusals, the office's
 * steps), meetings, the Votum and its letter. Every export of this module is a route (index.ts
 * gathers them); the documents they answer are in ./vote-docs.ts.
 *
 * What a route takes is built by its getter on the first read (route.ts), not when a bundle loads,
 * so a function builds only what its requests need. The documents answered are ./vote-docs.ts's,
 * one lazy schema each, shared by the routes that answer with it.
 */

/** A seat's id: what put-seat makes from the institution ([a-z0-9-], at most 60). */
const seatId = () =>
  z
    .string({ error: seatMessages.missing })
    .check(z.minLength(1, seatMessages.missing), z.regex(/^[a-z0-9-]{1,60}$/, seatMessages.shape));
const sketchId = () => id(voteSketchMessages.label);
const seatParams = () => z.strictObject({ id: id(voteParamLabels.vote), seatId: seatId() });

/** A calendar day (YYYY-MM-DD) that exists. */
const day = (missing: string, invalid: string) =>
  z.string({ error: missing }).check(z.refine(isValidDate, invalid));

const person = (who: string) =>
  z.object({ name: text(seatMessages.name(who), 2, 200), email: email(seatMessages.email(who)) });

/** A seat: its member and the deputies who may represent the member (several, e.g. the universities' seat). */
const seatBody = () =>
  z.object({
    institution: text(seatMessages.institution, 2, 200),
    member: person(seatMessages.member),
    deputies: z._default(
      z
        .array(person(seatMessages.deputy), { error: seatMessages.deputiesNotList })
        .check(z.maxLength(3, seatMessages.deputiesTooMany)),
      [],
    ),
    active: z._default(z.boolean({ error: seatMessages.active }), true),
  });

/** Why the office acts for a seat (e.g. „per Telefon“): shown with the act in the vote and its trail. */
const because = () =>
  z
    .string({ error: meetingMessages.because })
    .check(z.trim(), z.minLength(2, meetingMessages.because), z.maxLength(300, meetingMessages.because));

const openVoteBody = () =>
  z.object({
    sketchIds: z
      .array(sketchId(), { error: openVoteMessages.sketchesMissing })
      .check(
        z.minLength(1, openVoteMessages.sketchesNone),
        z.maxLength(10, openVoteMessages.sketchesTooMany),
      ),
    deadline: z.optional(day(deadlineMessages.invalid, deadlineMessages.invalid)),
    /** Why this is decided in writing, where the profile allows that only in individual cases. */
    reason: z.optional(
      z
        .string({ error: openVoteMessages.reasonNotText })
        .check(z.trim(), z.maxLength(500, openVoteMessages.reasonTooLong)),
    ),
  });

const optionalText = (label: string) =>
  z.optional(
    z
      .string({ error: ballotMessages.notText(label) })
      .check(z.maxLength(2000, ballotMessages.tooLong(label))),
  );

const ballotShape = () => ({
  seatId: seatId(),
  sketchId: sketchId(),
  choice: z.enum(ballotChoices, { error: ballotMessages.choice }),
  reason: optionalText(ballotMessages.reason),
  comment: optionalText(ballotMessages.comment),
});
const ballotBody = () => z.object(ballotShape());

/** A ballot the office records on the holder's behalf, with the reason it states. */
const officeBallotBody = () => z.object({ ...ballotShape(), because: because() });

/** Which deputy takes the seat's vote (needed where the seat has several). */
const handOverBody = () => z.object({ deputy: z.optional(email(seatMessages.email(seatMessages.deputy))) });

/** The office hands the seat over for its member, saying why. */
const officeHandOverBody = () =>
  z.object({ deputy: z.optional(email(seatMessages.email(seatMessages.deputy))), because: because() });

const recusalBody = () => z.object({ seatId: seatId(), sketchId: sketchId() });

const extendBody = () => z.object({ deadline: day(deadlineMessages.missing, deadlineMessages.invalid) });

const count = () =>
  z
    .int({
      error: (issue) =>
        issue.input === undefined ? meetingMessages.countMissing : meetingMessages.countNotInt,
    })
    .check(z.gte(0, meetingMessages.countNegative), z.lte(100, meetingMessages.countTooHigh));

const optionalName = (notText: string, tooLong: string) =>
  z.optional(z.string({ error: notText }).check(z.trim(), z.maxLength(200, tooLong)));

const meetingBody = () =>
  z.object({
    date: day(meetingMessages.dateMissing, meetingMessages.dateInvalid),
    place: optionalName(meetingMessages.placeNotText, meetingMessages.placeTooLong),
    invitedOn: z.optional(day(meetingMessages.invitedOnInvalid, meetingMessages.invitedOnInvalid)),
    chair: optionalName(meetingMessages.chairNotText, meetingMessages.chairTooLong),
    agenda: z.optional(
      z
        .array(
          z.object({
            title: z
              .string({ error: meetingMessages.agendaTitle })
              .check(
                z.trim(),
                z.minLength(1, meetingMessages.agendaTitle),
                z.maxLength(300, meetingMessages.agendaTitle),
              ),
            sketchId: z.optional(sketchId()),
            note: z.optional(
              z
                .string({ error: meetingMessages.agendaNote })
                .check(z.trim(), z.maxLength(5000, meetingMessages.agendaNote)),
            ),
          }),
          { error: meetingMessages.agendaNotList },
        )
        .check(z.maxLength(30, meetingMessages.agendaTooMany)),
    ),
    attendance: z.array(
      z.object({
        seatId: seatId(),
        presence: z.enum(presences, { error: meetingMessages.presence }),
        /** The deputy who represented the member (email), where the seat has several. */
        deputy: z.optional(email(meetingMessages.deputy)),
      }),
      { error: meetingMessages.attendanceMissing },
    ),
    // The counts only: the result is computed from them under the profile's rule, never chosen.
    decisions: z
      .array(
        z.object({
          sketchId: sketchId(),
          approve: count(),
          object: count(),
          abstain: count(),
          recusedSeatIds: z._default(z.array(seatId(), { error: meetingMessages.recusedSeats }), []),
        }),
        { error: meetingMessages.decisionsMissing },
      )
      .check(z.minLength(1, meetingMessages.decisionsMissing)),
  });

const votumBody = () =>
  z.object({
    /** Optional: the decision follows from the outcome; one that contradicts it is refused. */
    decision: z.optional(z.enum(votumDecisions, { error: votumMessages.decision })),
    conditions: z.optional(
      z
        .string({ error: votumMessages.conditionsNotText })
        .check(z.trim(), z.maxLength(3000, votumMessages.conditionsTooLong)),
    ),
    criteria: z.array(
      z.object({
        id: id(votumMessages.criterion),
        assessment: z.enum(assessments, { error: votumMessages.assessment }),
      }),
      { error: votumMessages.criteriaMissing },
    ),
    justification: z
      .string({ error: votumMessages.justificationMissing })
      .check(
        z.trim(),
        z.minLength(20, votumMessages.justificationTooShort),
        z.maxLength(5000, votumMessages.justificationTooLong),
      ),
  });

export const listSeats = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/seats',
  summary:
    "The steering group's seats (active or not), in natural order of their ids, and which of their addresses mail no longer reaches.",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-seats.ts',
  answers: { 200: seatList },
}));

export const putSeat = /* @__PURE__ */ route(() => ({
  method: 'PUT',
  path: '/api/admin/seats/{id}',
  summary: 'Creates or changes a seat; votes opened from now on take it as it is then.',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/put-seat.ts',
  get params() {
    return z.strictObject({ id: seatId() });
  },
  get body() {
    return seatBody();
  },
  answers: { 200: seat },
}));

export const openVote = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/votes',
  summary: "Opens a circulation vote on ready sketches; every active seat's member is invited by mail.",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/open-vote.ts',
  sendsMail: true,
  get body() {
    return openVoteBody();
  },
  answers: { 201: voteDoc },
  conflicts: ['wrong_status', 'statements_missing', 'no_seats', 'vote_conflict'],
}));

export const listVotes = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/votes',
  summary: 'The circulation votes, newest first, a page at a time.',
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/list-votes.ts',
  get query() {
    return z.object(pageQuery());
  },
  get answers() {
    return { 200: z.lazy(() => page(voteSummary)) };
  },
}));

export const getVote = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/votes/{id}',
  summary: 'One vote: every seat for the office, the seats they act for for a member.',
  access: ['admin', 'member'],
  group: 'steering',
  entry: 'functions/http/handlers/get-vote.ts',
  get params() {
    return voteParams();
  },
  answers: { 200: voteDoc },
}));

export const myVotes = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/my/votes',
  summary: 'The votes the caller acts in, open ones first, with what is still to do per seat.',
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/my-votes.ts',
  get answers() {
    return { 200: z.lazy(() => list(myVote)) };
  },
}));

export const castBallot = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/votes/{id}/ballots',
  summary: "Casts or changes a seat's ballot on one sketch; the vote closes once every seat has voted.",
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/cast-ballot.ts',
  get params() {
    return voteParams();
  },
  sendsMail: true,
  get body() {
    return ballotBody();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'no_seat', 'no_sketch', 'not_holder', 'recused', 'vote_conflict'],
}));

export const recordBallot = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/votes/{id}/ballots',
  summary:
    "The office records a seat holder's ballot on their behalf, with the stated reason (e.g. by phone).",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/record-ballot.ts',
  get params() {
    return voteParams();
  },
  sendsMail: true,
  get body() {
    return officeBallotBody();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'no_seat', 'no_sketch', 'recused', 'vote_conflict'],
}));

export const handOver = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/votes/{id}/seats/{seatId}/handover',
  summary: "The member hands the seat's vote to the deputy, who is invited by mail.",
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/hand-over.ts',
  get params() {
    return seatParams();
  },
  sendsMail: true,
  get body() {
    return handOverBody();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'no_seat', 'not_member', 'no_deputy', 'already', 'vote_conflict'],
}));

export const officeHandOver = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/votes/{id}/seats/{seatId}/handover',
  summary: "The office hands a seat's vote to a deputy for the member, with the stated reason.",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/office-hand-over.ts',
  get params() {
    return seatParams();
  },
  sendsMail: true,
  get body() {
    return officeHandOverBody();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'no_seat', 'no_deputy', 'already', 'vote_conflict'],
}));

export const takeBack = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/votes/{id}/seats/{seatId}/handover',
  summary: "The member takes the seat's vote back, unless the deputy has voted.",
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/take-back.ts',
  get params() {
    return seatParams();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'no_seat', 'not_member', 'not_handed', 'deputy_voted', 'vote_conflict'],
}));

export const recuseSeat = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/votes/{id}/recusals',
  summary: "A seat's conflict of interest on one sketch, declared by its holder or recorded by the office.",
  access: ['member', 'admin'],
  group: 'steering',
  entry: 'functions/http/handlers/recuse-seat.ts',
  get params() {
    return voteParams();
  },
  get body() {
    return recusalBody();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'no_seat', 'no_sketch', 'not_holder', 'already', 'vote_conflict'],
}));

export const closeVote = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/votes/{id}/close',
  summary: 'The office closes an open vote before its deadline; the outcomes are tallied.',
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/close-vote.ts',
  get params() {
    return voteParams();
  },
  sendsMail: true,
  answers: { 200: voteDoc },
  conflicts: ['closed', 'vote_conflict'],
}));

export const extendVote = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/votes/{id}/extend',
  summary: "Moves an open vote's deadline later; every seat's holder is told with a fresh link.",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/extend-vote.ts',
  get params() {
    return voteParams();
  },
  sendsMail: true,
  get body() {
    return extendBody();
  },
  answers: { 200: voteDoc },
  conflicts: ['closed', 'vote_conflict'],
}));

export const remindVote = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/votes/{id}/remind',
  summary: 'Reminds, by hand, every seat that still has something to vote on.',
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/remind-vote.ts',
  get params() {
    return voteParams();
  },
  sendsMail: true,
  get answers() {
    return {
      200: z.lazy(
        process.env.VOTUM_BUNDLED_ALLIANCE === undefined
          ? () => z.strictObject({ reminded: z.int().check(z.nonnegative()) })
          : unchecked,
      ),
    };
  },
  conflicts: ['closed', 'vote_conflict'],
}));

export const recordMeeting = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/meetings',
  summary: "Records a steering group meeting's attendance and decisions, and orders its minutes.",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/record-meeting.ts',
  get body() {
    return meetingBody();
  },
  sendsMail: true,
  answers: { 201: meeting },
  conflicts: ['in_vote', 'wrong_status', 'vote_conflict'],
}));

export const listMeetings = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/meetings',
  summary: 'The recorded meetings, newest first (at most 100), with the titles of the sketches decided.',
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/list-meetings.ts',
  get answers() {
    return { 200: z.lazy(() => list(listedMeeting)) };
  },
}));

export const meetingMinutes = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/meetings/{id}/minutes',
  summary: 'The minutes of a meeting as PDF, as made when it was recorded.',
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/meeting-minutes.ts',
  get params() {
    return z.strictObject({ id: id(meetingMessages.label) });
  },
  answers: { 200: file('application/pdf') },
  conflicts: ['document_pending', 'document_failed'],
}));

export const circulationRecord = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}/circulation-record',
  summary:
    'The record of a circulation decision on a sketch (Umlaufbeschluss) as PDF: of the vote given, else of the vote that decided it.',
  access: ['applicant', 'admin'],
  group: 'documents',
  entry: 'functions/http/handlers/circulation-record.ts',
  get params() {
    return sketchParams();
  },
  get query() {
    return z.strictObject({ vote: z.optional(id(documentMessages.voteLabel)) });
  },
  answers: { 200: file('application/pdf') },
  conflicts: ['document_pending', 'document_failed'],
}));

export const writeVotum = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/votum',
  summary: "Writes the Votum from the steering group's outcome; its letter is mailed to the applicant.",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/write-votum.ts',
  get params() {
    return sketchParams();
  },
  sendsMail: true,
  get body() {
    return votumBody();
  },
  answers: { 200: sketchDoc },
  conflicts: ['no_outcome', 'wrong_status', 'version_conflict'],
}));

export const votumLetter = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}/votum/letter',
  summary: 'The latest Votum letter of a sketch as PDF: the one that was mailed.',
  access: ['applicant', 'admin'],
  group: 'documents',
  entry: 'functions/http/handlers/votum-letter.ts',
  get params() {
    return sketchParams();
  },
  answers: { 200: file('application/pdf') },
  conflicts: ['document_pending', 'document_failed'],
}));
