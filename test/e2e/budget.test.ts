import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, pageErrors, visible } from '../support/e2e.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { submittedSketch } from '../support/sketches.ts';

/*
 * The budget page in Chromium against the whole local portal (a fresh in-memory table): one
 * submitted sketch spanning the three Leine-Weser sub-regions; the office reads the table, the
 * chart's text alternative and the warnings' absence, axe-core finds nothing, and the budget CSV
 * downloads with its byte order mark and the same amounts.
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

/** The page writes amounts with a no-break space before the euro sign. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('the budget page', () => {
  it('shows the budget per sub-region with its chart, passes axe and downloads the CSV for Excel', async () => {
    // Prepare: 268.170,00 € ESF requested, 40 / 25 / 35 % across the sub-regions
    await submittedSketch(await apiSignIn(portal, 'antrag.budget@example.org'));
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const page = await pageAs(browser, portal.url, admin, { acceptDownloads: true });

    // Act
    await page.goto(`${portal.url}/verwaltung/budget`);
    const table = page.getByRole('table', { name: 'Budget je Teilraum und gesamt (in Euro)' });
    await visible(table);

    // Assess: the rows, the chart's text alternative, the navigation, no warnings, no axe findings
    const cells = (row: string) =>
      table
        .getByRole('row', { name: new RegExp(`^${row.replace('+', '\\+')}`) })
        .getByRole('cell')
        .allTextContents()
        .then((texts) => texts.map(plain));
    expect(await cells('Region Hannover')).toEqual([
      '916.850,00 €',
      '107.268,00 €',
      '0,00 €',
      '0,00 €',
      '0,00 €',
      '0,00 €',
      '916.850,00 €',
    ]);
    expect((await cells('Gesamtbudget'))[1]).toBe('268.170,00 €');
    await expect
      .poll(() => page.getByRole('img', { name: /Beantragt und gebunden je Teilraum/ }).count())
      .toBe(1);
    expect(plain((await page.locator('#budget-chart-desc').textContent()) ?? '')).toContain(
      'REK Weserbergland+: beantragt 93.859,50 €, gebunden 0,00 €, fairer Anteil 916.575,00 €.',
    );
    expect(await page.getByRole('link', { name: 'Budget', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    await visible(page.getByText('Weder ein Teilraum noch das Gesamtbudget ist überzeichnet.'));
    expect(await axeViolations(page)).toEqual([]);

    // Act: download the budget CSV through its link
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Budget je Teilraum (CSV)' }).click(),
    ]);
    const bytes = await readFile(await download.path());

    // Assess
    expect(download.suggestedFilename()).toMatch(/^Budget-leine-weser-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Teilraum;Fairer Anteil (€);Beantragt (€);Befürwortet (€);Bewilligt (€);Ausgegeben (€);Gebunden (€);Verfügbar (€)',
    );
    expect(lines[4]).toBe('Gesamtbudget;2750000,00;268170,00;0,00;0,00;0,00;0,00;2750000,00');
    expect(pageErrors).toEqual([]);
  });
});
