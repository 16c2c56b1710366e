import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

/*
 * Real files of the formats attachments accept (and some they refuse), made from bytes in the test:
 * a PDF, ZIP containers laid out as Word, Excel and OpenDocument write them, PNG, JPEG, and a
 * Windows executable.
 */

/** A one-page PDF padded with `padding` random bytes in a stream, so it can be larger than the sniffed head. */
export function pdf(padding = 0): Uint8Array {
  const filler = randomBytes(padding);
  const parts = [
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
    Buffer.from('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
    Buffer.from('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n'),
    Buffer.from(`4 0 obj\n<< /Length ${filler.length} >>\nstream\n`),
    filler,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ];
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A ZIP archive (local headers, central directory); `store` entries are not compressed. With
 * `descriptors`, sizes and checksums follow each entry's data instead of its header, as a writer
 * that streams (LibreOffice, most ZIP libraries writing to a pipe) lays them out.
 */
export function zip(
  entries: Array<{ name: string; data: string | Uint8Array; store?: boolean }>,
  { descriptors = false } = {},
): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.data);
    const data = entry.store ? raw : deflateRawSync(raw);
    const crc = crc32(raw);
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(descriptors ? 8 : 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(descriptors ? 0 : crc, 14);
    local.writeUInt32LE(descriptors ? 0 : data.length, 18);
    local.writeUInt32LE(descriptors ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const descriptor = Buffer.alloc(descriptors ? 16 : 0);
    if (descriptors) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    locals.push(local, name, data, descriptor);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(descriptors ? 8 : 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** `[Content_Types].xml` of a package whose main part has the content type `main`. */
export const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/></Types>`;

/** An Office Open XML package whose main part has the content type `main`: `[Content_Types].xml` first, as Office writes it. */
export const officeFile = (
  main: string,
  parts: Array<{ name: string; data: string | Uint8Array }>,
  options = {},
) => zip([{ name: '[Content_Types].xml', data: contentTypes(main) }, ...parts], options);

/** A Word document as Word writes it: `[Content_Types].xml` first. */
export const docx = (options = {}) =>
  officeFile(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    [{ name: 'word/document.xml', data: '<w:document/>' }],
    options,
  );

export const xlsx = () =>
  officeFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', [
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ]);

/** A Word document with macros (docm): not accepted. */
export const docm = () =>
  officeFile('application/vnd.ms-word.document.macroEnabled.main+xml', [
    { name: 'word/document.xml', data: '<w:document/>' },
  ]);

/** OpenDocument: the uncompressed `mimetype` entry first, as the standard requires. */
export const openDocument = (mimetype: string, options = {}) =>
  zip(
    [
      { name: 'mimetype', data: mimetype, store: true },
      { name: 'content.xml', data: '<office:document-content/>' },
    ],
    options,
  );

export const odt = () => openDocument('application/vnd.oasis.opendocument.text');
export const ods = () => openDocument('application/vnd.oasis.opendocument.spreadsheet');

/** A plain ZIP archive: not a document. */
export const plainZip = () => zip([{ name: 'kosten.txt', data: 'Personal 1000\n' }]);

export function png(): Uint8Array {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(2, 9);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const idat = deflateRawSync(Buffer.from([0, 255, 255, 255]));
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** The start of a JPEG (JFIF): enough for what the check reads. */
export const jpeg = () =>
  new Uint8Array(
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from('JFIF\0', 'latin1'),
      Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
      randomBytes(512),
      Buffer.from([0xff, 0xd9]),
    ]),
  );

/** A Windows executable's DOS and PE headers, as a renamed `setup.exe` starts. */
export function exe(): Uint8Array {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return new Uint8Array(bytes);
}

export const text = (content = 'Kostenplan\nPersonal: 120.000 €\n') => new Uint8Array(Buffer.from(content));
