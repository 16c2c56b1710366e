import { randomUUID } from 'node:crypto';
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSketchList } from '../../functions/core/contract/local-answers.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { handler as migrate } from '../../functions/jobs/migrate.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type SdkCall, SdkRecorder } from '../bench/sdk.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { localAlliance } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submitAs, submittedSketch } from '../support/sketches.ts';

/*
 * A local alliance's list of sketches reads its sub-region's entries (store/local.ts), written with
 * each change that shows a sketch to it or hides it; the `localEntries` migration gives the sketches
 * stored before theirs. The migration is recorded in its table: this file has a table of its own,
 * and its tests run in order (sketches stored the old way and the migration, then new changes).
 */
process.env.TABLE_NAME = `votum-test-local-entries-${randomUUID().slice(0, 8)}`;

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
let applicant: Caller;
const recorder = new SdkRecorder();
beforeAll(async () => {
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  recorder.instrumentDynamo(dynamo());
  api = await startApi();
  const adminEmail = uniqueEmail('amt');
  await addAdmin(adminEmail, 'Amt', new Date());
  admin = await passSecondFactor(await signIn(api.url, adminEmail));
  applicant = await signIn(api.url, uniqueEmail());
});
afterAll(() => api.stop());

/** A submitted sketch in the given sub-regions (shares split evenly). */
async function sketchIn(subRegionIds: string[]): Promise<SketchDoc> {
  const sketch = leineWeserSketch();
  sketch.project.title = `Teilraum ${subRegionIds.join('+')} ${randomUUID().slice(0, 6)}`;
  const share = Math.floor(10_000 / subRegionIds.length);
  sketch.space.subRegions = subRegionIds.map((id, i) => ({
    id,
    shareBp: i === 0 ? 10_000 - share * (subRegionIds.length - 1) : share,
  }));
  const districts: Record<string, string> = {
    'region-hannover': 'Region Hannover',
    hildesheim: 'Landkreis Hildesheim',
  };
  sketch.space.districts = subRegionIds.map((id) => districts[id] ?? '');
  sketch.localAlliance.subRegionId = subRegionIds[0] ?? '';
  return submittedSketch(applicant, sketch);
}

/** The sketch's entries in the sub-regions' lists, read directly. */
async function entriesOf(id: string): Promise<string[]> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
      ExpressionAttributeValues: { ':pk': keys.sketch(id).pk, ':entry': keys.prefix.localEntry },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => String(item.sk).slice(keys.prefix.localEntry.length)).sort();
}

/** The list as Hildesheim's alliance reads it, with the DynamoDB calls it made. */
async function hildesheimList() {
  const farehi = await localAlliance(api.url, admin, 'hildesheim');
  recorder.start();
  const answer = await farehi.call<LocalSketchList>('GET', '/api/local/sketches');
  const calls = recorder.stop();
  return { ids: answer.body.sketches.map((s) => s.id), status: answer.status, calls };
}

const onIndex = (calls: SdkCall[], pk: string) =>
  calls.filter((call) => JSON.stringify(call.input).includes(pk));

let stored: { hildesheim: SketchDoc; hannover: SketchDoc; both: SketchDoc };

describe("the local alliances' lists", () => {
  it('read every sketch past the draft until the migration has given those stored before their entries', async () => {
    // Prepare: three sketches as the version before stored them (no entries), and a draft in Hildesheim
    stored = {
      hildesheim: await sketchIn(['hildesheim']),
      hannover: await sketchIn(['region-hannover']),
      both: await sketchIn(['region-hannover', 'hildesheim']),
    };
    for (const sketch of Object.values(stored))
      for (const subRegionId of await entriesOf(sketch.id))
        await documents().send(
          new DeleteCommand({ TableName: config().TABLE_NAME, Key: keys.localEntry(sketch.id, subRegionId) }),
        );
    const draft = leineWeserSketch();
    draft.space.subRegions = [{ id: 'hildesheim', shareBp: 10_000 }];
    await applicant.call('POST', '/api/sketches', { draft }, { 'idempotency-key': randomUUID() });
    // Act
    const before = await hildesheimList();
    const runs = await migrate();
    const entries = {
      hildesheim: await entriesOf(stored.hildesheim.id),
      hannover: await entriesOf(stored.hannover.id),
      both: await entriesOf(stored.both.id),
    };
    const after = await hildesheimList();
    // Assess: the same list, newest submission first, before and after
    expect(before.status).toBe(200);
    expect(before.ids).toEqual([stored.both.id, stored.hildesheim.id]);
    expect(after.ids).toEqual(before.ids);
    // before: one query per state past the draft; after: the sub-region's entries and those sketches
    expect(onIndex(before.calls, keys.sketchesByStatus('submitted'))).toHaveLength(1);
    expect(onIndex(after.calls, keys.prefix.sketchesByStatus)).toEqual([]);
    const listed = onIndex(after.calls, keys.sketchesOfSubRegion('hildesheim'));
    expect(listed.map((call) => [call.command, call.itemsRead])).toEqual([['QueryCommand', 2]]);
    const read = after.calls.filter((call) => call.command === 'BatchGetItemCommand');
    expect(read.map((call) => call.itemsRead)).toEqual([2]);
    // the migration wrote each sketch's entries, once
    expect(runs.find((run) => run.name === 'localEntries')).toEqual({
      name: 'localEntries',
      outcome: 'ran',
      counts: { sketches: 3, entries: 4, retried: 0 },
    });
    expect(entries).toEqual({
      hildesheim: ['hildesheim'],
      hannover: ['region-hannover'],
      both: ['hildesheim', 'region-hannover'],
    });
  });

  it('show a sketch from its submission, hide it while it is returned to its draft, and show it again', async () => {
    // Prepare
    const sketch = await sketchIn(['hildesheim']);
    const submitted = await entriesOf(sketch.id);
    const listedSubmitted = await hildesheimList();
    // Act
    const returned = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${sketch.id}/return`, {
      note: 'Bitte die Kosten genauer begründen.',
    });
    const whileReturned = await entriesOf(sketch.id);
    const listedReturned = await hildesheimList();
    const resubmitted = await submitAs(applicant, sketch.id, returned.body.version);
    const again = await entriesOf(sketch.id);
    const listedAgain = await hildesheimList();
    // Assess
    expect(submitted).toEqual(['hildesheim']);
    expect(listedSubmitted.ids[0]).toBe(sketch.id);
    expect(returned.status).toBe(200);
    expect(whileReturned).toEqual([]);
    expect(listedReturned.ids).not.toContain(sketch.id);
    expect(resubmitted.status).toBe(200);
    expect(again).toEqual(['hildesheim']);
    expect(listedAgain.ids).toEqual([sketch.id, stored.both.id, stored.hildesheim.id]);
  });
});
