import { gunzipSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { bold, coverage, regular } from './fonts/fonts.ts';

/*
 * A small flow layout on pdfkit that writes tagged PDF (PDF/UA-1, as BITV 2.0 / EN 301 549 clause 10
 * asks): text runs down A4 pages, wraps at the right margin and continues on a new page; every
 * block is a structure element (H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD) in reading order, and
 * what only decorates the page (rules, the signature line, a table header repeated after a page
 * break, the footer „Seite n von m“) is marked as an artifact. Pure: everything happens in memory,
 * and the dates come from the caller, so the same input gives the same bytes.
 *
 * Lines are broken here, not by pdfkit, so that a block can keep lines together, a table can repeat
 * its header and no marked content spans a page break unnoticed. Each line is drawn with its
 * trailing space, so that a reader of the tags gets the words apart across line ends.
 *
 * Fonts: Liberation Sans (regular and bold, cut to Latin and typographic punctuation, see
 * fonts/make-fonts.py), embedded as subsets, as PDF/UA requires. Characters outside the cut (a
 * Cyrillic name, an emoji) are mapped by `printable`: a close equivalent, else the letter without
 * its accent, else "?".
 */

const mm = (value: number) => (value * 72) / 25.4;
const pageSize: [number, number] = [mm(210), mm(297)];
/** Where text may run on a page (exported for the bench's reference, which lays out the same lines). */
export const margin = { left: mm(25), right: mm(20), top: mm(20), bottom: mm(25) };
const footerBaseline = pageSize[1] - mm(12);
const ink = '#1a1a1a';
const muted = '#595959';

export type FontName = 'regular' | 'bold';

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

/** A list item: its label (a number, or none) and its body's paragraphs. */
export interface ListItem {
  label?: string;
  body: { text: string; style?: TextStyle }[];
}

/** Close equivalents for characters the fonts cannot show. */
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
  '\u200a': ' ',
  '\u2011': '-',
  '\u201b': '\u2019',
  '\u201f': '\u201d',
  '\u21d0': '<=',
  '\u2713': 'x',
  '\u2714': 'x',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
};

const covered = (code: number) => coverage.some(([first, last]) => code >= first && code <= last);

/** Text of only characters the fonts show, and line breaks: nearly every text, checked in one go. */
let showable: RegExp | undefined;
const allShown = (text: string) => {
  showable ??= new RegExp(
    `^[\\n${coverage.map(([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`).join('')}]*$`,
    'u',
  );
  return showable.test(text);
};

/** `text` with only characters the fonts can show (see the note at the top); line breaks stay. */
export function printable(text: string): string {
  const normal = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (allShown(normal)) return normal;
  const shows = (s: string) => [...s].every((c) => covered(c.codePointAt(0) ?? 0));
  let out = '';
  for (const char of normal) {
    if (char === '\n' || covered(char.codePointAt(0) ?? 0)) out += char;
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
export function wrap(text: string, fits: (line: string) => boolean): string[] {
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

/**
 * Whether a line fits `width`, from the widths of its words, each laid out once, and the space's:
 * wrapping tries the line with each further word, and laying out every candidate whole made the
 * letter's wrapping half of the document job's run. Each word is measured with the space after it,
 * as pdfkit splits a line it draws (font/embedded.js `layout`), so drawing the line finds every word
 * but the paragraph's last in pdfkit's layout cache instead of shaping it a second time. Kerning
 * across a space is all the sum can miss, so a line within two points of the limit is laid out whole.
 */
function fitsWithin(measure: (s: string) => number, width: number): (line: string) => boolean {
  const widths = new Map<string, number>();
  const spacedWidthOf = (word: string) => {
    let known = widths.get(word);
    if (known === undefined) {
      known = measure(`${word} `);
      widths.set(word, known);
    }
    return known;
  };
  const space = measure(' ');
  return (line) => {
    const sum = line.split(' ').reduce((total, word) => total + spacedWidthOf(word), -space);
    return Math.abs(sum - width) < 2 ? measure(line) <= width : sum < width;
  };
}

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** One line ready to draw: where (x from the left, relative to the block) and how. */
interface Line {
  text: string;
  x: number;
  font: FontName;
  size: number;
  color: string;
}

/** XML's special characters: pdfkit writes the title and author into the XMP metadata unescaped. */
const xml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** A document being written from top to bottom. */
export class Flow {
  private readonly doc: Doc;
  private readonly root: Element;
  private readonly chunks: Uint8Array[] = [];
  private readonly done: Promise<void>;
  /** The top of the next line, in points from the top of the page. */
  y: number;
  /** Called after a page break inside a table (it repeats its header). */
  private onBreak: (() => void) | undefined;

  private constructor(info: DocumentInfo) {
    const doc = new PDFDocument({
      size: pageSize,
      margin: 0,
      // No standard font is loaded (they are not embedded, which PDF/UA forbids): ours come next.
      font: '',
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'de-DE',
      displayTitle: true,
      // Declares PDF/UA-1 in the XMP metadata; @types/pdfkit lists only the PDF/A subsets.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      info: {
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        ...(info.keywords ? { Keywords: info.keywords.join(', ') } : {}),
        Creator: 'votum',
        Producer: 'votum (pdfkit)',
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
    });
    escapeXmp(doc);
    doc.registerFont('regular', gunzipSync(Buffer.from(regular, 'base64')));
    doc.registerFont('bold', gunzipSync(Buffer.from(bold, 'base64')));
    doc.font('regular');
    this.done = new Promise((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    this.doc = doc;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.y = margin.top;
  }

  static async create(info: DocumentInfo): Promise<Flow> {
    return new Flow(info);
  }

  /** The width text may take. */
  get width(): number {
    return pageSize[0] - margin.left - margin.right;
  }

  static lineHeight(size: number): number {
    return size * 1.4;
  }

  private measure(font: FontName, size: number): (s: string) => number {
    return (s) => this.doc.font(font).fontSize(size).widthOfString(s);
  }

  private lines(content: string, style: TextStyle, width: number): Line[] {
    const size = style.size ?? 10.5;
    const font = style.font ?? 'regular';
    const measure = this.measure(font, size);
    const wrapped = wrap(printable(content), fitsWithin(measure, width));
    const indent = style.indent ?? 0;
    const color = style.muted ? muted : ink;
    return wrapped.map((text) => ({
      text,
      x: style.align === 'right' ? indent + width - measure(text) : indent,
      font,
      size,
      color,
    }));
  }

  /** Starts a new page when less than `height` is left on this one; answers whether it did. */
  private ensure(height: number): boolean {
    if (this.y + height <= pageSize[1] - margin.bottom) return false;
    this.doc.addPage({ size: pageSize, margin: 0 });
    this.y = margin.top;
    this.onBreak?.();
    return true;
  }

  /** Keeps what follows (`height` points of it) on one page: a page break now if it does not fit. */
  keep(height: number): void {
    this.ensure(height);
  }

  gap(points: number): void {
    this.y += points;
  }

  private draw(line: Line, left: number, last: boolean): void {
    // The space after a wrapped line keeps its last word apart from the next line's first.
    const text = last ? line.text : `${line.text} `;
    this.doc
      .font(line.font)
      .fontSize(line.size)
      .fillColor(line.color)
      .text(text, left + line.x, this.y + line.size * 0.2, { lineBreak: false });
  }

  /** Content marked for `element`: the marked-content sequence is added to it when `draw` ends. */
  private marked(element: Element, type: string, draw: () => void): void {
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
  }

  /** Decoration that is no content (rules, repeated headers, footers). */
  private artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A new element under `parent` (the document when none). */
  private element(type: string, parent: Element = this.root): Element {
    const element = this.doc.struct(type);
    parent.add(element);
    return element;
  }

  /**
   * Lines of one element, from `left`, one marked-content sequence per page; `keep` lines of it stay
   * together (e.g. a heading with what follows).
   */
  private flowLines(element: Element, type: string, lines: Line[], left: number, keep: number): void {
    const height = (l: Line) => Flow.lineHeight(l.size);
    const first = lines[0];
    if (!first) return;
    this.ensure(height(first) * Math.min(keep, lines.length));
    let i = 0;
    while (i < lines.length) {
      const start = i;
      this.marked(element, type, () => {
        for (; i < lines.length; i++) {
          const line = lines[i] as Line;
          if (i > start && this.y + height(line) > pageSize[1] - margin.bottom) break;
          this.draw(line, left, i === lines.length - 1);
          this.y += height(line);
        }
      });
      if (i < lines.length) this.ensure(Number.POSITIVE_INFINITY);
    }
  }

  /** How tall a paragraph of `content` would be, with its space after: to keep blocks together. */
  textHeight(content: string, style: TextStyle = {}): number {
    const lines = this.lines(content, style, this.width - (style.indent ?? 0));
    return lines.reduce((sum, line) => sum + Flow.lineHeight(line.size), 0) + (style.after ?? 0);
  }

  /** How tall `signature(lines)` is. */
  static signatureHeight(lines: number, size = 10): number {
    return mm(12) + 2 + Flow.lineHeight(size) * lines;
  }

  /** A paragraph (P) of wrapped text; `keep` lines of it stay together. */
  text(content: string, style: TextStyle = {}, keep = 2, parent?: Element): void {
    const indent = style.indent ?? 0;
    const lines = this.lines(content, style, this.width - indent);
    this.flowLines(this.element('P', parent), 'P', lines, margin.left, keep);
    this.y += style.after ?? 0;
  }

  /** A heading (H1, H2, H3) in bold; it never ends a page: it keeps its first lines of content with it. */
  heading(content: string, level: 1 | 2 | 3 = 2, size = level === 1 ? 13 : level === 2 ? 12 : 11): void {
    this.gap(size * 0.6);
    this.ensure(Flow.lineHeight(size) + Flow.lineHeight(10.5) * 3);
    const lines = this.lines(content, { font: 'bold', size }, this.width);
    const type = `H${level}`;
    this.flowLines(this.element(type), type, lines, margin.left, lines.length);
    this.y += size * 0.3;
  }

  /** A list (L): each item (LI) with its label (Lbl, e.g. "1.") and its body (LBody) of paragraphs. */
  list(items: ListItem[], options: { size?: number; after?: number } = {}): void {
    const size = options.size ?? 10.5;
    const hasLabels = items.some((item) => item.label);
    const labelWidth = hasLabels
      ? Math.max(...items.map((item) => this.measure('regular', size)(printable(item.label ?? '')))) + 6
      : 0;
    const list = this.element('L');
    for (const item of items) {
      const li = this.element('LI', list);
      const bodyLines = item.body.map((p) =>
        this.lines(p.text, { size, ...p.style }, this.width - labelWidth - (p.style?.indent ?? 0)),
      );
      this.ensure(Flow.lineHeight(size) * Math.min(2, bodyLines.flat().length));
      const text = item.label && printable(item.label);
      if (text) {
        // The label sits on the body's first line: drawing it does not move down.
        this.marked(this.element('Lbl', li), 'Lbl', () =>
          this.draw({ text, x: 0, font: 'regular', size, color: ink }, margin.left, true),
        );
      }
      const body = this.element('LBody', li);
      item.body.forEach((p, n) => {
        const lines = bodyLines[n] ?? [];
        this.flowLines(this.element('P', body), 'P', lines, margin.left + labelWidth, 2);
        this.y += p.style?.after ?? 2;
      });
      body.end();
      li.end();
    }
    list.end();
    this.y += options.after ?? 0;
  }

  rule(): void {
    this.ensure(9);
    this.y += 3;
    const y = this.y;
    this.artifact(() => {
      this.doc
        .moveTo(margin.left, y)
        .lineTo(margin.left + this.width, y)
        .lineWidth(0.5)
        .strokeColor(muted)
        .stroke();
    });
    this.y += 6;
  }

  /**
   * A table (Table/TR/TH/TD): each cell wraps within its column, a row stays on one page unless it is
   * taller than a page, and a header row (TH, scope Column, when given) repeats on every page the
   * table reaches (the repetitions are artifacts). A label column's cells are row headers (TH, scope Row).
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
      const measure = this.measure('bold', size);
      const longest = Math.max(
        0,
        ...[...rows.map((row) => row[0] ?? ''), ...(options.labelSample ?? [])].flatMap((label) =>
          printable(label)
            .split('\n')
            .map((line) => measure(line)),
        ),
      );
      const label = Math.min(longest + padding + 4, this.width * 0.4);
      const rest = total - (options.widths[0] ?? 0);
      widths = [label, ...options.widths.slice(1).map((w) => (w / rest) * (this.width - label))];
    }
    const lefts = widths.map((_, i) => margin.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const cellLines = (cells: string[], header: boolean) =>
      cells.map((cell, i) =>
        this.lines(
          cell,
          { size, font: header || (options.labelColumn && i === 0) ? 'bold' : 'regular' },
          (widths[i] ?? 0) - padding,
        ),
      );
    const bottom = () => pageSize[1] - margin.bottom;

    const headerRule = () => {
      const y = this.y - size * 0.2;
      this.doc
        .moveTo(margin.left, y)
        .lineTo(margin.left + this.width, y)
        .lineWidth(0.5)
        .strokeColor(muted)
        .stroke();
    };
    const drawHeaderLines = (cells: Line[][]) => {
      const count = Math.max(1, ...cells.map((c) => c.length));
      cells.forEach((lines, i) => {
        lines.forEach((line, n) => {
          const y = this.y;
          this.y += n * height;
          this.draw(line, lefts[i] ?? margin.left, n === lines.length - 1);
          this.y = y;
        });
      });
      this.y += count * height + size * 0.35;
      headerRule();
    };

    const table = this.element('Table');
    const header = options.header;
    if (header) {
      const headerCells = cellLines(header, true);
      this.ensure(height * 3);
      const tr = this.element('TR', table);
      const count = Math.max(1, ...headerCells.map((c) => c.length));
      const top = this.y;
      headerCells.forEach((lines, i) => {
        const th = this.doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions);
        tr.add(th);
        this.y = top;
        this.marked(th, 'TH', () => {
          lines.forEach((line, n) => {
            this.draw(line, lefts[i] ?? margin.left, n === lines.length - 1);
            this.y += height;
          });
        });
        th.end();
      });
      tr.end();
      this.y = top + count * height + size * 0.35;
      this.artifact(headerRule);
      this.onBreak = () => this.artifact(() => drawHeaderLines(headerCells));
    }
    try {
      for (const row of rows) {
        const cells = cellLines(row, false);
        const count = Math.max(1, ...cells.map((c) => c.length));
        this.ensure(height * Math.min(count, 4));
        const tr = this.element('TR', table);
        const elements = cells.map((_, i) => {
          const isLabel = options.labelColumn && i === 0;
          const cell = isLabel
            ? this.doc.struct('TH', { scope: 'Row' } as PDFKit.Mixins.StructureElementOptions)
            : this.doc.struct('TD');
          tr.add(cell);
          return { cell, type: isLabel ? 'TH' : 'TD' };
        });
        // The row in slices that fit a page: each cell's lines of a slice are one marked sequence.
        let from = 0;
        while (from < count) {
          const room = Math.max(1, Math.floor((bottom() - this.y) / height));
          const to = Math.min(count, from + room);
          const top = this.y;
          cells.forEach((lines, i) => {
            const slice = lines.slice(from, to);
            const element = elements[i];
            if (!element || slice.length === 0) return;
            this.y = top;
            this.marked(element.cell, element.type, () => {
              slice.forEach((line, n) => {
                this.draw(line, lefts[i] ?? margin.left, from + n === lines.length - 1);
                this.y += height;
              });
            });
          });
          this.y = top + (to - from) * height;
          from = to;
          if (from < count) this.ensure(Number.POSITIVE_INFINITY);
        }
        for (const { cell } of elements) cell.end();
        tr.end();
        this.y += size * 0.35;
      }
    } finally {
      this.onBreak = undefined;
    }
    table.end();
    this.y += options.after ?? 0;
  }

  /** A signature: a line to sign on (an artifact) and the names under it, kept together on one page. */
  signature(lines: string[], size = 10): void {
    this.ensure(Flow.signatureHeight(lines.length, size));
    this.gap(mm(12));
    const y = this.y;
    this.artifact(() => {
      this.doc
        .moveTo(margin.left, y)
        .lineTo(margin.left + mm(70), y)
        .lineWidth(0.5)
        .strokeColor(ink)
        .stroke();
    });
    this.gap(2);
    for (const line of lines) this.text(line, { size }, lines.length);
  }

  /** Numbers the pages („Seite n von m“, an artifact) with a short label on the left, and returns the PDF. */
  async finish(label: string, pageLabel: (page: number, of: number) => string): Promise<Uint8Array> {
    this.root.end();
    const { start, count } = this.doc.bufferedPageRange();
    const size = 8;
    const measure = this.measure('regular', size);
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(start + i);
      const pageText = printable(pageLabel(i + 1, count));
      const pageWidth = measure(pageText);
      const room = this.width - pageWidth - mm(8);
      const [first = ''] = wrap(printable(label), (s) => measure(s) <= room);
      this.artifact(() => {
        this.doc.font('regular').fontSize(size).fillColor(muted);
        this.doc.text(pageText, margin.left + this.width - pageWidth, footerBaseline - size, {
          lineBreak: false,
        });
        this.doc.text(first, margin.left, footerBaseline - size, { lineBreak: false });
      }, 'Pagination');
    }
    this.doc.end();
    await this.done;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

/**
 * pdfkit copies the title, author, subject and keywords into the XMP metadata as they are: a title
 * with "&" or "<" would make it invalid XML. The copy gets them escaped; the info dictionary keeps
 * them as they are.
 */
function escapeXmp(doc: Doc): void {
  const inner = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = inner._addInfo;
  inner._addInfo = function (this: typeof inner) {
    const info = this.info;
    const escaped = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? xml(value) : value]),
    );
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}
