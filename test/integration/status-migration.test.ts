import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as migrate } from '../../functions/jobs/migrate.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { sketchStatesAfterVoteMigration } from '../../functions/store/migrations.ts';
import { getSketch } from '../../functions/store/sketches.ts';
import { ensureTable } from '../../infra/local/table.ts';

/*
 * The `sketchStatesAfterVote` migration against DynamoDB Local, from sketch records as the version
 * before it wrote them (written out here, not with today's builders): decided sketches waiting for
 * their Votum in `in_vote`, a deferred one back in `ready_for_vote`, and ones that must stay as they
 * are. A migration works on the whole table: this file has a table of its own.
 */

beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-status-migration-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
});

const at = '2026-03-02T08:00:00.000Z';
const outcome = {
  result: 'no_consensus',
  counts: { approve: 5, object: 1, abstain: 0 },
  eligible: 12,
  voted: 6,
  quorumMet: true,
  source: 'circulation',
  voteId: 'vote-1',
  decidedAt: at,
};

function sketchTheOldWay(id: string, status: string, extra: Record<string, unknown> = {}) {
  const owner = `antrag-${id}@example.org`;
  return {
    pk: `SKETCH#${id}`,
    sk: 'SKETCH',
    id,
    ownerEmail: owner,
    status,
    version: 7,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    submissions: [{ n: 1, submittedAt: at }],
    draft: {},
    title: `Skizze ${id}`,
    organisation: 'Träger',
    subRegionIds: [],
    priorityIds: [],
    costCents: 0,
    esfCents: 0,
    gsi1pk: `STATUS#${status}`,
    gsi1sk: `${at}#${id}`,
    gsi2pk: `OWNER#${owner}`,
    gsi2sk: `${at}#${id}`,
    ...extra,
  };
}

const votum = (decision: string) => ({
  decision,
  criteria: [],
  justification: 'Begründung',
  writtenBy: 'office@example.org',
  writtenAt: at,
  outcome,
});

const listed = async (status: string) =>
  (
    await documents().send(
      new QueryCommand({
        TableName: config().TABLE_NAME,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `STATUS#${status}` },
      }),
    )
  ).Items?.map((item) => String(item.id)) ?? [];

describe('the migration to the states after a vote', { timeout: 60_000 }, () => {
  it('moves decided sketches to vote_closed and deferred ones to deferred, leaves the others, and runs once', async () => {
    // Prepare
    const items = [
      sketchTheOldWay('decided', 'in_vote', { outcome }),
      sketchTheOldWay('voting', 'in_vote', { voteId: 'vote-2' }),
      sketchTheOldWay('deferred', 'ready_for_vote', { vota: [votum('deferred')] }),
      sketchTheOldWay('ready', 'ready_for_vote'),
      sketchTheOldWay('endorsed', 'endorsed', { vota: [votum('deferred'), votum('endorsed')] }),
    ];
    await documents().send(
      new BatchWriteCommand({
        RequestItems: { [config().TABLE_NAME]: items.map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    // Act
    const runs = await migrate();
    const again = await sketchStatesAfterVoteMigration.run();
    const after = Object.fromEntries(
      await Promise.all(items.map(async ({ id }) => [id, await getSketch(id)] as const)),
    );
    // Assess
    expect(runs).toContainEqual({
      name: 'sketchStatesAfterVote',
      outcome: 'ran',
      counts: { read: 4, moved: 2, skipped: 0 },
    });
    expect(again).toEqual({ read: 2, moved: 0, skipped: 0 });
    expect(after.decided).toMatchObject({ status: 'vote_closed', version: 8, outcome });
    expect(after.deferred).toMatchObject({ status: 'deferred', version: 8 });
    expect(after.voting).toMatchObject({ status: 'in_vote', version: 7 });
    expect(after.ready).toMatchObject({ status: 'ready_for_vote', version: 7 });
    expect(after.endorsed).toMatchObject({ status: 'endorsed', version: 7 });
    expect(await listed('vote_closed')).toEqual(['decided']);
    expect(await listed('deferred')).toEqual(['deferred']);
    expect(await listed('in_vote')).toEqual(['voting']);
    expect(await listed('ready_for_vote')).toEqual(['ready']);
  });

  it('skips a sketch that changed between its read and its move, and leaves the change as written', async () => {
    // Prepare: a decided sketch; the office's change lands just before the migration's update
    const item = sketchTheOldWay('raced', 'in_vote', { outcome });
    await documents().send(
      new BatchWriteCommand({ RequestItems: { [config().TABLE_NAME]: [{ PutRequest: { Item: item } }] } }),
    );
    let raced = false;
    documents().middlewareStack.add(
      (next) => async (args) => {
        if (!raced && (args.input as { UpdateExpression?: string }).UpdateExpression?.includes(':to')) {
          raced = true;
          await documents().send(
            new UpdateCommand({
              TableName: config().TABLE_NAME,
              Key: { pk: item.pk, sk: item.sk },
              UpdateExpression: 'SET title = :title, version = :next',
              ExpressionAttributeValues: { ':title': 'Geändert', ':next': item.version + 1 },
            }),
          );
        }
        return next(args);
      },
      { step: 'initialize', name: 'raceMigration' },
    );
    // Act
    let counts: Record<string, number>;
    try {
      counts = await sketchStatesAfterVoteMigration.run();
    } finally {
      documents().middlewareStack.remove('raceMigration');
    }
    const after = await getSketch('raced');
    // Assess
    expect(raced).toBe(true);
    // (the sketches the first test left as they are are read again and left)
    expect(counts).toMatchObject({ moved: 0, skipped: 1 });
    expect(after).toMatchObject({ status: 'in_vote', version: item.version + 1, title: 'Geändert' });
    expect(await listed('in_vote')).toContain('raced');
  });
});
