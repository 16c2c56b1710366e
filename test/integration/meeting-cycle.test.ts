import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, berlinDate } from '../../functions/core/dates.ts';
import type { MeetingPlan } from '../../functions/core/meetings.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { handler as renderDocuments } from '../../functions/jobs/render-documents.ts';
import { resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The meeting cycle against the handlers, DynamoDB Local, the render job and the local mailbox, in
 * a table of its own (the agenda takes every sketch ready for a decision): the office plans a
 * meeting with its submission deadline, sends the invitation, and every seat's member and deputy
 * receives the agenda with the dossier as one PDF; the applicant hears the sketch is on the agenda.
 */

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
const run = randomUUID().slice(0, 8);
const member = `zyklus-mitglied-${run}@example.org`;
const deputy = `zyklus-vertretung-${run}@example.org`;

beforeAll(async () => {
  const tableName = `votum-test-meetings-${run}`;
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
  await admin.call('PUT', `/api/admin/seats/z${run}`, {
    institution: 'IHK Hannover',
    member: { name: 'Mara Mitglied', email: member },
    deputies: [{ name: 'Veit Vertretung', email: deputy }],
    active: true,
  });
});
afterAll(async () => {
  await api?.stop();
});

describe('the meeting cycle', { timeout: 180_000 }, () => {
  it('plans a meeting and sends the invitation with the agenda and the dossier to members and deputies', async () => {
    // Prepare: one sketch ready for a decision, one still being checked
    const owner = uniqueEmail();
    const applicant = await signIn(api.url, owner);
    const ready = leineWeserSketch();
    ready.project.title = `Zur Sitzung ${run}`;
    const submitted = await submittedSketch(applicant, ready);
    await giveStatements(api.url, admin, submitted);
    const accepted = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`);
    expect(accepted.status).toBe(200);
    await submittedSketch(applicant);
    const today = berlinDate(new Date());
    const date = addDays(today, 35);

    // Act: plan (one meeting with its deadline ahead, one with it passed), list, invite, render, invite again
    const wrong = await admin.call<{ fields: { field: string; message: string }[] }>(
      'POST',
      '/api/admin/meeting-plans',
      { meetings: [{ date, submissionDeadline: addDays(date, 1) }] },
    );
    const planned = await admin.call<{ items: MeetingPlan[] }>('POST', '/api/admin/meeting-plans', {
      meetings: [{ date, submissionDeadline: addDays(today, 7), place: 'ArL Leine-Weser, Hildesheim' }],
    });
    const planId = planned.body.items[0]?.id ?? '';
    // a meeting whose deadline passed yesterday: the sketch came in after it
    const passed = await admin.call<{ items: MeetingPlan[] }>('POST', '/api/admin/meeting-plans', {
      meetings: [{ date: addDays(today, 28), submissionDeadline: addDays(today, -1) }],
    });
    const passedId = passed.body.items[0]?.id ?? '';
    const listed = await admin.call<{ items: (MeetingPlan & { agendaNow: { title: string }[] })[] }>(
      'GET',
      '/api/admin/meeting-plans',
    );
    const invited = await admin.call<MeetingPlan>('POST', `/api/admin/meeting-plans/${planId}/invitation`);
    const rendered = await renderDocuments();
    const again = await admin.call<{ code: string }>('POST', `/api/admin/meeting-plans/${planId}/invitation`);

    // Assess: a deadline after the meeting is refused, naming the field
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toEqual([
      {
        field: 'meetings.0.submissionDeadline',
        message: 'Einreichungsfrist: Die Frist muss vor dem Sitzungstermin liegen.',
      },
    ]);
    expect(planned.status).toBe(201);
    expect(listed.body.items.find((p) => p.id === planId)?.agendaNow.map((a) => a.title)).toEqual([
      `Zur Sitzung ${run}`,
    ]);
    // a sketch submitted after a meeting's deadline is not on its agenda
    expect(listed.body.items.find((p) => p.id === passedId)?.agendaNow).toEqual([]);
    expect(invited.status).toBe(200);
    expect(invited.body.invitation).toMatchObject({ agenda: [{ sketchId: submitted.id }], recipients: 2 });
    expect(rendered.issued).toBeGreaterThanOrEqual(1);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already');
    // the member and the deputy each got the invitation with the dossier as one PDF
    for (const to of [member, deputy]) {
      const mails = (await mailsTo(to)).filter((m) =>
        m.subject.startsWith('Einladung zur Sitzung der Lenkungsgruppe'),
      );
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.body.text).toContain(`1. Zur Sitzung ${run}`);
      expect(mail?.attachments?.map((a) => a.filename)).toEqual([`Sitzungsunterlagen-${date}.pdf`]);
      const pdf = Buffer.from(mail?.attachments?.[0]?.content ?? '', 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const [deputyMail] = (await mailsTo(deputy)).filter((m) => m.subject.startsWith('Einladung'));
    expect(deputyMail?.body.text).toContain('Stimmrecht gilt nur, wenn Sie das Mitglied vertreten');
    // the applicant hears the sketch is on the agenda
    expect((await mailsTo(owner)).map((m) => m.subject)).toContain(
      `Auf der Tagesordnung: Zur Sitzung ${run}`,
    );
  });
});
