import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import {
  type Ballot,
  isOfSeat,
  type Meeting,
  type Seat,
  type SeatState,
  seatStateOf,
  type Vote,
} from '../core/vote.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { cursorPlace, pageFrom, queryAll } from './query.ts';
import { getSketches, type Page, type TransactItem } from './sketches.ts';

/** Sketches by id: in store/sketches.ts, where the local alliances' list reads them too. */
export { getSketches };

import { linkVoteTrail, lostRaceOnHead } from './trail.ts';

/*
 * Seats, votes, the seats' states in a vote and the ballots. Every change of a seat's state in a
 * vote is conditional on the revision it was read at, so two racing requests for one seat (two
 * ballots, a member and a deputy, a take-back and a ballot) end with exactly one of them stored.
 */

const table = () => config().TABLE_NAME;
const bookkeeping = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !bookkeeping.has(k))) as T;

/**
 * A seat as this version keeps it, from one stored either way: versions before seats could have
 * several deputies wrote one `deputy`. Until the `seatDeputies` migration has moved every item,
 * the reading paths read both (store/migrations.ts).
 */
export function currentSeat<T extends { deputies?: unknown }>(seat: T & { deputy?: unknown }): T {
  if (Array.isArray(seat.deputies) && seat.deputy === undefined) return seat;
  const { deputy, deputies, ...rest } = seat;
  return {
    ...rest,
    deputies: [...(Array.isArray(deputies) ? deputies : []), ...(deputy ? [deputy] : [])],
  } as unknown as T;
}

/** A vote or a meeting with its seats in the current shape. */
const currentVote = (vote: Vote): Vote => ({ ...vote, seats: vote.seats.map(currentSeat) });
const currentMeeting = (meeting: Meeting): Meeting => ({
  ...meeting,
  attendance: meeting.attendance.map((a) => ({ ...a, seat: currentSeat(a.seat) })),
});

export async function listSeats(): Promise<Seat[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.seats },
    }),
  );
  return (Items ?? []).map((item) => currentSeat(strip<Seat>(item)));
}

export async function putSeat(seat: Seat): Promise<void> {
  await documents().send(new PutCommand({ TableName: table(), Item: { ...keys.seat(seat.id), ...seat } }));
}

/** Whether `email` holds an active seat, as member or deputy: the `member` role at sign-in. */
export async function holdsSeat(email: string): Promise<boolean> {
  const seats = await listSeats();
  return seats.some((s) => s.active && isOfSeat(s, email));
}

/** The vote item; open votes sit in the sparse due index until they close, so the job finds them. */
export function voteItem(vote: Vote, nextDue: Date | undefined): Record<string, unknown> {
  return {
    ...keys.vote(vote.id),
    ...vote,
    ...(vote.status === 'open' && nextDue
      ? { gsi1pk: keys.votesDue, gsi1sk: keys.byTime(nextDue, vote.id) }
      : {}),
    gsi2pk: keys.votes,
    gsi2sk: keys.byTime(vote.openedAt, vote.id),
  };
}

/** The vote as a transaction item: new, or replacing the revision it was read at. */
export const putVoteItem = (
  vote: Vote,
  nextDue: Date | undefined,
  expectedRevision: number | 'new',
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: voteItem(vote, nextDue),
    ...(expectedRevision === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#r = :r',
          ExpressionAttributeNames: { '#r': 'revision' },
          ExpressionAttributeValues: { ':r': expectedRevision },
        }),
  },
});

/** The seat's state is still what the tally read: a ballot cast meanwhile makes the close retry. */
export const seatStateUnchanged = (voteId: string, state: SeatState): TransactItem => ({
  ConditionCheck: {
    TableName: table(),
    Key: keys.voteSeat(voteId, state.seatId),
    ...(state.revision === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#r = :r',
          ExpressionAttributeNames: { '#r': 'revision' },
          ExpressionAttributeValues: { ':r': state.revision },
        }),
  },
});

/** Only while the vote is open: checked in the same transaction as a ballot or a hand-over. */
export const voteIsOpen = (voteId: string): TransactItem => ({
  ConditionCheck: {
    TableName: table(),
    Key: keys.vote(voteId),
    ConditionExpression: '#s = :open',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':open': 'open' },
  },
});

/** A seat's new state, if nobody changed it since `expectedRevision`. */
export const putSeatState = (voteId: string, state: SeatState, expectedRevision: number): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.voteSeat(voteId, state.seatId), ...state },
    ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(pk)' : '#r = :r',
    ...(expectedRevision === 0
      ? {}
      : {
          ExpressionAttributeNames: { '#r': 'revision' },
          ExpressionAttributeValues: { ':r': expectedRevision },
        }),
  },
});

export const putBallot = (ballot: Ballot): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.ballot(ballot.voteId, ballot.sketchId, ballot.seatId), ...ballot },
  },
});

export const deleteBallot = (voteId: string, sketchId: string, seatId: string): TransactItem => ({
  Delete: { TableName: table(), Key: keys.ballot(voteId, sketchId, seatId) },
});

/** An entry of the vote's audit trail (`TRAIL#<at>#<id>`): every ballot and change is kept. */
export const voteEventItem = (
  voteId: string,
  at: string,
  eventId: string,
  event: Record<string, unknown>,
): TransactItem => ({
  Put: { TableName: table(), Item: { ...keys.voteTrail(voteId, at, eventId), at, ...event } },
});

export interface VoteRecord {
  vote: Vote;
  states: SeatState[];
  ballots: Ballot[];
}

/**
 * A vote with every seat's state and every ballot: one query on its partition, up to the trail
 * (HEAD, SEAT#, BALLOT# sort before TRAIL#), so its cost does not grow with the trail. A vote the
 * `voteTrail` migration has not reached yet still has its trail under EVENT# among them: left out.
 */
export async function loadVote(id: string): Promise<VoteRecord | undefined> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk < :trail',
    ExpressionAttributeValues: { ':pk': keys.vote(id).pk, ':trail': keys.voteLoadBefore },
    ConsistentRead: true,
  });
  const vote = items.find((i) => i.sk === keys.vote(id).sk);
  if (!vote) return undefined;
  return {
    vote: currentVote(strip<Vote>(vote)),
    states: inSeatOrder(
      vote.seats as Vote['seats'],
      items.filter((i) => String(i.sk).startsWith(prefix.voteSeat)),
    ),
    ballots: items.filter((i) => String(i.sk).startsWith(prefix.ballot)).map((i) => strip<Ballot>(i)),
  };
}

/** An entry of a vote's audit trail: when, and what happened (its kind, seat, choice, who). */
export type VoteTrailEntry = { at: string } & Record<string, unknown>;

/**
 * The vote's audit trail, oldest first: read only where it is shown, never by the vote's load. It
 * reads the trail's own prefix and the one versions before the `voteTrail` migration wrote, so a
 * vote the migration has not reached yet shows its whole trail too.
 */
export async function voteTrail(id: string): Promise<VoteTrailEntry[]> {
  const { pk } = keys.vote(id);
  const under = (start: string) =>
    queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': start },
      ConsistentRead: true,
    });
  const [trail, legacy] = await Promise.all([under(prefix.voteTrail), under(prefix.legacyVoteEvent)]);
  // Both prefixes are followed by `<at>#<id>`: ordered by that, the two read as one trail.
  const ordered = (item: Record<string, unknown>) => {
    const sk = String(item.sk);
    return sk.slice(
      sk.startsWith(prefix.voteTrail) ? prefix.voteTrail.length : prefix.legacyVoteEvent.length,
    );
  };
  return [...trail, ...legacy]
    .map((item) => ({ order: ordered(item), entry: strip<VoteTrailEntry>(item) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ entry }) => entry);
}

/**
 * The seat states of a vote (who holds each seat, what it voted on), without its ballots: what the
 * deadlines overview needs to count the seats still to vote. Eventually consistent: an overview.
 */
export async function seatStates(vote: Vote): Promise<SeatState[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :seat)',
    ExpressionAttributeValues: { ':pk': keys.vote(vote.id).pk, ':seat': prefix.voteSeat },
  });
  return inSeatOrder(vote.seats, items);
}

/** Each seat's state from its stored item, in the vote's seat order; a seat not stored yet has its initial state. */
function inSeatOrder(seats: Vote['seats'], items: Record<string, unknown>[]): SeatState[] {
  const states = items.map((i) => strip<SeatState>(i));
  return seats.map((seat) => seatStateOf(states, seat.id));
}

/** Votes whose next reminder or close is due by `now`: a query on the sparse due index. */
export async function dueVoteIds(now: Date, limit: number): Promise<string[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pk': keys.votesDue, ':now': keys.upTo(now) },
      ProjectionExpression: 'id',
      Limit: limit,
    }),
  );
  return (Items ?? []).map((i) => i.id as string);
}

/** Open votes (the due index holds exactly those), for a member's list. */
export async function openVotes(): Promise<Vote[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.votesDue },
    }),
  );
  return (Items ?? []).map((i) => currentVote(strip<Vote>(i)));
}

/** The newest `limit` votes (a member's recent ones). */
export async function recentVotes(limit: number): Promise<Vote[]> {
  return (await votesBefore(undefined, limit)).map((i) => currentVote(strip<Vote>(i)));
}

/** The votes, newest first, `limit` at a time after the place `cursor` names (one more read tells whether more follow). */
export async function listVotes(limit: number, cursor?: string): Promise<Page<Vote>> {
  const read = await votesBefore(cursor ? cursorPlace(cursor) : undefined, limit + 1);
  // The place is the list's own sort key, as the next page's `gsi2sk < place` compares it.
  const page = pageFrom(read, limit, (item) => String(item.gsi2sk));
  return { ...page, items: page.items.map((i) => currentVote(strip<Vote>(i))) };
}

/** Up to `limit` vote items on the list (gsi2 VOTES), newest first, opened before the place `before`. */
async function votesBefore(before: string | undefined, limit: number) {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: before ? 'gsi2pk = :pk AND gsi2sk < :before' : 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.votes, ...(before ? { ':before': before } : {}) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items;
}

export async function getVote(id: string): Promise<Vote | undefined> {
  const { Item } = await documents().send(new GetCommand({ TableName: table(), Key: keys.vote(id) }));
  return Item ? currentVote(strip<Vote>(Item)) : undefined;
}

/** Titles of sketches by id, for lists that name them. */
export async function sketchTitles(ids: readonly string[]): Promise<Map<string, string>> {
  const sketches = await getSketches<{ id: string; title: string }>(ids, ['id', 'title']);
  return new Map(sketches.map((s) => [s.id, s.title]));
}

/**
 * Writes a vote's change in one transaction. A condition that does not hold means someone else
 * changed the seat (or closed the vote) meanwhile: a 409 the page answers by reloading. The trail
 * entries among the items are linked onto the vote's hash chain here (store/trail.ts); a change
 * that lost only the race for the chain's head (another seat's ballot came first) is linked again.
 */
export async function writeVoteChange(items: TransactItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const linked = await linkVoteTrail(items);
    try {
      await documents().send(new TransactWriteCommand({ TransactItems: linked.items }));
      return;
    } catch (error) {
      if (attempt < 8 && lostRaceOnHead(error, linked.heads)) {
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        continue;
      }
      throw voteWriteError(error);
    }
  }
}

function voteWriteError(error: unknown): unknown {
  const name = (error as { name?: string }).name;
  if (
    isConditionFailure(error) ||
    name === 'TransactionConflictException' ||
    isTransactionConflictCancel(error)
  )
    return new ConflictError(httpMessages.voteChanged, 'vote_conflict');
  return error;
}

const isTransactionConflictCancel = (error: unknown) =>
  (error as { name?: string }).name === 'TransactionCanceledException' &&
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some(
    (r) => r.Code === 'TransactionConflict',
  );

export const meetingItem = (meeting: Meeting): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.meeting(meeting.id),
      ...meeting,
      gsi2pk: keys.meetings,
      gsi2sk: keys.byTime(meeting.date, meeting.id),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function getMeeting(id: string): Promise<Meeting | undefined> {
  const { Item } = await documents().send(new GetCommand({ TableName: table(), Key: keys.meeting(id) }));
  return Item ? currentMeeting(strip<Meeting>(Item)) : undefined;
}

export async function listMeetings(limit: number): Promise<Meeting[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.meetings },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []).map((i) => currentMeeting(strip<Meeting>(i)));
}
