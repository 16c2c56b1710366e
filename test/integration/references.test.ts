import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { fileReference } from '../../functions/core/reference.ts';
import { dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { nextReferenceNumber } from '../../functions/store/references.ts';
import { ensureTable } from '../../infra/local/table.ts';

/*
 * The Votum letters' file references („Unser Zeichen“): the profile's pattern with a per-year count
 * the table assigns atomically, against DynamoDB Local (a table of its own: the count is the table's).
 */

beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-references-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
});

describe('file references', { timeout: 60_000 }, () => {
  it('gives every Votum written at the same time its own number, counted per year, in the profile’s pattern', async () => {
    // Prepare
    const pattern = loadProfile('leine-weser').office.referencePattern;
    // Act: twenty at once in 2026, then the first of 2027
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextReferenceNumber(2026)));
    const nextYear = await nextReferenceNumber(2027);
    // Assess
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(nextYear).toBe(1);
    expect(fileReference(pattern, 2026, 7)).toBe('FKB-LW-2026-007');
    expect(fileReference('AZ {counter}/{year}', 2027, 1234)).toBe('AZ 1234/2027');
  });
});
