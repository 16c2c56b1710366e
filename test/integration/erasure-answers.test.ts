import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { answerOwnersMigration, runMigrations } from '../../functions/store/migrations.ts';
import { personHash } from '../../functions/store/person.ts';
import { storedAnswersOf } from '../../functions/store/retention.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { SdkRecorder } from '../bench/sdk.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submitAs } from '../support/sketches.ts';

/*
 * The sketch requests' stored answers (Powertools idempotency records, one partition for everyone)
 * and the erasure: it finds a person's through gsi2 by the hash of their address, and, until the
 * migration `answerOwners` has tagged the records stored before, also the old way. The migration
 * is recorded in its table: this file has a table of its own, and its tests run in order (before
 * the migration, then after).
 */
process.env.TABLE_NAME = `votum-test-answers-${randomUUID().slice(0, 8)}`;

let api: Awaited<ReturnType<typeof startApi>>;
const recorder = new SdkRecorder();
beforeAll(async () => {
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  recorder.instrumentDynamo(dynamo());
  api = await startApi();
});
afterAll(() => api.stop());

type Item = Record<string, unknown>;

/** Every record of the sketch requests' partition, read directly. */
async function records(): Promise<Item[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.idempotentSketchRequests },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

const mentions = (item: Item, email: string) =>
  JSON.stringify(item).toLowerCase().includes(email.toLowerCase());

/** A draft started with a given Idempotency-Key (a retry sends the same). */
const create = (caller: Caller, key: string, title = 'Ein Entwurf') =>
  caller.call<SketchDoc>(
    'POST',
    '/api/sketches',
    { draft: { project: { title } } },
    { 'idempotency-key': key },
  );

async function office(): Promise<Caller> {
  const email = uniqueEmail('amt');
  await addAdmin(email, 'Amt', new Date());
  return passSecondFactor(await signIn(api.url, email));
}

const erase = (admin: Caller, email: string) =>
  admin.call<{ deleted: number }>('POST', '/api/admin/erasures', {
    email,
    confirmEmail: email,
    reason: 'Antrag per Brief',
  });

/** The person's drafts, as their list shows them. */
const draftsOf = async (caller: Caller) =>
  (await caller.call<{ sketches: { id: string }[] }>('GET', '/api/my/sketches')).body.sketches;

describe("the sketch requests' stored answers, written the old way", () => {
  it('are tagged by the migration, still answer a retry with the same draft, and the erasure then deletes them', async () => {
    // Prepare: two people's drafts; their records as the version before this index wrote them
    // (Powertools' own layer: the same item without gsi2pk/gsi2sk)
    const email = uniqueEmail('alt');
    const other = uniqueEmail('andere');
    const applicant = await signIn(api.url, email);
    const someone = await signIn(api.url, other);
    const key = randomUUID();
    const first = await create(applicant, key);
    expect(first.status).toBe(201);
    expect((await create(someone, randomUUID())).status).toBe(201);
    for (const item of await records())
      await documents().send(
        new UpdateCommand({
          TableName: config().TABLE_NAME,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
        }),
      );
    const old = await records();
    expect(old).toHaveLength(2);
    expect(old.every((item) => item.gsi2pk === undefined)).toBe(true);
    // Act: before the migration the erasure's read finds the old record the old way
    const beforeMigration = await storedAnswersOf(email);
    // Assess
    expect(beforeMigration).toHaveLength(1);
    // Act: the migration (twice: the second finds nothing left to tag), then a retry
    const runs = await runMigrations(new Date(), [answerOwnersMigration]);
    const again = await answerOwnersMigration.run();
    const retried = await create(applicant, key);
    // Assess
    expect(runs).toEqual([
      { name: 'answerOwners', outcome: 'ran', counts: expect.objectContaining({ tagged: 2 }) },
    ]);
    expect(again).toMatchObject({ records: 0, tagged: 0 });
    const tagged = (await records()).find((item) => mentions(item, email));
    expect(tagged).toMatchObject({ gsi2pk: keys.answersOf(await personHash(email)), gsi2sk: tagged?.sk });
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    expect(await draftsOf(applicant)).toHaveLength(1);
    // Act: the erasure
    const erased = await erase(await office(), email);
    // Assess: their record is gone, the other person's stays
    expect(erased.status).toBe(200);
    const left = await records();
    expect(left.some((item) => mentions(item, email))).toBe(false);
    expect(left.filter((item) => mentions(item, other))).toHaveLength(1);
  });
});

describe('an erasure', () => {
  it("deletes the person's stored answers of both sketch requests and leaves another person's", async () => {
    // Prepare: a draft the person submitted (two records), another person's draft
    const email = uniqueEmail('weg');
    const other = uniqueEmail('bleibt');
    const applicant = await signIn(api.url, email);
    const draft = await applicant.call<SketchDoc>(
      'POST',
      '/api/sketches',
      { draft: leineWeserSketch() },
      { 'idempotency-key': randomUUID() },
    );
    const submitted = await submitAs(applicant, draft.body.id, draft.body.version);
    const kept = await create(await signIn(api.url, other), randomUUID());
    const hash = await personHash(email);
    const theirs = (await records()).filter((item) => item.gsi2pk === keys.answersOf(hash));
    // Act
    const erased = await erase(await office(), email);
    // Assess
    expect(submitted.status).toBe(200);
    expect(theirs).toHaveLength(2);
    expect(erased.status).toBe(200);
    const left = await records();
    expect(left.some((item) => mentions(item, email) || item.gsi2pk === keys.answersOf(hash))).toBe(false);
    const othersKey = keys.answersOf(await personHash(other));
    const others = left.filter((item) => item.gsi2pk === othersKey);
    expect(others).toHaveLength(1);
    expect(others[0]?.data).toMatchObject({ id: kept.body.id, ownerEmail: other });
  });
});

describe("an erasure once the answers' migration has run", () => {
  it("reads only the person's entries, however many other people's the partition holds", async () => {
    // Prepare: 300 answers of other people (as this version stores them), the person's own draft
    const email = uniqueEmail('wenig');
    const applicant = await signIn(api.url, email);
    const own = await create(applicant, randomUUID());
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const others = await Promise.all(
      Array.from({ length: 300 }, async (_, n) => {
        const owner = `person-${n}-${randomUUID().slice(0, 6)}@example.org`;
        const sk = `sketch-requests#${randomUUID()}`;
        return {
          pk: keys.idempotentSketchRequests,
          sk,
          status: 'COMPLETED',
          expiresAt,
          data: { id: randomUUID(), ownerEmail: owner, draft: { project: { title: 'x'.repeat(200) } } },
          gsi2pk: keys.answersOf(await personHash(owner)),
          gsi2sk: sk,
        };
      }),
    );
    for (let i = 0; i < others.length; i += 25)
      await documents().send(
        new BatchWriteCommand({
          RequestItems: {
            [config().TABLE_NAME]: others.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    const admin = await office();
    const before = (await records()).length;
    // Act
    recorder.start();
    const erased = await erase(admin, email);
    const calls = recorder.stop();
    // Assess
    expect(own.status).toBe(201);
    expect(erased.status).toBe(200);
    const queries = calls.filter((call) => call.command === 'QueryCommand');
    expect(queries.length).toBeGreaterThan(0);
    const onPartition = queries.filter((call) =>
      JSON.stringify(call.input).includes(keys.idempotentSketchRequests),
    );
    expect(onPartition).toEqual([]);
    const theirs = keys.answersOf(await personHash(email));
    const answers = queries.filter((call) => JSON.stringify(call.input).includes(theirs));
    expect(answers).toHaveLength(1);
    expect(answers[0]?.itemsRead).toBe(1);
    const read = calls.reduce((sum, call) => sum + call.itemsRead, 0);
    expect(read).toBeLessThan(50);
    expect((await records()).filter((item) => mentions(item, email))).toEqual([]);
    expect(await records()).toHaveLength(before - 1);
  });
});
