import { createHash, randomUUID } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrailCheckAnswer } from '../../functions/core/contract/trail-answers.ts';
import type { VoteDoc } from '../../functions/core/contract/vote-docs.ts';
import { addDays, berlinDate } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { trailBreaks, trailCsv } from '../../functions/core/trail.de.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The tamper-evident trail against the handlers and DynamoDB Local: every change links its event,
 * concurrent ballots of different seats all land in one chain, the office's check finds an event
 * altered in the table behind the portal's back, and the CSV lets anyone recompute the chain.
 * Votes take every active seat: this file works in a table of its own, with seats of its own.
 */

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
let applicant: Caller;
const run = randomUUID().slice(0, 8);
const seats = [1, 2, 3, 4].map((i) => ({
  id: `trail${run}-${i}`,
  institution: `Institution ${i}`,
  member: { name: `Mitglied ${i}`, email: `trail-mitglied-${i}-${run}@example.org` },
  active: true,
}));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-trail-${run}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
  const adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
  admin = await passSecondFactor(await signIn(api.url, adminEmail));
  applicant = await signIn(api.url, uniqueEmail());
  for (const { id, ...seat } of seats) {
    const answer = await admin.call('PUT', `/api/admin/seats/${id}`, seat);
    if (answer.status !== 200) throw new Error(`seat not stored: ${JSON.stringify(answer.body)}`);
  }
});
afterAll(async () => {
  await api?.stop();
});

async function readySketch(): Promise<SketchDoc> {
  const submitted = await submittedSketch(applicant, leineWeserSketch());
  await giveStatements(api.url, admin, submitted);
  const accepted = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`);
  expect(accepted.status).toBe(200);
  return accepted.body;
}

/** The items of a partition whose sort key starts with `prefix`, as stored. */
async function stored(pk: string, prefix: string) {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    }),
  );
  return Items;
}

/** What someone with write access to the table could do unseen: change one field of one item. */
async function alter(item: Record<string, unknown>, field: string, value: unknown) {
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'SET #f = :v',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':v': value },
    }),
  );
}

async function download(path: string) {
  const response = await fetch(`${api.url}${path}`, { headers: { cookie: admin.cookie ?? '' } });
  return { response, text: new TextDecoder().decode(await response.arrayBuffer()) };
}

/** The portal's CSV (`;`, quotes doubled, CRLF) as rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ';' && c !== '\r')) field += c;
    else {
      row.push(field);
      field = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    }
  }
  return rows;
}

describe('the tamper-evident trail', { timeout: 180_000 }, () => {
  it('links every change of a sketch; the check finds one stored event altered, by position and time', async () => {
    // Prepare: a sketch that went through its first steps
    const sketch = await readySketch();
    const events = await stored(`SKETCH#${sketch.id}`, 'EVENT#');

    // Act
    const intact = await admin.call<TrailCheckAnswer>('GET', `/api/admin/sketches/${sketch.id}/trail`);
    const byApplicant = await applicant.call('GET', `/api/admin/sketches/${sketch.id}/trail`);
    const second = events.find((e) => e.seq === 2) as Record<string, unknown>;
    await alter(second, 'actor', 'jemand-anderes@example.org');
    const broken = await admin.call<TrailCheckAnswer>('GET', `/api/admin/sketches/${sketch.id}/trail`);
    const unknown = await admin.call('GET', `/api/admin/sketches/${randomUUID()}/trail`);

    // Assess: intact, it verifies; altered, the check names the second event and its time
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(intact).toMatchObject({ status: 200, body: { ok: true, length: events.length } });
    expect(byApplicant.status).toBe(403);
    expect(broken.body).toEqual({
      ok: false,
      length: events.length,
      position: 2,
      at: second.at,
      reason: 'altered',
    });
    expect(unknown.status).toBe(404);
  });

  it('keeps one chain per vote while seats vote at once, and the check finds an altered ballot entry', async () => {
    // Prepare: a vote on a sketch
    const sketch = await readySketch();
    const opened = await admin.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [sketch.id],
      deadline: addDays(berlinDate(clock.now()), 5),
      reason: 'Eilbedürftig: die Antragsfrist der NBank endet vor der nächsten Sitzung.',
    });
    expect(opened.status).toBe(201);
    const voteId = opened.body.id;
    const members = await Promise.all(seats.slice(0, 3).map((s) => signIn(api.url, s.member.email)));

    // Act: three seats cast their ballots at the same moment
    const cast = await Promise.all(
      members.map((member, i) =>
        member.call('POST', `/api/votes/${voteId}/ballots`, {
          seatId: seats[i]?.id,
          sketchId: sketch.id,
          choice: 'approve',
        }),
      ),
    );
    const intact = await admin.call<TrailCheckAnswer>('GET', `/api/admin/votes/${voteId}/trail`);
    const entries = await stored(`VOTE#${voteId}`, 'TRAIL#');
    const ballot = entries.find((e) => e.kind === 'ballot' && e.seatId === seats[1]?.id) as Record<
      string,
      unknown
    >;
    await alter(ballot, 'choice', 'object');
    const broken = await admin.call<TrailCheckAnswer>('GET', `/api/admin/votes/${voteId}/trail`);

    // Assess: every ballot stored, each in its own place of one chain (open, three ballots)
    expect(cast.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(entries.map((e) => e.seq).sort()).toEqual([1, 2, 3, 4]);
    expect(intact.body).toEqual({ ok: true, length: 4 });
    expect(broken.body).toEqual({
      ok: false,
      length: 4,
      position: ballot.seq,
      at: ballot.at,
      reason: 'altered',
    });
  });

  it('exports the chain so that an auditor recomputes every hash and link, and marks the break', async () => {
    // Prepare: a sketch whose third event was altered in the table
    const sketch = await readySketch();
    const events = await stored(`SKETCH#${sketch.id}`, 'EVENT#');
    await alter(events.find((e) => e.seq === 3) as Record<string, unknown>, 'note', 'nachträglich');

    // Act
    const { response, text } = await download(`/api/admin/sketches/${sketch.id}/trail.csv`);
    const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));

    // Assess: one row per event, in the chain's order; each hash is the SHA-256 of the form in its
    // row, each row names the hash of the row before; the altered row says so
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const h = trailCsv.header;
    expect(header).toEqual([h.position, h.at, h.prevHash, h.hash, h.form, h.check]);
    expect(rows.map((r) => r[0])).toEqual(events.map((_, i) => String(i + 1)));
    const recomputed = rows.map((r) => sha256(r[4] ?? '') === r[3]);
    expect(recomputed).toEqual(rows.map((_, i) => i !== 2));
    for (const [i, row] of rows.entries()) expect(row[2]).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]?.[3]);
    expect(rows.map((r) => r[5])).toEqual(
      rows.map((_, i) => (i < 2 ? trailCsv.rowOk : i === 2 ? trailBreaks.altered : '')),
    );
    // The note is personal data: the form holds its salted digest (issue 16), which the row recomputes.
    const salt = String(events.find((e) => e.seq === 3)?.salt);
    expect(JSON.parse(rows[2]?.[4] ?? '{}')).toMatchObject({
      digests: { note: sha256(`${salt}:${JSON.stringify('nachträglich')}`) },
      seq: 3,
    });
  });
});
