import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { computeBudget } from '../../functions/core/budget.ts';
import { csvDate, csvDateTime, csvFile, csvMoney, csvNumber, csvText } from '../../functions/core/csv.ts';
import { ballotsTable, budgetTable, decisionsTable, sketchesTable } from '../../functions/core/exports.ts';
import type { Vote, Votum } from '../../functions/core/vote.ts';

describe('CSV for Excel with German settings', () => {
  it('starts with the UTF-8 byte order mark and keeps umlauts and the euro sign in UTF-8', () => {
    // Act
    const bytes = csvFile(['Straße', 'Betrag (€)'], [['Müller & Söhne', csvMoney(100)]]);
    // Assess
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFFStraße;Betrag (€)\r\nMüller & Söhne;1,00\r\n',
    );
  });

  it('writes the same bytes as the whole text encoded at once, whatever the header and rows hold', () => {
    // Prepare: a header beyond Latin-1 („“) over ASCII rows, over rows beyond it, and without rows
    const header = ['Form („hash“)', 'Zeitpunkt'];
    const cases: (readonly (readonly string[])[])[] = [
      [
        ['{"a":1}', 'x'],
        ['{"b":"c;d"}', 'y'],
      ],
      [
        ['„Zitat“', '€'],
        ['ascii', 'Straße'],
      ],
      [],
    ];
    for (const rows of cases) {
      // Act
      const bytes = csvFile(header, rows);
      // Assess
      expect(Buffer.from(bytes).equals(Buffer.from(`\uFEFF${csvText(header, rows)}`, 'utf8'))).toBe(true);
    }
  });

  it('separates fields with semicolons and lines with CRLF, quoting only what needs it', () => {
    // Act
    const text = csvText(
      ['a', 'b', 'c', 'd'],
      [
        ['Semikolon; drin', 'Er sagte "ja"', 'zwei\nZeilen', 'Komma, egal'],
        [null, undefined, '', 'x'],
      ],
    );
    // Assess
    expect(text).toBe(
      'a;b;c;d\r\n"Semikolon; drin";"Er sagte ""ja""";"zwei\nZeilen";Komma, egal\r\n;;;x\r\n',
    );
  });

  it('keeps text that starts like a formula as text (apostrophe), but not the amounts it formats', () => {
    // Act
    const text = csvText(
      ['x'],
      [
        ['=HYPERLINK("http://böse.example")'],
        ['+49 5121 1234'],
        ['-Projekt'],
        ['@SUM(A1)'],
        ['\tTab'],
        ['\rCR'],
        [csvMoney(-5)],
        [-2.5],
        ['a=b'],
      ],
    );
    // Assess
    expect(text.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://böse.example"")"`,
      "'+49 5121 1234",
      "'-Projekt",
      "'@SUM(A1)",
      "'\tTab",
      `"'\rCR"`,
      '-0,05',
      '-2,5',
      'a=b',
    ]);
  });

  it('writes amounts with a decimal comma and no thousands separator, dates as 31.12.2028', () => {
    // Act & Assess
    expect(csvMoney(123_456).csv).toBe('1234,56');
    expect(csvMoney(27_500_000_001).csv).toBe('275000000,01');
    expect(csvMoney(0).csv).toBe('0,00');
    expect(csvMoney(-123_456).csv).toBe('-1234,56');
    expect(csvNumber(33.33).csv).toBe('33,33');
    expect(csvNumber(1 / 3).csv).toBe('0,33');
    expect(csvNumber(12).csv).toBe('12');
    expect(csvDate('2028-12-31').csv).toBe('31.12.2028');
    // An instant counts by its day in Berlin: 23:30 UTC on New Year's Eve is already 2029 there.
    expect(csvDate('2028-12-31T23:30:00.000Z').csv).toBe('01.01.2029');
    expect(csvDate(undefined).csv).toBe('');
    expect(csvDateTime('2026-07-01T12:05:00.000Z').csv).toBe('01.07.2026 14:05');
    expect(csvDateTime('2026-01-15T12:05:00.000Z').csv).toBe('15.01.2026 13:05');
  });
});

describe('the exports as tables', () => {
  const profile = loadProfile('leine-weser');
  const outcome = {
    sketchId: 's1',
    result: 'endorsed' as const,
    counts: { approve: 9, object: 0, abstain: 1 },
    voted: [],
    recusedSeatIds: ['seat-5'],
    silentSeatIds: [],
    eligible: 9,
    quorumMet: true,
    source: 'meeting' as const,
    decidedAt: '2026-03-01T09:00:00.000Z',
  };
  const votum: Votum = {
    decision: 'endorsed',
    criteria: [],
    justification: 'Einvernehmlich befürwortet.',
    writtenBy: 'office@example.org',
    writtenAt: '2026-03-02T09:00:00.000Z',
    outcome,
  };
  const sketch = {
    id: 's1',
    status: 'funded' as const,
    title: '=Pflege im Weserbergland',
    organisation: 'Bildungswerk; Weserbergland e. V.',
    submittedAt: '2026-01-10T08:00:00.000Z',
    priorityIds: ['I', 'III'],
    costCents: 38_310_000,
    esfCents: 100_001,
    draft: {
      space: {
        subRegions: [
          { id: 'region-hannover', shareBp: 4000 },
          { id: 'hildesheim', shareBp: 6000 },
        ],
      },
      runtime: { start: '2026-01-01', end: '2028-12-31' },
      applicant: {
        organisation: 'Bildungswerk; Weserbergland e. V.',
        street: 'Am Markt 1',
        postalCode: '31785',
        city: 'Hameln',
        contactName: 'Erika Mustermann',
        contactRole: 'Leitung',
        contactEmail: 'erika@example.org',
        contactPhone: '05151 12345',
      },
    },
    vota: [votum],
    fundingDecision: {
      outcome: 'approved',
      approvedCents: 90_001,
      start: '2026-04-01',
      end: '2028-09-30',
      decidedOn: '2026-03-18',
      status: 'confirmed',
      confirmedAt: '2026-03-20T10:00:00.000Z',
    },
  };

  it('gives each sketch its budget amounts, committed also per sub-region by the same split', () => {
    // Act
    const { header, rows } = sketchesTable(profile, [sketch]);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0]?.[i]]));
    // Assess
    expect(row).toMatchObject({
      Titel: '=Pflege im Weserbergland',
      Status: 'Bewilligt',
      'Eingereicht am': { csv: '10.01.2026' },
      Teilräume: 'Region Hannover 40 %, Landkreis Hildesheim 60 %',
      Projektende: { csv: '31.12.2028' },
      'ESF beantragt (€)': { csv: '1000,01' },
      Votum: 'befürwortet',
      'Bewilligt (€)': { csv: '900,01' },
      'Gebunden (€)': { csv: '900,01' },
      'Gebunden: Region Hannover (€)': { csv: '360,00' },
      'Gebunden: Landkreis Hildesheim (€)': { csv: '540,01' },
      'Gebunden: REK Weserbergland+ (€)': { csv: '0,00' },
    });
    // The title that starts like a formula is guarded in the file.
    expect(csvText(header, rows)).toContain(
      `;'=Pflege im Weserbergland;"Bildungswerk; Weserbergland e. V.";`,
    );
  });

  it('names the contact person and the address only when the office asks for them', () => {
    // Act
    const without = sketchesTable(profile, [sketch]);
    const withContacts = sketchesTable(profile, [sketch], { contacts: true });
    // Assess: without, no column and no cell holds the person's name, address, mail or phone
    const personal = ['Erika Mustermann', 'erika@example.org', '05151 12345', 'Am Markt 1'];
    const plain = csvText(without.header, without.rows);
    for (const value of personal) expect(plain).not.toContain(value);
    expect(without.header).not.toContain('Ansprechperson');
    // Assess: with, the columns follow the organisation, and the other columns stay the same
    const row = Object.fromEntries(withContacts.header.map((h, i) => [h, withContacts.rows[0]?.[i]]));
    expect(withContacts.header.slice(2, 10)).toEqual([
      'Organisation',
      'Ansprechperson',
      'E-Mail',
      'Telefon',
      'Straße',
      'PLZ',
      'Ort',
      'Status',
    ]);
    expect(row).toMatchObject({
      Ansprechperson: 'Erika Mustermann',
      'E-Mail': 'erika@example.org',
      Telefon: '05151 12345',
      Straße: 'Am Markt 1',
      PLZ: '31785',
      Ort: 'Hameln',
      'ESF beantragt (€)': { csv: '1000,01' },
    });
    expect(withContacts.header.filter((h) => !without.header.includes(h))).toHaveLength(6);
  });

  it('lists the Votum and the confirmed funding decision as decisions, oldest first', () => {
    // Act
    const { rows } = decisionsTable(loadProfile('leine-weser').names, [sketch]);
    // Assess
    expect(rows.map((r) => [r[0], r[1], r[5], r[13]])).toEqual([
      [{ csv: '02.03.2026' }, 'Votum der Lenkungsgruppe', 'befürwortet', null],
      [{ csv: '18.03.2026' }, 'Förderentscheidung der NBank', 'bewilligt', { csv: '900,01' }],
    ]);
  });

  it('gives every seat a line per sketch: its choice, recused, or no vote', () => {
    // Prepare
    const seats = [1, 2, 3].map((i) => ({
      id: `seat-${i}`,
      institution: `Institution ${i}`,
      member: { name: `M${i}`, email: `m${i}@example.org` },
      deputies: [],
    }));
    const vote: Vote = {
      id: 'v1',
      sketchIds: ['s1'],
      seats,
      deadline: '2026-02-20',
      openedAt: '2026-02-01T08:00:00.000Z',
      openedBy: 'office@example.org',
      status: 'closed',
      remindersSent: [],
      revision: 3,
    };
    const states = seats.map((s) => ({
      seatId: s.id,
      holder: 'member' as const,
      deputyVoted: false,
      recusedSketchIds: s.id === 'seat-2' ? ['s1'] : [],
      votedSketchIds: [],
      revision: 1,
    }));
    const ballots = [
      {
        voteId: 'v1',
        sketchId: 's1',
        seatId: 'seat-1',
        choice: 'object' as const,
        reason: 'Zu teuer',
        castBy: 'm1@example.org',
        castAs: 'member' as const,
        at: '2026-02-02T09:30:00.000Z',
        revision: 1,
      },
    ];
    // Act
    const { header, rows } = ballotsTable([{ vote, states, ballots }], new Map([['s1', 'Pflege']]));
    const named = ballotsTable([{ vote, states, ballots }], new Map([['s1', 'Pflege']]), { contacts: true });
    // Assess
    expect(rows.map((r) => [r[4], r[5], r[6], r[8], r[9]])).toEqual([
      ['Pflege', 'Institution 1', 'Einwand', { csv: '02.02.2026 10:30' }, 'Zu teuer'],
      ['Pflege', 'Institution 2', 'befangen', { csv: '' }, undefined],
      ['Pflege', 'Institution 3', 'keine Stimme', { csv: '' }, undefined],
    ]);
    // Assess: who cast it only with the contacts
    expect(header).not.toContain('Abgegeben von');
    expect(csvText(header, rows)).not.toContain('m1@example.org');
    expect(named.header[8]).toBe('Abgegeben von');
    expect(named.rows.map((r) => r[8])).toEqual(['m1@example.org', undefined, undefined]);
  });

  it('writes the budget as its lines and the total', () => {
    // Act
    const { header, rows } = budgetTable(computeBudget(profile, []));
    // Assess
    expect(header).toEqual([
      'Teilraum',
      'Fairer Anteil (€)',
      'Beantragt (€)',
      'Befürwortet (€)',
      'Bewilligt (€)',
      'Ausgegeben (€)',
      'Gebunden (€)',
      'Verfügbar (€)',
    ]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Region Hannover', { csv: '916850,00' }],
      ['Landkreis Hildesheim', { csv: '916575,00' }],
      ['REK Weserbergland+', { csv: '916575,00' }],
      ['Gesamtbudget', { csv: '2750000,00' }],
    ]);
  });
});
