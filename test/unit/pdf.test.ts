import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { coverage } from '../../functions/documents/fonts/fonts.ts';
import { printable } from '../../functions/documents/layout.ts';
import {
  type CirculationRecordInput,
  circulationRecordPdf,
  type MinutesInput,
  minutesPdf,
  type VotumLetterInput,
  votumLetterPdf,
} from '../../functions/documents/pdf.ts';
import { all as allOf, rows, structure } from '../support/pdf-structure.ts';
import { poppler } from '../support/poppler.ts';
import { leineWeserSketch } from '../support/sketches.ts';

/*
 * The documents are checked as a reader would check them: the PDF opens, has the pages and the
 * metadata it should, and says the right things in German. The text is read back with unpdf
 * (Mozilla's PDF.js in a serverless build, no native canvas, no worker): an independent reader, so
 * the test does not trust pdf-lib's own view of what it wrote, and is not fooled by pdf-lib's
 * compressed content streams or glyph-coded strings. Whitespace is folded, because a reader's text
 * has line breaks wherever the layout wrapped.
 */

const profile = checkedProfile('leine-weser');

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
      '05121 6970-121',
      'Bildungswerk Weserbergland e. V. Anna Musterfrau Deisterallee 12 31785 Hameln',
      'Hildesheim, 23.11.2026',
      'Unser Zeichen: SK-2026-0042',
    ])
      expect(all).toContain(text);
    // the subject, the decision and how it was reached
    expect(all).toContain(
      'Votum der Lenkungsgruppe zur Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
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

  it('shows umlauts, German quotes, €, dashes and Latin names as typed; maps other characters to close ones', async () => {
    // Prepare: names with Ł and ş, an arrow, a capital ß, a narrow no-break space, a zero-width space, Cyrillic
    const sketch = leineWeserSketch();
    sketch.applicant.contactName = 'Łukasz Şahin-Öztürk';
    const input = letterInput({
      sketch,
      justification:
        'Größe „Maß“ – Übergänge → 5\u202f000\u00a0€ für Straße\u200b und Äcker; ẞ bleibt; Жанна wird ?.',
    });
    // Act
    const { all } = await read(await votumLetterPdf(input));
    // Assess
    expect(all).toContain('Guten Tag Łukasz Şahin-Öztürk,');
    expect(all).toContain('Größe „Maß“ – Übergänge → 5 000 € für Straße und Äcker; ẞ bleibt; ????? wird ?.');
  });

  it('keeps exactly the characters its fonts cover, whether a text needs no mapping or some', () => {
    // Prepare: every character of the Basic Multilingual Plane up to U+2FFF that NFC keeps as it is
    const characters = Array.from({ length: 0x3000 - 0x20 }, (_, i) => String.fromCodePoint(i + 0x20)).filter(
      (c) => c !== '\r' && !/\p{Cs}/u.test(c) && c.normalize('NFC') === c,
    );
    const isCovered = (c: string) =>
      coverage.some(([first, last]) => (c.codePointAt(0) ?? 0) >= first && (c.codePointAt(0) ?? 0) <= last);

    // Act: each alone, and all covered ones as one text (which takes the path without mapping)
    const kept = characters.filter((c) => printable(c) === c);
    const whole = characters.filter(isCovered).join('');

    // Assess
    expect(kept).toEqual(characters.filter(isCovered));
    expect(printable(whole)).toBe(whole);
    expect(printable(`${whole}Ж`)).toBe(`${whole}?`);
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

  it('greets formally with the form of address the applicant chose, and by full name without one', async () => {
    // Prepare
    const chosen = leineWeserSketch();
    chosen.applicant.contactName = 'Jana Meier';
    chosen.applicant.contactAddress = 'frau';
    const neutral = leineWeserSketch();
    neutral.applicant.contactName = 'Jana Meier';
    delete neutral.applicant.contactAddress;
    // Act
    const formal = await read(await votumLetterPdf(letterInput({ sketch: chosen })));
    const plain = await read(await votumLetterPdf(letterInput({ sketch: neutral })));
    // Assess
    expect(formal.all).toContain('Frau Jana Meier');
    expect(formal.all).toContain('Sehr geehrte Frau Meier,');
    expect(plain.all).toContain('Guten Tag Jana Meier,');
    expect(plain.all).not.toContain('Frau Jana Meier');
  });

  it('never leaves the signature alone on a page: the closing paragraph goes with it, wherever the page breaks', {
    timeout: 60_000,
  }, async () => {
    // Prepare: justifications one line longer each, so the page break passes every line of the end
    const lengths = Array.from({ length: 34 }, (_, i) => 14 + i);
    // Act
    const letters = await Promise.all(
      lengths.map(async (n) => {
        const justification = Array.from({ length: n }, (_, i) => `Zeile ${i + 1} der Begründung.`).join(
          '\n',
        );
        return read(await votumLetterPdf(letterInput({ justification })));
      }),
    );
    // Assess: some letters break onto a second page; on each, the page with the greeting at the end
    // also holds the closing paragraph and the signatory
    expect(letters.some((l) => l.totalPages > 1)).toBe(true);
    for (const letter of letters) {
      const last = letter.pages.find((page) => page.includes('Mit freundlichen Grüßen')) ?? '';
      expect(last).toContain('Bitte fügen Sie dieses Schreiben Ihrem Förderantrag');
      expect(last).toContain('Dr. Erika Beispiel');
    }
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
describe('the minutes of a meeting', () => {
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

describe('the minutes, as the office records a meeting now', () => {
  it('names the invitation date, the chair and the agenda with notes, and has the chair sign', async () => {
    // Prepare
    const input = minutesInput({
      invitedOn: '2026-10-29',
      chair: 'Dr. Erika Vorsitz',
      agenda: [
        { title: 'Begrüßung und Feststellung der Beschlussfähigkeit' },
        {
          title: 'Projektskizze „Pflegekräfte für Leine-Weser“',
          sketchId: 'sketch-1',
          note: 'Vorgestellt vom Bildungswerk.',
        },
        { title: 'Verschiedenes', note: 'Nächste Sitzung im Februar.' },
      ],
    });
    // Act
    const { all } = await read(await minutesPdf(input));
    // Assess
    for (const text of [
      'Datum 12.11.2026 Ort Hildesheim, Domhof 1 Einladung vom 29.10.2026 Sitzungsleitung Dr. Erika Vorsitz Protokoll Max Mustermann',
      'Tagesordnung 1. Begrüßung und Feststellung der Beschlussfähigkeit 2. Projektskizze „Pflegekräfte für Leine-Weser“ Vorgestellt vom Bildungswerk. 3. Verschiedenes Nächste Sitzung im Februar.',
      'Dr. Erika Vorsitz, Sitzungsleitung',
    ])
      expect(all).toContain(text);
  });
});

function recordInput(overrides: Partial<CirculationRecordInput> = {}): CirculationRecordInput {
  return {
    profile,
    sketch: {
      title: 'Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung',
      applicant: 'Bildungswerk Weserbergland e. V.',
      reference: 'SK-2026-0042',
    },
    openedOn: '2026-11-02',
    deadline: '2026-11-20',
    closedAt: new Date('2026-11-18T14:30:00.000Z'),
    closedBecause: 'complete',
    rule: { decisionRule: 'consensus', quorumBp: 5000 },
    seats: [
      {
        institution: 'Region Hannover, Wirtschaftsförderung',
        member: 'Jana Beispiel',
        deputy: 'Jörg Vertreter',
        recused: false,
        ballot: { choice: 'approve', castAs: 'deputy' },
      },
      { institution: 'IHK Hannover', member: 'Ina Kammer', recused: true },
      {
        institution: 'DGB Region Niedersachsen-Mitte',
        member: 'Petra Test',
        recused: false,
        ballot: { choice: 'abstain', castAs: 'member' },
      },
      { institution: 'Agentur für Arbeit Hameln', member: 'Hans Amt', recused: false },
    ],
    result: 'endorsed',
    counts: { approve: 1, object: 0, abstain: 1 },
    eligible: 3,
    quorumMet: true,
    ...overrides,
  };
}

describe('the record of a circulation decision', () => {
  it('says who voted how, who represented whom, who was recused, the rule and the result', async () => {
    // Act
    const bytes = await circulationRecordPdf(recordInput());
    const { all, info } = await read(bytes);
    // Assess
    expect(info).toMatchObject({
      Title:
        'Umlaufbeschluss der Lenkungsgruppe zur Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
      Language: 'de-DE',
    });
    for (const text of [
      'Projektträger Bildungswerk Weserbergland e. V.',
      'Zeichen SK-2026-0042',
      'Eröffnet am 02.11.2026 Frist 20.11.2026 Abgeschlossen 18.11.2026, 15:30 Uhr, nachdem alle Sitze abgestimmt hatten',
      'Entscheidungsregel Einvernehmen: befürwortet, wenn kein Sitz Einwand erhebt und das Quorum abgestimmt hat',
      'Quorum 50 % der stimmberechtigten Sitze',
      'Sitz Abgestimmt durch Stimme',
      'Region Hannover, Wirtschaftsförderung Jörg Vertreter (Stellvertretung für Jana Beispiel) Zustimmung',
      'IHK Hannover – befangen, nicht stimmberechtigt',
      'DGB Region Niedersachsen-Mitte Petra Test (Mitglied) Enthaltung',
      'Agentur für Arbeit Hameln – keine Stimme abgegeben',
      'Jörg Vertreter stimmte in Vertretung für Jana Beispiel (Region Hannover, Wirtschaftsförderung).',
      'IHK Hannover (Ina Kammer): wegen Befangenheit nicht stimmberechtigt.',
      'Abstimmung 1 Zustimmung, 0 Einwände, 1 Enthaltung',
      'Stimmberechtigt 3 Sitze, davon 2 abgestimmt',
      'Quorum erreicht',
      'Beschluss befürwortet',
      'Hildesheim, 18.11.2026',
      'Vorsitz der Lenkungsgruppe',
      'Für die Koordinierungsstelle: Amt für regionale Landesentwicklung Leine-Weser',
    ])
      expect(all).toContain(text);
    // people by name, never by email address
    expect(all).not.toMatch(/@/);
  });

  it('gives an objection its reason, and words a missed quorum and a vote without deputies or recusals', async () => {
    // Prepare
    const input = recordInput({
      closedBecause: 'deadline',
      rule: { decisionRule: 'majority', quorumBp: 6667, minApprovals: 2 },
      seats: [
        {
          institution: 'IHK Hannover',
          member: 'Ina Kammer',
          recused: false,
          ballot: { choice: 'object', castAs: 'member', reason: 'Die Kosten sind zu hoch.' },
        },
        { institution: 'Agentur für Arbeit Hameln', member: 'Hans Amt', recused: false },
      ],
      result: 'no_quorum',
      counts: { approve: 0, object: 1, abstain: 0 },
      eligible: 2,
      quorumMet: false,
    });
    // Act
    const { all } = await read(await circulationRecordPdf(input));
    // Assess
    for (const text of [
      'mit Ablauf der Frist',
      'Mehrheit der abgegebenen Stimmen: befürwortet, wenn mehr Zustimmungen als Einwände abgegeben wurden und das Quorum abgestimmt hat; mindestens 2 Zustimmungen',
      'Quorum 66,67 % der stimmberechtigten Sitze',
      'IHK Hannover Ina Kammer (Mitglied) Einwand: Die Kosten sind zu hoch.',
      'Alle Stimmen wurden von den Mitgliedern selbst abgegeben.',
      'Kein Sitz war wegen Befangenheit ausgeschlossen.',
      'Quorum nicht erreicht',
      'Beschluss keine Entscheidung (Quorum nicht erreicht)',
    ])
      expect(all).toContain(text);
  });

  it('says that silence counts under the no-objection rule, where there is no quorum', async () => {
    // Act
    const { all } = await read(
      await circulationRecordPdf(recordInput({ rule: { decisionRule: 'no_objection', quorumBp: 0 } })),
    );
    // Assess
    expect(all).toContain('Quorum keines (Schweigen gilt als Zustimmung)');
    expect(all).toContain('Quorum entfällt');
  });
});

/*
 * BITV 2.0 / EN 301 549 clause 10: each document is a tagged PDF (PDF/UA-1) a screen reader can
 * walk: language de-DE, the title shown, every font embedded, and a structure tree with the
 * headings, lists and tables in reading order. poppler's pdfinfo and pdffonts check what a second,
 * independent reader sees; PDF.js reads the structure tree.
 */
describe('every document is an accessible, tagged PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'votum-pdf-'));
  const kinds = {
    'Votum letter': () => votumLetterPdf(letterInput()),
    minutes: () =>
      minutesPdf(
        minutesInput({ chair: 'Dr. Erika Vorsitz', agenda: [{ title: 'Begrüßung' }, { title: 'Skizzen' }] }),
      ),
    'circulation record': () => circulationRecordPdf(recordInput()),
  };

  for (const [kind, render] of Object.entries(kinds)) {
    it(`${kind}: pdfinfo says tagged, pdffonts says every font embedded, PDF.js finds lang, title and PDF/UA`, async () => {
      // Prepare
      const bytes = await render();
      const file = join(dir, `${kind.replace(/ /g, '-')}.pdf`);
      writeFileSync(file, bytes);
      // Act
      const info = poppler('pdfinfo', file);
      const fonts = poppler('pdffonts', file)
        .split('\n')
        .slice(2)
        .filter((line) => line.trim());
      const pdf = await getDocumentProxy(bytes.slice());
      const { info: meta, metadata } = (await pdf.getMetadata()) as unknown as {
        info: Record<string, unknown>;
        metadata: { getRaw(): string } | null;
      };
      const preferences = await pdf.getViewerPreferences();
      // Assess
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^PDF version:\s+1\.7$/m);
      expect(fonts.length).toBeGreaterThanOrEqual(1);
      // name type encoding emb sub uni: every font embedded, as a subset, with a Unicode map
      for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
      expect(meta).toMatchObject({ Language: 'de-DE' });
      expect(preferences).toMatchObject({ DisplayDocTitle: true });
      expect(metadata?.getRaw()).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    });
  }

  it('Votum letter: headings, lists and tables in reading order', async () => {
    // Act
    const { pages, hasStructTree } = await structure(await votumLetterPdf(letterInput()));
    // Assess
    expect(hasStructTree).toBe(true);
    expect(allOf(pages, 'H1').map((h) => h.text)).toEqual([
      'Votum der Lenkungsgruppe zur Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
    ]);
    expect(allOf(pages, 'H2').map((h) => h.text)).toEqual([
      'Auflagen',
      'Begründung',
      'Eckdaten der Projektskizze',
    ]);
    expect(allOf(pages, 'H3').map((h) => h.text)).toEqual(['Bewertung nach den Kriterien des Bündnisses']);
    const [decision, figures] = allOf(pages, 'Table');
    expect(rows(decision as never)).toEqual([
      ['TH:Entscheidung', 'TD:befürwortet'],
      [
        'TH:Abstimmungsergebnis',
        'TD:9 Zustimmungen, 0 Einwände, 2 Enthaltungen; 1 Sitz wegen Befangenheit nicht stimmberechtigt',
      ],
    ]);
    expect(rows(figures as never)).toContainEqual(['TH:Gesamtkosten', 'TD:383.100,00 €']);
    const [conditions, criteria] = allOf(pages, 'L');
    const condition = conditions?.children[0];
    expect(condition?.role).toBe('LI');
    expect(condition?.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    expect(condition?.text).toBe(
      '1. Die Teilnehmenden aus dem Landkreis Holzminden sind im Zwischenbericht gesondert auszuweisen.',
    );
    expect(criteria?.children.map((li) => li.text)).toEqual([
      'Beitrag zu den Zielen der Handlungsschwerpunkte (Ziffer 4): nicht bewertet',
      'Teilräumliche Effekte: nicht bewertet',
      'Räumliche Wirkung des Projektes: erfüllt Alle drei Teilräume mit begründeten Anteilen.',
      'Verstetigungsmöglichkeiten nach Ablauf der Förderphase: nicht erfüllt Die Übernahme durch die Pflegeschulen ist offen.',
      'Modellcharakter bzw. Übertragbarkeit des Projektes: nicht bewertet',
    ]);
    // reading order: the headings come in the order the letter is read; the footer is no content
    const order = (pages[0]?.children[0]?.children ?? []).map((c) => c.role);
    expect(order[0]).toBe('P');
    expect(order.indexOf('H1')).toBeLessThan(order.indexOf('Table'));
    expect(JSON.stringify(pages)).not.toContain('Seite 1 von');
  });

  it('minutes: title, sections, the attendance table with its header row, the agenda as a list', async () => {
    // Prepare: more seats than a page holds, so the header repeats (as an artifact, not as a row)
    const attendance = Array.from({ length: 70 }, (_, i) => ({
      institution: `Institution ${i + 1}`,
      presence: 'member' as const,
      name: `Person ${i + 1}`,
    }));
    const input = minutesInput({ attendance, agenda: [{ title: 'Begrüßung' }, { title: 'Skizzen' }] });
    // Act
    const { pages } = await structure(await minutesPdf(input));
    // Assess
    expect(allOf(pages, 'H1').map((h) => h.text)).toEqual([
      'Protokoll der Sitzung der Lenkungsgruppe am 12.11.2026',
    ]);
    expect(allOf(pages, 'H2').map((h) => h.text)).toEqual(['Anwesenheit', 'Tagesordnung', 'Beschlüsse']);
    expect(allOf(pages, 'H3').map((h) => h.text)).toEqual([
      '1. Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
      '2. Projektskizze „Digitale Lernorte im Weserbergland“',
    ]);
    const attendanceRows = allOf(pages, 'Table')
      .flatMap((t) => rows(t))
      .filter((r) => r[0]?.startsWith('T') && /Institution|Sitz/.test(r[0]));
    expect(attendanceRows[0]).toEqual(['TH:Sitz', 'TH:Anwesenheit', 'TH:Name']);
    expect(attendanceRows.filter((r) => r[0] === 'TH:Sitz')).toHaveLength(1);
    expect(attendanceRows).toContainEqual(['TD:Institution 70', 'TD:anwesend (Mitglied)', 'TD:Person 70']);
    expect(attendanceRows).toHaveLength(71);
    expect(allOf(pages, 'LI').map((li) => li.text)).toEqual(['1. Begrüßung', '2. Skizzen']);
  });

  it('circulation record: title, sections and the ballots table, row by row', async () => {
    // Act
    const { pages } = await structure(await circulationRecordPdf(recordInput()));
    // Assess
    expect(allOf(pages, 'H1').map((h) => h.text)).toEqual([
      'Umlaufbeschluss der Lenkungsgruppe zur Projektskizze „Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung“',
    ]);
    expect(allOf(pages, 'H2').map((h) => h.text)).toEqual([
      'Angewandte Regel',
      'Stimmabgabe',
      'Stellvertretung',
      'Befangenheit',
      'Ergebnis',
    ]);
    const ballots = allOf(pages, 'Table')
      .map(rows)
      .find((r) => r[0]?.[0] === 'TH:Sitz');
    expect(ballots).toEqual([
      ['TH:Sitz', 'TH:Abgestimmt durch', 'TH:Stimme'],
      [
        'TD:Region Hannover, Wirtschaftsförderung',
        'TD:Jörg Vertreter (Stellvertretung für Jana Beispiel)',
        'TD:Zustimmung',
      ],
      ['TD:IHK Hannover', 'TD:–', 'TD:befangen, nicht stimmberechtigt'],
      ['TD:DGB Region Niedersachsen-Mitte', 'TD:Petra Test (Mitglied)', 'TD:Enthaltung'],
      ['TD:Agentur für Arbeit Hameln', 'TD:–', 'TD:keine Stimme abgegeben'],
    ]);
    const result = allOf(pages, 'Table').map(rows).at(-1);
    expect(result).toContainEqual(['TH:Beschluss', 'TD:befürwortet']);
  });
});
