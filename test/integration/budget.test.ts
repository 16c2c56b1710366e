import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import type { Budget, BudgetLine } from '../../functions/core/budget.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import type { Sketch } from '../../functions/core/sketch-full.ts';
import { resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The budget and the CSV exports against the handlers and DynamoDB Local. The budget adds up every
 * sketch in the table, so this file works in a table of its own: other files' sketches, created in
 * parallel, would change the totals between two reads.
 */

const profile = checkedProfile('leine-weser');
let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
let applicant: Caller;
const run = randomUUID().slice(0, 8);
const seats = [1, 2, 3].map((i) => ({
  id: `b${run}-${i}`,
  institution: `Institution ${i}`,
  member: { name: `Mitglied ${i}`, email: `budget-mitglied-${i}-${run}@example.org` },
  active: true,
}));

beforeAll(async () => {
  const tableName = `votum-test-budget-${run}`;
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  process.env.TABLE_NAME = tableName;
  resetConfig();
  api = await startApi();
  const adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
  admin = await passSecondFactor(await signIn(api.url, adminEmail));
  applicant = await signIn(api.url, uniqueEmail());
  for (const { id, ...seat } of seats) {
    const answer = await admin.call('PUT', `/api/admin/seats/${id}`, seat);
    if (answer.status !== 200) throw new Error(`seat not stored: ${JSON.stringify(answer.body)}`);
  }
});
afterAll(async () => {
  await api?.stop();
});

/** The Leine-Weser sketch with its own title, ESF amount (financing still equal to costs) and sub-regions. */
function sketchWith(title: string, esfCents: number, subRegions: [string, number][]): Sketch {
  const sketch = leineWeserSketch();
  const total = sketch.finance.costs.reduce((sum, c) => sum + c.amountCents, 0);
  sketch.project.title = title;
  sketch.finance.esfCents = esfCents;
  sketch.finance.ownCents = total - esfCents - 3_000_000;
  sketch.space.subRegions = subRegions.map(([id, shareBp]) => ({ id, shareBp }));
  sketch.space.districts = profile.subRegions
    .filter((r) => subRegions.some(([id]) => id === r.id))
    .flatMap((r) => r.districts);
  // The local alliance the applicant names is one of the project's sub-regions.
  sketch.localAlliance.subRegionId = subRegions[0]?.[0] ?? '';
  return sketch;
}

async function ready(sketch: Sketch): Promise<SketchDoc> {
  const submitted = await submittedSketch(applicant, sketch);
  await giveStatements(api.url, admin, submitted);
  const accepted = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`);
  expect(accepted.status).toBe(200);
  return accepted.body;
}

const votum = (id: string, decision: 'endorsed' | 'not_endorsed') =>
  admin.call<SketchDoc>('POST', `/api/admin/sketches/${id}/votum`, {
    decision,
    criteria: [],
    justification: 'Die Lenkungsgruppe hat in ihrer Sitzung so entschieden.',
  });

/** The NBank's approval, reported by the applicant and confirmed by the office, as the pages do it. */
async function confirmFunding(id: string, approvedCents: number) {
  const reported = await applicant.call('POST', `/api/sketches/${id}/funding-decision`, {
    outcome: 'approved',
    approvedCents,
    start: '2026-04-01',
    end: '2028-12-31',
  });
  expect(reported.status, JSON.stringify(reported.body)).toBe(200);
  const confirmed = await admin.call<{ status: string }>(
    'POST',
    `/api/admin/sketches/${id}/funding-decision/confirm`,
    {},
  );
  expect(confirmed.body.status).toBe('running');
}

/** A CSV file as the portal sends it: byte order mark, then `;`-separated fields with quotes as needed. */
function parseCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ';' && c !== '\r')) field += c;
    else {
      row.push(field);
      field = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++; // the \n of the CRLF
      }
    }
  }
  return rows;
}

/** The rows as objects by the header's names. */
function records(rows: string[][]): Record<string, string>[] {
  const [header = [], ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** "1234,56" → 123456 (the CSV's amounts always have two decimals and no thousands separator). */
const cents = (amount: string | undefined) => {
  expect(amount).toMatch(/^-?\d+,\d\d$/);
  return Number((amount ?? '').replace(',', ''));
};

async function download(path: string) {
  const response = await fetch(`${api.url}${path}`, { headers: { cookie: admin.cookie ?? '' } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const [hannover, hildesheim, weserbergland] = ['region-hannover', 'hildesheim', 'weserbergland-plus'];
const columns = (line: BudgetLine | undefined) =>
  line && [
    line.fairShareCents,
    line.requestedCents,
    line.endorsedCents,
    line.approvedCents,
    line.committedCents,
    line.availableCents,
  ];

describe('the budget and the CSV exports', { timeout: 180_000 }, () => {
  it('agree to the cent with the sketches, per sub-region and in total', async () => {
    // Prepare: sketches in every kind of state, with amounts of odd cents
    const spanning = await submittedSketch(
      applicant,
      sketchWith('Quereinstieg Pflege; drei Teilräume', 10_000_001, [
        [hannover, 4000],
        [hildesheim, 2500],
        [weserbergland, 3500],
      ]),
    );
    const endorsed = await ready(
      sketchWith('=Digitale Lernorte Hildesheim', 12_345_678, [[hildesheim, 10_000]]),
    );
    const turnedDown = await ready(sketchWith('Nicht befürwortet', 5_000_000, [[hannover, 10_000]]));
    const funded = await ready(
      sketchWith('Fachkräfte im ganzen Bündnis', 11_111_111, [
        [hannover, 3334],
        [hildesheim, 3333],
        [weserbergland, 3333],
      ]),
    );
    const inVote = await ready(sketchWith('Handwerk Weserbergland', 7_000_000, [[weserbergland, 10_000]]));
    const withdrawn = await submittedSketch(
      applicant,
      sketchWith('Zurückgezogen', 3_000_000, [[hannover, 10_000]]),
    );
    expect((await applicant.call('POST', `/api/sketches/${withdrawn.id}/withdraw`, {})).status).toBe(200);
    const meeting = await admin.call('POST', '/api/admin/meetings', {
      date: '2026-03-02',
      attendance: seats.map((s) => ({ seatId: s.id, presence: 'member' })),
      decisions: [
        { sketchId: endorsed.id, result: 'endorsed', approve: 3, object: 0, abstain: 0 },
        { sketchId: turnedDown.id, result: 'not_endorsed', approve: 0, object: 3, abstain: 0 },
        { sketchId: funded.id, result: 'endorsed', approve: 2, object: 0, abstain: 1 },
      ],
    });
    expect(meeting.status).toBe(201);
    for (const [id, decision] of [
      [endorsed.id, 'endorsed'],
      [turnedDown.id, 'not_endorsed'],
      [funded.id, 'endorsed'],
    ] as const)
      expect((await votum(id, decision)).status).toBe(200);
    await confirmFunding(funded.id, 9_999_999);
    const vote = await admin.call<{ id: string }>('POST', '/api/admin/votes', {
      sketchIds: [inVote.id],
      reason: 'Eilbedürftig vor der nächsten Sitzung.',
    });
    expect(vote.status).toBe(201);
    const member = await signIn(api.url, seats[0]?.member.email ?? '');
    const ballot = await member.call('POST', `/api/votes/${vote.body.id}/ballots`, {
      seatId: seats[0]?.id,
      sketchId: inVote.id,
      choice: 'approve',
      comment: '=1+1 passt',
    });
    expect(ballot.status).toBe(200);

    // Act
    const budget = await admin.call<Budget>('GET', '/api/admin/budget');
    const budgetCsv = await download('/api/admin/exports/budget.csv');
    const sketchesCsv = await download('/api/admin/exports/sketches.csv');
    const decisionsCsv = await download('/api/admin/exports/decisions.csv');
    const ballotsCsv = await download('/api/admin/exports/ballots.csv');
    const sketchesWithContacts = await download('/api/admin/exports/sketches.csv?contacts=true');
    const ballotsWithContacts = await download('/api/admin/exports/ballots.csv?contacts=true');

    // Assess: the budget JSON, line by line, from the sketches' amounts split by their shares
    // (requested: the submitted, endorsed, funded and in-vote sketches; endorsed: the endorsed and
    // the funded; committed: the endorsed one's ESF and the funded one's approved amount)
    expect(budget.status).toBe(200);
    const line = (id: string) => budget.body.lines.find((l) => l.subRegionId === id);
    expect(budget.body.lines).toHaveLength(3);
    expect(columns(line(hannover))).toEqual([
      91_685_000,
      4_000_001 + 3_704_445,
      3_704_445,
      3_333_999,
      3_333_999,
      91_685_000 - 3_333_999,
    ]);
    expect(columns(line(hildesheim))).toEqual([
      91_657_500,
      2_500_000 + 12_345_678 + 3_703_333,
      12_345_678 + 3_703_333,
      3_333_000,
      12_345_678 + 3_333_000,
      91_657_500 - 12_345_678 - 3_333_000,
    ]);
    expect(columns(line(weserbergland))).toEqual([
      91_657_500,
      3_500_000 + 3_703_333 + 7_000_000,
      3_703_333,
      3_333_000,
      3_333_000,
      91_657_500 - 3_333_000,
    ]);
    expect(columns(budget.body.total)).toEqual([
      275_000_000,
      10_000_001 + 12_345_678 + 11_111_111 + 7_000_000,
      12_345_678 + 11_111_111,
      9_999_999,
      12_345_678 + 9_999_999,
      275_000_000 - 12_345_678 - 9_999_999,
    ]);
    expect(budget.body.sketchCount).toBe(4);
    expect(budget.body.warnings).toEqual([]);

    // Assess: the budget CSV says the same, to the cent
    expect(budgetCsv.response.status).toBe(200);
    expect(budgetCsv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(budgetCsv.response.headers.get('content-disposition')).toMatch(
      /^attachment; filename\*=UTF-8''Budget-leine-weser-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const budgetRows = records(parseCsv(budgetCsv.bytes));
    expect(budgetRows.map((r) => r.Teilraum)).toEqual([
      'Region Hannover',
      'Landkreis Hildesheim',
      'REK Weserbergland+',
      'Gesamtbudget',
    ]);
    for (const [i, json] of [...budget.body.lines, budget.body.total].entries()) {
      const row = budgetRows[i] ?? {};
      expect(cents(row['Fairer Anteil (€)'])).toBe(json.fairShareCents);
      expect(cents(row['Beantragt (€)'])).toBe(json.requestedCents);
      expect(cents(row['Befürwortet (€)'])).toBe(json.endorsedCents);
      expect(cents(row['Bewilligt (€)'])).toBe(json.approvedCents);
      expect(cents(row['Ausgegeben (€)'])).toBe(json.spentCents);
      expect(cents(row['Gebunden (€)'])).toBe(json.committedCents);
      expect(cents(row['Verfügbar (€)'])).toBe(json.availableCents);
    }

    // Assess: the sketches CSV has every submitted sketch with its ESF as submitted, and its
    // budget columns add up to the budget's, committed also per sub-region
    const sketchRows = records(parseCsv(sketchesCsv.bytes));
    expect(sketchRows.map((r) => r['Skizze (ID)']).sort()).toEqual(
      [spanning, endorsed, turnedDown, funded, inVote, withdrawn].map((s) => s.id).sort(),
    );
    const esfOf = new Map(sketchRows.map((r) => [r['Skizze (ID)'], cents(r['ESF beantragt (€)'])]));
    expect(esfOf.get(spanning.id)).toBe(10_000_001);
    expect(esfOf.get(funded.id)).toBe(11_111_111);
    const sum = (column: string) => sketchRows.reduce((total, r) => total + cents(r[column]), 0);
    expect(sum('Beantragt (€)')).toBe(budget.body.total.requestedCents);
    expect(sum('Befürwortet (€)')).toBe(budget.body.total.endorsedCents);
    expect(sum('Bewilligt (€)')).toBe(budget.body.total.approvedCents);
    expect(sum('Gebunden (€)')).toBe(budget.body.total.committedCents);
    for (const l of budget.body.lines) expect(sum(`Gebunden: ${l.name} (€)`)).toBe(l.committedCents);
    // A title with a semicolon arrives whole; one that starts like a formula stays text.
    expect(sketchRows.find((r) => r['Skizze (ID)'] === spanning.id)?.Titel).toBe(
      'Quereinstieg Pflege; drei Teilräume',
    );
    expect(sketchRows.find((r) => r['Skizze (ID)'] === endorsed.id)?.Titel).toBe(
      "'=Digitale Lernorte Hildesheim",
    );

    // Assess: the decisions (three Vota, one funding decision) and the ballots (every seat)
    const decisionRows = records(parseCsv(decisionsCsv.bytes));
    expect(
      decisionRows.map((r) => [r.Art, r['Skizze (ID)'], r.Entscheidung, r['Bewilligter Betrag (€)']]),
    ).toEqual(
      expect.arrayContaining([
        ['Votum der Lenkungsgruppe', endorsed.id, 'befürwortet', ''],
        ['Votum der Lenkungsgruppe', turnedDown.id, 'nicht befürwortet', ''],
        ['Votum der Lenkungsgruppe', funded.id, 'befürwortet', ''],
        ['Förderentscheidung der NBank', funded.id, 'bewilligt', '99999,99'],
      ]),
    );
    expect(decisionRows).toHaveLength(4);
    const ballotRows = records(parseCsv(ballotsCsv.bytes));
    expect(ballotRows.map((r) => [r.Titel, r.Sitz, r.Stimme, r.Kommentar])).toEqual([
      ['Handwerk Weserbergland', 'Institution 1', 'Zustimmung', "'=1+1 passt"],
      ['Handwerk Weserbergland', 'Institution 2', 'keine Stimme', ''],
      ['Handwerk Weserbergland', 'Institution 3', 'keine Stimme', ''],
    ]);

    // Assess: no contact details unless asked; with `contacts=true` every sketch names its contact
    // person and address, and the ballots who cast them, the other columns unchanged
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    for (const plain of [sketchesCsv, ballotsCsv])
      for (const personal of [
        'Anna Musterfrau',
        'anna.musterfrau@example.org',
        '05151 123456',
        'Deisterallee',
      ])
        expect(text(plain.bytes)).not.toContain(personal);
    expect(text(ballotsCsv.bytes)).not.toContain('budget-mitglied-');
    expect(sketchesWithContacts.response.status).toBe(200);
    const contactRows = records(parseCsv(sketchesWithContacts.bytes));
    expect(contactRows).toHaveLength(sketchRows.length);
    for (const row of contactRows)
      expect(row).toMatchObject({
        Ansprechperson: 'Anna Musterfrau',
        'E-Mail': 'anna.musterfrau@example.org',
        Telefon: '05151 123456',
        Straße: 'Deisterallee 12',
        PLZ: '31785',
        Ort: 'Hameln',
      });
    const plainById = new Map(sketchRows.map((r) => [r['Skizze (ID)'], r]));
    for (const row of contactRows) expect(row).toMatchObject(plainById.get(row['Skizze (ID)']) ?? {});
    expect(records(parseCsv(ballotsWithContacts.bytes))[0]?.['Abgegeben von']).toBe(seats[0]?.member.email);
  });

  it('warns before an amount would exceed a sub-region, from one cent more than its share', async () => {
    // Prepare: Weserbergland+ has 916.575,00 € and nothing committed yet in it by this sketch
    const sketch = await ready(sketchWith('Grenzfall Weserbergland', 1_000_000, [[weserbergland, 10_000]]));
    const budget = (await admin.call<Budget>('GET', '/api/admin/budget')).body;
    const left = budget.lines.find((l) => l.subRegionId === weserbergland)?.availableCents ?? 0;
    const check = (amount?: number) =>
      admin.call<{
        amountCents: number;
        warnings: { subRegionId?: string; overCents: number; message: string }[];
      }>(
        'GET',
        `/api/admin/sketches/${sketch.id}/budget-check${amount === undefined ? '' : `?amountCents=${amount}`}`,
      );
    // Act
    const requested = await check();
    const exactly = await check(left);
    const oneMore = await check(left + 1);
    const bad = await check(-1);
    const notANumber = await admin.call<{ fields?: unknown }>(
      'GET',
      `/api/admin/sketches/${sketch.id}/budget-check?amountCents=zwei`,
    );
    const notWhole = await admin.call<{ fields?: unknown }>(
      'GET',
      `/api/admin/sketches/${sketch.id}/budget-check?amountCents=1.5`,
    );
    const unknown = await admin.call('GET', '/api/admin/sketches/gibt-es-nicht/budget-check');
    const unknownExport = await admin.call<{ fields?: unknown }>('GET', '/api/admin/exports/geheim.csv');
    const notCsv = await admin.call<{ fields?: unknown }>('GET', '/api/admin/exports/budget.xlsx');
    const badContacts = await admin.call('GET', '/api/admin/exports/sketches.csv?contacts=ja');
    // Assess
    expect(requested.body).toMatchObject({ amountCents: 1_000_000, warnings: [] });
    expect(exactly.body.warnings).toEqual([]);
    expect(oneMore.body.warnings).toEqual([
      expect.objectContaining({ subRegionId: weserbergland, overCents: 1 }),
    ]);
    expect(oneMore.body.warnings[0]?.message).toBe(
      'REK Weserbergland+: Mit diesem Betrag wären 916.575,01\u00a0€ gebunden, 0,01\u00a0€ mehr als der faire Anteil von 916.575,00\u00a0€.',
    );
    expect(bad.status).toBe(400);
    expect(notANumber).toMatchObject({
      status: 400,
      body: {
        fields: [{ field: 'amountCents', message: 'amountCents: Bitte einen Betrag in Cent angeben.' }],
      },
    });
    expect(notWhole).toMatchObject({
      status: 400,
      body: {
        fields: [
          { field: 'amountCents', message: 'amountCents: Bitte einen ganzen Betrag in Cent angeben.' },
        ],
      },
    });
    expect(unknown.status).toBe(404);
    // An export the contract does not list is refused by name, before anything is read.
    for (const answer of [unknownExport, notCsv])
      expect(answer).toMatchObject({
        status: 400,
        body: { fields: [{ field: 'file', message: 'Datei: Diesen Export gibt es nicht.' }] },
      });
    expect(badContacts).toMatchObject({
      status: 400,
      body: {
        fields: [
          {
            field: 'contacts',
            message: 'contacts: Bitte „true“ (mit Kontaktdaten) oder „false“ (ohne) angeben.',
          },
        ],
      },
    });
  });
});
