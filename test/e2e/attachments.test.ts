import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAddresses } from '../../functions/core/contract/index.ts';
import { sessionCookieName } from '../../functions/http/cookies.ts';
import { type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/e2e.ts';
import { exe, pdf } from '../support/files.ts';
import type { InPage } from '../support/in-page.ts';

/*
 * The attachments component in Chromium against the whole local portal (the API, DynamoDB Local,
 * the local S3 server): keyboard, upload with the presigned POST under the portal's own CSP,
 * German errors next to the input, download, removal, and axe-core on each state. The component is
 * bundled on its own (test/e2e/harness/attachments.tsx) and evaluated in a page the portal served,
 * in place of the app, so it runs on the portal's origin under the portal's CSP.
 */

let portal: Portal;
let browser: Browser;
let harnessScript: string;
/** Uncaught exceptions and CSP violations in any page: none are expected. */
const pageErrors: string[] = [];

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./harness/attachments.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __VOTUM_ROUTES__: JSON.stringify(routeAddresses()) },
  });
  harnessScript = bundled.outputFiles[0]?.text ?? '';
  [portal, browser] = await Promise.all([
    startPortal({ port: 0, mailboxPort: 0, dynamoPort: 0, s3Port: 0, quiet: true }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Signs in through the real link flow and returns the session cookie's value. */
async function sessionFor(email: string): Promise<string> {
  await fetch(`${portal.url}/api/auth/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email }),
  });
  const { emails } = (await (await fetch(`${portal.mailboxUrl}/store`)).json()) as {
    emails: Array<{ destination: { to: string[] }; body: { text?: string } }>;
  };
  const mail = emails.filter((m) => m.destination.to.includes(email)).at(-1);
  const token = /token=([\w-]+)/.exec(mail?.body.text ?? '')?.[1];
  const session = await fetch(`${portal.url}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ token }),
  });
  const cookie = session.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  return cookie.slice(cookie.indexOf('=') + 1);
}

async function newDraft(session: string): Promise<string> {
  const answer = await fetch(`${portal.url}/api/sketches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      'idempotency-key': randomUUID(),
      cookie: `${sessionCookieName()}=${session}`,
    },
    body: '{}',
  });
  return ((await answer.json()) as { id: string }).id;
}

async function harness(
  session: string,
  sketchId: string,
  editable: boolean,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await context.addCookies([{ name: sessionCookieName(), value: session, url: portal.url }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // The refused upload's 400 is logged too: only CSP violations count here.
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
      pageErrors.push(message.text());
  });
  // A page of the portal (its origin, its CSP); the component replaces the app in it.
  await page.goto(`${portal.url}/anhaenge-test?sketch=${sketchId}&editable=${editable ? 1 : 0}`, {
    waitUntil: 'networkidle',
  });
  await page.evaluate(harnessScript);
  return { page, context };
}

/** Waits until an upload ended: its download link is there, or an error is shown (and then says which). */
async function uploaded(page: Page, fileName: string): Promise<void> {
  const link = page.getByRole('link', { name: `${fileName} herunterladen` });
  await link.or(page.locator('.field-error')).first().waitFor();
  expect(await page.locator('.field-error').allTextContents()).toEqual([]);
}

const focusedId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id ?? '');

describe('the attachments component', () => {
  it('uploads, refuses, downloads and removes by keyboard, with German messages and no axe violations', async () => {
    // Prepare
    const session = await sessionFor(`traeger.${randomUUID().slice(0, 8)}@example.org`);
    const sketchId = await newDraft(session);
    const { page, context } = await harness(session, sketchId, true);
    const costPlanInput = `attachments-${sketchId}-cost_plan`;
    const statementInput = `attachments-${sketchId}-endorsement_statement`;
    await page.getByRole('group', { name: 'Kostenplan des Antragstellers' }).waitFor();
    const bytes = pdf(300 * 1024);

    // Act: reach the cost plan's file input with the keyboard, pick a PDF there
    let presses = 0;
    while ((await focusedId(page)) !== costPlanInput && presses++ < 20) await page.keyboard.press('Tab');
    await page.locator(`#${costPlanInput}`).setInputFiles({
      name: 'Kostenplan 2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(bytes),
    });
    await uploaded(page, 'Kostenplan 2026.pdf');
    const link = page.getByRole('link', { name: 'Kostenplan 2026.pdf herunterladen' });

    // Assess: listed under its kind, downloadable with the same bytes, announced
    expect(presses).toBeLessThan(20);
    expect(await axeViolations(page)).toEqual([]);
    await expect
      .poll(() => page.getByRole('status').last().textContent())
      .toBe('„Kostenplan 2026.pdf“ wurde hochgeladen.');
    const file = await context.request.get(`${portal.url}${await link.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(new Uint8Array(await file.body())).toEqual(bytes);

    // Act: a program renamed to .pdf as the local alliance's statement
    await page.locator(`#${statementInput}`).setInputFiles({
      name: 'Stellungnahme.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(exe()),
    });
    const error = page.locator(`#${statementInput}-error`);
    await error.waitFor();

    // Assess: the message is next to that input, tied to it, and nothing was added
    expect(await error.textContent()).toBe(
      'Fehler: Anhang „Stellungnahme.pdf“: Die Datei ist kein PDF-, Word-, Excel-, OpenDocument- oder Bilddokument.',
    );
    expect(await page.locator(`#${statementInput}`).getAttribute('aria-describedby')).toContain(
      `${statementInput}-error`,
    );
    expect(await page.locator(`#${statementInput}`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('link').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Act: remove the cost plan with the keyboard
    await page.getByRole('button', { name: 'Entfernen – „Kostenplan 2026.pdf“' }).focus();
    await page.keyboard.press('Enter');
    await link.waitFor({ state: 'detached' });

    // Assess: gone, announced, and the keyboard is back at the cost plan's input
    await expect.poll(() => focusedId(page)).toBe(costPlanInput);
    expect(await page.getByRole('status').last().textContent()).toBe('„Kostenplan 2026.pdf“ wurde entfernt.');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('only lists for readers, with download links and no upload controls', async () => {
    // Prepare
    const session = await sessionFor(`traeger.${randomUUID().slice(0, 8)}@example.org`);
    const sketchId = await newDraft(session);
    const editor = await harness(session, sketchId, true);
    await editor.page.locator(`#attachments-${sketchId}-nbank_draft`).setInputFiles({
      name: 'NBank-Antrag Entwurf.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf()),
    });
    await uploaded(editor.page, 'NBank-Antrag Entwurf.pdf');
    await editor.context.close();

    // Act
    const { page, context } = await harness(session, sketchId, false);
    const link = page.getByRole('link', { name: 'NBank-Antrag Entwurf.pdf herunterladen' });
    await link.waitFor();

    // Assess
    expect(await page.locator('input[type=file]').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await page.locator('.attachments__meta').textContent()).toMatch(
      /^Entwurf des Förderantrags · PDF · /,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
