import { randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../functions/app/privacy.ts';
import { pseudonymAddress } from '../../functions/core/retention.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { handler as mailFeedback } from '../../functions/jobs/mail-feedback.ts';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo, s3 } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { erasureConfirmationsMigration, retentionDueMigration } from '../../functions/store/migrations.ts';
import { outboxItem } from '../../functions/store/outbox.ts';
import { personHash } from '../../functions/store/person.ts';
import { getItem } from '../../functions/store/retention.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { pdf } from '../support/files.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { bounce, complaint, snsEvent } from '../support/ses-events.ts';
import { leineWeserSketch, startDraft, submittedSketch } from '../support/sketches.ts';

/*
 * Retention, export and erasure (issue 16) against DynamoDB Local and the local S3 server. This
 * file has a table of its own: the job runs over everything due, and the erasure's check reads the
 * whole table; in the shared bucket each sketch's files are under its own prefix.
 */
process.env.TABLE_NAME = 'votum-privacy-test';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  await ensureTable(dynamo(), 'votum-privacy-test');
  api = await startApi();
});
afterAll(async () => {
  clock.reset();
  await api.stop();
});

const at = (iso: string) => clock.set(new Date(iso));
/*
 * DynamoDB Local deletes items whose TTL has passed by the real clock: everything here happens two
 * years ahead of it, so sessions made at the test's time are not deleted under the test's feet.
 */
const y = new Date().getUTCFullYear() + 2;
/** The last Sunday of March: summer time begins that night. */
const summerTimeDay = (year: number) => {
  const last = new Date(Date.UTC(year, 2, 31));
  return `${year}-03-${String(31 - last.getUTCDay()).padStart(2, '0')}`;
};
const noRetentionErrors = () => (item: unknown, error: unknown) => {
  throw new Error(`retention failed on ${JSON.stringify(item)}: ${String(error)}`);
};

async function upload(caller: Caller, sketchId: string, bytes: Uint8Array, check = true) {
  const started = await caller.call<{
    attachment: { id: string };
    upload: { url: string; fields: Record<string, string> };
  }>('POST', `/api/sketches/${sketchId}/attachments`, {
    kind: 'cost_plan',
    fileName: 'kosten.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
  });
  expect(started.status).toBe(201);
  const form = new FormData();
  for (const [field, value] of Object.entries(started.body.upload.fields)) form.append(field, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'kosten.pdf');
  expect((await fetch(started.body.upload.url, { method: 'POST', body: form })).status).toBe(204);
  if (check)
    expect(
      (
        await caller.call(
          'POST',
          `/api/sketches/${sketchId}/attachments/${started.body.attachment.id}/check`,
          {},
        )
      ).status,
    ).toBe(200);
  return started.body.attachment.id;
}

/** Whether the bucket holds a file (HEAD; the local server refuses the SDK's signed list requests). */
async function stored(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: config().ATTACHMENTS_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return false;
    throw error;
  }
}

async function wholeTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(
      new ScanCommand({ TableName: config().TABLE_NAME, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function office(): Promise<Caller> {
  const email = uniqueEmail('amt');
  await addAdmin(email, 'Amt', clock.now());
  return passSecondFactor(await signIn(api.url, email));
}

const exists = async (sketchId: string) => (await getItem(keys.sketch(sketchId))) !== undefined;

describe('the retention job', () => {
  it('deletes a draft never submitted at the end of the day twelve months after its last change (month end), not a second before', async () => {
    // Prepare: a draft last changed on 31 January, with a checked file and an upload never checked
    at(`${y}-01-31T12:00:00.000Z`);
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = await startDraft(applicant, { project: { title: 'Ein Entwurf am Monatsende' } });
    const checked = await upload(applicant, draft.id, pdf());
    const unchecked = await upload(applicant, draft.id, pdf(), false);
    expect(await stored(`sketches/${draft.id}/${checked}`)).toBe(true);
    expect(await stored(`pending/${draft.id}/${unchecked}`)).toBe(true);
    // Act: a day later the unchecked upload is due (24 hours), the draft is not
    at(`${y}-02-01T12:00:00.000Z`);
    const dayAfter = await runRetention(clock.now(), noRetentionErrors());
    // Assess
    expect(dayAfter.uploads).toBeGreaterThanOrEqual(1);
    expect(await stored(`pending/${draft.id}/${unchecked}`)).toBe(false);
    expect(await exists(draft.id)).toBe(true);
    // Act: the last second of 31 January a year later in Berlin (CET, 23:00 UTC is midnight), then midnight
    at(`${y + 1}-01-31T22:59:59.000Z`);
    await runRetention(clock.now(), noRetentionErrors());
    const keptUntil = await exists(draft.id);
    at(`${y + 1}-01-31T23:00:00.000Z`);
    const due = await runRetention(clock.now(), noRetentionErrors());
    // Assess
    expect(keptUntil).toBe(true);
    expect(due.deleted).toBeGreaterThanOrEqual(1);
    expect(await exists(draft.id)).toBe(false);
    expect(await stored(`sketches/${draft.id}/${checked}`)).toBe(false);
  });

  it('moves a draft’s period when it was saved again since, and deletes it then', async () => {
    // Prepare: made on 1 June, saved again on 15 July
    at(`${y}-06-01T08:00:00.000Z`);
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const draft = await startDraft(applicant, { project: { title: 'Später gespeichert' } });
    at(`${y}-07-15T08:00:00.000Z`);
    const again = await signIn(api.url, email);
    const saved = await again.call('PUT', `/api/sketches/${draft.id}/draft`, {
      version: draft.version,
      draft: { project: { title: 'Später gespeichert, zweimal' } },
    });
    expect(saved.status).toBe(200);
    // Act: twelve months after the first change, then after the last
    at(`${y + 1}-06-02T08:00:00.000Z`);
    const early = await runRetention(clock.now(), noRetentionErrors());
    const keptAfterFirst = await exists(draft.id);
    at(`${y + 1}-07-15T22:00:00.000Z`); // midnight in Berlin (CEST)
    await runRetention(clock.now(), noRetentionErrors());
    // Assess
    expect(early.moved).toBeGreaterThanOrEqual(1);
    expect(keptAfterFirst).toBe(true);
    expect(await exists(draft.id)).toBe(false);
  });

  it('pseudonymises a sketch withdrawn on the day the clocks change, twelve months later; figures and trail stay', async () => {
    // Prepare: submitted and withdrawn on the last Sunday of March (summer time begins that night)
    at(`${summerTimeDay(y)}T00:30:00.000Z`);
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const sketch = leineWeserSketch();
    sketch.applicant.contactName = 'Hermine Rückzug-Beispiel';
    sketch.applicant.contactEmail = email;
    const submitted = await submittedSketch(applicant, sketch);
    const fileId = await upload(applicant, submitted.id, pdf());
    const withdrawn = await applicant.call<SketchDoc>('POST', `/api/sketches/${submitted.id}/withdraw`, {
      version: submitted.version,
    });
    expect(withdrawn.status).toBe(200);
    // Act: the last second of that date a year later in Berlin (summer time: 22:00 UTC), then midnight
    at(`${y + 1}${summerTimeDay(y).slice(4)}T21:59:59.000Z`);
    await runRetention(clock.now(), noRetentionErrors());
    const before = JSON.stringify(await getItem(keys.sketch(submitted.id)));
    at(`${y + 1}${summerTimeDay(y).slice(4)}T22:00:00.000Z`);
    const run = await runRetention(clock.now(), noRetentionErrors());
    // Assess
    expect(before).toContain('Hermine Rückzug-Beispiel');
    expect(run.pseudonymised).toBeGreaterThanOrEqual(1);
    const items = (await wholeTable()).filter((i) => i.pk === keys.sketch(submitted.id).pk);
    expect(JSON.stringify(items)).not.toContain('Hermine');
    expect(JSON.stringify(items)).not.toContain(email);
    const record = items.find((i) => i.sk === 'SKETCH');
    expect(record).toMatchObject({
      status: 'withdrawn',
      costCents: submitted.draft ? expect.any(Number) : 0,
    });
    expect(await stored(`sketches/${submitted.id}/${fileId}`)).toBe(false);
    const admin = await office();
    const trail = await admin.call<{ ok: boolean }>('GET', `/api/admin/sketches/${submitted.id}/trail`);
    expect(trail.body.ok).toBe(true);
  });

  it('deletes sign-in records the profile’s days after the sign-in', async () => {
    // Prepare
    at(`${y}-10-24T10:00:00.000Z`);
    const email = uniqueEmail();
    await signIn(api.url, email);
    const days = config().profile.retention.signInDays;
    const sessionsOf = async () =>
      (await wholeTable()).filter((i) => i.gsi2pk === keys.sessionsOf(email)).length;
    // Act
    at(new Date(Date.parse(`${y}-10-24T10:00:00.000Z`) + days * 86_400_000 - 1000).toISOString());
    await runRetention(clock.now(), noRetentionErrors());
    const keptBefore = await sessionsOf();
    clock.advance(1000);
    await runRetention(clock.now(), noRetentionErrors());
    // Assess
    expect(keptBefore).toBe(1);
    expect(await sessionsOf()).toBe(0);
  });
});

describe('the export of one’s own data', () => {
  it('holds every version, the mails and the files as stored, and nobody else’s address', async () => {
    // Prepare
    at(`${y}-11-02T09:00:00.000Z`);
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const submitted = await submittedSketch(applicant);
    const file = pdf(2000);
    await upload(applicant, submitted.id, file);
    const admin = await office();
    const returned = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/return`, {
      version: submitted.version,
      note: 'Bitte den Kostenplan ergänzen.',
    });
    expect(returned.status).toBe(200);
    // Act
    const response = await fetch(`${api.url}/api/me/data.zip`, {
      headers: { cookie: applicant.cookie ?? '' },
    });
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const data = JSON.parse(strFromU8(files['daten.json'] as Uint8Array));
    expect(data.person).toBe(email);
    expect(data.sketches).toHaveLength(1);
    const stored = (await wholeTable()).filter(
      (i) => i.pk === keys.sketch(submitted.id).pk && String(i.sk).startsWith('VERSION#'),
    );
    expect(data.sketches[0].versions.map((v: { sketch: unknown }) => v.sketch)).toEqual(
      stored.map((v) => v.sketch),
    );
    expect(data.sketches[0].sketch.status).toBe('draft');
    expect(data.sketches[0].events.map((e: { transition: string }) => e.transition)).toEqual([
      'create',
      'submit',
      'return',
    ]);
    const storedMails = (await wholeTable()).filter((i) => i.gsi2pk === keys.mailsTo(email));
    expect(data.mails.map((m: { subject: string }) => m.subject).sort()).toEqual(
      storedMails.map((m) => m.subject).sort(),
    );
    expect(data.signIns.length).toBeGreaterThanOrEqual(1);
    const attached = Object.entries(files).find(([name]) =>
      name.startsWith(`skizzen/${submitted.id}/anlagen/`),
    );
    expect(attached?.[1]).toEqual(file);
    const addresses =
      JSON.stringify(data)
        .replace(/\\n/g, ' ')
        .match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? [];
    // Only the person's own addresses: the account's and the contact address typed into the sketch.
    const own = [email, leineWeserSketch().applicant.contactEmail];
    expect(addresses.filter((a) => !own.includes(a))).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(admin.cookie ?? 'no cookie');
  });
});

describe('erasure on request', () => {
  it('leaves neither name nor address in any item or file once the outbox job has sent the confirmation; decisions and figures stay', async () => {
    // Prepare: a draft, a withdrawn sketch with a file, and a funded-looking one kept by duty is not needed here
    at(`${y}-11-10T09:00:00.000Z`);
    const email = uniqueEmail('loeschen');
    const name = 'Kunigunde Löschantrag';
    const applicant = await signIn(api.url, email);
    const sketch = leineWeserSketch();
    sketch.applicant.contactName = name;
    sketch.applicant.contactEmail = email;
    const submitted = await submittedSketch(applicant, sketch);
    const submittedFile = await upload(applicant, submitted.id, pdf());
    const withdrawn = await applicant.call<SketchDoc>('POST', `/api/sketches/${submitted.id}/withdraw`, {
      version: submitted.version,
    });
    expect(withdrawn.status).toBe(200);
    const draft = await startDraft(applicant, { applicant: { contactName: name, contactEmail: email } });
    const draftFile = await upload(applicant, draft.id, pdf());
    const admin = await office();
    // Act: a mistyped confirmation is refused, then the erasure
    const mistyped = await admin.call('POST', '/api/admin/erasures', {
      email,
      confirmEmail: `x${email}`,
      reason: 'Antrag vom 09.11.2026',
    });
    const erased = await admin.call<{ deleted: number; pseudonymised: number; kept: unknown[] }>(
      'POST',
      '/api/admin/erasures',
      { email, confirmEmail: email, reason: 'Antrag vom 09.11.2026' },
    );
    // Assess: the confirmation waits in the outbox, the one item that still holds the address
    expect(mistyped.status).toBe(400);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ deleted: 1, pseudonymised: 1, kept: [] });
    const holding = (await wholeTable()).filter((item) =>
      JSON.stringify(item).toLowerCase().includes(email.toLowerCase()),
    );
    expect(holding).toEqual([
      expect.objectContaining({ kind: 'erasure-confirmed', status: 'pending', to: email }),
    ]);
    expect(await mailsTo(email)).not.toContainEqual(
      expect.objectContaining({ subject: expect.stringContaining('gelöscht') }),
    );
    // Act: the outbox job's next run
    const run = await sendOutbox();
    // Assess: sent, and its record keeps the pseudonym address, no body, no index by address
    expect(run.failed).toBe(0);
    const confirmation = (await mailsTo(email)).at(-1);
    expect(confirmation?.subject).toContain('gelöscht');
    const record = await getItem(keys.mail(String(holding[0]?.id)));
    expect(record).toMatchObject({ status: 'sent', to: pseudonymAddress(await personHash(email)) });
    for (const field of ['text', 'html', 'gsi1pk', 'gsi2pk', 'pseudonymOnceSent'])
      expect(record).not.toHaveProperty(field);
    const table = JSON.stringify(await wholeTable()).toLowerCase();
    expect(table).not.toContain(email.toLowerCase());
    expect(table).not.toContain(name.toLowerCase());
    expect(await stored(`sketches/${submitted.id}/${submittedFile}`)).toBe(false);
    expect(await stored(`sketches/${draft.id}/${draftFile}`)).toBe(false);
    const kept = await getItem(keys.sketch(submitted.id));
    expect(kept).toMatchObject({ status: 'withdrawn', costCents: submitted.draft ? expect.any(Number) : 0 });
    const trail = await admin.call<{ ok: boolean }>('GET', `/api/admin/sketches/${submitted.id}/trail`);
    expect(trail.body.ok).toBe(true);
    const log = await admin.call<{ items: { action: string; reason?: string; person?: string }[] }>(
      'GET',
      '/api/admin/retention-log',
    );
    expect(log.body.items.find((i) => i.action === 'erased')).toMatchObject({
      reason: 'Antrag vom 09.11.2026',
    });
    expect(JSON.stringify(log.body)).not.toContain(email);
  });
});

describe('erasure on request of an address SES reported', () => {
  it('does not send the confirmation to an address that complained, and removes the address’s mark with it', async () => {
    // Prepare: an applicant with a draft, whose address complained about a mail
    at(`${y}-11-12T09:00:00.000Z`);
    const email = uniqueEmail('beschwerde');
    const applicant = await signIn(api.url, email);
    await startDraft(applicant, { applicant: { contactName: 'Bruno Beschwerde', contactEmail: email } });
    expect(await mailFeedback(snsEvent(complaint(email)))).toEqual({ marked: 1 });
    const admin = await office();
    // Act: the erasure, then the outbox job's run
    const erased = await admin.call('POST', '/api/admin/erasures', {
      email,
      confirmEmail: email,
      reason: 'Antrag vom 11.11.2026',
    });
    const run = await sendOutbox();
    // Assess: nothing went to the address, and no item holds it, the mark included
    expect(erased.status).toBe(200);
    expect(run).toMatchObject({ suppressed: 1, failed: 0 });
    expect(await mailsTo(email)).not.toContainEqual(
      expect.objectContaining({ subject: expect.stringContaining('gelöscht') }),
    );
    const items = await wholeTable();
    expect(JSON.stringify(items).toLowerCase()).not.toContain(email.toLowerCase());
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'erasure-confirmed',
        status: 'suppressed',
        to: pseudonymAddress(await personHash(email)),
        suppressedBecause: 'complaint: abuse',
      }),
    );
  });

  it('marks nothing when the sent confirmation bounces, so the erased address is not stored again', async () => {
    // Prepare: an applicant erased, and the confirmation sent
    at(`${y}-11-13T09:00:00.000Z`);
    const email = uniqueEmail('unzustellbar');
    const applicant = await signIn(api.url, email);
    await startDraft(applicant, { applicant: { contactName: 'Uta Unzustellbar', contactEmail: email } });
    const admin = await office();
    const erased = await admin.call('POST', '/api/admin/erasures', {
      email,
      confirmEmail: email,
      reason: 'Antrag vom 12.11.2026',
    });
    expect(erased.status).toBe(200);
    expect(await sendOutbox()).toMatchObject({ sent: 1, failed: 0 });
    // Act: SES reports the confirmation as bouncing for good, then a complaint about it
    const marked = await mailFeedback(
      snsEvent(bounce(email, 'Permanent', 'erasure-confirmed'), complaint(email, 'erasure-confirmed')),
    );
    // Assess
    expect(marked).toEqual({ marked: 0 });
    expect(JSON.stringify(await wholeTable()).toLowerCase()).not.toContain(email.toLowerCase());
  });
});

describe('the migration erasureConfirmations', () => {
  it('gives a confirmation stored the old way its pseudonym, so the job scrubs it, and scrubs one the job sent unscrubbed', async () => {
    // Prepare: two confirmations as the handler stored them before the job scrubbed them — one
    // still waiting (its first send failed), one the job sent later and left with the address
    at(`${y}-11-20T08:00:00.000Z`);
    const email = uniqueEmail('alt-loeschung');
    const oldConfirmation = (id: string): Record<string, unknown> => {
      const put = outboxItem({
        id,
        to: email,
        kind: 'erasure-confirmed',
        createdAt: `${y}-11-19T08:00:00.000Z`,
        subject: 'Ihre Daten wurden gelöscht',
        text: `Guten Tag, ${email}`,
        html: `<p>Guten Tag, ${email}</p>`,
      }).Put;
      return { ...(put?.Item ?? {}) };
    };
    const waiting = oldConfirmation(randomUUID());
    const sentItem: Record<string, unknown> = {
      ...oldConfirmation(randomUUID()),
      status: 'sent',
      sentAt: `${y}-11-19T09:00:00.000Z`,
      messageId: 'old-message',
      gsi1pk: keys.mailBodiesDue,
      gsi1sk: `${y}-12-19T09:00:00.000Z#x`,
    };
    for (const item of [waiting, sentItem])
      await documents().send(new PutCommand({ TableName: config().TABLE_NAME, Item: item }));
    // Act
    const counts = await erasureConfirmationsMigration.run();
    const again = await erasureConfirmationsMigration.run();
    const run = await sendOutbox();
    // Assess: both records keep the pseudonym, no body, no index by address; the waiting one went out
    const pseudonym = pseudonymAddress(await personHash(email));
    expect(counts).toMatchObject({ waiting: 1, scrubbed: 1 });
    expect(again).toMatchObject({ waiting: 0, scrubbed: 0 });
    expect(run.failed).toBe(0);
    expect((await mailsTo(email)).map((m) => m.subject)).toContain('Ihre Daten wurden gelöscht');
    for (const item of [waiting, sentItem]) {
      const record = await getItem({ pk: String(item.pk), sk: String(item.sk) });
      expect(record).toMatchObject({ status: 'sent', to: pseudonym });
      for (const field of ['text', 'html', 'gsi2pk', 'pseudonymOnceSent'])
        expect(record).not.toHaveProperty(field);
    }
    expect(JSON.stringify(await wholeTable()).toLowerCase()).not.toContain(email.toLowerCase());
  });
});

describe('the migration retentionDue', () => {
  it('gives sketches and pending uploads stored before retention their period, and the job then finds them', async () => {
    // Prepare: a withdrawn sketch and a draft with a pending upload, as versions before wrote them
    at(`${y}-05-20T08:00:00.000Z`);
    const put = (item: Record<string, unknown>) =>
      documents().send(new PutCommand({ TableName: config().TABLE_NAME, Item: item }));
    const old = (id: string, status: string, updatedAt: string) =>
      put({
        ...keys.sketch(id),
        id,
        status,
        ownerEmail: 'alt@example.org',
        createdAt: updatedAt,
        updatedAt,
        version: 3,
        draft: {},
        gsi1pk: keys.sketchesByStatus(status),
        gsi1sk: keys.byTime(updatedAt, id),
      });
    const withdrawn = crypto.randomUUID();
    const draft = crypto.randomUUID();
    await old(withdrawn, 'withdrawn', `${y}-02-28T11:00:00.000Z`);
    await old(draft, 'draft', `${y}-05-19T08:00:00.000Z`);
    await put({
      ...keys.attachment(draft, 'a1'),
      id: 'a1',
      sketchId: draft,
      status: 'pending',
      createdAt: `${y}-05-19T08:00:00.000Z`,
    });
    // Act
    const counts = await retentionDueMigration.run();
    const again = await retentionDueMigration.run();
    // Assess
    expect(counts).toMatchObject({ periods: expect.any(Number), uploads: 1 });
    expect(again.uploads).toBe(0);
    expect(await getItem(keys.retention(withdrawn))).toMatchObject({
      kind: 'decided',
      dueAt: `${y + 1}-02-28T23:00:00.000Z`,
    });
    expect(await getItem(keys.retention(draft))).toMatchObject({ kind: 'draft' });
    expect(await getItem(keys.attachment(draft, 'a1'))).toMatchObject({ gsi1pk: keys.retentionDue });
    // Act: the job, a day after the upload began
    const run = await runRetention(clock.now(), noRetentionErrors());
    // Assess
    expect(run.uploads).toBeGreaterThanOrEqual(1);
    expect(await getItem(keys.attachment(draft, 'a1'))).toBeUndefined();
  });
});
