import { randomBytes, randomUUID } from 'node:crypto';
import type { VoteDoc } from '../core/contract/vote-docs.ts';
import { dueAt } from '../core/dates.ts';
import { NotFoundError } from '../core/errors.ts';
import {
  holderOf,
  nextDueAt,
  outcomeLabels,
  type Person,
  type SeatState,
  type SketchOutcome,
  seatsOf,
  type Vote,
  voteOutcomes,
} from '../core/vote.ts';
import { voteMessages } from '../core/votes.de.ts';
import { type MailContent, type VoteMailSketch, voteClosedMail } from '../mail/templates.de.ts';
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
import { deliverNow, withSealedLink } from './outbox.ts';
import { sketchTransition } from './transition.ts';

/*
 * The shell around a vote shared by its handlers: who may see it, what they see, mails that sign
 * their recipient in, and storing a seat's change or the close in one transaction.
 */

const notYours = () => new NotFoundError(voteMessages.vote.notYours);

export const voteLink = (id: string) => `/abstimmungen/${encodeURIComponent(id)}`;

/** The vote, if the caller is an admin or acts for one of its seats; else 404. */
export async function loadVoteFor(id: string | undefined, caller: Caller): Promise<VoteRecord> {
  const record = id ? await loadVote(id) : undefined;
  if (!record) throw notYours();
  if (!caller.roles.includes('admin') && seatsOf(record.vote, caller.email).length === 0) throw notYours();
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

/**
 * The vote as the caller may see it. Admins see everything; a member sees the seats they act for,
 * and no ballot or comment on a sketch one of their seats is recused from.
 */
export async function voteDoc(record: VoteRecord, caller: Caller): Promise<VoteDoc> {
  const { vote, states, ballots } = record;
  const admin = caller.roles.includes('admin');
  const mine = seatsOf(vote, caller.email).map((s) => s.seat.id);
  const hiddenSketches = new Set(
    states.filter((s) => mine.includes(s.seatId)).flatMap((s) => s.recusedSketchIds),
  );
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
        const { seatId: _id, ...state } = states.find((s) => s.seatId === seat.id)!;
        return { ...seat, ...state };
      }),
    ballots: admin ? ballots : ballots.filter((b) => !hiddenSketches.has(b.sketchId)),
    ...(vote.status === 'closed'
      ? { outcomes: sketches.flatMap((s) => (s.outcome?.voteId === vote.id ? [s.outcome] : [])) }
      : {}),
    ...(admin ? {} : { mySeatIds: mine }),
  };
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
  const before = record.states.find((s) => s.seatId === state.seatId)?.revision ?? 0;
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
  const outcomes = voteOutcomes(vote, record.states, record.ballots, profile);
  const sketches = await getSketches<SketchRecord>(vote.sketchIds);
  const items: TransactItem[] = [
    putVoteItem(vote, undefined, record.vote.revision),
    ...record.states.map((state) => seatStateUnchanged(vote.id, state)),
  ];
  const lines: string[] = [];
  for (const sketch of sketches) {
    const outcome = outcomes.find((o) => o.sketchId === sketch.id);
    if (!outcome || sketch.status !== 'in_vote' || sketch.voteId !== vote.id) continue;
    const recorded: SketchOutcome = { ...outcome, source: 'circulation', voteId: vote.id, decidedAt: at };
    const { voteId: _open, ...rest } = sketch;
    items.push(
      ...sketchTransition({
        sketch: rest,
        transition: 'decide',
        role: 'admin',
        actor: by,
        at: now,
        update: { outcome: recorded },
        note: voteMessages.vote.decidedNote(outcome.result),
      }).items,
      // The written record of this decision (Umlaufbeschluss), rendered by the document job.
      documentOrderItem(
        documentIds.circulationRecord(sketch.id, vote.id),
        circulationRecord(vote, sketch, outcome, record.ballots, profile, at),
      ),
    );
    lines.push(voteMessages.vote.resultLine(sketch.title, outcomeLabels[outcome.result], outcome));
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
  await deliverNow(mailId, now);
  return { ...record, vote };
}

/** The vote item after a change that moves its next due time (reminder sent, deadline extended). */
export const voteWithDue = (vote: Vote, expectedRevision: number) =>
  putVoteItem(
    { ...vote, revision: expectedRevision + 1 },
    nextDueAt(vote, config().profile),
    expectedRevision,
  );

export { holderOf };
