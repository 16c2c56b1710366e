import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, visible } from '../support/e2e.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/*
 * The legal pages (issue 16) in Chromium against the whole local portal: every page's footer links
 * Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit; each shows the profile's
 * facts; the new-sketch start shows the privacy notice and saves nothing before it is acknowledged.
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

const legalLinks = ['Impressum', 'Datenschutzerklärung', 'Erklärung zur Barrierefreiheit'];

describe('the legal pages', () => {
  it('are linked in the footer of every page, signed out, as applicant and as office', async () => {
    // Prepare
    const applicant = await apiSignIn(portal, 'antrag.recht@example.org');
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const visits = [
      { caller: undefined, paths: ['/', '/anmelden', '/impressum', '/nicht-da'] },
      { caller: applicant, paths: ['/skizzen/neu', '/meine-skizzen', '/datenschutz'] },
      {
        caller: admin,
        paths: ['/verwaltung', '/verwaltung/budget', '/verwaltung/fristen', '/barrierefreiheit'],
      },
    ];
    for (const { caller, paths } of visits) {
      const page = caller ? await pageAs(browser, portal.url, caller) : await browser.newPage();
      for (const path of paths) {
        // Act
        await page.goto(`${portal.url}${path}`);
        const footer = page.getByRole('contentinfo');
        // Assess
        for (const name of legalLinks) await visible(footer.getByRole('link', { name, exact: true }));
      }
      await page.close();
    }
  });

  it('show the profile’s controller, the retention and the enforcement procedure', async () => {
    // Prepare
    const page = await browser.newPage();
    // Act
    await page.goto(`${portal.url}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Impressum', exact: true }).click();
    // Assess
    await visible(page.getByRole('heading', { name: 'Impressum', level: 1 }));
    await visible(page.getByText('Bahnhofsplatz 3-4'));
    // Act
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Datenschutzerklärung', exact: true })
      .click();
    // Assess
    await visible(page.getByText(/12 Monaten nach Ihrer letzten Änderung gelöscht/));
    await visible(page.getByText(/Art\. 6 Abs\. 1 Buchst\. e DSGVO/).first());
    // Act
    await page.getByRole('contentinfo').getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
    // Assess
    await visible(page.getByText(/Schlichtungsstelle nach § 9 NBGG/));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the privacy notice comes before the first save of a sketch', async () => {
    // Prepare
    const applicant = await apiSignIn(portal, 'antrag.hinweis@example.org');
    const page = await pageAs(browser, portal.url, applicant);
    await page.goto(`${portal.url}/skizzen/neu`);
    // Act: start without acknowledging
    await visible(page.getByRole('heading', { name: 'Datenschutzhinweise (Art. 13 DSGVO)' }));
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
    // Assess: refused, still on the start
    await visible(
      page.getByText('Bitte bestätigen Sie zuerst, dass Sie die Datenschutzhinweise gelesen haben.'),
    );
    expect(new URL(page.url()).pathname).toBe('/skizzen/neu');
    // Act
    await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
    // Assess
    await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
    await page.close();
  });
});
