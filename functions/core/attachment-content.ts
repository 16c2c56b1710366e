import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';

/*
 * What a file is, told from its first bytes, never from its name. PDF, PNG and JPEG by their
 * signatures; the office formats, which are ZIP archives, by the entry that names their type:
 * OpenDocument's `mimetype` (stored first, as the standard requires) and Office Open XML's
 * `[Content_Types].xml`, whose main part tells a document from a macro-enabled one, a template or a
 * presentation. fflate's streaming Unzip reads the archive's entries from its head, with or
 * without data descriptors. Only the formats of core/attachments.ts are told apart: everything
 * else comes out as something they do not accept. Pure: it only reads the bytes it is given.
 */

/**
 * How many bytes of an upload are read to judge it. Word and Excel put `[Content_Types].xml` and
 * OpenDocument its `mimetype` entry first, well inside this; the rest of the file is never read.
 * A head shorter than this is the whole file.
 */
export const sniffBytes = 256 * 1024;

const signatures: ReadonlyArray<readonly [mime: string, bytes: readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
const zipSignature = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: a local file header

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((byte, i) => head[i] === byte);

/** The MIME type told by the content (`application/zip` for an archive that is no office file), or undefined. */
export function detectContentType(head: Uint8Array): string | undefined {
  const signed = signatures.find(([, bytes]) => startsWith(head, bytes));
  if (signed) return signed[0];
  if (startsWith(head, zipSignature)) return archiveType(head) ?? 'application/zip';
  return undefined;
}

/** An entry's text is read up to this size (as file-type did); a larger one, or a deflate bomb, names no type. */
const maxEntryText = 1024 * 1024;
/** The head is fed in slices, so no single inflate step can grow far beyond `maxEntryText`. */
const slice = 1024;

/** The type an office archive names in its entries, read from its head. */
function archiveType(head: Uint8Array): string | undefined {
  let verdict: { type: string | undefined } | undefined;
  let namingEntry = false;
  let macros = false;
  const folders = new Set<string>();

  const read = (file: UnzipFile, typeOf: (text: string) => string | undefined) => {
    namingEntry = true;
    const decoder = new TextDecoder();
    let text = '';
    file.ondata = (error, data, final) => {
      text += error ? '' : decoder.decode(data, { stream: !final });
      if (error || text.length > maxEntryText) {
        verdict = { type: undefined };
        file.terminate();
      } else if (final) verdict = { type: typeOf(text) };
    };
    file.start();
  };

  const unzip = new Unzip((file) => {
    if (verdict || namingEntry) return;
    if (file.name === 'mimetype') read(file, (text) => text.trim().toLowerCase());
    else if (file.name === '[Content_Types].xml') read(file, mainPartType);
    else {
      folders.add(file.name.slice(0, file.name.indexOf('/') + 1));
      if (file.name.endsWith('vbaProject.bin')) macros = true;
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < head.length && !verdict; at += slice) {
      unzip.push(head.subarray(at, at + slice), at + slice >= head.length);
    }
  } catch {
    // A broken archive: what was read before the break still counts.
  }
  if (verdict || namingEntry) return verdict?.type;
  // Producers may write `[Content_Types].xml` after the parts. When the head ends before it, the
  // folders tell Word from Excel (as file-type did); a macro-enabled file's VBA project refuses it.
  if (head.length < sniffBytes || macros) return undefined;
  if (folders.has('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (folders.has('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return undefined;
}

/**
 * The package's type from `[Content_Types].xml`: its main part's content type without `.main+xml`
 * (`…wordprocessingml.document.main+xml` is a DOCX, `…macroEnabled.main+xml` a DOCM).
 */
function mainPartType(xml: string): string | undefined {
  return /ContentType="([^"]+)\.main\+xml"/i.exec(xml)?.[1]?.toLowerCase();
}
