import { randomBytes, randomUUID } from 'node:crypto';
import type { VoteDoc } from '../core/contract/vote-docs.ts';
import { dueAt } from '../core/dates.ts';
import { NotFoundError } from '../core/errors.ts';
import * as transitions from '../core/transitions.ts';
import {
  ballotsFor,
  holderOf,
  isComplete,
  nextDueAt,
  outcomeFor,
  outcomeLabels,
  type Person,
  type SeatState,
  type SketchOutcome,
  seatOf,
  seatStateOf,
  seatsOf,
  type Viewer,
  type Vote,
  voteOutcomes,
} from '../core/vote.ts';
import * as voteStateMessages from '../core/vote-texts/state.de.ts';
import {
  decisionStepMail,
  type MailContent,
  type VoteMailSketch,
  voteClosedMail,
  voteOpenedMail,
} from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import { tokenHash } from '../platform/secret.ts';
import { tokenItem } from '../store/auth.ts';
import { documentIds, documentOrderItem } from '../store/documents.ts';
import { type OutboxMail, outboxItem } from '../store/outbox.ts';
import type { SketchRecord, TransactItem } from '../store/sketches.ts';
import {
  getSketches,
  loadVote,
  putSeatState,
  putVoteItem,
  seatStateUnchanged,
  type VoteRecord,
  voteEventItem,
  voteIsOpen,
  writeVoteChange,
} from '../store/votes.ts';
import type { Caller } from './caller.ts';
import { circulationRecord } from './documents.ts';
import { ownerMail } from './notices.ts';
import { deliverNow, withSealedLink } from './outbox.ts';
import { sketchLink } from './sketches.ts';
import { sketchTransition } from './transition.ts';

/*
 * The shell around a vote shared by its handlers: who may see it, what they see, mails that sign
 * their recipient in, and storing a seat's change or the close in one transaction.
 */

const notYours = () => new NotFoundError(voteStateMessages.notYours);

export const voteLink = (id: string) => `/abstimmungen/${encodeURIComponent(id)}`;

/** The vote, if the caller is an admin or acts for one of its seats; else 404. */
export async function loadVoteFor(id: string | undefined, caller: Caller): Promise<VoteRecord> {
  const record = id ? await loadVote(id) : undefined;
  if (!record) throw notYours();
  if (!caller.roles.includes('admin') && seatsOf(record.vote, caller.email).length === 0) throw notYours();
  return record;
}

/** A vote read again after this request changed it: votes are never deleted, so it is there. */
export async function reloadVote(id: string): Promise<VoteRecord> {
  const record = await loadVote(id);
  if (!record) throw new Error(`vote ${id} vanished after a change`);
  return record;
}

/** The vote as the API answers it: defined once, as the contract's schema. */
export type { VoteDoc };

type VoteSketch = Pick<
  SketchRecord,
  'id' | 'status' | 'title' | 'organisation' | 'costCents' | 'esfCents' | 'outcome'
> & { draft?: { project?: { summary?: unknown } } };
const voteSketchAttributes = [
  'id',
  'status',
  'title',
  'organisation',
  'costCents',
  'esfCents',
  'outcome',
  'draft.project.summary',
] as const;

/** Who the caller is to a vote's choices: the office, or a member acting for their seats in it (core/vote.ts `maySeeChoices`). */
export const viewerOf = (vote: Pick<Vote, 'seats'>, caller: Caller): Viewer => ({
  admin: caller.roles.includes('admin'),
  seatIds: seatsOf(vote, caller.email).map((s) => s.seat.id),
});

/**
 * The vote as the caller may see it. Admins see everything; a member sees the seats they act for,
 * and no ballot, comment or choice on a sketch one of their seats is recused from (the one rule:
 * core/vote.ts `maySeeChoices`), before and after the close.
 */
export async function voteDoc(record: VoteRecord, caller: Caller): Promise<VoteDoc> {
  const { vote, states, ballots } = record;
  const viewer = viewerOf(vote, caller);
  const { admin, seatIds: mine } = viewer;
  // What a vote's page shows of its sketches, not their drafts (a projection: less to move and read).
  const sketches = await getSketches<VoteSketch>(vote.sketchIds, voteSketchAttributes);
  const { remindersSent: _sent, seats, ...rest } = vote;
  return {
    ...rest,
    sketches: sketches.map((s) => ({
      id: s.id,
      status: s.status,
      title: s.title,
      organisation: s.organisation,
      costCents: s.costCents,
      esfCents: s.esfCents,
      summary: String(s.draft?.project?.summary ?? ''),
    })),
    seats: seats
      .filter((seat) => admin || mine.includes(seat.id))
      .map((seat) => {
        const { seatId: _id, ...state } = seatStateOf(states, seat.id);
        return { ...seat, ...state };
      }),
    ballots: ballotsFor(ballots, states, viewer),
    ...(vote.status === 'closed' ? { outcomes: closedOutcomes(vote, record, sketches, viewer) } : {}),
    ...(admin ? {} : { mySeatIds: [...mine] }),
  };
}

/**
 * A closed vote's outcome per sketch: the one the sketch keeps from this vote, or (once a meeting
 * overruled it, or the Votum deferred it) the vote's own tally again — computed, never stored apart.
 */
function closedOutcomes(
  vote: Vote,
  record: VoteRecord,
  sketches: Pick<SketchRecord, 'id' | 'outcome'>[],
  viewer: Viewer,
): SketchOutcome[] {
  const tallied = voteOutcomes(vote, record.states, record.ballots, config().profile.steeringGroup);
  return vote.sketchIds.flatMap((id) => {
    const kept = sketches.find((s) => s.id === id)?.outcome;
    if (kept?.voteId === vote.id) return [outcomeFor(kept, viewer)];
    const outcome = tallied.find((o) => o.sketchId === id);
    if (!outcome) return [];
    const decided: SketchOutcome = {
      ...outcome,
      source: 'circulation',
      voteId: vote.id,
      decidedAt: vote.closedAt ?? vote.openedAt,
    };
    return [outcomeFor(decided, viewer)];
  });
}

export const mailSketches = (sketches: SketchRecord[]): VoteMailSketch[] =>
  sketches.map((s) => ({
    title: s.title,
    organisation: s.organisation,
    costCents: s.costCents,
    esfCents: s.esfCents,
    summary: String((s.draft.project as { summary?: string } | undefined)?.summary ?? ''),
  }));

/**
 * A mail to a seat's holder whose link signs them in and opens the vote: the token (stored only as
 * its hash) is valid until the vote's deadline, and single use like every sign-in link.
 */
export async function signedInMail(
  to: Person,
  vote: Vote,
  kind: string,
  content: (link: string) => MailContent,
  now: Date,
): Promise<{ items: TransactItem[]; mailId: string }> {
  const token = randomBytes(32).toString('base64url');
  const link = `${config().PUBLIC_URL}/anmelden#token=${token}&next=${encodeURIComponent(voteLink(vote.id))}`;
  const mail: OutboxMail = {
    id: randomUUID(),
    to: to.email,
    kind,
    createdAt: now.toISOString(),
    ...(await withSealedLink(link, content)),
  };
  return {
    items: [tokenItem(await tokenHash(token), to.email, dueAt(vote.deadline)), outboxItem(mail)],
    mailId: mail.id,
  };
}

/** A seat's changed state with its audit event, only while the vote is open and nobody else changed the seat. */
export async function writeSeatChange(
  record: VoteRecord,
  state: SeatState,
  event: Record<string, unknown>,
  also: TransactItem[],
  now: Date,
): Promise<void> {
  const before = seatStateOf(record.states, state.seatId).revision;
  const at = now.toISOString();
  await writeVoteChange([
    voteIsOpen(record.vote.id),
    putSeatState(record.vote.id, state, before),
    voteEventItem(record.vote.id, at, randomUUID(), { seatId: state.seatId, ...event }),
    ...also,
  ]);
}

/**
 * Closes a vote: the outcome per sketch under the profile's rule goes onto each sketch, the vote
 * leaves the due index, the office is told; one transaction, conditional on the vote being open.
 */
export async function closeVote(
  record: VoteRecord,
  because: NonNullable<Vote['closedBecause']>,
  by: string,
  now: Date,
): Promise<VoteRecord> {
  const { profile, PUBLIC_URL } = config();
  const at = now.toISOString();
  const vote: Vote = {
    ...record.vote,
    status: 'closed',
    closedAt: at,
    closedBy: by,
    closedBecause: because,
    revision: record.vote.revision + 1,
  };
  const outcomes = voteOutcomes(vote, record.states, record.ballots, profile.steeringGroup);
  const sketches = await getSketches<SketchRecord>(vote.sketchIds);
  const items: TransactItem[] = [
    putVoteItem(vote, undefined, record.vote.revision),
    ...record.states.map((state) => seatStateUnchanged(vote.id, state)),
  ];
  const lines: string[] = [];
  const ownerMailIds: string[] = [];
  for (const sketch of sketches) {
    const outcome = outcomes.find((o) => o.sketchId === sketch.id);
    if (!outcome || sketch.status !== 'in_vote' || sketch.voteId !== vote.id) continue;
    const recorded: SketchOutcome = { ...outcome, source: 'circulation', voteId: vote.id, decidedAt: at };
    const { voteId: _open, ...rest } = sketch;
    items.push(
      ...sketchTransition({
        sketch: rest,
        transition: transitions.decide,
        role: 'admin',
        actor: by,
        at: now,
        update: { outcome: recorded },
        note: voteStateMessages.decidedNote(outcome.result),
      }).items,
      // The written record of this decision (Umlaufbeschluss), rendered by the document job.
      documentOrderItem(
        documentIds.circulationRecord(sketch.id, vote.id),
        circulationRecord(vote, sketch, outcome, record.ballots, profile, at),
      ),
    );
    lines.push(voteStateMessages.resultLine(sketch.title, outcomeLabels[outcome.result], outcome));
    const told = ownerMail(
      sketch,
      'sketch-decided',
      decisionStepMail(profile, sketch.title, { kind: 'decided_in_writing' }, sketchLink(sketch.id)),
      now,
    );
    items.push(outboxItem(told));
    ownerMailIds.push(told.id);
  }
  const mailId = randomUUID();
  items.push(
    voteEventItem(vote.id, at, randomUUID(), { kind: 'close', because, by }),
    outboxItem({
      id: mailId,
      to: profile.office.email,
      kind: 'vote-closed',
      createdAt: at,
      ...voteClosedMail(profile, lines, `${PUBLIC_URL}/verwaltung/abstimmungen/${vote.id}`),
    }),
  );
  await writeVoteChange(items);
  for (const id of [mailId, ...ownerMailIds]) await deliverNow(id, now);
  return { ...record, vote };
}

/**
 * A seat handed over: its new state and audit event, with the vote's mail (signing in) to the
 * deputy who now holds it; answers the mail's id, to deliver once the change is stored.
 */
export async function handOverSeat(
  record: VoteRecord,
  next: SeatState,
  event: Record<string, unknown>,
  now: Date,
): Promise<string> {
  const seat = seatOf(record.vote, next.seatId);
  const deputy = holderOf(seat, next);
  const sketches = await getSketches<SketchRecord>(record.vote.sketchIds);
  const mail = await signedInMail(
    deputy,
    record.vote,
    'vote-handed-over',
    (link) =>
      voteOpenedMail(
        config().profile,
        { institution: seat.institution, deadline: record.vote.deadline, asDeputy: true },
        mailSketches(sketches),
        link,
      ),
    now,
  );
  await writeSeatChange(record, next, { ...event, deputy: deputy.email }, mail.items, now);
  return mail.mailId;
}

/** The vote as it now is, closed at once when every seat has voted on every sketch it may. */
export async function closeIfComplete(voteId: string, caller: Caller, now: Date): Promise<VoteRecord> {
  let updated = await reloadVote(voteId);
  if (updated.vote.status === 'open' && isComplete(updated.vote, updated.states)) {
    try {
      await closeVote(updated, 'complete', caller.email, now);
    } catch {
      // Another request closed it, or a ballot came in meanwhile: the job or the next ballot closes it.
    }
    updated = await reloadVote(voteId);
  }
  return updated;
}

/** The vote item after a change that moves its next due time (reminder sent, deadline extended). */
export const voteWithDue = (vote: Vote, expectedRevision: number) =>
  putVoteItem(
    { ...vote, revision: expectedRevision + 1 },
    nextDueAt(vote, config().profile),
    expectedRevision,
  );

export { holderOf };
