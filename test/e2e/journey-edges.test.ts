import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDate } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { demoAdmin, demoLocalAlliances, type Portal, startPortal } from '../../infra/local/portal.ts';
import type { Caller } from '../support/api.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, newPage, pageAs, pageErrors, visible } from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
import { statementsBy } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, startDraft, submittedSketch } from '../support/sketches.ts';

/*
 * The portal as its users meet it (issue 18), in Chromium against the whole local portal: every
 * page of the journey — applicant, steering-group member, office — at 1280 px and at 390 px (a
 * phone). Each page is photographed at both widths into test-artifacts/ (gitignored, kept by CI
 * as artifacts), never scrolls sideways on the phone and has no axe-core violation at either
 * width. Along the way the states say what happened: a decided sketch waits for its Votum, a
 * deferred Votum is shown as such with its reasons, and no code reaches a page.
 */

let portal: Portal;
let browser: Browser;
const run = randomUUID().slice(0, 8);
const shots = join(import.meta.dirname, '../../test-artifacts/screenshots');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [portal, browser] = await Promise.all([
    startPortal({ port: 0, mailboxPort: 0, dynamoPort: 0, s3Port: 0, quiet: true }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** How far the page scrolls sideways (0: not at all). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as InPage & {
      document: { scrollingElement: { scrollWidth: number; clientWidth: number } };
    };
    return document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;
  });

/** Internal codes and stored dates a German page must not show. */
const codes =
  /\b(no_consensus|no_quorum|not_endorsed|ready_for_vote|in_vote|vote_closed|deferred|approved|rejected)\b|\b\d{4}-\d{2}-\d{2}\b/;

interface Visited {
  name: string;
  sideways: number;
  violations: string[];
  codes: string[];
}

/**
 * Opens `path` at both widths, waits for `ready`, photographs the whole page, and reports what
 * the phone scrolls sideways, axe-core's violations and any code in the page's text.
 */
async function visit(page: Page, name: string, path: string, ready: (page: Page) => Promise<void>) {
  const seen: Visited = { name, sideways: 0, violations: [], codes: [] };
  for (const [label, size] of Object.entries(widths)) {
    await page.setViewportSize(size);
    await page.goto(`${portal.url}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, `${name}-${size.width}.png`), fullPage: true });
    if (label === 'phone') seen.sideways = await sideways(page);
    seen.violations.push(...(await axeViolations(page)).map((v) => `${size.width}: ${v}`));
    const text = (await page.locator('main').innerText()).match(codes);
    if (text) seen.codes.push(`${size.width}: ${text[0]}`);
  }
  return seen;
}

const heading = (name: string | RegExp) => (page: Page) =>
  visible(page.getByRole('heading', { level: 1, name }));

describe('the journey at 1280 and 390 px', () => {
  it('shows every page at both widths without sideways scrolling or violations, with states that agree', {
    timeout: 480_000,
  }, async () => {
    // Prepare: a draft, a sketch decided in a meeting and deferred, one in an open circulation vote
    const applicantEmail = `antrag.${run}@bildungswerk-weserbergland.example.org`;
    const applicant = await apiSignIn(portal, applicantEmail);
    const draftSketch = leineWeserSketch();
    draftSketch.project.title = `Entwurf: Ausbildung im Handwerk (${run})`;
    const draft = await startDraft(applicant, draftSketch);
    const deferredTitle = `Pflege: Quereinstieg mit Begleitung (${run})`;
    const deferredSketch = leineWeserSketch();
    deferredSketch.project.title = deferredTitle;
    deferredSketch.applicant.contactAddress = 'frau';
    const deferred = await submittedSketch(applicant, deferredSketch);
    const votedSketch = leineWeserSketch();
    votedSketch.project.title = `Digitale Lernorte (${run})`;
    const voted = await submittedSketch(applicant, votedSketch);
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    for (const sketch of [deferred, voted]) {
      await statementsBy(await demoLocalAlliances(), (email) => apiSignIn(portal, email), sketch);
      expect((await admin.call('POST', `/api/admin/sketches/${sketch.id}/accept`, {})).status).toBe(200);
    }
    const today = berlinDate(new Date());
    const seats = await admin.call<{ items: { id: string; active: boolean; member: { email: string } }[] }>(
      'GET',
      '/api/admin/seats',
    );
    const present = seats.body.items.filter((s) => s.active);
    const meeting = await admin.call('POST', '/api/admin/meetings', {
      date: today,
      // Too few seats present: no decision, so the Votum defers it to the next round
      attendance: present.map((s, i) => ({ seatId: s.id, presence: i === 0 ? 'member' : 'absent' })),
      decisions: [{ sketchId: deferred.id, approve: 1, object: 0, abstain: 0 }],
    });
    expect(meeting.status).toBe(201);
    const decided = await admin.call<SketchDoc>('GET', `/api/sketches/${deferred.id}`);
    const vote = await admin.call<{ id: string }>('POST', '/api/admin/votes', {
      sketchIds: [voted.id],
      deadline: addDays(today, 7),
      reason: 'Die Antragsfrist der NBank endet vor der nächsten Sitzung.',
    });
    expect(vote.status).toBe(201);
    const member = await apiSignIn(portal, present[0]?.member.email ?? '');

    // Act: the office's list while one sketch waits for its Votum
    const office = await pageAs(browser, portal.url, admin);
    const listWaiting = await visit(office, '10-office-list', '/verwaltung?status=vote_closed', (p) =>
      visible(p.getByRole('link', { name: deferredTitle })),
    );
    const waitingRow = await office
      .getByRole('row', { name: new RegExp(deferredTitle.replace(/[()]/g, '.')) })
      .innerText();

    // Act: the office writes the Votum: deferred, with its reasons
    const reasons = 'Der Einwand zur Verstetigung wird in der nächsten Sitzung beraten.';
    const written = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${deferred.id}/votum`, {
      criteria: [],
      justification: reasons,
    });

    // Act: every page of the journey, at both widths
    const anonymous = await newPage(browser);
    const applicantPage = await pageAs(browser, portal.url, applicant);
    const memberPage = await pageAs(browser, portal.url, member as Caller);
    const visited = [
      await visit(anonymous, '01-start', '/', heading(/.+/)),
      await visit(applicantPage, '02-my-sketches', '/meine-skizzen', (p) =>
        visible(p.getByRole('heading', { name: deferredTitle })),
      ),
      await visit(applicantPage, '03-editor', `/skizzen/${draft.id}/bearbeiten`, (p) =>
        visible(p.getByLabel('Organisation', { exact: true })),
      ),
      await visit(applicantPage, '04-review', `/skizzen/${draft.id}/pruefen`, (p) =>
        visible(p.getByRole('heading', { name: 'Anhänge' })),
      ),
      await visit(applicantPage, '05-sketch-deferred', `/skizzen/${deferred.id}`, (p) =>
        visible(p.getByText(reasons)),
      ),
      await visit(memberPage, '06-member-votes', '/abstimmungen', heading(/.+/)),
      await visit(memberPage, '07-member-vote', `/abstimmungen/${vote.body.id}`, (p) =>
        visible(p.getByRole('group', { name: /Ihre Stimme zu/ }).first()),
      ),
      listWaiting,
      await visit(office, '11-office-sketch', `/verwaltung/skizzen/${deferred.id}`, heading(deferredTitle)),
      await visit(office, '12-office-votum', `/verwaltung/skizzen/${deferred.id}/votum`, (p) =>
        visible(p.getByText(reasons)),
      ),
      await visit(office, '13-office-votes', '/verwaltung/abstimmungen', heading(/.+/)),
      await visit(office, '14-office-vote', `/verwaltung/abstimmungen/${vote.body.id}`, heading(/.+/)),
      await visit(office, '15-office-deadlines', '/verwaltung/fristen', heading('Fristen')),
      await visit(office, '16-office-budget', '/verwaltung/budget', heading(/.+/)),
    ];
    // The phone's first screen in the editor: the first field, not only the steps
    await applicantPage.setViewportSize(widths.phone);
    await applicantPage.goto(`${portal.url}/skizzen/${draft.id}/bearbeiten`);
    const firstField = applicantPage.getByLabel('Organisation', { exact: true });
    await visible(firstField);
    const fieldBox = await firstField.boundingBox();
    const steps = applicantPage.getByRole('navigation', { name: /Abschnitte|Schritte/ });
    const stepsLine = await steps.locator('summary').innerText();
    // The deferred sketch as the applicant and the office read it
    await applicantPage.setViewportSize(widths.desktop);
    await applicantPage.goto(`${portal.url}/meine-skizzen`);
    const card = applicantPage.getByRole('article', { name: deferredTitle });
    await visible(card);
    const cardText = await card.innerText();
    await applicantPage.goto(`${portal.url}/skizzen/${deferred.id}`);
    await visible(applicantPage.getByText(reasons));
    const sketchText = await applicantPage.locator('main').innerText();
    await office.setViewportSize(widths.desktop);
    await office.goto(`${portal.url}/verwaltung/skizzen/${deferred.id}/votum`);
    await visible(office.getByText(reasons));
    const votumText = await office.locator('main').innerText();

    // Assess: no page scrolls sideways on the phone, none has a violation or shows a code
    for (const page of visited) {
      expect(page.sideways, `${page.name} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
      expect(page.violations, page.name).toEqual([]);
      expect(page.codes, page.name).toEqual([]);
    }
    // the decided sketch waited for its Votum, not "in the vote"
    expect(decided.body.status).toBe('vote_closed');
    expect(waitingRow).toContain('Abgestimmt – Votum folgt');
    expect(waitingRow).not.toContain('In der Abstimmung');
    // the deferred Votum: the sketch says so and waits for its next round, with its file reference
    expect(written.status).toBe(200);
    expect(written.body.status).toBe('deferred');
    expect(written.body.reference).toMatch(/^FKB-LW-\d{4}-\d{3}$/);
    expect(cardText).toContain('Zurückgestellt');
    expect(cardText).not.toContain('Bereit zur Abstimmung');
    expect(sketchText).toContain('Zurückgestellt');
    expect(sketchText).toContain('erneut vorgelegt');
    expect(sketchText).not.toContain('NBank bei');
    // the Votum page shows the outcome and the deferred Votum, never "no result"
    expect(votumText).toContain('Keine Entscheidung');
    expect(votumText).toContain('Zurückgestellt');
    expect(votumText).not.toContain('liegt noch kein Ergebnis vor');
    // the phone's editor: the steps fold into one line, the first field is on the first screen
    expect(stepsLine).toMatch(/^Schritt 1 von 10/);
    expect((fieldBox?.y ?? Number.POSITIVE_INFINITY) + (fieldBox?.height ?? 0)).toBeLessThanOrEqual(
      widths.phone.height,
    );
    expect(pageErrors).toEqual([]);
  });
});
