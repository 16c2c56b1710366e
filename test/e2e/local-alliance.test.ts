import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { demoAdmin, demoLocalAlliances, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  apiSignIn,
  axeViolations,
  newMail,
  newPage,
  pageAs,
  pageErrors,
  seenMails,
  signIn,
  visible,
} from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The local alliances' workspace in Chromium against the whole local portal: FaReHi (a demo
 * account) signs in by link, finds the sketch of its sub-region on the list's second page, reads it and gives its statement
 * with conditions; the office sees it on the sketch's page. axe-core checks the pages.
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

describe('a local alliance in its workspace', { timeout: 180_000 }, () => {
  it('signs in, finds the sketch of its sub-region, gives its statement, and the office sees it', async () => {
    // Prepare: a sketch in Hildesheim and one in Hannover, submitted through the API
    const applicantEmail = `antrag.${run}@bildungswerk-weserbergland.example.org`;
    const applicant = await apiSignIn(portal, applicantEmail);
    const title = `Berufsorientierung in Hildesheim (${run})`;
    const otherTitle = `Willkommenszentrum Hannover (${run})`;
    const hildesheim = leineWeserSketch();
    hildesheim.project.title = title;
    hildesheim.space.subRegions = [{ id: 'hildesheim', shareBp: 10_000 }];
    hildesheim.space.districts = ['Landkreis Hildesheim'];
    hildesheim.localAlliance.subRegionId = 'hildesheim';
    const hannover = leineWeserSketch();
    hannover.project.title = otherTitle;
    hannover.space.subRegions = [{ id: 'region-hannover', shareBp: 10_000 }];
    hannover.space.districts = ['Region Hannover'];
    hannover.localAlliance.subRegionId = 'region-hannover';
    const sketch = await submittedSketch(applicant, hildesheim);
    await submittedSketch(applicant, hannover);
    // fifty sketches more in Hildesheim, submitted after it: its own is on the second page
    for (let batch = 0; batch < 10; batch++)
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => {
          const filler = leineWeserSketch();
          filler.project.title = `Weitere Skizze ${batch * 5 + i + 1} (${run})`;
          filler.space = hildesheim.space;
          filler.localAlliance.subRegionId = 'hildesheim';
          return submittedSketch(applicant, filler);
        }),
      );
    const farehi = (await demoLocalAlliances()).find((a) => a.subRegionId === 'hildesheim');
    if (!farehi) throw new Error('no demo account for Hildesheim');
    const page = await newPage(browser);

    // Act: sign in by link; the portal leads to the workspace
    await signIn(page, portal.url, portal.mailboxUrl, farehi.email);
    await page.waitForURL((url) => url.pathname === '/allianz', { timeout: 10_000 });

    // Assess: fifty sketches await its statement, a button loads the next ones
    await visible(page.getByRole('heading', { level: 1, name: 'Skizzen meiner Teilräume' }));
    await visible(page.getByRole('link', { name: `Weitere Skizze 50 (${run})` }));
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);

    // Act: load the next page
    await page.getByRole('button', { name: 'Weitere eingereichte Skizzen laden' }).click();

    // Assess: its sketch is there, the focus on the first one loaded; the Hannover sketch is not there
    await visible(page.getByRole('link', { name: title }));
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id))
      .toMatch(/^local-row-/);
    expect(await page.getByRole('link', { name: `Weitere Skizze 1 (${run})` }).count()).toBe(1);
    expect(await page.getByText(otherTitle).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Act: open it, choose "with conditions" and submit without a note
    await page.getByRole('link', { name: title }).click();
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await visible(page.getByRole('heading', { name: 'Inhalt der Skizze' }));
    await page.getByLabel('Unterstützt mit Auflagen').check();
    await page.getByRole('button', { name: 'Stellungnahme abgeben' }).click();

    // Assess: the note is asked for, beside its field
    await visible(
      page.getByText('Anmerkung: Bitte nennen Sie die Auflagen oder Gründe (mindestens 10 Zeichen).'),
    );

    // Act: give the note and submit
    const seen = await seenMails(portal.mailboxUrl);
    await page.getByLabel('Anmerkung').fill('Abstimmung mit dem HAWK-Projekt „Energieberater/innen“.');
    await page.getByRole('button', { name: 'Stellungnahme abgeben' }).click();

    // Assess: announced, shown, the form gone; the applicant gets the mail
    await visible(page.getByText('Ihre Stellungnahme ist abgegeben.'));
    const statements = page.locator('#stellungnahmen');
    await visible(statements.getByText('Unterstützt mit Auflagen'));
    expect(await page.getByRole('button', { name: 'Stellungnahme abgeben' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const mail = await newMail(portal.mailboxUrl, applicantEmail, seen, (m) =>
      m.subject.startsWith('Stellungnahme der lokalen Allianz'),
    );
    expect(mail.body.text).toContain('unterstützt das Projekt mit Auflagen');

    // Act: the office opens the sketch
    const office = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const doc = await office.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`);
    const officePage = await pageAs(browser, portal.url, office);
    await officePage.goto(`${portal.url}/verwaltung/skizzen/${sketch.id}`);

    // Assess: the statement is on the sketch and on the office's page
    expect(doc.body.localStatements).toEqual([
      expect.objectContaining({ subRegionId: 'hildesheim', verdict: 'supports_with_conditions' }),
    ]);
    const officeStatements = officePage.locator('#stellungnahmen');
    await visible(officeStatements.getByText('Fachkräfte für die Region Hildesheim (FaReHi)'));
    await visible(officeStatements.getByText('Unterstützt mit Auflagen'));
    await visible(officeStatements.getByText('Abstimmung mit dem HAWK-Projekt', { exact: false }));
    expect(pageErrors).toEqual([]);
  });
});
