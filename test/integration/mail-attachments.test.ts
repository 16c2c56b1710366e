import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { votumLetterPdf } from '../../functions/documents/pdf.ts';
import {
  deliver,
  mailAttachment,
  maxAttachmentBytes,
  type OutboxMail,
  outboxItem,
} from '../../functions/mail/outbox.ts';
import { documents, ses } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { keys } from '../../functions/store/keys.ts';
import { uniqueEmail } from '../support/api.ts';
import { leineWeserSketch } from '../support/sketches.ts';

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

async function letter(): Promise<Uint8Array> {
  return votumLetterPdf({
    profile: loadProfile('leine-weser'),
    sketch: leineWeserSketch(),
    decision: 'endorsed',
    procedure: { kind: 'circulation', deadline: '2026-11-20' },
    counts: { approve: 10, object: 0, abstain: 1, recused: 1 },
    criteria: [{ id: 'raeumliche-wirkung', assessment: 'met' }],
    issuedAt: new Date('2026-11-23T09:00:00.000Z'),
  });
}

function votumMail(to: string, attachments: OutboxMail['attachments']): OutboxMail {
  return {
    id: randomUUID(),
    to,
    kind: 'votum',
    subject: 'Votum zu Ihrer Projektskizze',
    text: 'Guten Tag,\n\nim Anhang finden Sie das Votum der Lenkungsgruppe.',
    html: '<p>Guten Tag,</p><p>im Anhang finden Sie das Votum der Lenkungsgruppe.</p>',
    createdAt: new Date().toISOString(),
    ...(attachments ? { attachments } : {}),
  };
}

async function store(mail: OutboxMail): Promise<void> {
  await documents().send(new TransactWriteCommand({ TransactItems: [outboxItem(mail)] }));
}

async function outboxRecord(id: string) {
  const { Item } = await documents().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: keys.mail(id) }),
  );
  return Item;
}

describe('a mail with the Votum letter attached', () => {
  it('reaches the mailbox with the PDF, byte for byte', async () => {
    // Prepare
    const to = uniqueEmail();
    const pdf = await letter();
    const mail = votumMail(to, [mailAttachment('Votum-Pflegekraefte.pdf', 'application/pdf', pdf)]);
    await store(mail);
    // Act
    const result = await deliver(mail.id, new Date());
    // Assess
    expect(result).toBe('sent');
    const [received, ...more] = await mailbox(to);
    expect(more).toEqual([]);
    expect(received?.subject).toBe('Votum zu Ihrer Projektskizze');
    expect(received?.attachments).toHaveLength(1);
    const [attachment] = received?.attachments ?? [];
    expect(attachment).toMatchObject({
      filename: 'Votum-Pflegekraefte.pdf',
      contentType: 'application/pdf',
      contentDisposition: 'ATTACHMENT',
      size: pdf.length,
    });
    const bytes = Buffer.from(attachment?.content ?? '', 'base64');
    expect(bytes.equals(Buffer.from(pdf))).toBe(true);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toContain('Votum zur Projektskizze');
    expect(await outboxRecord(mail.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('waits in the outbox while SES is down, then goes out exactly once with the same bytes', async () => {
    // Prepare
    const to = uniqueEmail();
    const pdf = await letter();
    const mail = votumMail(to, [mailAttachment('Votum.pdf', 'application/pdf', pdf)]);
    await store(mail);
    const now = new Date();
    sesOutage();
    // Act: the first try fails
    const first = await deliver(mail.id, now);
    // Assess: nothing sent, the mail and its attachment wait
    expect(first).toBe('failed');
    expect(await mailbox(to)).toEqual([]);
    const waiting = await outboxRecord(mail.id);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('Service'),
    });
    expect(waiting?.attachments).toEqual(mail.attachments);

    // Act: SES is back; two senders try at the same time, then one more
    ses().middlewareStack.remove('sesOutage');
    const later = new Date(now.getTime() + 3 * 60_000);
    const results = await Promise.all([deliver(mail.id, later), deliver(mail.id, later)]);
    const again = await deliver(mail.id, later);
    // Assess
    expect(results.sort()).toEqual(['sent', 'skipped']);
    expect(again).toBe('skipped');
    const received = await mailbox(to);
    expect(received).toHaveLength(1);
    expect(Buffer.from(received[0]?.attachments[0]?.content ?? '', 'base64').equals(Buffer.from(pdf))).toBe(
      true,
    );
    expect(await outboxRecord(mail.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends a mail without attachments as before', async () => {
    // Prepare
    const to = uniqueEmail();
    const mail = votumMail(to, undefined);
    await store(mail);
    // Act
    const result = await deliver(mail.id, new Date());
    // Assess
    expect(result).toBe('sent');
    const [received] = await mailbox(to);
    expect(received?.attachments).toEqual([]);
  });

  it('refuses, where the mail is made, attachments too large for an outbox item or badly named', async () => {
    // Prepare: just over the limit once base64-encoded
    const to = uniqueEmail();
    const big = new Uint8Array(Math.ceil((maxAttachmentBytes / 4) * 3) + 3);
    const tooLarge = votumMail(to, [mailAttachment('Anlage.pdf', 'application/pdf', big)]);
    const badName = votumMail(to, [mailAttachment('../Votum.pdf', 'application/pdf', new Uint8Array(8))]);
    const notBase64 = votumMail(to, [
      { fileName: 'Votum.pdf', contentType: 'application/pdf', base64: 'ä?' },
    ]);
    // Act & Assess
    expect(() => outboxItem(tooLarge)).toThrow(
      new RegExp(`attachments take \\d+ bytes as base64, more than the ${maxAttachmentBytes}`),
    );
    expect(() => outboxItem(badName)).toThrow(/file name "..\/Votum.pdf" is not allowed/);
    expect(() => outboxItem(notBase64)).toThrow(/is not base64/);
    // the largest allowed fits, is stored and sent
    const fits = votumMail(to, [
      mailAttachment('Anlage.pdf', 'application/pdf', new Uint8Array((maxAttachmentBytes / 4) * 3)),
    ]);
    await store(fits);
    expect(await deliver(fits.id, new Date())).toBe('sent');
    expect((await mailbox(to))[0]?.attachments[0]?.size).toBe((maxAttachmentBytes / 4) * 3);
  });
});
