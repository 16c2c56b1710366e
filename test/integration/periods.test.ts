import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Budget } from '../../functions/core/budget.ts';
import type { FundingPeriod, PriorProject } from '../../functions/core/periods.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { fundingPeriodsMigration } from '../../functions/store/migrations.ts';
import { storedPeriods } from '../../functions/store/periods.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * Funding periods against the handlers and DynamoDB Local, in a table of their own (the budget adds
 * up every sketch in it): a table as the version before periods left it (no period stored) reads as
 * the profile's period and the migration stores it; prior projects count from day one; a new period
 * starts empty; bad input is a 400 naming the field in German.
 */

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
let applicant: Caller;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  const tableName = `votum-test-periods-${run}`;
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
});
afterAll(async () => {
  await api?.stop();
});

type Periods = { items: (FundingPeriod & { current: boolean; prior: PriorProject[] })[] };
const line = (budget: Budget, id: string) => budget.lines.find((l) => l.subRegionId === id);

describe('funding periods', { timeout: 120_000 }, () => {
  it('read data written before periods as the profile period, count prior projects, and start a new period empty', async () => {
    // Prepare: data as the version before periods wrote it: a submitted sketch, no period stored
    const sketch = leineWeserSketch();
    await submittedSketch(applicant, sketch);
    const storedBefore = await storedPeriods();

    // Act: read the budget and the periods before the migration, run it, record a prior project
    const before = await admin.call<Budget>('GET', '/api/admin/budget');
    const listedBefore = await admin.call<Periods>('GET', '/api/admin/periods');
    const migrated = await fundingPeriodsMigration.run();
    const storedAfter = await storedPeriods();
    const recorded = await admin.call<PriorProject>('POST', '/api/admin/periods/2024-2027/prior-projects', {
      title: 'Internationals Welcome',
      organisation: 'Leibniz Universität Hannover',
      approvedOn: '2024-06-18',
      amounts: [
        { subRegionId: 'region-hannover', amountCents: 30_000_000 },
        { subRegionId: 'hildesheim', amountCents: 0 },
      ],
    });
    const after = await admin.call<Budget>('GET', '/api/admin/budget?period=2024-2027');

    // Assess: before, the profile's period (2024–2027, 2.75 million) with the sketch counted
    expect(storedBefore).toEqual([]);
    expect(before.status).toBe(200);
    expect(before.body.period).toEqual({ id: '2024-2027', start: '2024-01-01', end: '2027-12-31' });
    expect(before.body.budgetCents).toBe(275_000_000);
    expect(before.body.sketchCount).toBe(1);
    expect(before.body.priorCount).toBe(0);
    expect(listedBefore.body.items.map((p) => [p.id, p.openedBy, p.current])).toEqual([
      ['2024-2027', 'profile', true],
    ]);
    // the migration stored exactly the profile's period
    expect(migrated).toEqual({ stored: 1, present: 0 });
    expect(storedAfter).toEqual([listedBefore.body.items.map(({ current: _c, prior: _p, ...p }) => p)[0]]);
    // the prior project counts as approved and bound in its sub-region; only amounts above 0 kept
    expect(recorded.status).toBe(201);
    expect(recorded.body.amounts).toEqual([{ subRegionId: 'region-hannover', amountCents: 30_000_000 }]);
    const hannover = line(after.body, 'region-hannover');
    const hannoverBefore = line(before.body, 'region-hannover');
    expect(after.body.priorCount).toBe(1);
    expect(hannover?.approvedCents).toBe((hannoverBefore?.approvedCents ?? 0) + 30_000_000);
    expect(hannover?.committedCents).toBe((hannoverBefore?.committedCents ?? 0) + 30_000_000);
    expect(hannover?.availableCents).toBe((hannover?.fairShareCents ?? 0) - (hannover?.committedCents ?? 0));
    expect(after.body.total.committedCents).toBe(before.body.total.committedCents + 30_000_000);
    expect(line(after.body, 'hildesheim')).toEqual(line(before.body, 'hildesheim'));
  });

  it('open a new period with its own total and shares, in which nothing counts yet', async () => {
    // Act
    const opened = await admin.call<FundingPeriod>('POST', '/api/admin/periods', {
      start: '2028-01-01',
      end: '2031-12-31',
      budgetCents: 300_000_000,
      shares: [
        { subRegionId: 'region-hannover', shareBp: 4000 },
        { subRegionId: 'hildesheim', shareBp: 3000 },
        { subRegionId: 'weserbergland-plus', shareBp: 3000 },
      ],
    });
    const budget = await admin.call<Budget>('GET', '/api/admin/budget?period=2028-2031');
    const periods = await admin.call<Periods>('GET', '/api/admin/periods');
    const current = await admin.call<Budget>('GET', '/api/admin/budget');

    // Assess
    expect(opened.status).toBe(201);
    expect(opened.body.id).toBe('2028-2031');
    expect(budget.body.budgetCents).toBe(300_000_000);
    expect(line(budget.body, 'region-hannover')?.fairShareCents).toBe(120_000_000);
    expect(budget.body.sketchCount).toBe(0);
    expect(budget.body.total.committedCents).toBe(0);
    expect(periods.body.items.map((p) => [p.id, p.current, p.prior.length])).toEqual([
      ['2024-2027', true, 1],
      ['2028-2031', false, 0],
    ]);
    expect(current.body.period.id).toBe('2024-2027');
  });

  it('read for a period only the sketches submitted on its days', async () => {
    // Prepare: a sketch as if submitted in 2029 (in the new period), beside the one of 2024–2027
    const moved = await submittedSketch(applicant, leineWeserSketch());
    const at = '2029-03-01T09:00:00.000Z';
    await documents().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.sketch(moved.id),
        UpdateExpression: 'SET submittedAt = :at, gsi1sk = :sk',
        ExpressionAttributeValues: { ':at': at, ':sk': keys.byTime(at, moved.id) },
      }),
    );
    const read = { items: 0 };
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        // Before or after the DocumentClient marshalled it: the key's value plain or as an attribute value.
        const input = args.input as {
          IndexName?: string;
          ExpressionAttributeValues?: Record<string, unknown>;
        };
        const pk = input.ExpressionAttributeValues?.[':pk'] as string | { S?: string } | undefined;
        const byState = (typeof pk === 'string' ? pk : pk?.S)?.startsWith('STATUS#');
        if (context.commandName === 'QueryCommand' && input.IndexName === 'gsi1' && byState)
          read.items += (result.output as { Count?: number }).Count ?? 0;
        return result;
      },
      { step: 'initialize', name: 'countStateReads' },
    );
    try {
      // Act
      const newer = await admin.call<Budget>('GET', '/api/admin/budget?period=2028-2031');
      const newerRead = read.items;
      const older = await admin.call<Budget>('GET', '/api/admin/budget?period=2024-2027');
      const olderRead = read.items - newerRead;

      // Assess: each period counts its own sketch, and reads no other
      expect(newer.body.sketchCount).toBe(1);
      expect(older.body.sketchCount).toBe(1);
      expect(newer.body.total.requestedCents).toBeGreaterThan(0);
      // the same sketch's request in each; the older period also counts the prior project of 30,000 €
      expect(newer.body.total.requestedCents).toBe(older.body.total.requestedCents - 30_000_000);
      expect(newerRead).toBe(1);
      expect(olderRead).toBe(1);
    } finally {
      dynamo().middlewareStack.remove('countStateReads');
    }
  });

  it('refuses bad periods and prior projects with a German message naming the field', async () => {
    // Act
    const overlapping = await admin.call<{ fields: { field: string; message: string }[] }>(
      'POST',
      '/api/admin/periods',
      {
        start: '2027-06-01',
        end: '2027-05-31',
        budgetCents: 1,
        shares: [
          { subRegionId: 'region-hannover', shareBp: 5000 },
          { subRegionId: 'atlantis', shareBp: 4000 },
        ],
      },
    );
    const badAmounts = await admin.call<{ fields: { field: string; message: string }[] }>(
      'POST',
      '/api/admin/periods/2024-2027/prior-projects',
      { title: 'Ohne Betrag', amounts: [{ subRegionId: 'hildesheim', amountCents: 0 }] },
    );
    const badRegion = await admin.call<{ fields: { field: string; message: string }[] }>(
      'POST',
      '/api/admin/periods/2024-2027/prior-projects',
      { title: 'Anderswo', amounts: [{ subRegionId: 'atlantis', amountCents: 100 }] },
    );
    const badDate = await admin.call<{ fields: { field: string; message: string }[] }>(
      'POST',
      '/api/admin/periods/2024-2027/prior-projects',
      { title: '', approvedOn: '2024-02-30', amounts: [{ subRegionId: 'hildesheim', amountCents: 1.5 }] },
    );
    const unknownPeriod = await admin.call('GET', '/api/admin/budget?period=1999-2001');
    const unknownPrior = await admin.call(
      'DELETE',
      '/api/admin/periods/2024-2027/prior-projects/gibt-es-nicht',
    );

    // Assess
    const fields = (answer: { body: { fields: { field: string; message: string }[] } }) =>
      Object.fromEntries(answer.body.fields.map((f) => [f.field, f.message]));
    expect(overlapping.status).toBe(400);
    expect(fields(overlapping)).toMatchObject({
      end: 'Ende: Das Ende liegt vor dem Beginn.',
      start: expect.stringMatching(
        /^Beginn: Der Zeitraum überschneidet sich mit der Förderperiode 01\.01\.2024/,
      ),
      'shares.1.subRegionId': 'Teilraum: Den Teilraum „atlantis“ gibt es im Bündnis nicht.',
      shares: 'Anteile der Teilräume: Die Anteile ergeben 90\u00a0% statt 100 %.',
    });
    expect(badAmounts.status).toBe(400);
    expect(fields(badAmounts).amounts).toMatch(/^Beträge je Teilraum: /);
    expect(badRegion.status).toBe(400);
    expect(fields(badRegion)['amounts.0.subRegionId']).toMatch(/^Teilraum: /);
    expect(badDate.status).toBe(400);
    expect(Object.keys(fields(badDate)).sort()).toEqual(['amounts.0.amountCents', 'approvedOn', 'title']);
    expect(fields(badDate).approvedOn).toBe('Bewilligt am: Dieses Datum gibt es nicht.');
    expect(unknownPeriod.status).toBe(404);
    expect(unknownPrior.status).toBe(404);
  });
});
