import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteDoc } from '../../functions/core/contract/vote-docs.ts';
import { addDays, berlinDate, formatDateTime } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { trailTexts } from '../../functions/core/trail.de.ts';
import { documents } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { demoAdmin, demoLocalAlliances, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, pageErrors, visible } from '../support/e2e.ts';
import { statementsBy } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The office checks a sketch's and a vote's audit trail on their pages, in a real browser against
 * the whole local portal; then one stored event is altered in DynamoDB behind the portal's back,
 * and the same check shows where.
 */

let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([
    startPortal({ port: 0, mailboxPort: 0, dynamoPort: 0, s3Port: 0, quiet: true }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** The first stored item of a trail at position `seq`. */
async function event(pk: string, prefix: string, seq: number) {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    }),
  );
  return Items.find((i) => i.seq === seq) as Record<string, unknown>;
}

async function alter(item: Record<string, unknown>, field: string, value: unknown) {
  await documents().send(
    new UpdateCommand({
      TableName: config().TABLE_NAME,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'SET #f = :v',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':v': value },
    }),
  );
}

/** Presses the check and answers the sentence the page then shows (another than `before`, the last one's). */
async function check(page: Page, before = ''): Promise<string> {
  const section = page.locator('#protokollpruefung');
  await section.getByRole('button', { name: trailTexts.check }).click();
  const result = section.getByRole('status').locator('p');
  await visible(result);
  await expect.poll(async () => (await result.textContent()) ?? before, { timeout: 10_000 }).not.toBe(before);
  return (await result.textContent()) ?? '';
}

describe('the office checks the audit trail on the sketch and vote pages', { timeout: 180_000 }, () => {
  it('shows the trail unchanged, and after one stored event was altered, which one and when', async () => {
    // Prepare: a sketch ready for the vote, a vote on it
    const applicant = await apiSignIn(portal, `antrag.trail@example.org`);
    const sketch = await submittedSketch(applicant, leineWeserSketch());
    const api = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    await statementsBy(await demoLocalAlliances(), (email) => apiSignIn(portal, email), sketch);
    expect((await api.call<SketchDoc>('POST', `/api/admin/sketches/${sketch.id}/accept`)).status).toBe(200);
    const opened = await api.call<VoteDoc>('POST', '/api/admin/votes', {
      sketchIds: [sketch.id],
      deadline: addDays(berlinDate(new Date()), 7),
      reason: 'Eilbedürftig: die Antragsfrist der NBank endet vor der nächsten Sitzung.',
    });
    expect(opened.status).toBe(201);
    const office = await pageAs(browser, portal.url, api);

    // Act: the sketch's page, checked before and after its second event is altered
    await office.goto(`${portal.url}/verwaltung/skizzen/${sketch.id}`);
    const sketchIntact = await check(office);
    const violations = await axeViolations(office);
    const second = await event(`SKETCH#${sketch.id}`, 'EVENT#', 2);
    await alter(second, 'actor', 'jemand@example.org');
    const sketchBroken = await check(office, sketchIntact);
    // … and the vote's page, its opening altered
    await office.goto(`${portal.url}/verwaltung/abstimmungen/${opened.body.id}`);
    const voteIntact = await check(office);
    const first = await event(`VOTE#${opened.body.id}`, 'TRAIL#', 1);
    await alter(first, 'by', 'jemand@example.org');
    const voteBroken = await check(office, voteIntact);

    // Assess
    expect(sketchIntact).toMatch(/^Protokoll geprüft: unverändert \(\d+ Einträge\)\.$/);
    expect(violations).toEqual([]);
    expect(sketchBroken).toBe(trailTexts.broken(2, second.at as string, 'altered'));
    expect(sketchBroken).toContain(`Eintrag 2 vom ${formatDateTime(second.at as string)}`);
    expect(voteIntact).toBe(trailTexts.unchanged(1));
    expect(voteBroken).toBe(trailTexts.broken(1, first.at as string, 'altered'));
    expect(pageErrors).toEqual([]);
  });
});
