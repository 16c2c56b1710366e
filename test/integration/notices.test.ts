import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { handler as submissionDigest } from '../../functions/jobs/submission-digest.ts';
import { clock } from '../../functions/platform/clock.ts';
import { resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, type Mail, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { endorsedInMeeting, leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * What the owner and the office hear by mail (issue 15, item 6), against the handlers, DynamoDB
 * Local and the local mailbox, in a table of its own (the office's setting and the digest's
 * notices are the table's): every step to the owner, a mail per submission with the note on what
 * changed, or the daily digest sent by its job.
 */

const profile = loadProfile('leine-weser');
const office = profile.office.email;
let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  const tableName = `votum-test-notices-${run}`;
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  process.env.TABLE_NAME = tableName;
  resetConfig();
  api = await startApi();
  const adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
  admin = await passSecondFactor(await signIn(api.url, adminEmail));
  for (const i of [1, 2]) {
    const answer = await admin.call('PUT', `/api/admin/seats/n${run}-${i}`, {
      institution: `Institution ${i}`,
      member: { name: `Mitglied ${i}`, email: `notices-mitglied-${i}-${run}@example.org` },
      active: true,
    });
    if (answer.status !== 200) throw new Error(`seat not stored: ${JSON.stringify(answer.body)}`);
  }
});
afterAll(async () => {
  await api?.stop();
});
afterEach(() => clock.reset());

const titled = (title: string) => {
  const sketch = leineWeserSketch();
  sketch.project.title = title;
  return sketch;
};
const about = async (to: string, text: string): Promise<Mail[]> =>
  (await mailsTo(to)).filter((m) => m.subject.includes(text));

async function ready(caller: Caller, title: string): Promise<SketchDoc> {
  const submitted = await submittedSketch(caller, titled(title));
  await giveStatements(api.url, admin, submitted);
  const accepted = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`);
  expect(accepted.status).toBe(200);
  return accepted.body;
}

describe('mails to the owner and the office', { timeout: 180_000 }, () => {
  it('tell the office of each submission, and of a resubmission with what changed', async () => {
    // Prepare
    const owner = uniqueEmail();
    const applicant = await signIn(api.url, owner);
    const title = `Einzeln ${run}`;

    // Act: submit, get it back, resubmit with a note
    const first = await submittedSketch(applicant, titled(title));
    await admin.call('POST', `/api/admin/sketches/${first.id}/return`, { note: 'Bitte Zielwerte ergänzen.' });
    const draft = await applicant.call<SketchDoc>('GET', `/api/sketches/${first.id}`);
    const resubmitted = await applicant.call<SketchDoc>(
      'POST',
      `/api/sketches/${first.id}/submit`,
      { version: draft.body.version, changeNote: 'Zielwerte je Teilraum ergänzt.' },
      { 'idempotency-key': randomUUID() },
    );
    const tooLong = await applicant.call<{ fields: { field: string; message: string }[] }>(
      'POST',
      `/api/sketches/${first.id}/submit`,
      { version: 1, changeNote: 'x'.repeat(2001) },
      { 'idempotency-key': randomUUID() },
    );

    // Assess: one mail per submission to the office, the second with the applicant's note
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.submissions.map((s) => s.changeNote)).toEqual([
      undefined,
      'Zielwerte je Teilraum ergänzt.',
    ]);
    const [news] = await about(office, `Neue Projektskizze: ${title}`);
    const [again] = await about(office, `Erneut eingereicht: ${title}`);
    expect(news?.body.text).toContain(`/verwaltung/skizzen/${first.id}`);
    expect(again?.body.text).toContain(
      'Was sich laut Antragsteller geändert hat: Zielwerte je Teilraum ergänzt.',
    );
    expect(again?.body.text).toContain('zum 2. Mal eingereicht');
    // the owner got the confirmation both times, the office none of them
    expect((await mailsTo(owner)).filter((m) => m.subject.includes('eingereicht'))).toHaveLength(2);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toEqual([
      { field: 'changeNote', message: 'Was hat sich geändert: Bitte höchstens 2000 Zeichen eingeben.' },
    ]);
  });

  it('gather submissions into one daily digest at 7 o’clock when the office chooses it', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const chosen = await admin.call('PUT', '/api/admin/settings/submission-notices', { mode: 'digest' });
    const wrong = await admin.call<{ fields: { field: string }[] }>(
      'PUT',
      '/api/admin/settings/submission-notices',
      {
        mode: 'weekly',
      },
    );
    const now = new Date();

    // Act: two submissions, the digest job before and after the next 7 o'clock in Berlin
    await submittedSketch(applicant, titled(`Gesammelt A ${run}`));
    await submittedSketch(applicant, titled(`Gesammelt B ${run}`));
    const early = await submissionDigest();
    const setting = await admin.call<{ mode: string }>('GET', '/api/admin/settings/submission-notices');
    clock.set(new Date(now.getTime() + 25 * 3_600_000));
    const due = await submissionDigest();
    const again = await submissionDigest();
    clock.reset();
    await admin.call('PUT', '/api/admin/settings/submission-notices', { mode: 'each' });

    // Assess: nothing before it is due, then one mail with both, then nothing again
    expect(chosen.status).toBe(200);
    expect(setting.body.mode).toBe('digest');
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.map((f) => f.field)).toEqual(['mode']);
    expect(await about(office, `Neue Projektskizze: Gesammelt A ${run}`)).toEqual([]);
    expect(early).toEqual({ mails: 0, submissions: 0 });
    expect(due).toEqual({ mails: 1, submissions: 2 });
    expect(again).toEqual({ mails: 0, submissions: 0 });
    const digests = (await about(office, 'tägliche Übersicht')).filter((m) =>
      m.body.text?.includes(`Gesammelt A ${run}`),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe('2 Projektskizzen eingereicht (tägliche Übersicht)');
    expect(digests[0]?.body.text).toContain(`Gesammelt B ${run}`);
  });

  it('tell the owner of every step: in the vote, decided in writing, decided in a meeting', async () => {
    // Prepare
    const owner = uniqueEmail();
    const applicant = await signIn(api.url, owner);
    const inVote = await ready(applicant, `Umlauf ${run}`);
    const inMeeting = await ready(applicant, `Sitzung ${run}`);

    // Act: a circulation vote on one, closed early; a meeting decides the other
    const opened = await admin.call<{ id: string }>('POST', '/api/admin/votes', {
      sketchIds: [inVote.id],
      reason: 'Eilbedürftig wegen Fristablauf',
    });
    const closed = await admin.call('POST', `/api/admin/votes/${opened.body.id}/close`, {});
    const decided = await endorsedInMeeting(admin, inMeeting.id, '2026-11-20');

    // Assess
    expect(opened.status).toBe(201);
    expect(closed.status).toBe(200);
    expect(decided.status).toBe(201);
    const subjects = (await mailsTo(owner)).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `In der Abstimmung: Umlauf ${run}`,
        `Abstimmung abgeschlossen: Umlauf ${run}`,
        `Beraten: Sitzung ${run}`,
      ]),
    );
    const [meetingMail] = await about(owner, `Beraten: Sitzung ${run}`);
    expect(meetingMail?.body.text).toContain('Die Lenkungsgruppe hat in ihrer Sitzung am 20.11.2026');
  });
});
