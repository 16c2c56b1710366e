import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteDoc } from '../../functions/core/contract/vote-docs.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import type { Seat } from '../../functions/core/vote.ts';
import { handler as renderDocuments } from '../../functions/jobs/render-documents.ts';
import { dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements } from '../support/local.ts';
import { all, rows, structure } from '../support/pdf-structure.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The record of a circulation decision (Umlaufbeschluss): ordered when the vote closes, rendered by
 * the document job, handed out to the sketch's applicant and the office. A table of its own: the
 * votes take every active seat, and the render job renders every order in its table.
 */

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
const run = randomUUID().slice(0, 6);
const seats: Seat[] = Array.from({ length: 3 }, (_, i) => ({
  id: `r${run}-${i + 1}`,
  institution: `Institution ${i + 1}`,
  member: { name: `Mitglied ${i + 1}`, email: `mitglied-${i + 1}-${run}@example.org` },
  deputies: [{ name: `Vertretung ${i + 1}`, email: `vertretung-${i + 1}-${run}@example.org` }],
  active: true,
}));
const seat = (n: number) => seats[n - 1] as Seat;

beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-record-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
  const adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
  admin = await passSecondFactor(await signIn(api.url, adminEmail));
  for (const { id, ...body } of seats) {
    const answer = await admin.call('PUT', `/api/admin/seats/${id}`, body);
    if (answer.status !== 200) throw new Error(`seat not stored: ${JSON.stringify(answer.body)}`);
  }
});
afterAll(async () => {
  await api.stop();
});

describe('the record of a circulation decision', { timeout: 120_000 }, () => {
  it('is made when the vote closes and handed to the applicant and the office, to nobody else', async () => {
    // Prepare: a ready sketch; seat 1 votes through its deputy, seat 2 is recused, seat 3 approves
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = leineWeserSketch();
    draft.project.title = `Umlauf ${run}`;
    const submitted = await submittedSketch(applicant, draft);
    await giveStatements(api.url, admin, submitted);
    const sketch = (await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`)).body;
    const vote = (
      await admin.call<VoteDoc>('POST', '/api/admin/votes', {
        sketchIds: [sketch.id],
        reason: 'Eilbedürftig: die Antragsfrist der NBank endet vor der nächsten Sitzung.',
      })
    ).body;
    const member1 = await signIn(api.url, seat(1).member.email);
    await member1.call('POST', `/api/votes/${vote.id}/seats/${seat(1).id}/handover`);
    const deputy1 = await signIn(api.url, seat(1).deputies[0]?.email ?? '');
    await deputy1.call('POST', `/api/votes/${vote.id}/ballots`, {
      seatId: seat(1).id,
      sketchId: sketch.id,
      choice: 'approve',
    });
    const member2 = await signIn(api.url, seat(2).member.email);
    await member2.call('POST', `/api/votes/${vote.id}/recusals`, { seatId: seat(2).id, sketchId: sketch.id });
    const member3 = await signIn(api.url, seat(3).member.email);
    const last = await member3.call<VoteDoc>('POST', `/api/votes/${vote.id}/ballots`, {
      seatId: seat(3).id,
      sketchId: sketch.id,
      choice: 'approve',
    });
    const other = await signIn(api.url, uniqueEmail());
    const get = (caller: Caller, query = `?vote=${vote.id}`) =>
      fetch(`${api.url}/api/sketches/${sketch.id}/circulation-record${query}`, {
        headers: { cookie: caller.cookie ?? '' },
      });
    const beforeRendering = await get(admin);
    // Act: the document job renders what the close ordered
    await renderDocuments();
    const forApplicant = await get(applicant, '');
    const forOffice = await get(admin);
    const forOther = await get(other);
    const unknownVote = await get(admin, `?vote=${randomUUID()}`);
    // Assess: the vote closed as complete; the record waited for the job, then reads as the vote went
    expect(last.body).toMatchObject({ status: 'closed', closedBecause: 'complete' });
    expect(beforeRendering.status).toBe(409);
    expect(forApplicant.status).toBe(200);
    expect(forApplicant.headers.get('content-type')).toBe('application/pdf');
    expect(forApplicant.headers.get('content-disposition')).toContain(`Umlaufbeschluss-Umlauf-${run}.pdf`);
    const bytes = new Uint8Array(await forApplicant.arrayBuffer());
    expect(Buffer.from(await forOffice.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(forOther.status).toBe(404);
    expect(unknownVote.status).toBe(404);
    const { pages } = await structure(bytes);
    expect(all(pages, 'H1').map((h) => h.text)).toEqual([
      `Umlaufbeschluss der Lenkungsgruppe zur Projektskizze „Umlauf ${run}“`,
    ]);
    const ballots = all(pages, 'Table')
      .map(rows)
      .find((r) => r[0]?.[0] === 'TH:Sitz');
    expect(ballots).toEqual([
      ['TH:Sitz', 'TH:Abgestimmt durch', 'TH:Stimme'],
      ['TD:Institution 1', 'TD:Vertretung 1 (Stellvertretung für Mitglied 1)', 'TD:Zustimmung'],
      ['TD:Institution 2', 'TD:–', 'TD:befangen, nicht stimmberechtigt'],
      ['TD:Institution 3', 'TD:Mitglied 3 (Mitglied)', 'TD:Zustimmung'],
    ]);
    expect(all(pages, 'Table').map(rows).at(-1)).toContainEqual(['TH:Beschluss', 'TD:befürwortet']);
    // names, never email addresses
    expect(JSON.stringify(pages)).not.toContain('@');
  });
});
