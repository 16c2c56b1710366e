import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, pageErrors, visible } from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
import { leineWeserSketch, startDraft } from '../support/sketches.ts';

/*
 * Review errors say where (issue 18): an error inside a list's item names the item, its link leads
 * to the field and focuses it, and the step list says "mit Fehlern" where the review did. The
 * applicant also finds the files they uploaded on the review. Chromium against the local portal.
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

describe('the review of a sketch with errors', () => {
  it('names the work package, focuses the field from its link and marks the step "mit Fehlern"', async () => {
    // Prepare: a draft whose second work package ends after the project
    const applicant = await apiSignIn(portal, `antrag.${run}@example.org`);
    const sketch = leineWeserSketch();
    const second = sketch.project.activities[1];
    if (!second) throw new Error('the test sketch has two work packages');
    second.endMonth = 99;
    const draft = await startDraft(applicant, sketch);
    const page = await pageAs(browser, portal.url, applicant);

    // Act: the review
    await page.goto(`${portal.url}/skizzen/${draft.id}/pruefen`);
    const message = /^Arbeitspaket 2 – Ende \(Projektmonat\): Das Projekt dauert nur \d+ Monate\.$/;
    const link = page.getByRole('link', { name: message });
    await visible(link);
    const reviewSteps = await page
      .getByRole('navigation', { name: 'Abschnitte der Projektskizze' })
      .innerText();
    const reviewViolations = await axeViolations(page);
    await visible(page.getByRole('heading', { name: 'Anhänge' }));
    // Act: follow the error's link
    await link.click();
    await page.waitForURL((url) => url.pathname === `/skizzen/${draft.id}/bearbeiten`, { timeout: 10_000 });
    await page.waitForFunction(
      () =>
        (globalThis as unknown as InPage).document.activeElement?.matches(
          '#f-project-activities-1-endMonth',
        ) === true,
      undefined,
      { timeout: 10_000 },
    );
    const steps = page.getByRole('navigation', { name: 'Abschnitte der Projektskizze' });
    const projectStep = await steps
      .getByRole('link', { name: /Projekt/ })
      .first()
      .innerText();

    // Assess: the item is named, the field has focus, the step list agrees with the review
    expect(reviewSteps).toContain('mit Fehlern');
    expect(projectStep).toContain('mit Fehlern');
    expect(projectStep).not.toContain('noch offen');
    expect(reviewViolations).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
