import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  mailbox,
  newMail,
  newPage,
  pageErrors,
  pathOf,
  requestLink,
  seenMails,
  signIn,
  visible,
} from '../support/e2e.ts';
import { enrolTotpInPage } from '../support/second-factor.ts';
import { leineWeserSketch } from '../support/sketches.ts';

/*
 * The walking skeleton in a real browser against the whole local portal (DynamoDB Local in memory,
 * the local SES server, the API behind the local adapter, the built front end): sign in through
 * the mailbox, start a sketch, review and submit it, see the confirmation page and mail, and find
 * the sketch in the office's list. Typing the whole form is test/e2e/sketch-form.test.ts; here the
 * content goes in through the API the form saves with.
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

const run = randomUUID().slice(0, 8);
const applicantAddress = (who: string) => `${who}.${run}@bildungswerk-weserbergland.example.org`;

/** The scripts a page loads, to tell the applicant's code from the office's chunk. */
function scriptsOf(page: Page): Set<string> {
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  return scripts;
}

/** Starts a sketch with the button on /skizzen/neu; resolves on its form. */
async function startSketch(page: Page): Promise<string> {
  await page.goto(`${portal.url}/skizzen/neu`);
  // The privacy notice is acknowledged before the draft is first saved.
  await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
  await page.getByRole('button', { name: 'Projektskizze anlegen' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
  await visible(page.getByRole('heading', { level: 2, name: '1. Antragsteller' }));
  return pathOf(page).split('/')[2] ?? '';
}

/** Stores `draft` as the sketch's content, as the form's autosave does. */
async function saveDraft(page: Page, id: string, draft: unknown): Promise<void> {
  const { version } = (await (
    await page.request.get(`${portal.url}/api/sketches/${id}`)
  ).json()) as SketchDoc;
  const saved = await page.request.put(`${portal.url}/api/sketches/${id}/draft`, {
    data: { version, draft },
    headers: { 'sec-fetch-site': 'same-origin' }, // as the page's own fetch would say
  });
  expect(saved.status()).toBe(200);
}

describe('walking skeleton in the browser', () => {
  it('an applicant signs in by mail, starts a sketch, submits it, gets the confirmation, and the office lists it', async () => {
    // Prepare
    const applicant = applicantAddress('k.brueggemann');
    const sketch = leineWeserSketch();
    const title = `${sketch.project.title} (${run})`;
    sketch.project.title = title;

    // Act: request a link on the start page and open it from the mailbox
    const page = await newPage(browser);
    const applicantScripts = scriptsOf(page);
    await page.goto(`${portal.url}/`);
    await visible(page.getByRole('heading', { level: 1, name: 'Willkommen im Projektportal' }));
    const before = await seenMails(portal.mailboxUrl);
    await page.goto(await requestLink(page, portal.mailboxUrl, applicant));
    await page.waitForURL((url) => url.pathname === '/skizzen/neu', { timeout: 10_000 });

    // Assess: signed in, the token gone from the address bar
    await visible(page.getByRole('heading', { level: 1, name: 'Neue Projektskizze' }));
    expect(new URL(page.url()).hash).toBe('');
    await visible(page.getByRole('banner').getByText(applicant));

    // Act: start a sketch; its form opens with the contact address filled in
    const id = await startSketch(page);
    expect(await page.getByLabel('E-Mail der Ansprechperson', { exact: true }).inputValue()).toBe(applicant);
    await newMail(portal.mailboxUrl, applicant, before, (m) => m.subject.startsWith('Ihr Entwurf'));

    // Act: the content goes in, then review and submit
    await saveDraft(page, id, sketch);
    await page.goto(`${portal.url}/skizzen/${id}/pruefen`);
    await visible(page.getByText('Ihre Skizze ist vollständig.'));
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();
    await page.waitForURL((url) => url.pathname === `/skizzen/${id}`, { timeout: 10_000 });

    // Assess: the confirmation page
    expect(new URL(page.url()).searchParams.get('eingereicht')).toBe('1');
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await visible(
      page.getByText('Ihre Projektskizze ist eingegangen. Eine Bestätigung ist per E-Mail unterwegs.'),
    );
    const details = await page.locator('dl.details').first().textContent();
    expect(details).toContain('Eingereicht');
    expect(details).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/);
    await visible(page.locator('.sketch-view').getByText(sketch.applicant.organisation));

    // Assess: the confirmation mail
    const mail = await newMail(portal.mailboxUrl, applicant, before, (m) =>
      m.subject.startsWith('Projektskizze eingereicht'),
    );
    expect(mail.subject).toContain(title);
    expect(mail.body.text).toContain(`${portal.url}/skizzen/${id}`);

    // Act: the demo admin signs in the same way, in a browser context of their own
    const office = await signIn(await newPage(browser), portal.url, portal.mailboxUrl, demoAdmin.email);
    // The first admin sign-in sets up the second factor: the authenticator app, without a hardware key
    await office.getByRole('heading', { level: 1, name: 'Anmeldung absichern' }).waitFor();
    await enrolTotpInPage(office, demoAdmin.email);
    const officeScripts = scriptsOf(office);
    await office.reload();

    // Assess: the admin lands in the console and finds the sketch in the list
    expect(pathOf(office)).toBe('/verwaltung');
    const table = office.getByRole('table', { name: /Eingereichte Projektskizzen/ });
    await visible(table);
    const row = table.getByRole('row').filter({ hasText: title });
    await visible(row);
    expect(await row.textContent()).toContain(sketch.applicant.organisation);

    // Assess: the console is a chunk of its own that the applicant never loaded
    const officeOnly = [...officeScripts].filter((script) => !applicantScripts.has(script));
    expect(officeOnly.length).toBeGreaterThan(0);
    expect(applicantScripts.size).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('a visitor who is not signed in meets no failed request on the start page', async () => {
    // Prepare
    const page = await newPage(browser);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    // Act
    await page.goto(portal.url);
    await page
      .getByRole('button', { name: /Anmeldelink/ })
      .first()
      .waitFor();
    // Assess: asking who is signed in says "nobody", it does not fail
    expect(failed).toEqual([]);
  });

  it('an applicant who opens the office console is told it is reserved for the office', async () => {
    // Prepare
    const page = await signIn(
      await newPage(browser),
      portal.url,
      portal.mailboxUrl,
      applicantAddress('nur.antrag'),
    );

    // Act
    await page.getByRole('link', { name: 'Neue Projektskizze' }).first().waitFor();
    await page.goto(`${portal.url}/verwaltung`);

    // Assess
    await visible(
      page.getByRole('alert').filter({ hasText: 'Dieser Bereich ist der Koordinierungsstelle vorbehalten.' }),
    );
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Verwaltung', exact: true }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('after signing out, the sketch form asks to sign in again, and the link leads back to it', async () => {
    // Prepare
    const applicant = applicantAddress('abmelden');
    const page = await signIn(await newPage(browser), portal.url, portal.mailboxUrl, applicant);
    const id = await startSketch(page);
    const form = `/skizzen/${id}/bearbeiten`;

    // Act: sign out, then reload the form
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 10_000 });
    await visible(page.getByRole('button', { name: 'Anmeldelink anfordern' }));
    await page.goto(`${portal.url}${form}`);

    // Assess: the sign-in prompt, linking to the start page with the way back
    await visible(page.getByRole('heading', { name: 'Bitte melden Sie sich an' }));
    expect(await page.getByLabel('Organisation', { exact: true }).count()).toBe(0);
    const prompt = page.getByRole('link', { name: 'Zur Anmeldung' });
    expect(await prompt.getAttribute('href')).toBe(`/?next=${encodeURIComponent(form)}`);

    // Act: follow the prompt and sign in again
    await prompt.click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 10_000 });
    const link = await requestLink(page, portal.mailboxUrl, applicant);
    await page.goto(link);

    // Assess
    expect(link).toContain(`next=${encodeURIComponent(form)}`);
    await page.waitForURL((url) => url.pathname === form, { timeout: 10_000 });
    await visible(page.getByLabel('Organisation', { exact: true }));
    expect(pageErrors).toEqual([]);
  });

  it('a submit whose answer is lost is sent again with the same Idempotency-Key and submits once', async () => {
    // Prepare: the first answer to the submit reaches the server but never the page
    const applicant = applicantAddress('verbindung');
    const page = await signIn(await newPage(browser), portal.url, portal.mailboxUrl, applicant);
    const id = await startSketch(page);
    const sketch = leineWeserSketch();
    sketch.project.title = `Digitale Lernorte für Azubis in Hildesheim (${run})`;
    await saveDraft(page, id, sketch);
    const keys: string[] = [];
    let lost = false;
    await page.route('**/api/sketches/*/submit', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      return route.abort('connectionreset');
    });
    await page.goto(`${portal.url}/skizzen/${id}/pruefen`);

    // Act: submit, see the connection error, submit again
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Der Server ist gerade nicht erreichbar.' }));
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();
    await page.waitForURL((url) => url.searchParams.get('eingereicht') === '1', { timeout: 10_000 });

    // Assess: one key for both attempts, the sketch submitted once, one confirmation mail
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(pathOf(page)).toBe(`/skizzen/${id}`);
    await visible(page.getByRole('heading', { level: 1, name: sketch.project.title }));
    await newMail(portal.mailboxUrl, applicant, new Set(), (m) => m.subject.includes(sketch.project.title));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // One confirmation to the applicant (the office hears of the submission in a mail of its own).
    const confirmations = (await mailbox(portal.mailboxUrl)).filter(
      (m) => m.subject.includes(sketch.project.title) && m.destination.to.includes(applicant),
    );
    expect(confirmations).toHaveLength(1);
    const doc = (await (await page.request.get(`${portal.url}/api/sketches/${id}`)).json()) as SketchDoc;
    expect(doc.submissions).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('a sign-in link works once: opened a second time it fails with a German message', async () => {
    // Prepare
    const email = applicantAddress('zweimal');
    const first = await newPage(browser);
    await first.goto(`${portal.url}/`);
    const link = await requestLink(first, portal.mailboxUrl, email);
    await first.goto(link);
    await first.waitForURL((url) => url.pathname === '/skizzen/neu', { timeout: 10_000 });

    // Act
    const second = await newPage(browser);
    await second.goto(link);

    // Assess
    await visible(
      second.getByRole('alert').filter({ hasText: 'Dieser Anmeldelink ist ungültig, abgelaufen' }),
    );
    expect(pathOf(second)).toBe('/anmelden');
    expect(new URL(second.url()).hash).toBe('');
    const again = second.getByRole('link', { name: 'Neuen Anmeldelink anfordern' });
    expect(await again.getAttribute('href')).toMatch(/^\/(\?next=.*)?$/);
    expect(pageErrors).toEqual([]);
  });

  it('a used link opened again on the device it signed in opens its page, as a vote mail on the laptop does', async () => {
    // Prepare: signed in by the link, with a page to go to
    const email = applicantAddress('wieder');
    const page = await newPage(browser);
    await page.goto(`${portal.url}/?next=${encodeURIComponent('/meine-skizzen')}`);
    const link = await requestLink(page, portal.mailboxUrl, email);
    await page.goto(link);
    await page.waitForURL((url) => url.pathname === '/meine-skizzen', { timeout: 10_000 });
    await page.goto(`${portal.url}/`);

    // Act: the same link again, in the same browser
    await page.goto(link);

    // Assess: no error, the page the link leads to
    await page.waitForURL((url) => url.pathname === '/meine-skizzen', { timeout: 10_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'ungültig' }).count()).toBe(0);
  });
});
