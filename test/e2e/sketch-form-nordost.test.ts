import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations, newPage, pageErrors, signIn, visible } from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';

/*
 * The form under another alliance's profile: Nordostniedersachsen funds at most 70 % of personnel
 * costs from the ESF. A file of its own, because the portal's AWS clients and configuration are
 * made once per process (each test file runs in a fresh one).
 */

let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([
    startPortal({ port: 0, mailboxPort: 0, dynamoPort: 0, quiet: true, alliance: 'nordostniedersachsen' }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('the portal under the Nordostniedersachsen profile', () => {
  it('lists its own steps and body on the start page and its form, with no Leine-Weser word', async () => {
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
    await visible(page.getByText('Verstetigung nach der Förderung (freiwillig)'));
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
    expect(start).toContain('Projektträger beantragen die Förderung direkt bei der Allianz für Fachkräfte');
    expect(start).toContain('Die 14 Institutionen der Allianz für Fachkräfte Nordostniedersachsen');
    for (const text of [start, form, review]) expect(text).not.toMatch(/Leine-Weser|Lenkungsgruppe/);
    // No local step in this profile: no "Lokale Allianz" step in the list, the review or the addresses.
    expect(steps).toHaveLength(9);
    expect(steps.join(' ')).toContain('Erklärungen');
    expect(steps.join(' ')).not.toContain('Lokale Allianz');
    expect(review).not.toMatch(/Lokale Allianz|lokalen Allianz/);
    expect(stepCount).toBe('Abschnitt 1 von 8');
    expect(pageErrors).toEqual([]);
  });
});

describe('the sketch form under the Nordostniedersachsen profile', () => {
  it('ESF above 70 % of the personnel costs shows the funding-rate error beside the ESF field', async () => {
    // Prepare: a draft with 100.000 € personnel and 20.000 € material costs
    const page = await signIn(
      await newPage(browser),
      portal.url,
      portal.mailboxUrl,
      `rate.${randomUUID().slice(0, 8)}@example.org`,
    );
    await page.goto(`${portal.url}/skizzen/neu`);
    // The privacy notice is acknowledged before the draft is first saved.
    await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
    const id = new URL(page.url()).pathname.split('/')[2] ?? '';
    const { version } = (await (await page.request.get(`${portal.url}/api/sketches/${id}`)).json()) as {
      version: number;
    };
    const costs = [
      { category: 'personnel', description: 'Projektleitung', year: 2026, amountCents: 10_000_000 },
      { category: 'material', description: 'Lernmaterial', year: 2026, amountCents: 2_000_000 },
    ];
    const put = await page.request.put(`${portal.url}/api/sketches/${id}/draft`, {
      data: { version, draft: { runtime: { start: '2026-01-01', end: '2026-12-31' }, finance: { costs } } },
      headers: { 'sec-fetch-site': 'same-origin' }, // as the page's own fetch would say
    });
    expect(put.status()).toBe(200);
    await page.goto(`${portal.url}/skizzen/${id}/bearbeiten?abschnitt=kosten`);
    await visible(page.getByRole('heading', { level: 2, name: '7. Kosten- und Finanzierungsplan' }));
    await visible(
      page.getByText(
        'Höchstens 70\u00a0% der Personalkosten, nach Ihrem Kostenplan also höchstens 70.000,00\u00a0€.',
      ),
    );

    // Act: ask for 80.000 € ESF (80 % of personnel), the rest as own funds
    await page.locator('#f-finance-esfCents').fill('80.000');
    await page.locator('#f-finance-esfCents').press('Tab');
    await page.locator('#f-finance-ownCents').fill('40.000');
    await page.locator('#f-finance-ownCents').press('Tab');

    // Assess: the rate error beside the field and in the summary; the live rate in the sums
    const message =
      /Gefördert werden höchstens 70\s% der Personalkosten, also 70\.000,00\s€; beantragt sind 80\.000,00\s€/;
    await visible(page.locator('#f-finance-esfCents-error').filter({ hasText: message }));
    await visible(
      page.getByRole('region', { name: /Bitte prüfen Sie/ }).getByRole('link', { name: message }),
    );
    await visible(page.locator('#f-finance-balance').getByText('80\u00a0% (höchstens 70\u00a0%)'));
    expect(await axeViolations(page)).toEqual([]);

    // Act: 70.000 € ESF, 50.000 € own funds
    await page.locator('#f-finance-esfCents').fill('70.000');
    await page.locator('#f-finance-esfCents').press('Tab');
    await page.locator('#f-finance-ownCents').fill('50.000');
    await page.locator('#f-finance-ownCents').press('Tab');

    // Assess
    await page.locator('#f-finance-esfCents-error').waitFor({ state: 'detached', timeout: 5_000 });
    expect(pageErrors).toEqual([]);
  });

  it('lets an amount be typed in peace: no error while typing, no jump, and the next click adds the row', async () => {
    // Prepare: a draft with one cost line, its amount once typed and left (so the field counts as touched)
    const page = await signIn(
      await newPage(browser),
      portal.url,
      portal.mailboxUrl,
      `betrag.${randomUUID().slice(0, 8)}@example.org`,
    );
    await page.goto(`${portal.url}/skizzen/neu`);
    // The privacy notice is acknowledged before the draft is first saved.
    await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
    const id = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.goto(`${portal.url}/skizzen/${id}/bearbeiten?abschnitt=kosten`);
    await page.getByRole('button', { name: 'Kostenzeile hinzufügen' }).click();
    const amount = page.locator('#f-finance-costs-0-amountCents');
    await visible(amount);
    await amount.fill('5');
    await amount.press('Tab');
    const summary = page.getByRole('region', { name: /Bitte prüfen Sie/ });
    const summariesBefore = await summary.count();
    const amounts = page.locator('[id^="f-finance-costs-"][id$="-amountCents"]');
    const rowsBefore = await amounts.count();

    // Act: type a German amount slowly (pauses longer than any check's delay), then click "add a row"
    await amount.fill('');
    await amount.pressSequentially('1.234,', { delay: 50 });
    await page.waitForTimeout(600); // a pause mid-amount, longer than any check's delay
    const summariesWhileTyping = await summary.count();
    const fieldErrorWhileTyping = await page.locator('#f-finance-costs-0-amountCents-error').count();
    await amount.pressSequentially('56', { delay: 50 });
    const box = await page.getByRole('button', { name: 'Kostenzeile hinzufügen' }).boundingBox();
    await page.getByRole('button', { name: 'Kostenzeile hinzufügen' }).click();

    // Assess: nothing appeared while typing; the click landed and added the row
    expect(summariesWhileTyping).toBe(summariesBefore);
    expect(fieldErrorWhileTyping).toBe(0);
    expect(box).not.toBeNull();
    await visible(page.locator(`#f-finance-costs-${rowsBefore}-amountCents`));
    expect(await page.locator('#f-finance-costs-0-amountCents-error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('fits a 390 px phone: the cost editor and the read-only plan scroll no page sideways', async () => {
    // Prepare: a draft with a cost line, on a phone-sized page
    const page = await signIn(
      await newPage(browser),
      portal.url,
      portal.mailboxUrl,
      `telefon.${randomUUID().slice(0, 8)}@example.org`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${portal.url}/skizzen/neu`);
    // The privacy notice is acknowledged before the draft is first saved.
    await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
    const id = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.goto(`${portal.url}/skizzen/${id}/bearbeiten?abschnitt=kosten`);
    await page.getByRole('button', { name: 'Kostenzeile hinzufügen' }).click();
    await page.locator('#f-finance-costs-0-amountCents').fill('123.456,78');
    await page.locator('#f-finance-costs-0-amountCents').press('Tab');
    const width = () =>
      page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth);
    // Act
    const editor = await width();
    await page.goto(`${portal.url}/skizzen/${id}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const view = await width();
    // the read-only plan's amount column is on the screen, not cut off at its edge
    const amount = await page.locator('.table-wrap--costs td.num').first().boundingBox();
    // Assess
    expect({ editor, view }).toEqual({ editor: 390, view: 390 });
    expect((amount?.x ?? 0) + (amount?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);
  });
});
