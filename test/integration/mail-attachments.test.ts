import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { documentFile, votumLetterGivenUp } from '../../functions/app/documents.ts';
import { deliver } from '../../functions/app/outbox.ts';
import type { DocumentOrder } from '../../functions/core/documents.ts';
import { maxRenderTries, handler as renderDocuments } from '../../functions/jobs/render-documents.ts';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo, ses } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import {
  documentOrderItem,
  getDocument,
  type NewDocument,
  orderedDocuments,
} from '../../functions/store/documents.ts';
import * as keys from '../../functions/store/keys.ts';
import { type OutboxMail, outboxItem } from '../../functions/store/outbox.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { uniqueEmail } from '../support/api.ts';
import { leineWeserSketch } from '../support/sketches.ts';

/*
 * The render job renders every ordered document in its table: this file has a table of its own, so
 * what it counts is what it ordered, and the broken order it leaves does not fail other files' runs.
 */
beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-documents-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
});

afterEach(() => {
  ses().middlewareStack.remove('sesOutage');
});

/** SES answers every send with a service error, as during an outage (injected at the SDK's middleware stack). */
function sesOutage() {
  ses().middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $fault: 'server' });
    },
    { step: 'initialize', name: 'sesOutage' },
  );
}

/** A mail as the local SES server keeps it, with its attachments (content as base64). */
interface StoredMail {
  destination: { to: string[] };
  subject: string;
  attachments: {
    filename: string;
    contentType: string;
    contentDisposition?: string;
    content: string;
    size: number;
  }[];
}

async function mailbox(to: string): Promise<StoredMail[]> {
  const response = await fetch(`${inject('mailboxUrl')}/store`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails.filter((mail) => mail.destination.to.includes(to));
}

const issuedAt = '2026-11-23T09:00:00.000Z';

function letter(): NewDocument {
  const { applicant, project, space, runtime, finance } = leineWeserSketch();
  return {
    head: { fileName: 'Votum-Pflegekraefte.pdf', contentType: 'application/pdf', issuedAt },
    order: {
      kind: 'votum-letter',
      input: {
        sketch: { applicant, project, space, runtime, finance },
        decision: 'endorsed',
        procedure: { kind: 'circulation', deadline: '2026-11-20' },
        counts: { approve: 10, object: 0, abstain: 1, recused: 1 },
        criteria: [{ id: 'raeumliche-wirkung', assessment: 'met' }],
      },
    },
  };
}

function votumMail(to: string, documentIds?: string[]): OutboxMail {
  return {
    id: randomUUID(),
    to,
    kind: 'votum',
    subject: 'Votum zu Ihrer Projektskizze',
    text: 'Guten Tag,\n\nim Anhang finden Sie das Votum der Lenkungsgruppe.',
    html: '<p>Guten Tag,</p><p>im Anhang finden Sie das Votum der Lenkungsgruppe.</p>',
    createdAt: new Date().toISOString(),
    ...(documentIds ? { documentIds } : {}),
  };
}

/** Orders the document with the mail held for it, in one transaction, as write-votum does. */
async function orderWithMail(to: string, document: NewDocument = letter()) {
  const documentId = `votum-letter#${randomUUID()}#1`;
  const mail = votumMail(to, [documentId]);
  await documents().send(
    new TransactWriteCommand({
      TransactItems: [outboxItem(mail), documentOrderItem(documentId, document, [mail.id])],
    }),
  );
  return { documentId, mail };
}

async function record(key: Record<string, string>) {
  const { Item } = await documents().send(new GetCommand({ TableName: config().TABLE_NAME, Key: key }));
  return Item;
}

describe('a document ordered with the mail that carries it', () => {
  it('is held until rendered, then reaches the mailbox with the PDF the portal keeps, byte for byte', async () => {
    // Prepare
    const to = uniqueEmail();
    const { documentId, mail } = await orderWithMail(to);
    // Act: before the job, the outbox has nothing to send; then the job runs
    const early = await deliver(mail.id, new Date());
    const outboxBefore = await sendOutbox();
    const before = await getDocument(documentId);
    const run = await renderDocuments();
    // Assess: held and not sent before; rendered once, stored, mailed once with the stored bytes
    expect(early).toBe('skipped');
    expect(outboxBefore.due).toBe(0);
    expect(before).toEqual({ status: 'ordered' });
    expect(run).toEqual({ issued: 1, skipped: 0, failed: 0, gaveUp: 0 });
    const stored = await getDocument(documentId);
    expect(stored).toMatchObject({ status: 'issued', fileName: 'Votum-Pflegekraefte.pdf', issuedAt });
    const [received, ...more] = await mailbox(to);
    expect(more).toEqual([]);
    expect(received?.subject).toBe('Votum zu Ihrer Projektskizze');
    expect(received?.attachments).toHaveLength(1);
    const [attachment] = received?.attachments ?? [];
    expect(attachment).toMatchObject({
      filename: 'Votum-Pflegekraefte.pdf',
      contentType: 'application/pdf',
      contentDisposition: 'ATTACHMENT',
    });
    const bytes = Buffer.from(attachment?.content ?? '', 'base64');
    expect(stored?.status === 'issued' && bytes.equals(Buffer.from(stored.bytes))).toBe(true);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toContain('Votum zur Projektskizze');
    expect(pdf.getCreationDate()?.toISOString()).toBe(issuedAt);
    expect(await record(keys.mail(mail.id))).toMatchObject({ status: 'sent', attempts: 1 });
    // The letter is stored once: the mail holds its id, not its bytes, and the order is gone.
    const mailItem = await record(keys.mail(mail.id));
    expect(mailItem?.documentIds).toEqual([documentId]);
    expect(JSON.stringify(mailItem).length).toBeLessThan(2000);
    expect(await record(keys.document(documentId))).not.toHaveProperty('order');
    expect(await renderDocuments()).toEqual({ issued: 0, skipped: 0, failed: 0, gaveUp: 0 });
  });

  it('keeps the mail in the outbox while SES is down, then sends it exactly once with the same bytes', async () => {
    // Prepare
    const to = uniqueEmail();
    const { documentId, mail } = await orderWithMail(to);
    sesOutage();
    // Act: the job renders while SES is down
    const run = await renderDocuments();
    // Assess: the document is stored, the mail waits in the outbox with its error
    expect(run.issued).toBe(1);
    expect(await mailbox(to)).toEqual([]);
    expect(await record(keys.mail(mail.id))).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('Service'),
    });

    // Act: SES is back; two senders try at the same time after the back-off, then one more
    ses().middlewareStack.remove('sesOutage');
    const later = new Date(Date.now() + 3 * 60_000);
    const results = await Promise.all([deliver(mail.id, later), deliver(mail.id, later)]);
    const again = await deliver(mail.id, later);
    // Assess
    expect(results.sort()).toEqual(['sent', 'skipped']);
    expect(again).toBe('skipped');
    const received = await mailbox(to);
    expect(received).toHaveLength(1);
    const stored = await getDocument(documentId);
    const bytes = Buffer.from(received[0]?.attachments[0]?.content ?? '', 'base64');
    expect(stored?.status === 'issued' && bytes.equals(Buffer.from(stored.bytes))).toBe(true);
    expect(await record(keys.mail(mail.id))).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('renders a document once when two runs start together (stream and schedule)', async () => {
    // Prepare
    const to = uniqueEmail();
    const { documentId } = await orderWithMail(to);
    // Act
    const runs = await Promise.all([renderDocuments(), renderDocuments()]);
    // Assess: issued by one run, one mail
    expect(runs.reduce((sum, run) => sum + run.issued, 0)).toBe(1);
    expect((await getDocument(documentId))?.status).toBe('issued');
    await expect.poll(async () => (await mailbox(to)).length).toBe(1);
    expect(await mailbox(to)).toHaveLength(1);
  });

  it('sends a mail without documents at once, as before', async () => {
    // Prepare
    const to = uniqueEmail();
    const mail = votumMail(to);
    await documents().send(new TransactWriteCommand({ TransactItems: [outboxItem(mail)] }));
    // Act
    const result = await deliver(mail.id, new Date());
    // Assess
    expect(result).toBe('sent');
    const [received] = await mailbox(to);
    expect(received?.attachments).toEqual([]);
  });

  it('leaves an order that cannot be rendered in place, with its error, renders the others and fails the run for the alarm', async () => {
    // Prepare: an order the renderer cannot read (as after a bad deployment), and a good one after it
    const broken: NewDocument = {
      head: {
        fileName: 'Protokoll.pdf',
        contentType: 'application/pdf',
        issuedAt: '2026-11-23T08:00:00.000Z',
      },
      order: { kind: 'minutes', input: { date: '2026-11-20' } } as unknown as DocumentOrder,
    };
    const brokenTo = uniqueEmail();
    const goodTo = uniqueEmail();
    const bad = await orderWithMail(brokenTo, broken);
    const good = await orderWithMail(goodTo);
    // Act
    const failure = await renderDocuments().catch((error: unknown) => error);
    // Assess: the run fails (the error alarm), the good letter went out, the broken one waits with its mail
    expect(String(failure)).toContain('1 document(s) not rendered');
    expect((await getDocument(good.documentId))?.status).toBe('issued');
    expect(await mailbox(goodTo)).toHaveLength(1);
    expect(await getDocument(bad.documentId)).toEqual({ status: 'ordered' });
    expect(await record(keys.document(bad.documentId))).toMatchObject({
      failures: 1,
      lastError: expect.stringContaining('TypeError'),
    });
    expect(await record(keys.mail(bad.mail.id))).toMatchObject({ status: 'held' });
    expect(await mailbox(brokenTo)).toEqual([]);
  });

  it('gives an order that keeps failing up after its bounded tries: recorded on it, out of the queue, told to the office', async () => {
    // Prepare: an order the renderer can never read
    const poison: NewDocument = {
      head: {
        fileName: 'Protokoll.pdf',
        contentType: 'application/pdf',
        issuedAt: '2026-11-23T07:00:00.000Z',
      },
      order: { kind: 'minutes', input: { date: 'kaputt' } } as unknown as DocumentOrder,
    };
    const to = uniqueEmail();
    const { documentId, mail } = await orderWithMail(to, poison);
    // Act: the schedule (and the stream's retries) run the job again and again
    const runs: unknown[] = [];
    for (let n = 0; n < maxRenderTries; n++)
      runs.push(await renderDocuments().catch((error: unknown) => error));
    const afterwards = await renderDocuments();
    // Assess: each run before the last failed loudly; the last gave it up and did not fail
    expect(String(runs[0])).toContain('not rendered');
    expect(runs.at(-1)).toMatchObject({ gaveUp: expect.any(Number) });
    expect(afterwards).toEqual({ issued: 0, skipped: 0, failed: 0, gaveUp: 0 });
    expect(await record(keys.document(documentId))).toMatchObject({
      status: 'failed',
      failures: maxRenderTries,
      lastError: expect.stringContaining('Error'),
    });
    expect((await orderedDocuments(100)).map((d) => d.id)).not.toContain(documentId);
    const stored = await getDocument(documentId);
    expect(stored).toMatchObject({ status: 'failed', failures: maxRenderTries });
    const refused = (() => {
      try {
        return documentFile(stored, 'missing');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({ name: 'ConflictError', code: 'document_failed' });
    // The sketch view marks the letter (get-sketch answers letterFailed)
    const sketchId = documentId.split('#')[1] ?? '';
    expect(await votumLetterGivenUp({ id: sketchId, vota: [{}] })).toBe(true);
    expect(await votumLetterGivenUp({ id: sketchId, vota: [] })).toBe(false);
    expect(await record(keys.mail(mail.id))).toMatchObject({ status: 'held' });
    expect(await mailbox(to)).toEqual([]);
  });
});
