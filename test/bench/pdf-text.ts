import { gunzipSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { bold, regular } from '../../functions/documents/fonts/fonts.ts';
import { margin } from '../../functions/documents/layout.ts';

/*
 * What the document job lays out, handed to its reference (issue 19, item 1): the reference of
 * `cold.render-documents.run` lays out the same lines in the same faces and sizes through pdfkit's
 * own text flow, on tagged pages with the same embedded fonts, so that the row compares our layout
 * (functions/documents/layout.ts) with the library's, not with an empty page.
 */

/** One line the job drew: its text, the face it was set in (the name the job registered) and the size. */
export interface DrawnLine {
  text: string;
  font: string;
  size: number;
}

/** What the reference lays out: the job's lines, the page's geometry and the faces' bytes. */
export interface DrawnDocument {
  lines: DrawnLine[];
  page: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  fonts: Record<string, Uint8Array>;
}

type Patched = { text: (...args: unknown[]) => unknown; font: (...args: unknown[]) => unknown };
type Drawing = { _fontSize?: number; page?: { width: number; height: number }; benchFont?: string };

/**
 * Runs `act` (a run of the document job in this process) and answers what pdfkit drew in it:
 * every `text` call, in order, with the face last chosen by name and the size. The prototype is
 * restored when `act` ends, whether it threw or not.
 */
export async function drawnText<T>(act: () => Promise<T>): Promise<{ result: T; document: DrawnDocument }> {
  const prototype = PDFDocument.prototype as unknown as Patched;
  const { text, font } = prototype;
  const lines: DrawnLine[] = [];
  let page: [number, number] = [595.28, 841.89];
  prototype.font = function (this: Drawing, ...args: unknown[]) {
    if (typeof args[0] === 'string') this.benchFont = args[0];
    return font.apply(this, args);
  };
  prototype.text = function (this: Drawing, ...args: unknown[]) {
    if (typeof args[0] === 'string')
      lines.push({ text: args[0], font: this.benchFont ?? 'regular', size: this._fontSize ?? 12 });
    if (this.page) page = [this.page.width, this.page.height];
    return text.apply(this, args);
  };
  try {
    const result = await act();
    return {
      result,
      document: {
        lines,
        page,
        // The job's margins: the reference's lines are as wide as the job's.
        margins: margin,
        fonts: {
          regular: gunzipSync(Buffer.from(regular, 'base64')),
          bold: gunzipSync(Buffer.from(bold, 'base64')),
        },
      },
    };
  } finally {
    prototype.text = text;
    prototype.font = font;
  }
}
