import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { escapeHtml, formatDateTime } from '../../functions/mail/format.ts';
import { sketchSubmittedMail } from '../../functions/mail/templates.de.ts';

describe('mail formatting', () => {
  it('shows times in Berlin in German format, across the daylight-saving change', () => {
    // Act & Assess
    expect(formatDateTime('2026-03-29T00:30:00.000Z')).toBe('29.03.2026, 01:30 Uhr');
    expect(formatDateTime('2026-03-29T01:30:00.000Z')).toBe('29.03.2026, 03:30 Uhr');
    expect(formatDateTime('2028-12-31T22:59:00.000Z')).toBe('31.12.2028, 23:59 Uhr');
  });

  it('escapes what applicants typed before it goes into HTML', () => {
    // Prepare
    const sketch = {
      id: 's1',
      title: '<script>alert(1)</script> & Co.',
      organisation: 'A "B" e. V.',
      contactName: 'C',
      contactEmail: 'c@example.org',
      summary: 'Zeile 1\nZeile 2',
      ownerEmail: 'c@example.org',
      status: 'submitted' as const,
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
      submittedAt: '2026-11-23T10:00:00.000Z',
      version: 1,
    };
    // Act
    const mail = sketchSubmittedMail(loadProfile('leine-weser'), sketch, 'http://votum.test/skizzen/s1');
    // Assess
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co.');
    expect(mail.html).toContain('Zeile 1<br>Zeile 2');
    expect(mail.text).toContain('<script>alert(1)</script> & Co.');
    expect(mail.text).toContain('Eingereicht am:\n23.11.2026, 11:00 Uhr');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});
