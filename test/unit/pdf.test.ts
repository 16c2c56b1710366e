import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import {
  type MinutesInput,
  minutesPdf,
  type VotumLetterInput,
  votumLetterPdf,
} from '../../functions/documents/pdf.ts';
import { leineWeserSketch } from '../support/sketches.ts';

/*
 * The documents are checked as a reader would check them: the PDF opens, has the pages and the
 * metadata it should, and says the right things in German. The text is read back with unpdf
 * (Mozilla's PDF.js in a serverless build, no native canvas, no worker): an independent reader, so
 * the test does not trust pdf-lib's own view of what it wrote, and is not fooled by pdf-lib's
 * compressed content streams or glyph-coded strings. Whitespace is folded, because a reader's text
 * has line breaks wherever the layout wrapped.
 */

const profile = loadProfile('leine-weser');

async function read(bytes: Uint8Array) {
  // PDF.js may take over the buffer it is given: give it a copy.
  const pdf = await getDocumentProxy(bytes.slice());
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  // Each page's footer is drawn last, so it ends the page's text; `all` is the body without footers.
  const body = text.map((page) => page.replace(/Seite \d+ von \d+.*$/s, ''));
  return { totalPages, raw: text.join('\n'), pages: text.map(fold), all: fold(body.join(' ')), info };
}

function letterInput(overrides: Partial<VotumLetterInput> = {}): VotumLetterInput {
  return {
    profile,
    sketch: leineWeserSketch(),
    decision: 'endorsed',
    procedure: { kind: 'circulation', deadline: '2026-11-20' },
    counts: { approve: 9, object: 0, abstain: 2, recused: 1 },
    conditions: [
      'Die Teilnehmenden aus dem Landkreis Holzminden sind im Zwischenbericht gesondert auszuweisen.',
    ],
    justification: 'Die Skizze passt zu den Handlungsschwerpunkten I und III und wirkt in allen Teilräumen.',
    criteria: [
      { id: 'raeumliche-wirkung', assessment: 'met', note: 'Alle drei Teilräume mit begründeten Anteilen.' },
      { id: 'verstetigung', assessment: 'not_met', note: 'Die Übernahme durch die Pflegeschulen ist offen.' },
    ],
    reference: 'SK-2026-0042',
    signatory: 'Dr. Erika Beispiel',
    issuedAt: new Date('2026-11-23T09:15:00.000Z'),
    ...overrides,
  };
}

describe('the Votum letter', () => {
  it('opens as a PDF with its title, author, language and the given creation date', async () => {
    // Prepare
    const input = letterInput();
    // Act
    const bytes = await votumLetterPdf(input);
    // Assess: pdf-lib loads it back; PDF.js reads the same metadata
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe(
      'Votum zur Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
    );
    expect(doc.getAuthor()).toBe('Fachkräftebündnis Leine-Weser');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-23T09:15:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-23T09:15:00.000Z');
    const { info, totalPages } = await read(bytes);
    expect(totalPages).toBe(doc.getPageCount());
    expect(info).toMatchObject({ Language: 'de-DE', Author: 'Fachkräftebündnis Leine-Weser' });
  });

  it('says who writes to whom, when, about what, and what was decided, in German', async () => {
    // Prepare
    const input = letterInput();
    // Act
    const { all, raw } = await read(await votumLetterPdf(input));
    // Assess: letterhead and recipient
    for (const text of [
      'Fachkräftebündnis Leine-Weser',
      'Amt für regionale Landesentwicklung Leine-Weser',
      'fachkraeftebuendnis@arl-lw.example.org',
      '05121 9129-833',
      'Bildungswerk Weserbergland e. V. Anna Musterfrau Deisterallee 12 31785 Hameln',
      'Hildesheim, 23.11.2026',
      'Unser Zeichen: SK-2026-0042',
    ])
      expect(all).toContain(text);
    // the subject, the decision and how it was reached
    expect(all).toContain(
      'Votum der Lenkungsgruppe des Fachkräftebündnis Leine-Weser zur Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
    );
    expect(all).toContain('im Umlaufverfahren (Frist: 20.11.2026) befürwortet.');
    expect(all).toContain('Entscheidung befürwortet');
    expect(all).toContain(
      '9 Zustimmungen, 0 Einwände, 2 Enthaltungen; 1 Sitz wegen Befangenheit nicht stimmberechtigt',
    );
    expect(all).toContain('Auflagen 1. Die Teilnehmenden aus dem Landkreis Holzminden');
    // the justification along every criterion of the profile, in its order
    expect(all).toContain('Die Skizze passt zu den Handlungsschwerpunkten I und III');
    const criteria = [
      'Räumliche Wirkung des Projektes: erfüllt Alle drei Teilräume mit begründeten Anteilen.',
      'Verstetigungsmöglichkeiten nach Ablauf der Förderphase: nicht erfüllt Die Übernahme durch die Pflegeschulen ist offen.',
      'Modellcharakter bzw. Übertragbarkeit des Projektes: nicht bewertet',
    ];
    const at = criteria.map((c) => all.indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // the key figures: money, dates and shares in German format
    expect(all).toContain('Laufzeit 01.01.2026 – 31.12.2028 (36 Monate)');
    expect(all).toContain('Gesamtkosten 383.100,00 €');
    expect(all).toContain('Beantragte ESF-Mittel 268.170,00 €');
    expect(raw).toMatch(/383\.100,00[ \u00a0]€/); // a no-break space: the amount and € stay on one line
    expect(all).toContain('Region Hannover: 40 % Landkreis Hildesheim: 25 % REK Weserbergland+: 35 %');
    // closing and signature
    expect(all).toContain('Bitte fügen Sie dieses Schreiben Ihrem Förderantrag bei der NBank bei.');
    expect(all).toContain(
      'Mit freundlichen Grüßen Im Auftrag der Lenkungsgruppe Dr. Erika Beispiel Amt für regionale Landesentwicklung Leine-Weser',
    );
  });

  it('words each decision and each procedure, and leaves out what was not given', async () => {
    // Prepare
    const notEndorsed = letterInput({
      decision: 'not_endorsed',
      procedure: { kind: 'meeting', date: '2026-11-12', place: 'Hannover' },
      counts: undefined,
      conditions: [],
    });
    const deferred = letterInput({
      decision: 'deferred',
      procedure: { kind: 'meeting', date: '2026-11-12' },
    });
    // Act
    const [no, later] = await Promise.all([
      votumLetterPdf(notEndorsed).then(read),
      votumLetterPdf(deferred).then(read),
    ]);
    // Assess
    expect(no.all).toContain('in ihrer Sitzung am 12.11.2026 in Hannover nicht befürwortet.');
    expect(no.all).toContain('Entscheidung nicht befürwortet');
    expect(no.all).not.toContain('Abstimmungsergebnis');
    expect(no.all).not.toContain('Auflagen');
    expect(no.all).not.toContain('NBank');
    expect(later.all).toContain('in ihrer Sitzung am 12.11.2026 zurückgestellt.');
    expect(later.all).toContain('in einer späteren Runde erneut beraten');
  });

  it('dates the letter with the Berlin calendar day, after the profile’s place or alone', async () => {
    // Prepare: 23:30 UTC on 22.11. is already 23.11. in Berlin
    const issuedAt = new Date('2026-11-22T23:30:00.000Z');
    const { place: _place, ...office } = profile.office;
    // Act
    const withPlace = await read(await votumLetterPdf(letterInput({ issuedAt })));
    const withoutPlace = await read(
      await votumLetterPdf(letterInput({ issuedAt, profile: { ...profile, office } })),
    );
    // Assess
    expect(withPlace.all).toContain('Hildesheim, 23.11.2026');
    expect(withoutPlace.all).not.toContain('Hildesheim, 23.11.2026');
    expect(withoutPlace.all).toContain('23.11.2026 Unser Zeichen');
  });

  it('shows umlauts, German quotes, € and dashes as typed; maps other characters to close ones', async () => {
    // Prepare: names from beyond WinAnsi, an arrow, a narrow no-break space, a zero-width space
    const sketch = leineWeserSketch();
    sketch.applicant.contactName = 'Łukasz Şahin-Öztürk';
    const input = letterInput({
      sketch,
      justification: 'Größe „Maß“ – Übergänge → 5\u202f000\u00a0€ für Straße\u200b und Äcker; ẞ bleibt.',
    });
    // Act
    const { all } = await read(await votumLetterPdf(input));
    // Assess
    expect(all).toContain('Guten Tag Lukasz Sahin-Öztürk,');
    expect(all).toContain('Größe „Maß“ – Übergänge -> 5 000 € für Straße und Äcker; SS bleibt.');
  });

  it('flows a long justification onto further pages, each numbered „Seite n von m“', async () => {
    // Prepare: 40 paragraphs of about 300 characters each, with one over-long word
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `Absatz ${i + 1}: Die Lenkungsgruppe würdigt die Verknüpfung von Beratung, Coaching und Ausbildung in den Teilräumen; sie erwartet, dass die Erfahrungen der Betriebe regelmäßig ausgewertet und in die Arbeit der lokalen Allianzen zurückgespielt werden, damit die Wirkung über das Projektende hinaus trägt.`,
    );
    paragraphs.push(`Kennung ${'X'.repeat(400)} Ende.`);
    const input = letterInput({ justification: paragraphs.join('\n') });
    // Act
    const bytes = await votumLetterPdf(input);
    const { totalPages, pages, all } = await read(bytes);
    // Assess: several pages, every page numbered, nothing lost, the closing on the last page
    expect(totalPages).toBeGreaterThanOrEqual(4);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(totalPages);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${totalPages}`);
    });
    for (let i = 1; i <= 40; i++) expect(all).toContain(`Absatz ${i}: Die Lenkungsgruppe würdigt`);
    expect(all.replace(/ /g, '')).toContain(`Kennung${'X'.repeat(400)}Ende.`);
    expect(pages.at(-1)).toContain('Mit freundlichen Grüßen');
  });

  it('gives the same bytes for the same input (no clock, no random ids)', async () => {
    // Act
    const [first, second] = await Promise.all([votumLetterPdf(letterInput()), votumLetterPdf(letterInput())]);
    // Assess
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('refuses a criterion the profile does not have', async () => {
    // Prepare
    const input = letterInput({ criteria: [{ id: 'schoenheit', assessment: 'met' }] });
    // Act & Assess
    await expect(votumLetterPdf(input)).rejects.toThrow(/criterion "schoenheit" is not in the profile/);
  });
});

describe('the minutes of a meeting', () => {
  function minutesInput(overrides: Partial<MinutesInput> = {}): MinutesInput {
    return {
      profile,
      date: '2026-11-12',
      place: 'Hildesheim, Domhof 1',
      recorder: 'Max Mustermann',
      attendance: [
        { institution: 'Region Hannover, Wirtschaftsförderung', presence: 'member', name: 'Jana Beispiel' },
        { institution: 'IHK Hannover', presence: 'deputy', name: 'Jörg Vertreter' },
        { institution: 'DGB Region Niedersachsen-Mitte', presence: 'absent', name: 'Petra Test' },
      ],
      decisions: [
        {
          title: 'Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung',
          applicant: 'Bildungswerk Weserbergland e. V.',
          decision: 'endorsed',
          counts: { approve: 9, object: 0, abstain: 1 },
          recused: ['IHK Hannover'],
          conditions: ['Kooperationsvereinbarung vor Projektbeginn vorlegen.'],
        },
        {
          title: 'Digitale Lernorte im Weserbergland',
          decision: 'deferred',
          note: 'Kostenplan überarbeiten.',
        },
      ],
      createdAt: new Date('2026-11-13T10:00:00.000Z'),
      ...overrides,
    };
  }

  it('lists attendance per seat and the decision on each sketch, with metadata', async () => {
    // Act
    const bytes = await minutesPdf(minutesInput());
    // Assess
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Protokoll der Sitzung der Lenkungsgruppe am 12.11.2026');
    expect(doc.getAuthor()).toBe('Fachkräftebündnis Leine-Weser');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-13T10:00:00.000Z');
    const { all, pages, totalPages, info } = await read(bytes);
    expect(info).toMatchObject({ Language: 'de-DE' });
    expect(totalPages).toBe(1);
    for (const text of [
      'Datum 12.11.2026',
      'Ort Hildesheim, Domhof 1',
      'Protokoll Max Mustermann',
      'Anwesend: 2 von 3 Sitzen, davon 1 durch Stellvertretung.',
      'Sitz Anwesenheit Name',
      'Region Hannover, Wirtschaftsförderung anwesend (Mitglied) Jana Beispiel',
      'IHK Hannover anwesend (Stellvertretung) Jörg Vertreter',
      'DGB Region Niedersachsen-Mitte abwesend Petra Test',
      '1. Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
      'Beschluss befürwortet',
      'Abstimmung 9 Zustimmungen, 0 Einwände, 1 Enthaltung',
      'Befangen (nicht mitgestimmt) IHK Hannover',
      'Auflagen 1. Kooperationsvereinbarung vor Projektbeginn vorlegen.',
      '2. Projektskizze „Digitale Lernorte im Weserbergland“ Beschluss zurückgestellt Anmerkung Kostenplan überarbeiten.',
      'Max Mustermann Für die Koordinierungsstelle: Amt für regionale Landesentwicklung Leine-Weser',
    ])
      expect(all).toContain(text);
    expect(pages[0]).toContain('Seite 1 von 1');
    expect(pages[0]).toContain('Fachkräftebündnis Leine-Weser · Protokoll der Lenkungsgruppe vom 12.11.2026');
  });

  it('repeats the attendance table’s header on every page it reaches', async () => {
    // Prepare: more seats than one page holds
    const attendance = Array.from({ length: 70 }, (_, i) => ({
      institution: `Institution ${i + 1}`,
      presence: i % 3 === 0 ? ('absent' as const) : ('member' as const),
      name: `Person ${i + 1}`,
    }));
    // Act
    const { pages, totalPages, all } = await read(
      await minutesPdf(minutesInput({ attendance, place: undefined })),
    );
    // Assess
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const withTable = pages.filter((page) => /Institution \d+/.test(page));
    expect(withTable.length).toBeGreaterThanOrEqual(2);
    for (const page of withTable) expect(page).toContain('Sitz Anwesenheit Name');
    expect(all).toContain('Institution 70 abwesend Person 70');
    expect(all).toContain('Anwesend: 46 von 70 Sitzen.');
    expect(all).not.toContain('Ort ');
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${totalPages}`);
    });
  });
});
