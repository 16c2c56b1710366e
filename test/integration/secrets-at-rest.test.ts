import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo, ses } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { Caller, linkToken, mailsTo, startApi, uniqueEmail } from '../support/api.ts';

/*
 * A copy of the table lets nobody sign in (ASVS 14.2.x): the outbox keeps a sign-in mail's link
 * only sealed while the mail waits, and drops it once the mail is sent. Its own table, so the scan
 * reads only what this file wrote.
 */

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-secrets-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => {
  ses().middlewareStack.remove('sesOutage');
  clock.reset();
});

/** SES fails every send, as during an outage (injected at the SDK's middleware stack). */
function sesOutage() {
  ses().middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $fault: 'server' });
    },
    { step: 'initialize', name: 'sesOutage' },
  );
}

/** Every item of the table as text: what someone who copied it could read. */
async function tableAsText(): Promise<string> {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents().send(
      new ScanCommand({ TableName: config().TABLE_NAME, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items);
}

describe('a copy of the table', () => {
  it('holds no sign-in link while the mail waits in the outbox, and none after it was sent', async () => {
    // Prepare: the mail cannot go out at first, so it waits in the outbox
    const email = uniqueEmail('kopie');
    sesOutage();
    const requested = await new Caller(api.url).call('POST', '/api/auth/link', { email });
    // Act
    const whileWaiting = await tableAsText();
    ses().middlewareStack.remove('sesOutage');
    clock.advance(5 * 60_000); // past the first retry's back-off
    await sendOutbox();
    const [mail] = await mailsTo(email);
    const token = mail ? linkToken(mail) : undefined;
    const afterSending = await tableAsText();
    // Assess: the mail went out with a link that signs in; the table never held it
    expect(requested.status).toBe(202);
    expect(whileWaiting).not.toMatch(/#token=/);
    expect(whileWaiting).toContain('sealedLink');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(afterSending).not.toContain(token);
    expect(afterSending).not.toMatch(/#token=|sealedLink/);
    const signedIn = await new Caller(api.url).call('POST', '/api/auth/session', { token });
    expect(signedIn.status).toBe(201);
  });
});
