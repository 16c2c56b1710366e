import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, newMail, pageAs, seenMails, visible } from '../support/e2e.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * Verwaltung → Datenschutz in Chromium against the whole local portal: the office erases an
 * applicant on request (address twice, reason, confirmation), is refused for its own address, and
 * finds the applicant's name gone from the sketch and the erasure in the retention log; the job
 * ticker's run sends the confirmation; axe finds nothing on any step.
 */

let portal: Portal;
let browser: Browser;
const run = randomUUID().slice(0, 8);

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

describe('erasure on request', () => {
  it('erases an applicant through the page; their name is gone and the log shows it', async () => {
    // Prepare: an applicant's submitted sketch, naming them as its contact person
    const email = `loeschung.${run}@example.org`;
    const contactName = `Ruth Löschbar ${run}`;
    const title = `Pflege mit Begleitung (${run})`;
    const sketch = leineWeserSketch();
    sketch.project.title = title;
    sketch.applicant.contactName = contactName;
    sketch.applicant.contactEmail = email;
    const submitted = await submittedSketch(await apiSignIn(portal, email), sketch);
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const page = await pageAs(browser, portal.url, admin);
    await page.goto(`${portal.url}/verwaltung/skizzen/${submitted.id}`);
    await visible(page.getByText(contactName));

    // Act: open the page from the office's navigation; mistype the repeated address
    await page.goto(`${portal.url}/verwaltung`);
    await page.getByRole('link', { name: 'Datenschutz', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Daten einer Person löschen' }));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-Mail-Adresse der Person').fill(email);
    await page.getByLabel('E-Mail-Adresse wiederholen').fill(`x${email}`);
    await page.getByLabel('Grund der Löschung').fill('Antrag per E-Mail vom 3. März');
    await page.getByRole('button', { name: 'Weiter zur Bestätigung' }).click();
    // Assess: the form says what is wrong before anything is asked
    await visible(page.getByRole('link', { name: /Die beiden Adressen stimmen nicht überein/ }));
    expect(await axeViolations(page)).toEqual([]);

    // Act: the office's own address is refused, in its words
    await page.getByLabel('E-Mail-Adresse der Person').fill(demoAdmin.email);
    await page.getByLabel('E-Mail-Adresse wiederholen').fill(demoAdmin.email);
    await page.getByRole('button', { name: 'Weiter zur Bestätigung' }).click();
    const seen = await seenMails(portal.mailboxUrl);
    await page.getByRole('button', { name: 'Endgültig löschen' }).click();
    // Assess
    await visible(page.getByText(/Diese Adresse hat Zugang zur Verwaltung/));
    await visible(page.getByRole('link', { name: 'Zu den Zugängen' }));
    expect(await axeViolations(page)).toEqual([]);

    // Act: back, the applicant's address, confirm
    await page.getByRole('button', { name: 'Zurück zu den Angaben' }).click();
    await page.getByLabel('E-Mail-Adresse der Person').fill(email);
    await page.getByLabel('E-Mail-Adresse wiederholen').fill(email);
    await page.getByRole('button', { name: 'Weiter zur Bestätigung' }).click();
    await visible(page.getByRole('heading', { name: `Daten von ${email} löschen?` }));
    await visible(page.getByText(/Diese Daten werden gelöscht/));
    await page.getByRole('button', { name: 'Endgültig löschen' }).click();

    // Assess: the result says what went, and the log shows the erasure in words
    await visible(page.getByRole('heading', { name: 'Ergebnis der Löschung' }));
    await visible(page.getByText('1 Skizze pseudonymisiert'));
    // The confirmation mail leaves with the outbox job's next run, and the page says no more than that
    await visible(page.getByText(/Die Bestätigung per E-Mail geht in den nächsten Minuten an die Person/));
    // Two ticks: one already under way when the erasure was stored may have passed the mail by.
    await portal.ticker.tick();
    await portal.ticker.tick();
    await newMail(portal.mailboxUrl, email, seen, (mail) => mail.subject.includes('gelöscht'));
    await visible(page.getByText('Keine Aufbewahrungspflicht: Es ist nichts gesperrt geblieben.'));
    const log = page.getByRole('table', { name: 'Löschprotokoll' });
    const row = log.getByRole('row', { name: /Daten einer Person auf Antrag gelöscht/ });
    await visible(row);
    expect(await row.first().textContent()).toContain('Grund: Antrag per E-Mail vom 3. März');
    expect(await row.first().textContent()).not.toContain(email);
    expect(await axeViolations(page)).toEqual([]);

    // Assess: the sketch stays with its title, without the applicant's name, in the view and the list
    await page.goto(`${portal.url}/verwaltung/skizzen/${submitted.id}`);
    await visible(page.getByRole('heading', { name: title }));
    expect(await page.getByText(contactName).count()).toBe(0);
    expect(await page.content()).not.toContain(email);
    await page.goto(`${portal.url}/verwaltung`);
    await visible(page.getByRole('link', { name: title }));
    expect(await page.content()).not.toContain(contactName);
  });
});
