import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { statementsMissing } from '../../functions/core/local.ts';
import type { Ballot, SeatState, Vote } from '../../functions/core/vote.ts';
import { holderOf } from '../../functions/core/vote.ts';
import { handler as migrate } from '../../functions/jobs/migrate.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import {
  localStatementsMigration,
  seatDeputiesMigration,
  voteTrailMigration,
} from '../../functions/store/migrations.ts';
import { getSketch } from '../../functions/store/sketches.ts';
import {
  getMeeting,
  listSeats,
  loadVote,
  voteEventItem,
  voteTrail,
  writeVoteChange,
} from '../../functions/store/votes.ts';
import { ensureTable } from '../../infra/local/table.ts';

/*
 * The data migrations against DynamoDB Local, starting from items as the version before them wrote
 * them. A migration works on every vote in its table and is recorded as done in it: this file has
 * a table of its own.
 */

beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-migrations-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
});

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute)).toISOString();
const seatIds = ['s1', 's2', 's3'];
const sketchIds = ['sketch-a', 'sketch-b'];

/**
 * An open vote as the version before the trail's move stored it (written out here, not built with
 * today's key builders): its head, the seats' states, the ballots and, in its partition under
 * `EVENT#<at>#<id>`, its trail: the opening, then per seat a ballot on each sketch, one changed.
 */
function writtenTheOldWay(voteId: string) {
  const pk = `VOTE#${voteId}`;
  const vote: Vote = {
    id: voteId,
    sketchIds,
    seats: seatIds.map((id) => ({
      id,
      institution: `Institution ${id}`,
      member: { name: id, email: `${id}@example.org` },
      deputies: [],
    })),
    deadline: '2026-03-16',
    openedAt: at(0),
    openedBy: 'office@example.org',
    status: 'open',
    remindersSent: [],
    revision: 1,
  };
  const items: Record<string, unknown>[] = [
    {
      pk,
      sk: 'HEAD',
      ...vote,
      gsi1pk: 'VOTES_DUE',
      gsi1sk: `2026-03-13T23:00:00.000Z#${voteId}`,
      gsi2pk: 'VOTES',
      gsi2sk: `${vote.openedAt}#${voteId}`,
    },
  ];
  const trail: Record<string, unknown>[] = [{ at: at(0), kind: 'open', by: vote.openedBy }];
  let minute = 1;
  for (const seatId of seatIds) {
    const state: SeatState = {
      seatId,
      holder: 'member',
      deputyVoted: false,
      recusedSketchIds: [],
      votedSketchIds: sketchIds,
      revision: 2,
    };
    items.push({ pk, sk: `SEAT#${seatId}`, ...state });
    for (const sketchId of sketchIds) {
      const ballot: Ballot = {
        voteId,
        sketchId,
        seatId,
        choice: 'approve',
        castBy: `${seatId}@example.org`,
        castAs: 'member',
        at: at(minute),
        revision: 1,
      };
      items.push({ pk, sk: `BALLOT#${sketchId}#${seatId}`, ...ballot });
      trail.push({
        at: at(minute++),
        seatId,
        kind: 'ballot',
        sketchId,
        choice: 'approve',
        by: ballot.castBy,
      });
    }
  }
  trail.push({
    at: at(minute),
    seatId: 's1',
    kind: 'ballot-changed',
    sketchId: 'sketch-a',
    choice: 'abstain',
  });
  for (const entry of trail) items.push({ pk, sk: `EVENT#${entry.at}#${randomUUID()}`, ...entry });
  return { items, trail };
}

async function put(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25)
    await documents().send(
      new BatchWriteCommand({
        RequestItems: {
          [config().TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
}

/** Every item of the vote's partition, as stored. */
async function partition(voteId: string) {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `VOTE#${voteId}` },
      ConsistentRead: true,
    }),
  );
  return Items;
}

/** Loads the vote, counting the items DynamoDB read for it (the queries' ScannedCount). */
async function loadCounting(voteId: string) {
  let read = 0;
  documents().middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      read += (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
      return result;
    },
    { step: 'initialize', name: 'countRead' },
  );
  try {
    return { record: await loadVote(voteId), read };
  } finally {
    documents().middlewareStack.remove('countRead');
  }
}

const withoutBookkeeping = (trail: Record<string, unknown>[]) =>
  trail.map(({ pk: _pk, sk: _sk, ...entry }) => entry);
/** A trail's entries without the hash chain's fields (the `trailChain` migration's, tested on its own). */
// The chain's fields, and the salt of the digest form (issue 16) that new entries carry.
const unchained = (trail: Record<string, unknown>[]) =>
  trail.map(({ seq: _seq, prevHash: _prev, hash: _hash, salt: _salt, ...entry }) => entry);

describe("the vote trail's migration", () => {
  it('moves the trail out of the vote’s load, keeps it whole and in order, and changes nothing the second time', async () => {
    // Prepare: a vote as the earlier version wrote it, and one whose trail went on under today's
    // layout before the migration ran (a deploy, then ballots, then the job)
    const oldVote = randomUUID();
    const old = writtenTheOldWay(oldVote);
    const mixedVote = randomUUID();
    const mixed = writtenTheOldWay(mixedVote);
    await put([...old.items, ...mixed.items]);
    const later = { seatId: 's2', kind: 'ballot-changed', sketchId: 'sketch-b', choice: 'object' };
    await writeVoteChange([voteEventItem(mixedVote, at(30), randomUUID(), later)]);
    const mixedTrail = [...mixed.trail, { at: at(30), ...later }];
    const before = await loadCounting(oldVote);
    const trailBefore = await voteTrail(mixedVote);

    // Act
    const first = await migrate();
    const oldAfterFirst = await partition(oldVote);
    const afterFirst = [oldAfterFirst, await partition(mixedVote)];
    const second = await migrate();
    const againByHand = await voteTrailMigration.run();
    const afterSecond = [await partition(oldVote), await partition(mixedVote)];
    const after = await loadCounting(oldVote);

    // Assess: before, the vote loaded correctly but read its whole trail with it
    expect(before.record?.ballots).toHaveLength(6);
    expect(before.record?.states.map((s) => s.revision)).toEqual([2, 2, 2]);
    expect(before.read).toBe(1 + 3 + 6 + old.trail.length);
    expect(unchained(trailBefore)).toEqual(mixedTrail);
    // the first run moved every old entry, the second found the migration done, its work again found nothing
    expect(first[0]).toEqual({
      name: 'voteTrail',
      outcome: 'ran',
      counts: { votes: 2, moved: old.trail.length + mixed.trail.length, skipped: 0 },
    });
    expect(second).toEqual([
      { name: 'voteTrail', outcome: 'done' },
      { name: 'seatDeputies', outcome: 'done' },
      { name: 'trailChain', outcome: 'done' },
      { name: 'localStatements', outcome: 'done' },
      { name: 'sketchStatesAfterVote', outcome: 'done' },
      { name: 'fundingPeriods', outcome: 'done' },
      { name: 'retentionDue', outcome: 'done' },
      { name: 'answerOwners', outcome: 'done' },
      { name: 'localEntries', outcome: 'done' },
      { name: 'erasureConfirmations', outcome: 'done' },
      { name: 'localSections', outcome: 'done' },
    ]);
    expect(againByHand).toEqual({ votes: 2, moved: 0, skipped: 0 });
    expect(afterSecond).toEqual(afterFirst);
    // no entry left under EVENT#, every one under TRAIL#
    const sks = afterFirst.flat().map((item) => String(item.sk));
    expect(sks.filter((sk) => sk.startsWith('EVENT#'))).toEqual([]);
    expect(sks.filter((sk) => sk.startsWith('TRAIL#'))).toHaveLength(old.trail.length + mixedTrail.length);
    // the vote loads as before, reading its head, seats and ballots only
    expect(after.record).toEqual(before.record);
    expect(after.read).toBe(1 + 3 + 6);
    // the trail is whole and in order
    expect(unchained(await voteTrail(oldVote))).toEqual(old.trail);
    expect(unchained(await voteTrail(mixedVote))).toEqual(mixedTrail);
    // as stored, in the partition's own order
    expect(
      unchained(withoutBookkeeping(oldAfterFirst.filter((i) => String(i.sk).startsWith('TRAIL#')))),
    ).toEqual(old.trail);
  });
});

describe("the seats' deputies migration", () => {
  it('moves one `deputy` to a list `deputies` in seats, votes and meetings written the old way, and reads them alike before and after', async () => {
    // Prepare: items as the version before several deputies wrote them (written out, not built)
    const run = randomUUID().slice(0, 6);
    const deputy = { name: 'Vertretung', email: `vertretung-${run}@example.org` };
    const member = { name: 'Mitglied', email: `mitglied-${run}@example.org` };
    const oldSeat = { id: `alt-${run}`, institution: 'IHK', member, deputy };
    const alone = {
      id: `allein-${run}`,
      institution: 'DGB',
      member: { name: 'M', email: `m-${run}@example.org` },
    };
    const voteId = randomUUID();
    const meetingId = randomUUID();
    await put([
      { pk: 'SEATS', sk: oldSeat.id, ...oldSeat, active: true },
      { pk: 'SEATS', sk: alone.id, ...alone, active: true },
      {
        pk: `VOTE#${voteId}`,
        sk: 'HEAD',
        id: voteId,
        sketchIds,
        seats: [oldSeat, alone],
        deadline: '2026-03-16',
        openedAt: at(0),
        openedBy: 'office@example.org',
        status: 'open',
        remindersSent: [],
        revision: 3,
        gsi2pk: 'VOTES',
        gsi2sk: `${at(0)}#${voteId}`,
      },
      {
        pk: `VOTE#${voteId}`,
        sk: `SEAT#${oldSeat.id}`,
        seatId: oldSeat.id,
        holder: 'deputy',
        deputyVoted: false,
        recusedSketchIds: [],
        votedSketchIds: [],
        revision: 1,
      },
      {
        pk: `MEETING#${meetingId}`,
        sk: 'MEETING',
        id: meetingId,
        date: '2026-03-02',
        attendance: [
          { seat: oldSeat, presence: 'deputy' },
          { seat: alone, presence: 'member' },
        ],
        decisions: [{ sketchId: 'sketch-a', result: 'endorsed', recusedSeatIds: [] }],
        recordedBy: 'office@example.org',
        recordedAt: at(1),
        gsi2pk: 'MEETINGS',
        gsi2sk: `2026-03-02#${meetingId}`,
      },
    ]);
    const raw = async (pk: string, sk: string) =>
      (await partitionOf(pk)).find((item) => item.sk === sk) as Record<string, unknown>;
    // Act: read before the migration (the reading paths read both layouts), migrate twice, read again
    const ours = async () =>
      (await listSeats())
        .filter((s) => s.id.endsWith(run))
        .sort((x, y) => (x.id === oldSeat.id ? -1 : y.id === oldSeat.id ? 1 : 0));
    const seatsBefore = await ours();
    const voteBefore = await loadVote(voteId);
    const meetingBefore = await getMeeting(meetingId);
    const first = await seatDeputiesMigration.run();
    const again = await seatDeputiesMigration.run();
    const seatsAfter = await ours();
    const voteAfter = await loadVote(voteId);
    const meetingAfter = await getMeeting(meetingId);
    // Assess: every seat has its deputies as a list, before and after alike
    expect(seatsBefore.map((s) => s.deputies)).toEqual([[deputy], []]);
    expect(seatsAfter).toEqual(seatsBefore);
    expect(voteAfter).toEqual(voteBefore);
    expect(meetingAfter).toEqual(meetingBefore);
    expect(voteAfter?.vote.seats.map((s) => s.deputies)).toEqual([[deputy], []]);
    expect(meetingAfter?.attendance[0]?.seat.deputies).toEqual([deputy]);
    // the seat handed over the old way is held by its one deputy
    const seat = voteAfter?.vote.seats[0];
    const state = voteAfter?.states[0];
    expect(seat && state ? holderOf(seat, state) : undefined).toEqual(deputy);
    // as stored: no `deputy` left anywhere; two seats, one vote, one meeting moved; the second run moved nothing
    const storedSeat = await raw('SEATS', oldSeat.id);
    expect(storedSeat.deputy).toBeUndefined();
    expect(storedSeat.deputies).toEqual([deputy]);
    expect(((await raw(`VOTE#${voteId}`, 'HEAD')).seats as object[])[0]).not.toHaveProperty('deputy');
    expect(first.moved).toBeGreaterThanOrEqual(4);
    expect(again.moved).toBe(0);
  });
});

describe("the local statements' migration", () => {
  it("turns the office's endorsement tick into a statement per sub-region, reads it alike before and after, and leaves other sketches alone", async () => {
    // Prepare: two sketches as the version before the local alliances' workspace stored them
    // (written out, not built): one ready for the vote with the tick on two sub-regions, one
    // submitted without it
    const run = randomUUID().slice(0, 6);
    const sketch = (id: string, status: string, extra: Record<string, unknown>) => ({
      pk: `SKETCH#${id}`,
      sk: 'SKETCH',
      id,
      ownerEmail: `traeger-${run}@example.org`,
      status,
      version: 7,
      createdAt: at(0),
      updatedAt: at(3),
      submittedAt: at(2),
      draft: {},
      submissions: [{ n: 1, submittedAt: at(2) }],
      title: `Skizze ${id}`,
      organisation: 'Träger',
      subRegionIds: ['region-hannover', 'hildesheim'],
      priorityIds: ['I'],
      costCents: 100,
      esfCents: 50,
      gsi1pk: `STATUS#${status}`,
      gsi1sk: `${at(2)}#${id}`,
      gsi2pk: `OWNER#traeger-${run}@example.org`,
      gsi2sk: `${at(0)}#${id}`,
      ...extra,
    });
    const ticked = `ticked-${run}`;
    const unticked = `unticked-${run}`;
    await put([
      sketch(ticked, 'ready_for_vote', {
        endorsement: { confirmedAt: at(3), confirmedBy: 'office@example.org', note: 'Protokoll liegt vor.' },
      }),
      sketch(unticked, 'submitted', {}),
    ]);
    const profile = { localStatements: { required: true } };
    // Act: read before, migrate twice, read after
    const before = await getSketch(ticked);
    const first = await localStatementsMigration.run();
    const again = await localStatementsMigration.run();
    const after = await getSketch(ticked);
    const untouched = await getSketch(unticked);
    // Assess: one "supports" per sub-region, by whoever ticked, with the note, before and after alike
    const expected = ['region-hannover', 'hildesheim'].map((subRegionId) => ({
      subRegionId,
      verdict: 'supports',
      note: 'Protokoll liegt vor.',
      givenAt: at(3),
      givenBy: 'office@example.org',
    }));
    expect(before?.localStatements).toEqual(expected);
    expect(after).toEqual(before);
    expect(after && statementsMissing(profile, after)).toEqual([]);
    expect(untouched?.localStatements).toBeUndefined();
    expect(untouched && statementsMissing(profile, untouched)).toEqual(['region-hannover', 'hildesheim']);
    // as stored: the tick is gone, the version kept; the second run found nothing left
    const stored = (await partitionOf(`SKETCH#${ticked}`)).find((item) => item.sk === 'SKETCH');
    expect(stored).not.toHaveProperty('endorsement');
    expect(stored).toMatchObject({ version: 7, localStatements: expected });
    expect(first).toMatchObject({ moved: 1 });
    expect(again).toMatchObject({ sketches: 0, moved: 0 });
  });
});

async function partitionOf(pk: string) {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  return Items;
}
