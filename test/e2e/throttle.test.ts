import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiThrottle } from '../../infra/aws/throttle.ts';
import { type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { newPage, pathOf, signIn, visible } from '../support/e2e.ts';

/*
 * The API at its throttle: the local portal refuses requests beyond the deployed stage's rate and
 * burst with 429, as API Gateway does, and the form's autosave, meeting those 429s in a burst,
 * retries them (web/src/lib/api.ts) so the applicant sees no error and nothing is lost.
 */

let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([
    startPortal({ port: 0, mailboxPort: 0, dynamoPort: 0, quiet: true }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

async function type(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`#${id}`).focus();
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Tab');
}

/**
 * Other people's requests, beyond the limits: many callers, each sending its next request as soon
 * as the last is answered, from this process (a browser keeps six connections per host, too few to
 * exceed the limits alone), until `done` says so or 20 s have passed.
 */
async function flood(done: () => boolean, statuses: number[]): Promise<void> {
  const until = Date.now() + 20_000;
  const caller = async () => {
    while (!done() && Date.now() < until) {
      const response = await fetch(`${portal.url}/api/profile`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
  };
  await Promise.all(Array.from({ length: apiThrottle.burstLimit }, caller));
}

describe('the API at its throttle', () => {
  it('refuses a burst beyond the limits with 429, and the form saves through it without showing an error', async () => {
    // Prepare: an applicant in a new sketch's form
    const page = await newPage(browser);
    await signIn(page, portal.url, portal.mailboxUrl, `drossel.${randomUUID().slice(0, 8)}@example.org`);
    await page.goto(`${portal.url}/skizzen/neu`);
    await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
    await page.getByRole('button', { name: 'Projektskizze anlegen' }).press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
    const id = pathOf(page).split('/')[2] ?? '';
    const refusedSaves: number[] = [];
    const seen: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/'))
        seen.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`);
      if (response.url().endsWith(`/api/sketches/${id}/draft`) && response.status() === 429)
        refusedSaves.push(429);
    });

    // Every text the save status or an alert shows while it happens: an error shown for a moment and
    // gone by the next save is still an error the applicant saw.
    await page.evaluate(() => {
      // The page's globals, typed here: the test side is checked without the DOM library.
      interface Observed {
        textContent: string | null;
      }
      const inPage = globalThis as unknown as {
        shownErrors: string[];
        document: {
          body: unknown;
          getElementById(id: string): Observed | null;
          querySelectorAll(selector: string): Observed[];
        };
        MutationObserver: new (
          callback: () => void,
        ) => { observe(target: unknown, options: Record<string, boolean>): void };
      };
      const shown: string[] = [];
      inPage.shownErrors = shown;
      new inPage.MutationObserver(() => {
        const status = inPage.document.getElementById('save-status')?.textContent ?? '';
        if (status.includes('Nicht gespeichert')) shown.push(status);
        for (const alert of inPage.document.querySelectorAll('[role="alert"]'))
          shown.push(alert.textContent ?? 'alert');
      }).observe(inPage.document.body, { subtree: true, childList: true, characterData: true });
    });

    // Act: a burst of other requests keeps the bucket empty while the applicant types (autosaves)
    // (until a save of the form was refused: it met the throttle)
    const statuses: number[] = [];
    const flooding = flood(() => refusedSaves.length >= 1, statuses);
    await expect.poll(() => statuses.includes(429), { timeout: 20_000 }).toBe(true);
    await type(page, 'f-applicant-organisation', 'Kreisvolkshochschule Holzminden');
    // A save may find a token the bucket refilled meanwhile: the applicant goes on typing (the
    // next autosave) until one of them meets the throttle.
    for (let round = 0; refusedSaves.length === 0 && round < 5; round += 1) {
      await expect
        .poll(() => refusedSaves.length, { timeout: 3_000 })
        .toBeGreaterThan(0)
        .catch(() => undefined);
      if (refusedSaves.length === 0) await type(page, 'f-applicant-organisation', '.');
    }
    await type(page, 'f-applicant-city', 'Holzminden');
    await flooding;

    // Assess: 429s came, the saves went through, no error was shown
    expect(
      statuses.filter((s) => s === 429).length,
      `statuses: ${[...new Set(statuses)].join(',')} of ${statuses.length}`,
    ).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(refusedSaves.length, seen.join(' ')).toBeGreaterThanOrEqual(1);
    await visible(
      page.locator('#save-status').filter({ hasText: /^Gespeichert um \d{2}:\d{2} Uhr$/ }),
      30_000,
    );
    expect(
      await page.evaluate(() => (globalThis as unknown as { shownErrors: string[] }).shownErrors),
    ).toEqual([]);
    expect(await page.getByText('Nicht gespeichert').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    const stored = (await (await page.request.get(`${portal.url}/api/sketches/${id}`)).json()) as {
      draft: { applicant: { city: string } };
    };
    expect(stored.draft.applicant.city).toBe('Holzminden');
  }, 60_000);
});
