import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { listAdmins } from '../../functions/store/auth.ts';
import { createFirstAdmin, readFirstAdmin } from '../../infra/aws/first-admin.ts';
import { projectRoot } from '../../infra/aws/settings.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { exportTable, importTable } from '../../infra/local/table-backup.ts';

/*
 * The restore drill as the local stack rehearses it (docs/operations.md, "Restore"): export the
 * table, import it into a new table, which then has every item, binary values included. And the
 * first admin of a real deployment, from cdk.json and the deploy's outputs file.
 */
let dir: string;
beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-backup-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  dir = mkdtempSync(join(tmpdir(), 'votum-backup-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scanAll = async (tableName: string) =>
  ((await documents().send(new ScanCommand({ TableName: tableName }))).Items ?? []).sort((a, b) =>
    `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`),
  );

describe('the local table backup', () => {
  it('exports every item and imports them into a new table, bytes and nested values intact', async () => {
    // Prepare
    const source = config().TABLE_NAME;
    const target = `${source}-restored`;
    const file = join(dir, 'backup.jsonl');
    await documents().send(
      new PutCommand({
        TableName: source,
        Item: { pk: 'DOC#1', sk: 'DOC', bytes: new Uint8Array([37, 80, 68, 70, 0, 255]), status: 'issued' },
      }),
    );
    await documents().send(
      new PutCommand({
        TableName: source,
        Item: {
          pk: 'SKETCH#1',
          sk: 'SKETCH',
          draft: { title: 'Pflege', budget: [1, 2.5] },
          tags: new Set(['a']),
        },
      }),
    );
    // Act
    const exported = await exportTable(dynamo(), source, file);
    const imported = await importTable(dynamo(), target, file);
    // Assess
    expect(exported).toBe(2);
    expect(imported).toBe(2);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(await scanAll(target)).toEqual(await scanAll(source));
  });

  it('refuses to import into a table that holds items', async () => {
    // Prepare
    const file = join(dir, 'again.jsonl');
    await exportTable(dynamo(), config().TABLE_NAME, file);
    // Act
    const refused = await importTable(dynamo(), config().TABLE_NAME, file).catch((error: unknown) => error);
    // Assess
    expect(String(refused)).toMatch(/holds items already/);
  });
});

describe('the first admin of a deployment', () => {
  it('is read from cdk.json and the outputs file, and put on an empty admin list once', async () => {
    // Prepare
    const outputs = join(dir, 'cdk-outputs.json');
    writeFileSync(
      outputs,
      JSON.stringify({
        'Votum-leine-weser-production': { TableName: config().TABLE_NAME, PortalUrl: 'https://x' },
      }),
    );
    const found = readFirstAdmin(projectRoot, 'leine-weser', 'production', outputs);
    // Act
    const first = await createFirstAdmin(found.admin, new Date());
    const second = await createFirstAdmin({ email: 'someone-else@example.org', name: 'X' }, new Date());
    // Assess
    expect(found.tableName).toBe(config().TABLE_NAME);
    expect(found.region).toBe('eu-central-1');
    expect(first).toBe('added');
    expect(second).toBe('exists');
    expect((await listAdmins()).map((a) => a.email)).toEqual([found.admin.email]);
  });

  it('names what is missing when the deploy wrote no outputs for the stack', () => {
    // Prepare
    const outputs = join(dir, 'empty-outputs.json');
    // Act
    const read = () => {
      writeFileSync(outputs, '{}');
      return readFirstAdmin(projectRoot, 'leine-weser', 'staging', outputs);
    };
    // Assess
    expect(read).toThrow(/Votum-leine-weser-staging\.TableName/);
  });
});
