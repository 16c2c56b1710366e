import { addDays, isValidDate } from './dates.ts';

/*
 * iCalendar text (RFC 5545) for the deadline feed, pure: all-day events (DTSTART;VALUE=DATE, the
 * exclusive DTEND the day after), TEXT values escaped, lines folded at 75 octets without splitting
 * a UTF-8 character, CRLF line ends. The stamp is passed in; the same input gives the same text.
 */

export interface CalendarEvent {
  /** Stable for the same deadline, so a calendar app moves the event when the date moves. */
  uid: string;
  /** The calendar date (YYYY-MM-DD) the event falls on, all day. */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export interface Calendar {
  /** The calendar's name as apps show it (X-WR-CALNAME). */
  name: string;
  /** When the feed was made: every event's DTSTAMP. */
  stamp: Date;
  events: readonly CalendarEvent[];
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-8 octets of one code point, from its value (a TextEncoder per character cost the feed ~10 ms). */
const charOctets = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * RFC 5545 3.1: a line longer than 75 octets is split by CRLF and one space; the space counts on
 * the continuation line. Splits only between characters (code points), never inside one.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const width = charOctets(char);
    if (size + width > limit) {
      lines.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += char;
    size += width;
  }
  lines.push(current);
  return lines.length === 1 ? current : lines.join('\r\n');
}

const compactDate = (date: string) => date.replace(/-/g, '');
/** 2026-11-23T12:16:17.123Z → 20261123T121617Z */
const compactInstant = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The whole calendar as text, each line folded, CRLF after every line. */
export function icalendar(calendar: Calendar): string {
  const stamp = compactInstant(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//votum//Fristen//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'X-WR-TIMEZONE:Europe/Berlin',
    // RFC 7986 and its older spelling: how often an app should fetch the feed again.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const event of calendar.events) {
    if (!isValidDate(event.date)) throw new RangeError(`not a calendar date: ${event.date}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      // A URI value is not TEXT: it is not escaped (RFC 5545 3.3.13); line breaks cannot occur in one.
      ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, '')}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
