import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, pageErrors, visible } from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
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
    // the five projects approved before the portal (demo placeholders, 350.000 € each) count as bound
    expect(await cells('Region Hannover')).toEqual([
      '916.850,00 €',
      '807.338,00 €',
      '700.070,00 €',
      '700.070,00 €',
      '0,00 €',
      '700.070,00 €',
      '216.780,00 €',
    ]);
    expect((await cells('Gesamtbudget'))[1]).toBe('2.018.170,00 €');
    await visible(
      page.getByText('Darin enthalten sind 5 Projekte, die vor der Nutzung des Portals bewilligt wurden.'),
    );
    expect(await page.getByLabel('Förderperiode').inputValue()).toBe('2024-2027');
    await expect
      .poll(() =>
        page.getByRole('img', { name: /Budget je Teilraum · Fachkräftebündnis Leine-Weser/ }).count(),
      )
      .toBe(1);
    expect(plain((await page.locator('#budget-chart-desc').textContent()) ?? '')).toContain(
      'Region Hannover: fairer Anteil 916.850 €, gebunden 700.070 €, beantragt 807.338 €, verfügbar 216.780 €.',
    );
    const chartTable = page.getByRole('table', { name: 'Werte der Grafik (in Euro, gerundet)' });
    expect(
      (
        await chartTable
          .getByRole('row', { name: /^Landkreis Hildesheim/ })
          .getByRole('cell')
          .allTextContents()
      ).map(plain),
    ).toEqual(['916.575 €', '699.965 €', '767.008 €', '216.610 €']);
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
    expect(lines[4]).toBe(
      'Gesamtbudget;2750000,00;2018170,00;1750000,00;1750000,00;0,00;1750000,00;1000000,00',
    );

    // Act: download the chart as SVG and as PNG
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Grafik als SVG herunterladen' }).click(),
    ]);
    const svg = await readFile(await svgDownload.path(), 'utf8');
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Grafik als PNG herunterladen' }).click(),
    ]);
    const png = await readFile(await pngDownload.path());

    // Assess: the SVG is the chart on the page, the PNG a picture twice its size
    expect(svgDownload.suggestedFilename()).toBe('Budget-2024-2027.svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const region of ['Region Hannover', 'Landkreis Hildesheim', 'REK Weserbergland+'])
      expect(svg).toContain(region);
    expect(svg).toContain('Gebunden 700.070 €');
    expect(pngDownload.suggestedFilename()).toBe('Budget-2024-2027.png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(pageErrors).toEqual([]);
  });

  it('lets the office record a prior project, naming a wrong field in German, and open a period', async () => {
    // Prepare
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const page = await pageAs(browser, portal.url, admin);
    await page.goto(`${portal.url}/verwaltung/budget`);
    await page.getByRole('link', { name: 'Förderperioden und früher bewilligte Projekte verwalten' }).click();
    const prior = page.getByRole('table', {
      name: /^Vor dem Portal bewilligte Projekte der Förderperiode 01\.01\.2024/,
    });
    await visible(prior);
    expect(await prior.getByRole('row').count()).toBe(6);
    expect(await axeViolations(page)).toEqual([]);

    // Act: a project with an amount that is not one
    await page.getByLabel('Projekttitel').fill('Jobtour Leine-Weser');
    await page.getByLabel('Betrag Landkreis Hildesheim (€)').fill('zwölf');
    await page.getByRole('button', { name: 'Projekt erfassen' }).click();

    // Assess: the summary names the field, and its link leads to it
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie Folgendes' });
    await visible(summary);
    await summary
      .getByRole('link', { name: /Betrag Landkreis Hildesheim \(€\): Bitte einen Betrag in Euro angeben/ })
      .click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id))
      .toBe('prior-amount-1');

    // Act: corrected
    await page.getByLabel('Betrag Landkreis Hildesheim (€)').fill('120.000,00');
    await page.getByRole('button', { name: 'Projekt erfassen' }).click();

    // Assess
    await visible(page.getByText('„Jobtour Leine-Weser“ ist erfasst und zählt im Budget mit.'));
    await expect.poll(() => prior.getByRole('row').count()).toBe(7);

    // Act: open the next period with the shares of the last
    await page.getByLabel('Beginn', { exact: true }).fill('2028-01-01');
    await page.getByLabel('Ende', { exact: true }).fill('2031-12-31');
    await page.getByRole('button', { name: 'Förderperiode eröffnen' }).click();

    // Assess
    await visible(page.getByText('Die Förderperiode 01.01.2028–31.12.2031 ist eröffnet.'));
    await visible(page.getByRole('heading', { name: 'Förderperiode 01.01.2028–31.12.2031' }));
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
