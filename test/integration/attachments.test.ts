import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttachmentMeta,
  attachmentMessages,
  maxAttachmentBytes,
  type UploadTicket,
} from '../../functions/core/attachments.ts';
import type { SketchStatus } from '../../functions/core/lifecycle.ts';
import { documents, s3 } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { objectKeys } from '../../functions/store/attachments.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { exe, pdf, plainZip, text } from '../support/files.ts';
import { passSecondFactor } from '../support/second-factor.ts';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());

interface Started {
  attachment: AttachmentMeta;
  upload: UploadTicket;
}

/** A new draft of a newly signed-in applicant, made through the API. */
async function applicantWithDraft(): Promise<{ applicant: Caller; email: string; sketchId: string }> {
  const email = uniqueEmail();
  const applicant = await signIn(api.url, email);
  const created = await applicant.call<{ id: string }>(
    'POST',
    '/api/sketches',
    {},
    {
      'idempotency-key': crypto.randomUUID(),
    },
  );
  expect(created.status).toBe(201);
  return { applicant, email, sketchId: created.body.id };
}

const start = (
  caller: Caller,
  sketchId: string,
  file: { name: string; type: string; size: number },
  kind = 'cost_plan',
) =>
  caller.call<Started & { message?: string; fields?: unknown }>(
    'POST',
    `/api/sketches/${sketchId}/attachments`,
    {
      kind,
      fileName: file.name,
      contentType: file.type,
      size: file.size,
    },
  );

/** What a browser does with the presigned POST: a multipart form, the policy's fields first, the file last. */
async function postForm(upload: UploadTicket, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(upload.url, { method: 'POST', body: form });
}

const check = (caller: Caller, sketchId: string, id: string) =>
  caller.call<AttachmentMeta & { message?: string; fields?: Array<{ field: string; message: string }> }>(
    'POST',
    `/api/sketches/${sketchId}/attachments/${id}/check`,
    {},
  );

const list = (caller: Caller, sketchId: string) =>
  caller.call<{ items: AttachmentMeta[] }>('GET', `/api/sketches/${sketchId}/attachments`);

/** The download route without following its redirect. */
const download = (caller: Caller, sketchId: string, id: string) =>
  fetch(`${api.url}/api/sketches/${sketchId}/attachments/${id}`, {
    redirect: 'manual',
    headers: caller.cookie ? { cookie: caller.cookie } : {},
  });

/** Uploads and checks a file the way the web component does. */
async function attach(
  caller: Caller,
  sketchId: string,
  bytes: Uint8Array,
  name: string,
  type: string,
  kind?: string,
) {
  const started = await start(caller, sketchId, { name, type, size: bytes.length }, kind);
  expect(started.status).toBe(201);
  const posted = await postForm(started.body.upload, bytes, name, type);
  expect(posted.status).toBe(204);
  return check(caller, sketchId, started.body.attachment.id);
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: config().ATTACHMENTS_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return false;
    throw error;
  }
}

async function setStatus(sketchId: string, status: SketchStatus) {
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: keys.sketch(sketchId),
      UpdateExpression: 'SET #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status },
    }),
  );
}

describe('uploading an attachment', () => {
  it('takes a PDF through the presigned POST, checks it by content, lists it and downloads the same bytes', async () => {
    // Prepare
    const { applicant, email, sketchId } = await applicantWithDraft();
    const bytes = pdf(400 * 1024); // larger than the head the check reads
    const name = 'Stellungnahme Allianz Weserbergland – März.pdf';
    // Act
    const started = await start(
      applicant,
      sketchId,
      { name, type: 'application/pdf', size: bytes.length },
      'endorsement_statement',
    );
    const posted = await postForm(started.body.upload, bytes, name, 'application/pdf');
    const checked = await check(applicant, sketchId, started.body.attachment.id);
    const listed = await list(applicant, sketchId);
    const redirect = await download(applicant, sketchId, started.body.attachment.id);
    const file = await fetch(redirect.headers.get('location') ?? '');
    // Assess
    expect(started.status).toBe(201);
    expect(started.body.attachment).toMatchObject({
      status: 'pending',
      kind: 'endorsement_statement',
      fileName: name,
    });
    expect(started.body.upload.fields).toMatchObject({
      key: objectKeys.pending(sketchId, started.body.attachment.id),
      'Content-Type': 'application/pdf',
    });
    const policy = JSON.parse(
      Buffer.from(started.body.upload.fields.Policy ?? '', 'base64').toString('utf8'),
    );
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, maxAttachmentBytes],
        ['eq', '$Content-Type', 'application/pdf'],
        { key: objectKeys.pending(sketchId, started.body.attachment.id) },
      ]),
    );
    expect(posted.status).toBe(204);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'ready',
      size: bytes.length,
      contentType: 'application/pdf',
      uploadedBy: email,
    });
    expect(listed.body.items).toEqual([checked.body]);
    expect(redirect.status).toBe(302);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Stellungnahme%20Allianz%20Weserbergland%20%E2%80%93%20M%C3%A4rz.pdf",
    );
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(await objectExists(objectKeys.pending(sketchId, started.body.attachment.id))).toBe(false);
  });

  it.each([
    ['a Windows program', exe(), 'application/x-msdownload'],
    ['a ZIP archive', plainZip(), 'application/zip'],
    ['a text file', text(), 'text/plain'],
  ])('refuses %s renamed to .pdf, and keeps nothing of it', async (_what, bytes, realType) => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const started = await start(applicant, sketchId, {
      name: 'Kostenplan.pdf',
      type: 'application/pdf',
      size: bytes.length,
    });
    await postForm(started.body.upload, bytes, 'Kostenplan.pdf', realType);
    // Act
    const checked = await check(applicant, sketchId, started.body.attachment.id);
    // Assess
    const message =
      'Anhang „Kostenplan.pdf“: Die Datei ist kein PDF-, Word-, Excel-, OpenDocument- oder Bilddokument.';
    expect(checked.status).toBe(400);
    expect(checked.body).toMatchObject({ message, fields: [{ field: 'attachments', message }] });
    expect((await list(applicant, sketchId)).body.items).toEqual([]);
    expect(await objectExists(objectKeys.pending(sketchId, started.body.attachment.id))).toBe(false);
    expect((await check(applicant, sketchId, started.body.attachment.id)).status).toBe(404);
  });

  it('refuses a file declared larger than 10 MB before anything is uploaded', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    // Act
    const started = await start(applicant, sketchId, {
      name: 'Scan.pdf',
      type: 'application/pdf',
      size: maxAttachmentBytes + 1,
    });
    // Assess
    expect(started.status).toBe(400);
    expect(started.body).toMatchObject({
      message: attachmentMessages.tooLarge('Scan.pdf'),
      fields: [{ field: 'attachments', message: attachmentMessages.tooLarge('Scan.pdf') }],
    });
  });

  it.each([
    [
      'without a file name',
      { kind: 'cost_plan', contentType: 'application/pdf', size: 10 },
      'Dateiname: Bitte angeben.',
    ],
    [
      'with a name that is only a path',
      { kind: 'cost_plan', fileName: 'C:\\Ordner\\', contentType: 'application/pdf', size: 10 },
      'Dateiname: Bitte angeben.',
    ],
    [
      'with a file name of 1001 characters',
      { kind: 'cost_plan', fileName: `${'a'.repeat(997)}.pdf`, contentType: 'application/pdf', size: 10 },
      'Dateiname: zu lang (höchstens 1000 Zeichen).',
    ],
  ])('refuses a start %s, naming the field, and starts nothing', async (_case, body, message) => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    // Act
    const started = await applicant.call('POST', `/api/sketches/${sketchId}/attachments`, body);
    // Assess
    expect(started.status).toBe(400);
    expect(started.body).toEqual({
      message: 'Bitte prüfen Sie die markierten Felder.',
      fields: [{ field: 'fileName', message }],
    });
    expect((await list(applicant, sketchId)).body.items).toEqual([]);
  });

  it('refuses a start with a field it does not know, in German', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    // Act
    const started = await applicant.call('POST', `/api/sketches/${sketchId}/attachments`, {
      kind: 'cost_plan',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 10,
      uploadedBy: 'jemand@example.org',
    });
    // Assess
    expect(started.status).toBe(400);
    expect(started.body.fields).toEqual([
      {
        field: '_',
        message: 'Unbekannte Angabe: uploadedBy. Erwartet: Art, Dateiname, Dateityp und Dateigröße.',
      },
    ]);
  });

  it('refuses an upload larger than 10 MB that was declared smaller, and keeps nothing of it', async () => {
    // Prepare: S3 refuses this POST by its policy; the local S3 server does not evaluate
    // policies, so there the check is what refuses it (docs/architecture.md).
    const { applicant, sketchId } = await applicantWithDraft();
    const bytes = pdf(maxAttachmentBytes);
    const started = await start(applicant, sketchId, {
      name: 'Scan.pdf',
      type: 'application/pdf',
      size: 1000,
    });
    await postForm(started.body.upload, bytes, 'Scan.pdf', 'application/pdf');
    // Act
    const checked = await check(applicant, sketchId, started.body.attachment.id);
    // Assess
    expect(checked.status).toBe(400);
    expect(checked.body.message).toBe(attachmentMessages.tooLarge('Scan.pdf'));
    expect((await list(applicant, sketchId)).body.items).toEqual([]);
    expect(await objectExists(objectKeys.pending(sketchId, started.body.attachment.id))).toBe(false);
  });

  it('says clearly when the file never arrived', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const started = await start(applicant, sketchId, {
      name: 'Entwurf.docx',
      type: 'application/pdf',
      size: 10,
    });
    // Act
    const checked = await check(applicant, sketchId, started.body.attachment.id);
    // Assess
    expect(checked.status).toBe(400);
    expect(checked.body.message).toBe(
      'Anhang „Entwurf.docx“: Die Datei ist nicht angekommen. Bitte laden Sie sie erneut hoch.',
    );
  });

  it('answers a second check of a checked attachment with the same attachment', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const first = await attach(applicant, sketchId, pdf(), 'a.pdf', 'application/pdf');
    // Act
    const again = await check(applicant, sketchId, first.body.id);
    // Assess
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('allows at most 10 attachments per sketch', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    for (let i = 0; i < 10; i++) {
      expect(
        (await start(applicant, sketchId, { name: `${i}.pdf`, type: 'application/pdf', size: 10 })).status,
      ).toBe(201);
    }
    // Act
    const eleventh = await start(applicant, sketchId, { name: '10.pdf', type: 'application/pdf', size: 10 });
    // Assess
    expect(eleventh.status).toBe(400);
    expect(eleventh.body.message).toBe(attachmentMessages.tooMany);
  });
});

describe('who may see and change attachments', () => {
  it('hides a sketch’s attachments from another applicant (404 on every route)', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const ready = await attach(applicant, sketchId, pdf(), 'a.pdf', 'application/pdf');
    const stranger = await signIn(api.url, uniqueEmail('fremd'));
    // Act
    const answers = [
      (await list(stranger, sketchId)).status,
      (await download(stranger, sketchId, ready.body.id)).status,
      (await start(stranger, sketchId, { name: 'b.pdf', type: 'application/pdf', size: 10 })).status,
      (await check(stranger, sketchId, ready.body.id)).status,
      (await stranger.call('DELETE', `/api/sketches/${sketchId}/attachments/${ready.body.id}`)).status,
    ];
    // Assess
    expect(answers).toEqual([404, 404, 404, 404, 404]);
    expect((await list(applicant, sketchId)).body.items).toHaveLength(1);
  });

  it('lets an admin list and download, but not add or remove', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const bytes = pdf(1000);
    const ready = await attach(
      applicant,
      sketchId,
      bytes,
      'NBank-Entwurf.pdf',
      'application/pdf',
      'nbank_draft',
    );
    const adminEmail = uniqueEmail('admin');
    await addAdmin(adminEmail, 'Koordinierungsstelle', new Date());
    const admin = await passSecondFactor(await signIn(api.url, adminEmail));
    // Act
    const listed = await list(admin, sketchId);
    const redirect = await download(admin, sketchId, ready.body.id);
    const file = await fetch(redirect.headers.get('location') ?? '');
    const added = await start(admin, sketchId, { name: 'b.pdf', type: 'application/pdf', size: 10 });
    const removed = await admin.call('DELETE', `/api/sketches/${sketchId}/attachments/${ready.body.id}`);
    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a) => a.fileName)).toEqual(['NBank-Entwurf.pdf']);
    expect(redirect.status).toBe(302);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(added.status).toBe(403);
    expect(removed.status).toBe(403);
  });

  it('answers 404 for an attachment id that is not there', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    // Act
    const answer = await download(applicant, sketchId, crypto.randomUUID());
    // Assess
    expect(answer.status).toBe(404);
  });
});

describe('removing an attachment', () => {
  it('deletes the file and its entry', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const ready = await attach(applicant, sketchId, pdf(), 'a.pdf', 'application/pdf');
    // Act
    const removed = await applicant.call('DELETE', `/api/sketches/${sketchId}/attachments/${ready.body.id}`);
    // Assess
    expect(removed.status).toBe(204);
    expect((await list(applicant, sketchId)).body.items).toEqual([]);
    expect(await objectExists(objectKeys.stored(sketchId, ready.body.id))).toBe(false);
    expect((await download(applicant, sketchId, ready.body.id)).status).toBe(404);
  });

  it('works while the sketch is submitted, not once it is with the steering group', async () => {
    // Prepare
    const { applicant, sketchId } = await applicantWithDraft();
    const first = await attach(applicant, sketchId, pdf(), 'a.pdf', 'application/pdf');
    const second = await attach(applicant, sketchId, pdf(), 'b.pdf', 'application/pdf');
    await setStatus(sketchId, 'submitted');
    const whileSubmitted = await applicant.call(
      'DELETE',
      `/api/sketches/${sketchId}/attachments/${first.body.id}`,
    );
    await setStatus(sketchId, 'ready_for_vote');
    // Act
    const removed = await applicant.call<{ code?: string }>(
      'DELETE',
      `/api/sketches/${sketchId}/attachments/${second.body.id}`,
    );
    const added = await start(applicant, sketchId, { name: 'c.pdf', type: 'application/pdf', size: 10 });
    // Assess
    expect(whileSubmitted.status).toBe(204);
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe('not_editable');
    expect(added.status).toBe(409);
    expect((await list(applicant, sketchId)).body.items.map((a) => a.fileName)).toEqual(['b.pdf']);
  });
});
