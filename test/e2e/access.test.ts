import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, visible } from '../support/e2e.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/*
 * Verwaltung → Zugänge in Chromium against the whole local portal: the office adds a person to its
 * list and takes them off again, looks up an applicant's sessions and ends one; axe finds nothing.
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

describe('the access page', () => {
  it('adds and removes an admin, and ends a session of an account', async () => {
    // Prepare: an applicant signed in elsewhere
    await apiSignIn(portal, 'antrag.zugang@example.org');
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const page = await pageAs(browser, portal.url, admin);

    // Act: open the page from the office's navigation, add a person
    await page.goto(`${portal.url}/verwaltung/fristen`);
    await page.getByRole('link', { name: 'Zugänge', exact: true }).click();
    const admins = page.getByRole('table', { name: 'Personen mit Zugang zur Verwaltung' });
    await visible(admins);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('neu.kst@example.org');
    await page.getByLabel('Name', { exact: true }).fill('Neue Kollegin');
    await page.getByRole('button', { name: 'Hinzufügen' }).click();

    // Assess
    await visible(page.getByText('neu.kst@example.org steht jetzt auf der Liste.'));
    await visible(admins.getByRole('row', { name: /Neue Kollegin/ }));
    expect(await page.getByRole('link', { name: 'Zugänge', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await axeViolations(page)).toEqual([]);

    // Act: take the person off again
    await page.getByRole('button', { name: 'Neue Kollegin entfernen' }).click();
    // Assess
    await visible(page.getByText('neu.kst@example.org wurde von der Liste genommen.'));
    await expect.poll(() => admins.getByRole('row', { name: /Neue Kollegin/ }).count()).toBe(0);

    // Act: the applicant's sessions; end the one there is
    await page.getByLabel('E-Mail-Adresse des Kontos').fill('antrag.zugang@example.org');
    await page.getByRole('button', { name: 'Sitzungen anzeigen' }).click();
    const sessions = page.getByRole('table', { name: 'Aktive Sitzungen von antrag.zugang@example.org' });
    await visible(sessions);
    expect(await sessions.getByRole('row').count()).toBe(2); // header and one session
    expect(await axeViolations(page)).toEqual([]);
    await sessions.getByRole('button', { name: /beenden/ }).click();
    // Assess
    await visible(page.getByText('Die Sitzung wurde beendet.'));
    await visible(page.getByText('antrag.zugang@example.org hat keine aktive Sitzung.'));
  });
});
