import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
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
 * A local alliance's list of sketches reads a page of its sub-region's entries in one section
 * (store/local.ts), written with each change that shows a sketch to it, moves it to the earlier
 * projects or hides it; the `localEntries` and `localSections` migrations give the sketches stored
 * before theirs. The migrations are recorded in its table: this file has a table of its own, and
 * its tests run in order (sketches stored the old ways and the migrations, then new changes).
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

/** The sketch's entries in the sub-regions' lists, read directly: sub-region → its place (gsi1sk). */
async function placesOf(id: string): Promise<Record<string, string>> {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
      ExpressionAttributeValues: { ':pk': keys.sketch(id).pk, ':entry': keys.prefix.localEntry },
      ConsistentRead: true,
    }),
  );
  return Object.fromEntries(
    (Items ?? []).map((item) => [String(item.sk).slice(keys.prefix.localEntry.length), String(item.gsi1sk)]),
  );
}
const entriesOf = async (id: string) => Object.keys(await placesOf(id)).sort();

/** The first page of a section as Hildesheim's alliance reads it, with the DynamoDB calls it made. */
async function hildesheimList(section: 'open' | 'earlier' = 'open') {
  const farehi = await localAlliance(api.url, admin, 'hildesheim');
  recorder.start();
  const answer = await farehi.call<LocalSketchList>('GET', `/api/local/sketches?section=${section}`);
  const calls = recorder.stop();
  return { ids: answer.body.items.map((s) => s.id), status: answer.status, calls };
}

/** Every page of a section, `limit` at a time, as `caller` reads it by following the cursors. */
async function allPages(caller: Caller, section: 'open' | 'earlier', limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ section, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const answer = await caller.call<LocalSketchList>('GET', `/api/local/sketches?${query}`);
    expect(answer.status).toBe(200);
    pages.push(answer.body.items.map((s) => s.id));
    cursor = answer.body.cursor;
  } while (cursor && pages.length < 50);
  return pages;
}

const onIndex = (calls: SdkCall[], pk: string) =>
  calls.filter((call) => JSON.stringify(call.input).includes(pk));

let stored: { hildesheim: SketchDoc; hannover: SketchDoc; both: SketchDoc };

describe("the local alliances' lists", () => {
  it('read each section by state until the migrations have given the sketches stored before their entries', async () => {
    // Prepare: three sketches as the versions before stored them: two without entries (before the
    // entries), one with its entry sorted by submission only (before the sections); and a draft
    stored = {
      hildesheim: await sketchIn(['hildesheim']),
      hannover: await sketchIn(['region-hannover']),
      both: await sketchIn(['region-hannover', 'hildesheim']),
    };
    for (const sketch of [stored.hannover, stored.both])
      for (const subRegionId of await entriesOf(sketch.id))
        await documents().send(
          new DeleteCommand({ TableName: config().TABLE_NAME, Key: keys.localEntry(sketch.id, subRegionId) }),
        );
    const old = stored.hildesheim;
    await documents().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: {
          ...keys.localEntry(old.id, 'hildesheim'),
          gsi1pk: keys.sketchesOfSubRegion('hildesheim'),
          gsi1sk: keys.byTime(old.submittedAt ?? '', old.id),
          sketchId: old.id,
        },
      }),
    );
    const draft = leineWeserSketch();
    draft.space.subRegions = [{ id: 'hildesheim', shareBp: 10_000 }];
    await applicant.call('POST', '/api/sketches', { draft }, { 'idempotency-key': randomUUID() });
    // Act
    const before = await hildesheimList();
    const earlierBefore = await hildesheimList('earlier');
    const runs = await migrate();
    const places = {
      hildesheim: await placesOf(stored.hildesheim.id),
      hannover: await placesOf(stored.hannover.id),
      both: await placesOf(stored.both.id),
    };
    const after = await hildesheimList();
    // Assess: the same list, newest submission first, before and after
    expect(before.status).toBe(200);
    expect(before.ids).toEqual([stored.both.id, stored.hildesheim.id]);
    expect(after.ids).toEqual(before.ids);
    expect(earlierBefore.ids).toEqual([]);
    // before: the open section's one state; after: the sub-region's entries and those sketches
    expect(onIndex(before.calls, keys.prefix.sketchesByStatus)).toEqual(
      onIndex(before.calls, keys.sketchesByStatus('submitted')),
    );
    expect(onIndex(before.calls, keys.sketchesByStatus('submitted'))).toHaveLength(1);
    expect(onIndex(after.calls, keys.prefix.sketchesByStatus)).toEqual([]);
    const listed = onIndex(after.calls, keys.sketchesOfSubRegion('hildesheim'));
    expect(listed.map((call) => [call.command, call.itemsRead])).toEqual([['QueryCommand', 2]]);
    const read = after.calls.filter((call) => call.command === 'BatchGetItemCommand');
    expect(read.map((call) => call.itemsRead)).toEqual([2]);
    // each migration wrote each sketch's entries, once; the old entry now has its section
    const wrote = { outcome: 'ran', counts: { sketches: 3, entries: 4, retried: 0 } };
    expect(runs.filter((run) => run.name.startsWith('local'))).toEqual([
      { name: 'localStatements', outcome: 'ran', counts: expect.any(Object) },
      { name: 'localEntries', ...wrote },
      { name: 'localSections', ...wrote },
    ]);
    const openAt = (sketch: SketchDoc) => keys.localListed('open', sketch.submittedAt ?? '', sketch.id);
    expect(places).toEqual({
      hildesheim: { hildesheim: openAt(stored.hildesheim) },
      hannover: { 'region-hannover': openAt(stored.hannover) },
      both: { hildesheim: openAt(stored.both), 'region-hannover': openAt(stored.both) },
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

  it('move a sketch to the earlier projects when it leaves the check', async () => {
    // Prepare
    const sketch = await sketchIn(['hildesheim']);
    const whileOpen = await placesOf(sketch.id);
    // Act
    const withdrawn = await applicant.call<SketchDoc>('POST', `/api/sketches/${sketch.id}/withdraw`, {});
    const moved = await placesOf(sketch.id);
    const open = await hildesheimList('open');
    const earlier = await hildesheimList('earlier');
    // Assess: one entry, moved from the open section to the earlier one
    expect(withdrawn.status).toBe(200);
    expect(whileOpen).toEqual({ hildesheim: keys.localListed('open', sketch.submittedAt ?? '', sketch.id) });
    expect(moved).toEqual({ hildesheim: keys.localListed('earlier', sketch.submittedAt ?? '', sketch.id) });
    expect(open.ids).not.toContain(sketch.id);
    expect(earlier.ids).toEqual([sketch.id]);
    expect(onIndex(earlier.calls, keys.sketchesOfSubRegion('hildesheim'))[0]?.itemsRead).toBe(1);
  });

  it('read a section a page at a time, a sketch touching two of the sub-regions once', async () => {
    // Prepare: an alliance speaking for Hildesheim and Hannover, and three sketches more in Hannover
    // (open then: the three stored, the one resubmitted, these three)
    const email = uniqueEmail('lokal-beide');
    for (const subRegionId of ['hildesheim', 'region-hannover'])
      await admin.call('PUT', `/api/admin/local-accounts/beide-${subRegionId}`, {
        subRegionId,
        name: `Beide (${subRegionId})`,
        email,
      });
    const both = await signIn(api.url, email);
    for (let i = 0; i < 3; i++) await sketchIn(['region-hannover']);
    // Act
    const whole = await allPages(both, 'open', 100);
    const byTwo = await allPages(both, 'open', 2);
    const byOne = await allPages(both, 'open', 1);
    const wrongSection = await both.call('GET', '/api/local/sketches?section=alle');
    const forged = await both.call(
      'GET',
      `/api/local/sketches?section=open&cursor=${Buffer.from('earlier#2026-01-01T00:00:00.000Z#x').toString('base64url')}`,
    );
    const tooMany = await both.call('GET', '/api/local/sketches?limit=101');
    // Assess: every open sketch of both sub-regions once, newest first, in pages of at most the limit
    expect(whole).toHaveLength(1);
    const ids = whole[0] ?? [];
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids.filter((id) => id === stored.both.id)).toHaveLength(1);
    expect(byTwo.flat()).toEqual(ids);
    expect(byTwo.map((page) => page.length)).toEqual([2, 2, 2, 1]);
    expect(byOne).toHaveLength(7);
    expect(byOne.flat()).toEqual(ids);
    expect(wrongSection).toMatchObject({
      status: 400,
      body: { fields: [{ field: 'section', message: expect.stringContaining('section: Bitte „open“') }] },
    });
    expect(forged).toMatchObject({
      status: 400,
      body: { fields: [{ field: 'cursor', message: 'cursor: ungültig.' }] },
    });
    expect(tooMany).toMatchObject({
      status: 400,
      body: { fields: [{ field: 'limit', message: 'limit: höchstens 100.' }] },
    });
  });
});
