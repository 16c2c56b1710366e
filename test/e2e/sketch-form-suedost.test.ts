import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { newPage, pageErrors, signIn, visible } from '../support/e2e.ts';

/*
 * The portal under Südostniedersachsen's profile: its Geschäftsstelle and Sprecherkreis, its steps.
 * A file of its own, because the portal's configuration is made once per process.
 */

let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([
    startPortal({ port: 0, mailboxPort: 0, dynamoPort: 0, quiet: true, alliance: 'suedostniedersachsen' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the portal under the Südostniedersachsen profile', () => {
  it('lists its own steps and body on the start page and its form, with no Leine-Weser word nor its office’s', async () => {
    // Prepare
    const page = await signIn(
      await newPage(browser),
      portal.url,
      portal.mailboxUrl,
      `start.${randomUUID().slice(0, 8)}@example.org`,
    );
    // Act
    await page.goto(portal.url);
    await visible(page.getByRole('heading', { level: 2, name: 'So läuft das Verfahren' }));
    const start = (await page.locator('main').textContent()) ?? '';
    await page.goto(`${portal.url}/skizzen/neu`);
    await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
    const id = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.goto(`${portal.url}/skizzen/${id}/bearbeiten?abschnitt=verstetigung`);
    await visible(page.getByText('Modellcharakter und Übertragbarkeit (freiwillig)'));
    const steps = await page
      .getByRole('navigation', { name: 'Abschnitte der Projektskizze' })
      .getByRole('link')
      .allTextContents();
    const form = (await page.locator('main').textContent()) ?? '';
    await page.goto(`${portal.url}/skizzen/${id}/pruefen`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const review = (await page.locator('main').textContent()) ?? '';
    await page.goto(`${portal.url}/skizzen/${id}/bearbeiten?abschnitt=allianz`);
    const stepCount = await page.locator('.step-count').textContent();
    // Assess
    expect(start).toContain(
      'Zu den Themenschwerpunkten werden Projektideen der regionalen Arbeitsmarktakteure gesammelt und ausgewählt.',
    );
    expect(start).toContain('Wer entscheidet: Sprecherkreis');
    for (const text of [start, form, review])
      expect(text).not.toMatch(/Leine-Weser|Lenkungsgruppe|Koordinierungsstelle/);
    // No local step in this profile: no "Lokale Allianz" step in the list, the review or the addresses.
    expect(steps).toHaveLength(9);
    expect(steps.join(' ')).toContain('Erklärungen');
    expect(steps.join(' ')).not.toContain('Lokale Allianz');
    expect(review).not.toMatch(/Lokale Allianz|lokalen Allianz/);
    expect(stepCount).toBe('Abschnitt 1 von 8');
    expect(pageErrors).toEqual([]);
  });
});
