import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/*
 * A small flow layout on pdf-lib: text runs down A4 pages, wraps at the right margin and continues
 * on a new page; each page gets „Seite n von m“ at the end. Pure: everything happens in memory, and
 * the dates come from the caller, so the same input gives the same bytes.
 *
 * Fonts: the PDF standard fonts (Helvetica), not embedded. They are WinAnsi-encoded, which holds
 * every character German needs (ä ö ü ß „ “ € – and the no-break space of 1.234,56 €). Other
 * characters (a name with Ł or ş, an arrow, a narrow no-break space) are mapped by `printable`:
 * a close WinAnsi equivalent, else the letter without its accent, else "?". Embedding a Unicode
 * font would keep them, at the cost of @pdf-lib/fontkit and a font file in every rendering bundle.
 */

const mm = (value: number) => (value * 72) / 25.4;
const pageSize: [number, number] = [mm(210), mm(297)];
const margin = { left: mm(25), right: mm(20), top: mm(20), bottom: mm(25) };
const footerY = mm(12);
const ink = rgb(0.1, 0.1, 0.1);
const muted = rgb(0.35, 0.35, 0.35);

export type FontName = 'regular' | 'bold' | 'italic';

export interface TextStyle {
  font?: FontName;
  size?: number;
  /** Extra left indent in points. */
  indent?: number;
  /** Space after the block in points. */
  after?: number;
  align?: 'left' | 'right';
  muted?: boolean;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  /** The document's creation date (and modification date): passed in, never read from a clock. */
  createdAt: Date;
}

/** Close WinAnsi equivalents for characters the standard fonts cannot show. */
const replacements: Record<string, string> = {
  '\t': ' ',
  '\u00ad': '', // soft hyphen
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2007': '\u00a0',
  '\u202f': '\u00a0', // narrow no-break space (some locales put it before €)
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '\u2013',
  '\u2212': '-',
  '\u2015': '\u2014',
  '\u201b': '\u2019',
  '\u201f': '\u201d',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'x',
  '\u2714': 'x',
  '\u1e9e': 'SS',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
};

const characterSets = new WeakMap<PDFFont, Set<number>>();
function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** `text` with only characters `font` can show (see the note at the top); line breaks stay. */
export function printable(text: string, font: PDFFont): string {
  const known = characterSet(font);
  const shows = (s: string) => [...s].every((c) => known.has(c.codePointAt(0) ?? 0));
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    if (char === '\n' || known.has(char.codePointAt(0) ?? 0)) out += char;
    else if (char in replacements) out += replacements[char];
    else if (/\p{Cc}/u.test(char)) out += ' ';
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare && shows(bare) ? bare : '?';
    }
  }
  return out;
}

/** Breaks `text` into lines no wider than `width`; explicit line breaks stay, over-long words split. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      while (!fits(word)) {
        let cut = word.length - 1;
        while (cut > 1 && !fits(word.slice(0, cut))) cut -= 1;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

/** A document being written from top to bottom. */
export class Flow {
  readonly doc: PDFDocument;
  private readonly fonts: Record<FontName, PDFFont>;
  page: PDFPage;
  /** The baseline of the next line, in points from the bottom. */
  y: number;
  /** Called after a page break inside a block (a table repeats its header). */
  private onBreak: (() => void) | undefined;

  private constructor(doc: PDFDocument, fonts: Record<FontName, PDFFont>) {
    this.doc = doc;
    this.fonts = fonts;
    this.page = doc.addPage(pageSize);
    this.y = pageSize[1] - margin.top;
  }

  static async create(info: DocumentInfo): Promise<Flow> {
    // updateMetadata: false keeps pdf-lib from stamping the current time: the caller's date is the one.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    doc.setAuthor(info.author);
    doc.setSubject(info.subject);
    if (info.keywords) doc.setKeywords(info.keywords);
    doc.setLanguage('de-DE');
    doc.setCreator('votum');
    doc.setProducer('votum (pdf-lib)');
    doc.setCreationDate(info.createdAt);
    doc.setModificationDate(info.createdAt);
    const [regular, bold, italic] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
      doc.embedFont(StandardFonts.HelveticaOblique),
    ]);
    return new Flow(doc, { regular, bold, italic });
  }

  /** The width text may take. */
  get width(): number {
    return pageSize[0] - margin.left - margin.right;
  }

  font(name: FontName = 'regular'): PDFFont {
    return this.fonts[name];
  }

  static lineHeight(size: number): number {
    return size * 1.4;
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensure(height: number): void {
    if (this.y - height >= margin.bottom) return;
    this.page = this.doc.addPage(pageSize);
    this.y = pageSize[1] - margin.top;
    this.onBreak?.();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A block of wrapped text; `keep` lines of it stay together (e.g. a heading with what follows). */
  text(content: string, style: TextStyle = {}, keep = 2): void {
    const size = style.size ?? 10.5;
    const font = this.font(style.font);
    const indent = style.indent ?? 0;
    const lines = wrap(printable(content, font), font, size, this.width - indent);
    const height = Flow.lineHeight(size);
    this.ensure(height * Math.min(keep, lines.length));
    for (const line of lines) {
      this.ensure(height);
      this.y -= size;
      const x =
        style.align === 'right'
          ? margin.left + this.width - font.widthOfTextAtSize(line, size)
          : margin.left + indent;
      this.page.drawText(line, { x, y: this.y, size, font, color: style.muted ? muted : ink });
      this.y -= height - size;
    }
    this.y -= style.after ?? 0;
  }

  heading(content: string, size = 12): void {
    this.gap(size * 0.6);
    // A heading never ends a page: it keeps its first lines of content with it.
    this.ensure(Flow.lineHeight(size) + Flow.lineHeight(10.5) * 3);
    this.text(content, { font: 'bold', size, after: size * 0.3 });
  }

  rule(): void {
    this.ensure(6);
    this.y -= 3;
    this.page.drawLine({
      start: { x: margin.left, y: this.y },
      end: { x: margin.left + this.width, y: this.y },
      thickness: 0.5,
      color: muted,
    });
    this.y -= 6;
  }

  /**
   * A table: each cell wraps within its column, a row stays on one page unless it is taller than
   * a page, and a header row (when given) repeats on every page the table reaches.
   */
  table(
    rows: string[][],
    options: {
      widths: number[];
      header?: string[];
      /** The first column holds labels: bold, and as wide as the longest label (at most 40 %). */
      labelColumn?: boolean;
      /** Further labels to size the label column by, so that related tables line up. */
      labelSample?: readonly string[];
      size?: number;
      after?: number;
    },
  ): void {
    const size = options.size ?? 10;
    const height = Flow.lineHeight(size);
    const padding = 8;
    const total = options.widths.reduce((a, b) => a + b, 0);
    let widths = options.widths.map((w) => (w / total) * this.width);
    if (options.labelColumn) {
      // A label column is as wide as its longest label (at most 40 %), so labels do not break.
      const bold = this.font('bold');
      const longest = Math.max(
        0,
        ...[...rows.map((row) => row[0] ?? ''), ...(options.labelSample ?? [])].flatMap((label) =>
          printable(label, bold)
            .split('\n')
            .map((line) => bold.widthOfTextAtSize(line, size)),
        ),
      );
      const label = Math.min(longest + padding + 4, this.width * 0.4);
      const rest = total - (options.widths[0] ?? 0);
      widths = [label, ...options.widths.slice(1).map((w) => (w / rest) * (this.width - label))];
    }
    const drawRow = (cells: string[], header: boolean) => {
      const wrapped = cells.map((cell, i) => {
        const font = this.font(header || (options.labelColumn && i === 0) ? 'bold' : 'regular');
        return { font, lines: wrap(printable(cell, font), font, size, (widths[i] ?? 0) - padding) };
      });
      const lineCount = Math.max(1, ...wrapped.map((c) => c.lines.length));
      this.ensure(height * Math.min(lineCount, 4));
      for (let line = 0; line < lineCount; line++) {
        this.ensure(height);
        this.y -= size;
        let x = margin.left;
        wrapped.forEach((cell, i) => {
          const text = cell.lines[line];
          if (text) this.page.drawText(text, { x, y: this.y, size, font: cell.font, color: ink });
          x += widths[i] ?? 0;
        });
        this.y -= height - size;
      }
      this.y -= size * 0.35;
    };
    const header = options.header;
    const drawHeader = (cells: string[]) => {
      drawRow(cells, true);
      this.page.drawLine({
        start: { x: margin.left, y: this.y + size * 0.5 },
        end: { x: margin.left + this.width, y: this.y + size * 0.5 },
        thickness: 0.5,
        color: muted,
      });
    };
    if (header) {
      this.ensure(height * 3);
      drawHeader(header);
      this.onBreak = () => drawHeader(header);
    }
    try {
      for (const row of rows) drawRow(row, false);
    } finally {
      this.onBreak = undefined;
    }
    this.y -= options.after ?? 0;
  }

  /** A signature: a line to sign on and the names under it, kept together on one page. */
  signature(lines: string[], size = 10): void {
    this.ensure(mm(15) + Flow.lineHeight(size) * lines.length);
    this.gap(mm(12));
    this.page.drawLine({
      start: { x: margin.left, y: this.y },
      end: { x: margin.left + mm(70), y: this.y },
      thickness: 0.5,
      color: ink,
    });
    this.gap(2);
    for (const line of lines) this.text(line, { size }, lines.length);
  }

  /** Numbers the pages („Seite n von m“) with a short label on the left, and returns the PDF. */
  async finish(label: string, pageLabel: (page: number, of: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const font = this.font('regular');
    const size = 8;
    pages.forEach((page, i) => {
      const pageText = printable(pageLabel(i + 1, pages.length), font);
      const pageWidth = font.widthOfTextAtSize(pageText, size);
      const right = margin.left + this.width;
      page.drawText(pageText, { x: right - pageWidth, y: footerY, size, font, color: muted });
      const room = this.width - pageWidth - mm(8);
      const [first = ''] = wrap(printable(label, font), font, size, room);
      page.drawText(first, { x: margin.left, y: footerY, size, font, color: muted });
    });
    return this.doc.save();
  }
}
