import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalendar } from '../../functions/core/ical.ts';

const stamp = new Date('2026-11-23T12:16:17.123Z');
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('the iCalendar feed', () => {
  it('has an all-day event per deadline with a stable UID, CRLF after every line', () => {
    // Act
    const text = icalendar({
      name: 'Fristen – Fachkräftebündnis Leine-Weser',
      stamp,
      events: [
        { uid: 'deadline-s1-final@votum.test', date: '2028-07-30', summary: 'Abschlussbericht: Pflege' },
        { uid: 'vote-v1@votum.test', date: '2028-12-31', summary: 'Umlaufverfahren: 2 Skizzen' },
      ],
    });
    // Assess
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//votum//Fristen//DE',
      'CALSCALE:GREGORIAN',
    ]);
    expect(lines).toContain('X-WR-CALNAME:Fristen – Fachkräftebündnis Leine-Weser');
    expect(lines).toContain('UID:deadline-s1-final@votum.test');
    expect(lines).toContain('DTSTAMP:20261123T121617Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20280730');
    expect(lines).toContain('DTEND;VALUE=DATE:20280731');
    // The day after the last of a year is in the next one
    expect(lines).toContain('DTSTART;VALUE=DATE:20281231');
    expect(lines).toContain('DTEND;VALUE=DATE:20290101');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    // Act & Assess
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const text = icalendar({
      name: 'x',
      stamp,
      events: [
        {
          uid: 'u@x',
          date: '2028-02-29',
          summary: 'Bericht: Pflege, Quereinstieg; Teil 1',
          description: 'Zeile 1\nZeile 2',
          url: 'https://votum.test/verwaltung/skizzen/s1/foerderung?a=1,2',
        },
      ],
    });
    const lines = unfold(text).split('\r\n');
    expect(lines).toContain('SUMMARY:Bericht: Pflege\\, Quereinstieg\\; Teil 1');
    expect(lines).toContain('DESCRIPTION:Zeile 1\\nZeile 2');
    expect(lines).toContain('URL:https://votum.test/verwaltung/skizzen/s1/foerderung?a=1,2');
    expect(lines).toContain('DTEND;VALUE=DATE:20280301');
  });

  it('folds lines longer than 75 octets without splitting a character, and unfolds to the original', () => {
    // Prepare: umlauts are two octets each in UTF-8
    const line = `SUMMARY:${'Überfällige Fristen für Förderentscheidungen und Abschlussberichte '.repeat(4)}`;
    // Act
    const folded = foldLine(line);
    // Assess
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(physical.join('\r\n')).not.toContain('\ufffd');
    expect(unfold(folded)).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('folds any text (ASCII, umlauts, €, emoji and other astral characters) into lines of at most 75 octets', () => {
    fc.assert(
      // Line breaks are escaped before folding (escapeText): a folded line never holds one.
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }).map((t) => t.replace(/[\r\n]/g, ' ')),
        (text) => {
          // Act
          const folded = foldLine(`DESCRIPTION:${text}`);
          // Assess: measured by the UTF-8 encoder, not by our own count
          const physical = folded.split('\r\n');
          for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          expect(unfold(folded)).toBe(`DESCRIPTION:${text}`);
        },
      ),
    );
  });

  it('gives the same text for the same input', () => {
    // Prepare
    const input = { name: 'x', stamp, events: [{ uid: 'u@x', date: '2027-03-28', summary: 'Frist' }] };
    // Act & Assess
    expect(icalendar(input)).toBe(icalendar(input));
  });
});
