import { fileTypeFromBuffer } from 'file-type';

/*
 * What a file is, told from its first bytes (magic numbers, and for ZIP-based office formats the
 * first entries of the archive), never from its name. Pure: it only reads the bytes it is given.
 */

/**
 * How many bytes of an upload are read to judge it. Word and Excel put `[Content_Types].xml` and
 * OpenDocument its `mimetype` entry first, well inside this; the rest of the file is never read.
 */
export const sniffBytes = 256 * 1024;

/** The MIME type detected from the content, or undefined when it is nothing file-type knows. */
export async function detectContentType(head: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(head);
  return detected?.mime;
}
