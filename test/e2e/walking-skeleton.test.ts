import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../functions/core/messages.de.ts';
import { demoAdmin, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';

/*
 * The walking skeleton in a real browser against the whole local portal (DynamoDB Local in memory,
 * the local SES server, the API behind the local adapter, the built front end): sign in through
 * the mailbox, fill in the form, submit, see the confirmation page and mail, and find the sketch in
 * the office's list.
 */

interface Mail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

let portal: Portal;
let browser: Browser;
/** Errors thrown in any page (uncaught exceptions, CSP violations): none are expected. */
const pageErrors: string[] = [];

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

const run = randomUUID().slice(0, 8);
const applicantAddress = (who: string) => `${who}.${run}@bildungswerk-weserbergland.example.org`;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      pageErrors.push(`${page.url()}: ${message.text()}`);
    }
  });
  return page;
}

/** The scripts a page loads, to tell the applicant's code from the office's chunk. */
function scriptsOf(page: Page): Set<string> {
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  return scripts;
}

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout: 10_000 });
}

async function mailbox(): Promise<Mail[]> {
  const response = await fetch(`${portal.mailboxUrl}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails;
}

/** Waits briefly for a mail to `to` that was not in the mailbox before and matches `wanted`. */
async function newMail(to: string, seen: Set<string>, wanted: (mail: Mail) => boolean): Promise<Mail> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const mail = (await mailbox()).find(
      (m) => !seen.has(m.messageId) && m.destination.to.includes(to) && wanted(m),
    );
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no new mail to ${to} within 10 s`);
}

/** Requests a sign-in link on the page's current start page and returns the link from the mail. */
async function requestLink(page: Page, email: string): Promise<string> {
  const seen = new Set((await mailbox()).map((m) => m.messageId));
  await page.getByLabel(de.field.email, { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Anmeldelink anfordern' }).click();
  await visible(page.getByText(`Wir haben Ihnen einen Anmeldelink an ${email} geschickt.`));
  const mail = await newMail(email, seen, (m) => m.subject.startsWith('Ihr Anmeldelink'));
  const link = /(https?:\/\/\S+\/anmelden#token=\S+)/.exec(mail.body.text ?? '')?.[1];
  if (!link) throw new Error(`no sign-in link in the mail's text:\n${mail.body.text}`);
  return link;
}

/** Signs in through the start page and the mailbox; resolves on the page the portal leads to. */
async function signIn(email: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${portal.url}/`);
  await page.goto(await requestLink(page, email));
  await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 10_000 });
  return page;
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

describe('walking skeleton in the browser', () => {
  it('an applicant signs in by mail, submits a sketch, gets the confirmation, and the office lists it', async () => {
    // Prepare
    const applicant = applicantAddress('k.brueggemann');
    const title = `Pflege gewinnen im Weserbergland – Quereinstieg mit Begleitung (${run})`;
    const sketch = {
      organisation: 'Bildungswerk Weserbergland gGmbH',
      contactName: 'Dr. Katharina Brüggemann',
      summary:
        'Das Projekt „Pflege vor Ort“ gewinnt Quereinsteigende aus den Landkreisen Hameln-Pyrmont und ' +
        'Holzminden für die Altenpflege. Über 18 Monate begleiten wir 40 Teilnehmende mit Sprachkursen, ' +
        'Praxistagen in Pflegeeinrichtungen und einem Coaching bis zum Ausbildungsbeginn.',
    };

    // Act: request a link on the start page and open it from the mailbox
    const page = await newPage();
    const applicantScripts = scriptsOf(page);
    await page.goto(`${portal.url}/`);
    await visible(page.getByRole('heading', { level: 1, name: 'Willkommen im Projektportal' }));
    const link = await requestLink(page, applicant);
    await page.goto(link);
    await page.waitForURL((url) => url.pathname === '/skizzen/neu', { timeout: 10_000 });

    // Assess: signed in, the token gone from the address bar, the form prefilled
    await visible(page.getByRole('heading', { level: 1, name: 'Neue Projektskizze' }));
    expect(new URL(page.url()).hash).toBe('');
    await visible(page.getByRole('banner').getByText(applicant));
    expect(await page.getByLabel(de.field.contactEmail, { exact: true }).inputValue()).toBe(applicant);

    // Act: submit the empty form
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();

    // Assess: German errors beside each field and in the summary, which has the focus
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await visible(summary);
    // (focus moves in an effect after the render, so it is waited for, not read at once)
    await page.waitForFunction(() => document.activeElement?.className === 'error-summary', null, {
      timeout: 5_000,
    });
    const required = {
      title: de.validation.required(de.field.title),
      organisation: de.validation.required(de.field.organisation),
      contactName: de.validation.required(de.field.contactName),
      summary: de.validation.required(de.field.summary),
    };
    for (const [field, message] of Object.entries(required)) {
      expect(await page.locator(`#sketch-${field}-error`).textContent()).toContain(message);
      const input = page.locator(`#sketch-${field}`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await input.getAttribute('aria-describedby')).toContain(`sketch-${field}-error`);
      await visible(summary.getByRole('link', { name: message }));
    }
    expect(await summary.getByRole('link').count()).toBe(4);
    await summary.getByRole('link', { name: required.summary }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sketch-summary');

    // Act: fill in the sketch, leaving each field, and submit
    await page.getByLabel(de.field.title, { exact: true }).fill(title);
    await page.getByLabel(de.field.organisation, { exact: true }).fill(sketch.organisation);
    await page.getByLabel(de.field.contactName, { exact: true }).fill(sketch.contactName);
    await page.getByLabel(de.field.summary, { exact: true }).fill(sketch.summary);
    await page.getByLabel(de.field.summary, { exact: true }).blur();

    // Assess: errors gone, counters counting
    await page.locator('.field-error').first().waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.locator('.field-error').count()).toBe(0);
    await visible(
      page.locator('#sketch-title-counter').getByText(`${title.length} von 150 Zeichen`, { exact: true }),
    );

    // Act
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/skizzen/') && url.pathname !== '/skizzen/neu', {
      timeout: 10_000,
    });

    // Assess: the confirmation page
    const sketchPath = pathOf(page);
    expect(new URL(page.url()).searchParams.get('eingereicht')).toBe('1');
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await visible(
      page.getByText('Ihre Projektskizze ist eingegangen. Eine Bestätigung ist per E-Mail unterwegs.'),
    );
    const details = await page.locator('dl.details').textContent();
    expect(details).toContain(de.status.submitted);
    expect(details).toContain(sketch.organisation);
    expect(details).toContain(sketch.summary);
    expect(details).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/);

    // Assess: the confirmation mail
    const mail = await newMail(
      applicant,
      new Set(),
      (m) => m.subject === `Projektskizze eingereicht: ${title}`,
    );
    expect(mail.body.text).toContain(title);
    expect(mail.body.text).toContain(sketch.summary);
    expect(mail.body.text).toContain(`${portal.url}${sketchPath}`);

    // Act: the demo admin signs in the same way, in a browser context of their own
    const office = await signIn(demoAdmin.email);
    const officeScripts = scriptsOf(office);
    await office.reload();

    // Assess: the admin lands in the console and finds the sketch in the list
    expect(pathOf(office)).toBe('/verwaltung');
    const table = office.getByRole('table', { name: /Eingereichte Projektskizzen/ });
    await visible(table);
    const row = table.getByRole('row').filter({ hasText: title });
    await visible(row);
    expect(await row.textContent()).toContain(sketch.organisation);
    expect(await row.textContent()).toContain(sketch.contactName);
    await row.getByRole('link', { name: title }).click();
    await office.waitForURL((url) => url.pathname === sketchPath, { timeout: 10_000 });
    await visible(office.getByRole('heading', { level: 1, name: title }));

    // Assess: the console is a chunk of its own that the applicant never loaded
    const officeOnly = [...officeScripts].filter((script) => !applicantScripts.has(script));
    expect(officeOnly.length).toBeGreaterThan(0);
    expect(applicantScripts.size).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('an applicant who opens the office console is told it is reserved for the office', async () => {
    // Prepare
    const page = await signIn(applicantAddress('nur.antrag'));

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

  it('after signing out, the form asks to sign in again, and the link leads back to it', async () => {
    // Prepare
    const applicant = applicantAddress('abmelden');
    const page = await signIn(applicant);
    expect(pathOf(page)).toBe('/skizzen/neu');

    // Act: sign out, then reload the form
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 10_000 });
    await visible(page.getByRole('button', { name: 'Anmeldelink anfordern' }));
    await page.goto(`${portal.url}/skizzen/neu`);

    // Assess: the sign-in prompt, linking to the start page with the way back
    await visible(page.getByRole('heading', { name: 'Bitte melden Sie sich an' }));
    expect(await page.getByLabel(de.field.title, { exact: true }).count()).toBe(0);
    const prompt = page.getByRole('link', { name: 'Zur Anmeldung' });
    expect(await prompt.getAttribute('href')).toBe('/?next=%2Fskizzen%2Fneu');

    // Act: follow the prompt and sign in again
    await prompt.click();
    await page.waitForURL((url) => url.pathname === '/', { timeout: 10_000 });
    const link = await requestLink(page, applicant);
    await page.goto(link);

    // Assess
    expect(link).toContain('next=%2Fskizzen%2Fneu');
    await page.waitForURL((url) => url.pathname === '/skizzen/neu', { timeout: 10_000 });
    await visible(page.getByLabel(de.field.title, { exact: true }));
    expect(pageErrors).toEqual([]);
  });

  it('a submit whose answer is lost is sent again with the same Idempotency-Key and stores one sketch', async () => {
    // Prepare: the first answer to POST /api/sketches reaches the server but never the page
    const applicant = applicantAddress('verbindung');
    const page = await signIn(applicant);
    const title = `Digitale Lernorte für Azubis in Hildesheim (${run})`;
    const keys: string[] = [];
    let lostAnswer: { id: string } | undefined;
    await page.route('**/api/sketches', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (lostAnswer) return route.continue();
      lostAnswer = (await (await route.fetch()).json()) as { id: string };
      return route.abort('connectionreset');
    });
    await page.getByLabel(de.field.title, { exact: true }).fill(title);
    await page
      .getByLabel(de.field.organisation, { exact: true })
      .fill('Handwerkskammer Hildesheim-Südniedersachsen');
    await page.getByLabel(de.field.contactName, { exact: true }).fill('Jonas Oltmanns');
    await page
      .getByLabel(de.field.summary, { exact: true })
      .fill(
        'Lernorte mit VR-Brillen in drei Berufsschulen, damit Auszubildende Montagearbeiten gefahrlos üben.',
      );

    // Act: submit, see the connection error, submit again
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Der Server ist gerade nicht erreichbar.' }));
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).click();
    await page.waitForURL((url) => url.searchParams.get('eingereicht') === '1', { timeout: 10_000 });

    // Assess: one key for both attempts, the first attempt's sketch shown, one confirmation mail
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(pathOf(page)).toBe(`/skizzen/${lostAnswer?.id}`);
    await visible(page.getByRole('heading', { level: 1, name: title }));
    await newMail(applicant, new Set(), (m) => m.subject === `Projektskizze eingereicht: ${title}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const confirmations = (await mailbox()).filter(
      (m) => m.subject === `Projektskizze eingereicht: ${title}`,
    );
    expect(confirmations).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('a sign-in link works once: opened a second time it fails with a German message', async () => {
    // Prepare
    const email = applicantAddress('zweimal');
    const first = await newPage();
    await first.goto(`${portal.url}/`);
    const link = await requestLink(first, email);
    await first.goto(link);
    await first.waitForURL((url) => url.pathname === '/skizzen/neu', { timeout: 10_000 });

    // Act
    const second = await newPage();
    await second.goto(link);

    // Assess
    await visible(second.getByRole('alert').filter({ hasText: de.http.linkInvalid }));
    expect(pathOf(second)).toBe('/anmelden');
    expect(new URL(second.url()).hash).toBe('');
    const again = second.getByRole('link', { name: 'Neuen Anmeldelink anfordern' });
    expect(await again.getAttribute('href')).toMatch(/^\/(\?next=.*)?$/);
    expect(pageErrors).toEqual([]);
  });
});
