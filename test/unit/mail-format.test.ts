import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { formatDateTime } from '../../functions/core/dates.ts';
import { escapeHtml } from '../../functions/mail/format.ts';
import { sketchSubmittedMail, voteOpenedMail, voteReminderMail } from '../../functions/mail/templates.de.ts';
import { leineWeserSketch } from '../support/sketches.ts';

describe('mail formatting', () => {
  it('shows times in Berlin in German format, across the daylight-saving change', () => {
    // Act & Assess
    expect(formatDateTime('2026-03-29T00:30:00.000Z')).toBe('29.03.2026, 01:30 Uhr');
    expect(formatDateTime('2026-03-29T01:30:00.000Z')).toBe('29.03.2026, 03:30 Uhr');
    expect(formatDateTime('2028-12-31T22:59:00.000Z')).toBe('31.12.2028, 23:59 Uhr');
  });

  it('escapes what applicants typed before it goes into HTML, and carries the full record', () => {
    // Prepare
    const sketch = leineWeserSketch();
    sketch.project.title = '<script>alert(1)</script> & Co.';
    sketch.applicant.organisation = 'A "B" e. V.';
    sketch.project.summary = 'Zeile 1\nZeile 2';
    // Act
    const mail = sketchSubmittedMail(
      checkedProfile('leine-weser'),
      sketch,
      { n: 2, at: '2026-11-23T10:00:00.000Z' },
      'http://votum.test/skizzen/s1',
    );
    // Assess
    expect(mail.subject).toBe('Projektskizze eingereicht (Fassung 2): <script>alert(1)</script> & Co.');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co.');
    expect(mail.html).toContain('A &quot;B&quot; e. V.');
    expect(mail.html).toContain('Zeile 1<br>Zeile 2');
    expect(mail.text).toContain('am 23.11.2026, 11:00 Uhr bei der Koordinierungsstelle');
    // the full record: every section, the money in German format, the sub-regions by name
    for (const section of [
      '1. Antragsteller',
      '4. Räumliche Wirkung',
      '7. Kosten- und Finanzierungsplan',
      '8. Lokale Allianz',
    ])
      expect(mail.text).toContain(section);
    expect(mail.text).toContain('Gesamtkosten:\n383.100,00\u00a0€');
    expect(mail.text).toContain('Hildesheim: 25\u00a0%');
    expect(mail.text).toContain('Laufzeit:\n01.01.2026 bis 31.12.2028 (36 Monate)');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

describe('a vote mail', () => {
  it('says what its link does when opened again, on the same device and on another', () => {
    // Prepare
    const profile = checkedProfile('leine-weser');
    const sketch = {
      title: 'Pflege',
      organisation: 'Bildungswerk',
      summary: 'Kurz.',
      costCents: 100,
      esfCents: 50,
    };
    // Act
    const invitation = voteOpenedMail(
      profile,
      { institution: 'IHK Hannover', deadline: '2026-12-20', asDeputy: false },
      [sketch],
      'http://votum.test/anmelden#token=x',
    );
    const reminder = voteReminderMail(
      profile,
      { institution: 'IHK Hannover', deadline: '2026-12-20' },
      [sketch],
      'http://votum.test/anmelden#token=x',
    );
    // Assess
    for (const mail of [invitation, reminder]) {
      expect(mail.text).toContain('öffnet er die Abstimmung auch später wieder');
      expect(mail.text).toContain(
        'auf einem anderen Gerät fordern Sie auf der Startseite des Portals einen neuen Anmeldelink an',
      );
    }
  });
});
