import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { Caller } from './api.ts';
import type { InPage } from './in-page.ts';

/*
 * What the browser tests share: pages in a German context, the local SES mailbox, signing in by
 * mail (in the page or over HTTP), and axe-core's verdict on a page.
 */

export interface Mail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/** Errors thrown in any page (uncaught exceptions, CSP violations): a test expects none. */
export const pageErrors: string[] = [];

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  return watch(await context.newPage());
}

export function watch(page: Page): Page {
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
      pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

export function visible(locator: Locator, timeout = 10_000): Promise<void> {
  return locator.waitFor({ state: 'visible', timeout });
}

export const pathOf = (page: Page) => new URL(page.url()).pathname;

export async function mailbox(mailboxUrl: string): Promise<Mail[]> {
  const response = await fetch(`${mailboxUrl}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails;
}

/** Waits briefly for a mail to `to` that was not in the mailbox before and matches `wanted`. */
export async function newMail(
  mailboxUrl: string,
  to: string,
  seen: ReadonlySet<string>,
  wanted: (mail: Mail) => boolean,
): Promise<Mail> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const mail = (await mailbox(mailboxUrl)).find(
      (m) => !seen.has(m.messageId) && m.destination.to.includes(to) && wanted(m),
    );
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no new mail to ${to} within 10 s`);
}

export const seenMails = async (mailboxUrl: string) =>
  new Set((await mailbox(mailboxUrl)).map((m) => m.messageId));

/** Requests a sign-in link on the start page the page shows and returns the link from the mail. */
export async function requestLink(page: Page, mailboxUrl: string, email: string): Promise<string> {
  const seen = await seenMails(mailboxUrl);
  await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Anmeldelink anfordern' }).click();
  await visible(page.getByText(`Wir haben Ihnen einen Anmeldelink an ${email} geschickt.`));
  const mail = await newMail(mailboxUrl, email, seen, (m) => m.subject.startsWith('Ihr Anmeldelink'));
  const link = /(https?:\/\/\S+\/anmelden#token=\S+)/.exec(mail.body.text ?? '')?.[1];
  if (!link) throw new Error(`no sign-in link in the mail's text:\n${mail.body.text}`);
  return link;
}

/** Signs in through the start page and the mailbox; resolves on the page the portal leads to. */
export async function signIn(
  page: Page,
  portalUrl: string,
  mailboxUrl: string,
  email: string,
): Promise<Page> {
  await page.goto(`${portalUrl}/`);
  await page.goto(await requestLink(page, mailboxUrl, email));
  await page.waitForURL((url) => url.pathname !== '/anmelden', { timeout: 10_000 });
  return page;
}

/** Signs in over HTTP through the real link flow (the mail's token); the caller keeps the session cookie. */
export async function apiSignIn(portal: { url: string; mailboxUrl: string }, email: string): Promise<Caller> {
  const caller = new Caller(portal.url);
  const seen = await seenMails(portal.mailboxUrl);
  expect((await caller.call('POST', '/api/auth/link', { email })).status).toBe(202);
  const mail = await newMail(portal.mailboxUrl, email, seen, (m) => m.subject.startsWith('Ihr Anmeldelink'));
  const token = /token=([\w-]+)/.exec(mail.body.text ?? '')?.[1];
  expect((await caller.call('POST', '/api/auth/session', { token })).status).toBe(201);
  return caller;
}

/** A watched browser page in a German context that carries an API caller's session. */
export async function pageAs(
  browser: Browser,
  portalUrl: string,
  caller: Caller,
  options: { acceptDownloads?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
  const [name = '', ...value] = (caller.cookie ?? '').split('=');
  await context.addCookies([
    { name, value: value.join('='), url: portalUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  return watch(await context.newPage());
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core's violations on the page as it is now ("rule: selectors"); its source goes in over CDP, which CSP allows. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as InPage & {
      axe: { run: (context: InPage['document'], options: object) => Promise<AxeResult> };
    };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
