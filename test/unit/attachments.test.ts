import { randomBytes } from 'node:crypto';
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
import {
  contentTypes,
  docm,
  docx,
  exe,
  jpeg,
  ods,
  odt,
  officeFile,
  openDocument,
  pdf,
  plainZip,
  png,
  text,
  xlsx,
  zip,
} from '../support/files.ts';

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
    const verdict = judgeUpload('upload.bin', bytes.length, detectContentType(bytes));
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
    const verdict = judgeUpload('Stellungnahme.pdf', bytes.length, detectContentType(bytes));
    // Assess
    expect(verdict).toEqual({
      ok: false,
      message:
        'Anhang „Stellungnahme.pdf“: Die Datei ist kein PDF-, Word-, Excel-, OpenDocument- oder Bilddokument.',
    });
  });

  it.each([
    [
      'Word',
      docx({ descriptors: true }),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'OpenDocument',
      openDocument('application/vnd.oasis.opendocument.text', { descriptors: true }),
      'application/vnd.oasis.opendocument.text',
    ],
  ])('accepts a %s file written as a stream (sizes after each entry)', (_name, bytes, type) => {
    // Act
    const verdict = judgeUpload('upload.bin', bytes.length, detectContentType(bytes));
    // Assess
    expect(verdict).toEqual({ ok: true, contentType: type });
  });

  it.each([
    ['an Excel file with macros', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'xl/workbook.xml'],
    [
      'a Word template',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
      'word/document.xml',
    ],
    [
      'a PowerPoint file',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      'ppt/presentation.xml',
    ],
  ])('refuses %s, told by its main part', (_name, main, part) => {
    // Prepare
    const bytes = officeFile(main, [{ name: part, data: '<x/>' }], { descriptors: true });
    // Act
    const verdict = judgeUpload('Kostenplan.docx', bytes.length, detectContentType(bytes));
    // Assess
    expect(verdict.ok).toBe(false);
  });

  it('refuses an OpenDocument template and an e-book, told by their mimetype entry', () => {
    // Act
    const types = [
      detectContentType(openDocument('application/vnd.oasis.opendocument.text-template')),
      detectContentType(openDocument('application/epub+zip')),
    ];
    // Assess
    expect(types).toEqual(['application/vnd.oasis.opendocument.text-template', 'application/epub+zip']);
    expect(types.some((type) => judgeUpload('a.odt', 1, type).ok)).toBe(false);
  });

  it('tells Word from Excel by their folders when [Content_Types].xml lies beyond the head, and refuses such a file with macros', () => {
    // Prepare: a large picture first, the content types last (producers may write them in any order)
    const picture = { name: 'word/media/image1.png', data: randomBytes(sniffBytes), store: true };
    const late = (main: string, first: { name: string; data: string }) =>
      zip([first, picture, { name: '[Content_Types].xml', data: contentTypes(main) }]).subarray(
        0,
        sniffBytes,
      );
    // Act
    const word = detectContentType(
      late('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', {
        name: 'word/document.xml',
        data: '<w/>',
      }),
    );
    const macros = detectContentType(
      late('application/vnd.ms-word.document.macroEnabled.main+xml', {
        name: 'word/vbaProject.bin',
        data: 'VBA',
      }),
    );
    // Assess
    expect(word).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(judgeUpload('Antrag.docm', 2 * sniffBytes, macros).ok).toBe(false);
  });

  it('does not take a whole archive with a word folder but no [Content_Types].xml for a Word file', () => {
    // Act
    const type = detectContentType(zip([{ name: 'word/document.xml', data: '<w/>' }]));
    // Assess
    expect(type).toBe('application/zip');
  });

  it('reads no more than a megabyte of a compressed [Content_Types].xml (a deflate bomb names no type)', () => {
    // Prepare: 8 MB of text that deflates to about 8 KB, a Word main part at its end
    const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
    const padded = zip([
      {
        name: '[Content_Types].xml',
        data: `<Types>${' '.repeat(8 * 1024 * 1024)}<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`,
      },
      { name: 'word/document.xml', data: '<w/>' },
    ]);
    // Act
    const type = detectContentType(padded);
    // Assess
    expect(padded.length).toBeLessThan(sniffBytes);
    expect(judgeUpload('Antrag.docx', padded.length, type).ok).toBe(false);
  });

  it('refuses a broken or cut archive without failing', () => {
    // Prepare
    const cut = docx().subarray(0, 40);
    const scrambled = docx();
    scrambled.fill(0xff, 30, 80);
    // Act
    const types = [detectContentType(cut), detectContentType(scrambled)];
    // Assess
    expect(types.map((type) => judgeUpload('a.docx', 100, type).ok)).toEqual([false, false]);
  });

  it('recognises a large file from its first bytes alone', async () => {
    // Prepare
    const large = pdf(2 * sniffBytes);
    // Act
    const type = detectContentType(large.subarray(0, sniffBytes));
    // Assess
    expect(type).toBe('application/pdf');
  });

  it('refuses a file larger than 10 MB even when its content is fine', async () => {
    // Act
    const verdict = judgeUpload('Plan.pdf', maxAttachmentBytes + 1, detectContentType(pdf()));
    // Assess
    expect(verdict).toEqual({ ok: false, message: attachmentMessages.tooLarge('Plan.pdf') });
  });
});
