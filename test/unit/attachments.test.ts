import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectContentType, sniffBytes } from '../../functions/core/attachment-content.ts';
import {
  acceptAttribute,
  allowedTypes,
  attachmentKindLabels,
  attachmentKinds,
  attachmentMessages,
  attachmentsEditable,
  cleanFileName,
  contentDisposition,
  formatSize,
  judgeUpload,
  maxAttachmentBytes,
  maxAttachmentsPerSketch,
  roomForAnother,
  sizeProblem,
} from '../../functions/core/attachments.ts';
import { createAttachment } from '../../functions/core/contract/attachments.ts';
import { docm, docx, exe, jpeg, ods, odt, pdf, plainZip, png, text, xlsx } from '../support/files.ts';

describe('attachment kinds and limits', () => {
  it('names every kind in German', () => {
    // Act
    const labels = attachmentKinds.map((kind) => attachmentKindLabels[kind]);
    // Assess
    expect(labels).toEqual([
      'Stellungnahme der lokalen Allianz',
      'Entwurf des Förderantrags',
      'Kostenplan des Antragstellers',
    ]);
  });

  it('allows 10 MB per file and 10 files per sketch', () => {
    // Assess
    expect(maxAttachmentBytes).toBe(10 * 1024 * 1024);
    expect(roomForAnother(maxAttachmentsPerSketch - 1)).toBe(true);
    expect(roomForAnother(maxAttachmentsPerSketch)).toBe(false);
  });

  it('lets the owner change attachments only while the sketch is a draft or submitted', () => {
    // Assess
    expect(attachmentsEditable('draft')).toBe(true);
    expect(attachmentsEditable('submitted')).toBe(true);
    expect(attachmentsEditable('ready_for_vote')).toBe(false);
    expect(attachmentsEditable('withdrawn')).toBe(false);
  });

  it('offers every allowed type to the file picker, by type and by extension', () => {
    // Assess
    for (const [mime, { ext }] of Object.entries(allowedTypes)) {
      expect(acceptAttribute.split(',')).toEqual(expect.arrayContaining([mime, `.${ext}`]));
    }
  });
});

const attachmentRequest = createAttachment.body;

describe('the upload request', () => {
  it('takes kind, file name, declared type and size, and cleans the name', () => {
    // Act
    const parsed = attachmentRequest.safeParse({
      kind: 'cost_plan',
      fileName: 'C:\\Users\\anna\\Kostenplan\u202e.pdf',
      contentType: 'application/pdf',
      size: 1234,
    });
    // Assess
    expect(parsed.success && parsed.data).toEqual({
      kind: 'cost_plan',
      fileName: 'Kostenplan.pdf',
      contentType: 'application/pdf',
      size: 1234,
    });
  });

  it.each([
    ['an unknown kind', { kind: 'invoice' }, 'kind'],
    ['a name that is only a path', { fileName: 'ordner/' }, 'fileName'],
    ['a type that is no MIME type', { contentType: 'pdf' }, 'contentType'],
    ['a size that is not whole', { size: 1.5 }, 'size'],
    ['another field', { owner: 'x@example.org' }, ''],
  ])('refuses %s', (_case, change, field) => {
    // Prepare
    const input = {
      kind: 'nbank_draft',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1,
      ...change,
    };
    // Act
    const parsed = attachmentRequest.safeParse(input);
    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(field ? [field] : []);
    expect(parsed.error?.issues[0]?.message).toMatch(
      /^(Art|Dateiname|Dateityp|Dateigröße|Unbekannte Angabe: owner)\b/,
    );
  });

  it('refuses an empty or too large file before anything is uploaded, naming it', () => {
    // Assess
    expect(sizeProblem('a.pdf', 1)).toBeUndefined();
    expect(sizeProblem('a.pdf', maxAttachmentBytes)).toBeUndefined();
    expect(sizeProblem('a.pdf', maxAttachmentBytes + 1)).toBe(attachmentMessages.tooLarge('a.pdf'));
    expect(sizeProblem('a.pdf', 0)).toBe('Anhang „a.pdf“: Die Datei ist leer.');
  });
});

describe('file names', () => {
  it('keeps the last path segment without control or direction characters', () => {
    // Assess
    expect(cleanFileName('/tmp/../Stellungnahme\u0000 der  Allianz.pdf')).toBe(
      'Stellungnahme der Allianz.pdf',
    );
    expect(cleanFileName('  Entwurf\u2066 NBank.docx ')).toBe('Entwurf NBank.docx');
  });

  it('shortens a long name to 200 characters and keeps its extension', () => {
    // Act
    const name = cleanFileName(`${'x'.repeat(300)}.xlsx`);
    // Assess
    expect(name).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('downloads under the UTF-8 name with an ASCII fallback (RFC 6266)', () => {
    // Act
    const header = contentDisposition('Kostenplan März "final" (2).pdf');
    // Assess
    expect(header).toBe(
      `attachment; filename="Kostenplan M_rz _final_ (2).pdf"; filename*=UTF-8''Kostenplan%20M%C3%A4rz%20%22final%22%20%282%29.pdf`,
    );
  });

  it('shows sizes as people read them', () => {
    // Assess
    expect(formatSize(12)).toBe('12 Bytes');
    expect(formatSize(820 * 1024)).toBe('820 KB');
    expect(formatSize(1.45 * 1024 * 1024)).toBe('1,5 MB');
    // Megabytes with one decimal, exactly as Intl's German format would write them
    const intl = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 1024 * 1024, max: 20_000 * 1024 * 1024 }), (bytes) => {
        expect(formatSize(bytes)).toBe(`${intl.format(bytes / (1024 * 1024))} MB`);
      }),
    );
  });
});

describe('judging an upload by its content', () => {
  it.each([
    ['PDF', pdf(), 'application/pdf'],
    ['Word', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['Excel', xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['OpenDocument text', odt(), 'application/vnd.oasis.opendocument.text'],
    ['OpenDocument spreadsheet', ods(), 'application/vnd.oasis.opendocument.spreadsheet'],
    ['PNG', png(), 'image/png'],
    ['JPEG', jpeg(), 'image/jpeg'],
  ])('accepts a %s file, whatever its name', async (_name, bytes, type) => {
    // Act
    const verdict = judgeUpload('upload.bin', bytes.length, await detectContentType(bytes));
    // Assess
    expect(verdict).toEqual({ ok: true, contentType: type });
  });

  it.each([
    ['a Windows program', exe()],
    ['a plain ZIP archive', plainZip()],
    ['a Word file with macros', docm()],
    ['a text file', text()],
  ])('refuses %s named .pdf, naming the file', async (_name, bytes) => {
    // Act
    const verdict = judgeUpload('Stellungnahme.pdf', bytes.length, await detectContentType(bytes));
    // Assess
    expect(verdict).toEqual({
      ok: false,
      message:
        'Anhang „Stellungnahme.pdf“: Die Datei ist kein PDF-, Word-, Excel-, OpenDocument- oder Bilddokument.',
    });
  });

  it('recognises a large file from its first bytes alone', async () => {
    // Prepare
    const large = pdf(2 * sniffBytes);
    // Act
    const type = await detectContentType(large.subarray(0, sniffBytes));
    // Assess
    expect(type).toBe('application/pdf');
  });

  it('refuses a file larger than 10 MB even when its content is fine', async () => {
    // Act
    const verdict = judgeUpload('Plan.pdf', maxAttachmentBytes + 1, await detectContentType(pdf()));
    // Assess
    expect(verdict).toEqual({ ok: false, message: attachmentMessages.tooLarge('Plan.pdf') });
  });
});
