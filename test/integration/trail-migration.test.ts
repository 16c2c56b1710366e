import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSketchTrail, checkVoteTrail } from '../../functions/app/trail.ts';
import { sketchTransition } from '../../functions/app/transition.ts';
import * as transitions from '../../functions/core/transitions.ts';
import { handler as migrate } from '../../functions/jobs/migrate.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { trailChainMigration } from '../../functions/store/migrations.ts';
import { getSketch, writeChange } from '../../functions/store/sketches.ts';
import { voteEventItem, writeVoteChange } from '../../functions/store/votes.ts';
import { ensureTable } from '../../infra/local/table.ts';

/*
 * The `trailChain` migration against DynamoDB Local, from items as the version before the hash
 * chain wrote them (written out here, not with today's builders): sketches and votes whose events
 * carry no hash, and one of each that a write of today's version reached before the migration did.
 * A migration works on the whole table: this file has a table of its own.
 */

beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-trail-migration-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
});

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute)).toISOString();

function sketchTheOldWay(id: string) {
  const pk = `SKETCH#${id}`;
  const owner = `antrag-${id}@example.org`;
  const record = {
    pk,
    sk: 'SKETCH',
    id,
    ownerEmail: owner,
    status: 'submitted',
    version: 3,
    createdAt: at(0),
    updatedAt: at(2),
    submittedAt: at(2),
    submissions: 1,
    draft: {},
    title: `Skizze ${id}`,
    organisation: 'Träger',
    subRegionIds: [],
    priorityIds: [],
    costCents: 0,
    esfCents: 0,
    gsi1pk: 'STATUS#submitted',
    gsi1sk: `${at(2)}#${id}`,
    gsi2pk: `OWNER#${owner}`,
    gsi2sk: `${at(0)}#${id}`,
  };
  const events = [
    { transition: 'create', from: null, to: 'draft', role: 'applicant', at: at(0) },
    { transition: 'submit', from: 'draft', to: 'submitted', role: 'applicant', at: at(2) },
    {
      transition: 'confirm_endorsement',
      from: 'submitted',
      to: 'submitted',
      role: 'admin',
      at: at(3),
      note: 'ok',
    },
  ].map((e) => ({ sketchId: id, actor: owner, ...e }));
  return {
    items: [record, ...events.map((e) => ({ pk, sk: `EVENT#${e.at}#${randomUUID()}`, ...e }))],
    events,
  };
}

function voteTheOldWay(id: string) {
  const pk = `VOTE#${id}`;
  const head = {
    pk,
    sk: 'HEAD',
    id,
    sketchIds: [],
    seats: [],
    deadline: '2026-03-16',
    openedAt: at(0),
    openedBy: 'office@example.org',
    status: 'open',
    remindersSent: [],
    revision: 1,
    gsi2pk: 'VOTES',
    gsi2sk: `${at(0)}#${id}`,
  };
  const entries = [
    { at: at(0), kind: 'open', by: 'office@example.org' },
    { at: at(1), kind: 'ballot', seatId: 's1', sketchId: 'x', choice: 'approve', by: 's1@example.org' },
    { at: at(2), kind: 'ballot', seatId: 's2', sketchId: 'x', choice: 'abstain', by: 's2@example.org' },
  ];
  return {
    items: [head, ...entries.map((e) => ({ pk, sk: `TRAIL#${e.at}#${randomUUID()}`, ...e }))],
    entries,
  };
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

/** The events of a partition as stored, without keys and chain fields: what the migration must not change. */
async function content(pk: string, prefix: string) {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    }),
  );
  return Items.map(({ pk: _pk, sk: _sk, seq: _seq, prevHash: _prev, hash: _hash, ...event }) => event);
}

describe("the trail chain's migration", () => {
  it('links events stored before the chain in their order, also where a new write began a chain, and does it once', async () => {
    // Prepare: a sketch and a vote as the earlier version left them, and one of each that today's
    // version changed before the migration ran (a deploy, then a change, then the job)
    const [oldSketch, touchedSketch, oldVote, touchedVote] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const sketches = [sketchTheOldWay(oldSketch), sketchTheOldWay(touchedSketch)];
    const votes = [voteTheOldWay(oldVote), voteTheOldWay(touchedVote)];
    await put([...sketches.flatMap((x) => x.items), ...votes.flatMap((x) => x.items)]);
    const read = await getSketch(touchedSketch);
    const change = sketchTransition({
      sketch: read,
      transition: transitions.localStatement,
      role: 'local',
      actor: 'lokal@example.org',
      at: new Date(at(10)),
    });
    await writeChange(change.items);
    await writeVoteChange([
      voteEventItem(touchedVote, at(10), randomUUID(), { kind: 'remind', by: 'system' }),
    ]);
    const before = {
      sketch: await checkSketchTrail(oldSketch),
      touched: await checkSketchTrail(touchedSketch),
      vote: await checkVoteTrail(oldVote),
      touchedVote: await checkVoteTrail(touchedVote),
    };
    const contentBefore = await content(`SKETCH#${touchedSketch}`, 'EVENT#');

    // Act
    const first = await migrate();
    const after = {
      sketch: await checkSketchTrail(oldSketch),
      touched: await checkSketchTrail(touchedSketch),
      vote: await checkVoteTrail(oldVote),
      touchedVote: await checkVoteTrail(touchedVote),
    };
    const second = await migrate();
    const againByHand = await trailChainMigration.run();

    // Assess: before, the check says the old events carry no hash
    expect(before.sketch.check).toMatchObject({ ok: false, position: 1, reason: 'unchained' });
    expect(before.touched.check).toMatchObject({ ok: false, position: 1, reason: 'unchained' });
    expect(before.vote.check).toMatchObject({ ok: false, position: 1, reason: 'unchained' });
    expect(before.touchedVote.check).toMatchObject({ ok: false, position: 1, reason: 'unchained' });
    // after, every trail verifies whole, the old events first, and their content is as it was
    expect(after.sketch.check).toEqual({ ok: true, length: 3 });
    expect(after.touched.check).toEqual({ ok: true, length: 4 });
    expect(after.vote.check).toEqual({ ok: true, length: 3 });
    expect(after.touchedVote.check).toEqual({ ok: true, length: 4 });
    expect(after.touched.events.map((e) => [e.seq, e.at])).toEqual([
      [1, at(0)],
      [2, at(2)],
      [3, at(3)],
      [4, at(10)],
    ]);
    expect(await content(`SKETCH#${touchedSketch}`, 'EVENT#')).toEqual(contentBefore);
    expect(await content(`SKETCH#${oldSketch}`, 'EVENT#')).toEqual(
      expect.arrayContaining(sketches[0]?.events.map((e) => expect.objectContaining(e)) ?? []),
    );
    expect(await content(`VOTE#${oldVote}`, 'TRAIL#')).toEqual(votes[0]?.entries);
    // it ran once, recorded; a run by hand finds nothing left to link
    expect(first).toContainEqual(expect.objectContaining({ name: 'trailChain', outcome: 'ran' }));
    expect(second).toContainEqual({ name: 'trailChain', outcome: 'done' });
    expect(againByHand).toEqual({ sketches: 2, votes: 2, linked: 0, retried: 0 });
  });
});
