import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations, newPage, pageErrors, pathOf, signIn, visible } from '../support/e2e.ts';

/*
 * The office's second factor in Chromium with a virtual authenticator (CDP WebAuthn: CTAP2, an
 * internal passkey that verifies its user): the demo admin's first sign-in registers a passkey and
 * reaches the console; at the next sign-in the console waits for the passkey, which confirms it.
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

/** The office's console, listing (here: no sketch yet), not refusing. */
const officeConsole = (page: Page) =>
  visible(page.getByText('Keine Projektskizze entspricht diesen Filtern.'));

/** A page with a platform passkey authenticator, as a laptop with a fingerprint reader has. */
async function pageWithAuthenticator(): Promise<Page> {
  const page = await newPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return page;
}

describe("the office's second factor", () => {
  it('is a passkey registered at the first sign-in and asked for at the next, before the console opens', async () => {
    // Prepare
    const page = await pageWithAuthenticator();

    // Act: the first sign-in leads to setting up the second factor
    await signIn(page, portal.url, portal.mailboxUrl, demoAdmin.email);
    await visible(page.getByRole('heading', { level: 1, name: 'Anmeldung absichern' }));
    const enrolPage = pathOf(page);
    const enrolViolations = await axeViolations(page);
    await page.getByRole('button', { name: 'Passkey einrichten' }).press('Enter');

    // Assess: ten recovery codes, shown once, then the console
    await visible(page.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }));
    expect(await page.locator('.recovery-codes code').count()).toBe(10);
    await page.getByRole('link', { name: 'Weiter zur Verwaltung' }).click();
    await page.waitForURL((url) => url.pathname === '/verwaltung');
    await officeConsole(page);
    expect(enrolPage).toBe('/zweiter-faktor/einrichten');
    expect(enrolViolations).toEqual([]);

    // Act: signed out and in again, the console sends to the confirmation first
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await visible(page.getByRole('button', { name: 'Anmeldelink anfordern' }));
    await signIn(page, portal.url, portal.mailboxUrl, demoAdmin.email);
    await visible(page.getByRole('heading', { level: 1, name: 'Anmeldung bestätigen' }));
    await page.goto(`${portal.url}/verwaltung`);
    await page.waitForURL((url) => url.pathname === '/zweiter-faktor');
    const next = new URL(page.url()).searchParams.get('next');
    await visible(page.getByRole('heading', { level: 1, name: 'Anmeldung bestätigen' }));
    const verifyViolations = await axeViolations(page);
    await page.getByRole('button', { name: 'Mit Passkey bestätigen' }).press('Enter');

    // Assess: back in the console
    await page.waitForURL((url) => url.pathname === '/verwaltung');
    await officeConsole(page);
    expect(next).toBe('/verwaltung');
    expect(verifyViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
