import { berlinDate, berlinTimeOfDay, formatDate } from './dates.ts';

/*
 * CSV as Excel with German settings opens it by double-click: UTF-8 with a byte order mark (without
 * it Excel reads ANSI and breaks ä ö ü ß €), `;` between fields (the German list separator), CRLF
 * line ends, numbers with a decimal comma and no thousands separator (1234,56), dates as
 * 31.12.2028. No "sep=;" line: Excel then ignores the byte order mark.
 *
 * Formula injection: a text cell that starts with = + - @ (or a tab or carriage return) would be
 * run as a formula by Excel or LibreOffice, and cells come from applicants (titles, organisations,
 * comments). Such a cell gets an apostrophe in front, as OWASP advises, so it stays text. Values
 * formatted here (amounts, numbers, dates) are never prefixed: a negative amount stays a number.
 */

/** A value already in its CSV form (amount, number, date): written as it is, only quoted if needed. */
export interface CsvValue {
  readonly csv: string;
}
/** Text (guarded against formulas), a whole or decimal number, a formatted value, or empty. */
export type CsvCell = string | number | CsvValue | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[;"\r\n]/;

/** 123456 → "1234,56"; −5 → "-0,05". */
export function csvMoney(cents: number): CsvValue {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return { csv: `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}` };
}

/** A number with a decimal comma and at most `decimals` places, without thousands separators. */
export function csvNumber(value: number, decimals = 2): CsvValue {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(decimals)));
  return { csv: text.replace('.', ',') };
}

/** "2028-12-31" or an instant (its day in Berlin) → "31.12.2028"; empty for none. */
export function csvDate(value: string | undefined): CsvValue {
  if (!value) return { csv: '' };
  return { csv: formatDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : berlinDate(new Date(value))) };
}

/** An instant as Berlin date and time, "31.12.2028 14:05", which Excel reads as a date and time. */
export function csvDateTime(value: string | undefined): CsvValue {
  if (!value) return { csv: '' };
  const at = new Date(value);
  return { csv: `${formatDate(berlinDate(at))} ${berlinTimeOfDay(at)}` };
}

function field(cell: CsvCell): string {
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'number') text = csvNumber(cell).csv;
  else if (typeof cell === 'string') text = formulaStart.test(cell) ? `'${cell}` : cell;
  else text = cell.csv;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const lines = (rows: readonly (readonly CsvCell[])[]) =>
  rows.map((row) => `${row.map(field).join(';')}\r\n`).join('');

/** The CSV text: a header line, then one line per row, each ending in CRLF (without the byte order mark). */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return lines([header]) + lines(rows);
}

/**
 * The file's bytes: the UTF-8 byte order mark, then the CSV text in UTF-8. The mark and the header
 * are encoded apart from the rows: one character beyond Latin-1 („“ in a header) makes a joined
 * string two-byte throughout, and encoding that is several times slower (a trail's 170 KB: 3 ms
 * instead of 0.5).
 */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Uint8Array {
  const encoder = new TextEncoder();
  const head = encoder.encode(`\uFEFF${lines([header])}`);
  const body = encoder.encode(lines(rows));
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head);
  bytes.set(body, head.length);
  return bytes;
}
