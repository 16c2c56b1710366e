import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDate } from '../../functions/core/dates.ts';
import { type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  axeViolations,
  newMail,
  newPage,
  pageErrors,
  pathOf,
  seenMails,
  signIn,
  visible,
  watch,
} from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
import { leineWeserFormSteps } from '../support/sketches.ts';

/*
 * The applicant's sketch form in Chromium against the whole local portal (Leine-Weser): a
 * realistic sketch over three sub-regions and 36 months typed in by keyboard, the tab closed
 * halfway and the draft resumed from the mailed link, each of the profile's rules broken once and
 * seen beside its field and in the summary, then fixed, reviewed, submitted and confirmed by mail;
 * a second tab's save shown as a conflict, never overwritten. axe-core checks every step.
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

const field = (page: Page, id: string) => page.locator(`#${id}`);

/** Types into a field by keyboard and leaves it with Tab, as a person does. */
async function type(page: Page, id: string, text: string): Promise<void> {
  const input = field(page, id);
  await input.focus();
  await input.fill('');
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Tab');
}

/** Long texts: filled at once (the same input events), then left with Tab. */
async function write(page: Page, id: string, text: string): Promise<void> {
  await field(page, id).fill(text);
  await field(page, id).press('Tab');
}

async function toggle(page: Page, id: string): Promise<void> {
  await field(page, id).focus();
  await page.keyboard.press('Space');
}

/** Waits until the element with this id has the focus (focus moves after the page renders). */
async function focused(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => (globalThis as unknown as InPage).document.activeElement?.id === wanted,
    id,
    { timeout: 5_000 },
  );
}

async function step(page: Page, heading: string): Promise<void> {
  await visible(page.getByRole('heading', { level: 2, name: heading, exact: true }));
  expect(await axeViolations(page), `axe on step ${heading}`).toEqual([]);
}

async function next(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: /^Weiter/ }).press('Enter');
  await step(page, heading);
  await focused(page, 'section-heading');
}

/** The error shows beside its field and, as a link to it, in the summary at the top. */
async function expectError(page: Page, id: string, message: RegExp): Promise<void> {
  await visible(page.locator(`#${id}-error`).filter({ hasText: message }));
  const summary = page.getByRole('region', { name: /Bitte prüfen Sie/ });
  const link = summary.getByRole('link', { name: message });
  await visible(link);
  expect(await link.getAttribute('href')).toBe(`#${id}`);
  expect(await axeViolations(page)).toEqual([]);
}

async function expectNoError(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}-error`).waitFor({ state: 'detached', timeout: 5_000 });
}

async function saved(page: Page): Promise<void> {
  await visible(page.locator('#save-status').filter({ hasText: /^Gespeichert um \d{2}:\d{2} Uhr$/ }));
}

async function serverDraft(page: Page, id: string): Promise<Record<string, Record<string, unknown>>> {
  const response = await page.request.get(`${portal.url}/api/sketches/${id}`);
  return ((await response.json()) as { draft: Record<string, Record<string, unknown>> }).draft;
}

/** The stored draft, read with the session of the browser's first context. */
let cookieHeader = '';
async function draftOf(id: string): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(`${portal.url}/api/sketches/${id}`, { headers: { cookie: cookieHeader } });
  return ((await response.json()) as { draft: Record<string, Record<string, unknown>> }).draft;
}

/** Signs in, creates a sketch on /skizzen/neu and lands in its form. */
async function startSketch(email: string): Promise<{ page: Page; id: string }> {
  const page = await newPage(browser);
  await signIn(page, portal.url, portal.mailboxUrl, email);
  await page.goto(`${portal.url}/skizzen/neu`);
  await visible(page.getByRole('heading', { level: 1, name: 'Neue Projektskizze' }));
  expect(await axeViolations(page)).toEqual([]);
  // The privacy notice is acknowledged before the draft is first saved.
  await page.getByLabel('Ich habe die Datenschutzhinweise gelesen.').check();
  await page.getByRole('button', { name: 'Projektskizze anlegen' }).press('Enter');
  await page.waitForURL((url) => url.pathname.endsWith('/bearbeiten'), { timeout: 10_000 });
  await step(page, '1. Antragsteller');
  cookieHeader = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  return { page, id: pathOf(page).split('/')[2] ?? '' };
}

const costPlan = [
  { category: 'personnel', description: 'Projektleitung und Coaching (1,5 VZÄ)', amount: '98.000,00' },
  { category: 'material', description: 'Lernmaterial und Lizenzen', amount: '4.500' },
  { category: 'flat_rate', description: 'Restkostenpauschale 15 % der Personalkosten', amount: '14.700,00' },
];

describe('the sketch form in the browser', () => {
  it('an applicant types a sketch, resumes it from the mail, breaks each rule once, fixes it, reviews and submits', async () => {
    // Prepare
    const applicant = applicantAddress('a.hartmann');
    const title = `Pflege gewinnen in Leine-Weser – Quereinstieg mit Begleitung (${run})`;
    const before = await seenMails(portal.mailboxUrl);
    const { page, id } = await startSketch(applicant);
    // Assess: "Neue Skizze" sent the new draft's open steps (its checks loaded while the notice was
    // read), which the form's step list shows on a later visit before its own checks load
    const started = await fetch(`${portal.url}/api/sketches/${id}`, { headers: { cookie: cookieHeader } });
    expect(((await started.json()) as { openSteps?: string[] }).openSteps).toEqual(leineWeserFormSteps);

    // Act: section 1, by keyboard
    expect(await field(page, 'f-applicant-contactEmail').inputValue()).toBe(applicant);
    await type(page, 'f-applicant-organisation', 'Bildungswerk Weserbergland e. V.');
    await type(page, 'f-applicant-legalForm', 'eingetragener Verein');
    await type(page, 'f-applicant-street', 'Deisterallee 12');
    await type(page, 'f-applicant-postalCode', '3178');
    // Assess: the error appears beside the field once it was left, with a link in the summary
    await expectError(page, 'f-applicant-postalCode', /Postleitzahl: Bitte fünf Ziffern eingeben/);
    await page.getByRole('link', { name: /Postleitzahl/ }).press('Enter');
    await focused(page, 'f-applicant-postalCode');
    await type(page, 'f-applicant-postalCode', '31785');
    await expectNoError(page, 'f-applicant-postalCode');
    await type(page, 'f-applicant-city', 'Hameln');
    await type(page, 'f-applicant-contactName', 'Anna Hartmann');
    await type(page, 'f-applicant-contactRole', 'Projektleitung');
    await type(page, 'f-applicant-contactPhone', '05151 123456');
    await page.getByRole('button', { name: 'Partner hinzufügen' }).press('Enter');
    await focused(page, 'f-applicant-partners-0-name');
    await page.keyboard.type('Pflegeschule Hildesheim gGmbH');
    await type(page, 'f-applicant-partners-0-role', 'Praxispartner');
    await saved(page);
    expect(await page.locator('.section-nav [aria-current="step"]').textContent()).toContain('Antragsteller');
    await visible(page.locator('.section-nav__item--done').filter({ hasText: 'Antragsteller' }));

    // Act: section 2
    await next(page, '2. Projekt');
    await type(page, 'f-project-title', title);
    await visible(page.locator('#f-project-title-counter').getByText(`${title.length} von 150 Zeichen`));
    await write(
      page,
      'f-project-summary',
      'Das Projekt gewinnt Quereinsteigerinnen und Quereinsteiger für die Pflege und begleitet sie von der Orientierung bis in die Ausbildung, in allen drei Teilräumen.',
    );
    await write(
      page,
      'f-project-situation',
      'In der Region fehlen Pflegefachkräfte; Betriebe in ländlichen Landkreisen finden kaum Auszubildende, Berufsrückkehrerinnen wagen den Einstieg ohne Begleitung nicht.',
    );
    await write(page, 'f-project-goals', '120 Personen beraten, 60 in eine Pflegeausbildung vermitteln.');
    await write(page, 'f-project-targetGroups', 'Berufsrückkehrerinnen und Alleinerziehende');
    await page.getByRole('button', { name: 'Arbeitspaket hinzufügen' }).press('Enter');
    await focused(page, 'f-project-activities-0-title');
    await page.keyboard.type('Beratung und Coaching');
    await write(page, 'f-project-activities-0-description', 'Einzel- und Gruppencoaching in den Teilräumen.');
    await type(page, 'f-project-activities-0-startMonth', '1');
    await type(page, 'f-project-activities-0-endMonth', '36');
    await page.getByRole('button', { name: 'Ergebnis hinzufügen' }).press('Enter');
    await page.keyboard.type('Vermittlungen in Ausbildung');
    await type(page, 'f-project-results-0-indicator', 'Begonnene Ausbildungen');
    await type(page, 'f-project-results-0-target', '60');

    // Act: section 3 – no priority is a mistake
    await next(page, '3. Strategie');
    await toggle(page, 'f-strategy-priority-i');
    await toggle(page, 'f-strategy-priority-i');
    await expectError(page, 'f-strategy-priorities', /Bitte mindestens einen Handlungsschwerpunkt wählen/);
    await toggle(page, 'f-strategy-priority-i');
    await expectNoError(page, 'f-strategy-priorities');
    await toggle(page, 'f-strategy-goal-i-6');
    await toggle(page, 'f-strategy-priority-iii');
    await toggle(page, 'f-strategy-goal-iii-4');
    await toggle(page, 'f-strategy-theme-digitalisierung');

    // Act: section 4 – three sub-regions whose shares do not add up
    await next(page, '4. Räumliche Wirkung');
    await toggle(page, 'f-space-region-region-hannover');
    await toggle(page, 'f-space-region-hildesheim');
    await toggle(page, 'f-space-region-weserbergland-plus');
    await type(page, 'f-space-share-region-hannover', '40');
    await type(page, 'f-space-share-hildesheim', '25');
    await type(page, 'f-space-share-weserbergland-plus', '30');
    await expectError(page, 'f-space-subRegions', /Die Anteile der Teilräume ergeben 95\s%, nicht 100\s%/);
    await type(page, 'f-space-share-weserbergland-plus', '35');
    await expectNoError(page, 'f-space-subRegions');
    // (single-district regions are chosen with their region)
    expect(await field(page, 'f-space-district-region-hannover').isChecked()).toBe(true);
    await toggle(page, 'f-space-district-landkreis-hameln-pyrmont');
    await write(
      page,
      'f-space-rationale',
      'Der Bedarf an Pflegekräften ist in allen drei Teilräumen hoch; die Beratung findet vor Ort statt.',
    );

    // Act: section 5, then the tab closes before the pause that would save it
    await next(page, '5. Verstetigung');
    const continuation = 'Die Pflegeschulen übernehmen das Coaching-Konzept in ihre Regelangebote.';
    await field(page, 'f-continuation-continuation').fill(continuation);
    await page.close({ runBeforeUnload: true });

    // Assess: the draft kept what was typed last (saved as the tab closed), the resume link came by mail
    const until = Date.now() + 5_000;
    while ((await draftOf(id)).continuation?.continuation !== continuation && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await draftOf(id)).continuation?.continuation).toBe(continuation);
    const mail = await newMail(portal.mailboxUrl, applicant, before, (m) =>
      m.subject.startsWith('Ihr Entwurf einer Projektskizze'),
    );
    const link = /(https?:\/\/\S+\/bearbeiten)/.exec(mail.body.text ?? '')?.[1];
    expect(link).toBe(`${portal.url}/skizzen/${id}/bearbeiten`);
    const resumed = watch(await page.context().newPage());
    // The session answers after the first render has stopped waiting (a cold start): the form
    // mounts only then, and still takes the sketch its page asked for early instead of asking again
    await resumed.route('**/api/auth/me', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    const sketchRequests: string[] = [];
    const scripts: string[] = [];
    resumed.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'GET' && path === `/api/sketches/${id}`)
        sketchRequests.push(request.resourceType());
      if (request.resourceType() === 'script') scripts.push(path);
    });
    await resumed.goto(link ?? '');
    await step(resumed, '5. Verstetigung');
    expect(await field(resumed, 'f-continuation-continuation').inputValue()).toBe(continuation);
    // Assess: the sketch was asked for once, by the preload its page's answer names (a Link header,
    // infra/page-preload.ts) before any script has run (a fetch of its own would be a second request,
    // or a later one of type fetch)
    expect(sketchRequests).toEqual(['other']);
    // Assess: the step list says where the applicant stands (as get-sketch answered it) while the
    // form's checks have not loaded: they wait for the page's first use
    await resumed.waitForLoadState('networkidle');
    expect(await resumed.locator('.section-nav__item--done').count()).toBe(4);
    expect(await resumed.locator('.section-nav__item--open').count()).toBe(5);
    expect(scripts.filter((path) => path.includes('sketch-check'))).toEqual([]);

    // Act: finish section 5
    await write(
      resumed,
      'f-continuation-modelCharacter',
      'Das Konzept ist auf andere Engpassberufe und Bündnisse übertragbar.',
    );

    // Act: section 6 – one month too long, then 36 months
    await next(resumed, '6. Laufzeit');
    await write(resumed, 'f-runtime-start', '2026-01-01');
    await write(resumed, 'f-runtime-end', '2029-01-31');
    await expectError(resumed, 'f-runtime-end', /Die Laufzeit beträgt 37 Monate; erlaubt sind höchstens 36/);
    await write(resumed, 'f-runtime-end', '2028-12-31');
    await expectNoError(resumed, 'f-runtime-end');
    await visible(resumed.getByText('Laufzeit: 36 Monate'));

    // Act: section 7 – a cost plan over three years, typed row by row
    await next(resumed, '7. Kosten- und Finanzierungsplan');
    let row = 0;
    for (const year of ['2026', '2027', '2028']) {
      for (const line of costPlan) {
        await resumed.getByRole('button', { name: 'Kostenzeile hinzufügen' }).press('Enter');
        await focused(resumed, `f-finance-costs-${row}-category`);
        await field(resumed, `f-finance-costs-${row}-category`).selectOption(line.category);
        await type(resumed, `f-finance-costs-${row}-description`, line.description);
        await field(resumed, `f-finance-costs-${row}-year`).selectOption(year);
        await type(resumed, `f-finance-costs-${row}-amountCents`, line.amount);
        row++;
      }
    }
    // Assess: live sums, and amounts tidied to German format on leaving
    expect(await field(resumed, 'f-finance-costs-1-amountCents').inputValue()).toBe('4.500,00');
    expect(await field(resumed, 'f-finance-total').textContent()).toBe('351.600,00\u00a0€');
    await visible(
      resumed.getByRole('table', { name: 'Summe nach Jahr' }).getByText('117.200,00\u00a0€').first(),
    );
    // The cost lines read as a table (its rows are laid out as grids): a header row, one row per
    // line with its number as row header, and the total.
    const costTable = resumed.getByRole('table', { name: /^Kostenzeilen/ });
    expect(await costTable.getByRole('row').count()).toBe(row + 2);
    expect(await costTable.getByRole('columnheader', { name: 'Beschreibung der Kosten' }).count()).toBe(1);
    expect(await costTable.getByRole('rowheader', { name: String(row) }).count()).toBe(1);

    // Act: a cost year outside the runtime
    await field(resumed, 'f-finance-costs-2-year').selectOption('2025');
    await expectError(resumed, 'f-finance-costs-2-year', /2025 liegt nicht in der Laufzeit \(2026–2028\)/);
    await field(resumed, 'f-finance-costs-2-year').selectOption('2026');
    await expectNoError(resumed, 'f-finance-costs-2-year');

    // Act: financing that does not cover the costs
    await type(resumed, 'f-finance-esfCents', '246.120,00');
    await type(resumed, 'f-finance-ownCents', '75.480,00');
    await expectError(resumed, 'f-finance-esfCents', /es fehlen 30\.000,00\s€/);
    await resumed.getByRole('button', { name: 'Drittmittel hinzufügen' }).press('Enter');
    await focused(resumed, 'f-finance-thirdParty-0-source');
    await resumed.keyboard.type('Stiftung Pflege Niedersachsen');
    await type(resumed, 'f-finance-thirdParty-0-amountCents', '30.000');
    await expectNoError(resumed, 'f-finance-esfCents');

    // Act: a line that lifts the total over the cap, and (Leine-Weser asks only then, chapter 5) the
    // ESF above what costs at the cap could get, without a justification
    await resumed.getByRole('button', { name: 'Kostenzeile hinzufügen' }).press('Enter');
    await field(resumed, 'f-finance-costs-9-category').selectOption('services');
    await type(resumed, 'f-finance-costs-9-description', 'Externe Evaluation');
    await type(resumed, 'f-finance-costs-9-amountCents', '200.000');
    await expectNoError(resumed, 'f-finance-capJustification');
    await type(resumed, 'f-finance-esfCents', '520.000,00');
    await expectError(
      resumed,
      'f-finance-capJustification',
      /Die Gesamtkosten \(551\.600,00\s€\) liegen über 500\.000,00\s€, und die beantragte Förderung übersteigt/,
    );
    // Act: remove the line again by keyboard; focus goes to the row before
    await resumed.getByRole('button', { name: 'Entfernen: Kostenzeile 10', exact: true }).press('Enter');
    await focused(resumed, 'f-finance-costs-8-category');
    await expectNoError(resumed, 'f-finance-capJustification');
    await type(resumed, 'f-finance-esfCents', '246.120,00');
    await expectNoError(resumed, 'f-finance-esfCents');
    await saved(resumed);

    // Act: section 8 – a presentation date in the future
    await next(resumed, '8. Lokale Allianz');
    await field(resumed, 'f-localAlliance-subRegionId').selectOption('weserbergland-plus');
    const tomorrow = addDays(berlinDate(new Date()), 1);
    await write(resumed, 'f-localAlliance-presentedOn', tomorrow);
    await expectError(resumed, 'f-localAlliance-presentedOn', /Das Datum liegt in der Zukunft/);
    await write(resumed, 'f-localAlliance-presentedOn', '2025-10-15');
    await expectNoError(resumed, 'f-localAlliance-presentedOn');
    await write(
      resumed,
      'f-localAlliance-statement',
      'Die lokale Allianz unterstützt das Projekt einstimmig.',
    );

    // Act: section 9, then the review
    await next(resumed, '9. Erklärungen');
    await toggle(resumed, 'f-declarations-privacy');
    await toggle(resumed, 'f-declarations-truthful');
    await resumed.getByRole('button', { name: 'Weiter zur Prüfung' }).press('Enter');
    await resumed.waitForURL((url) => url.pathname === `/skizzen/${id}/pruefen`, { timeout: 10_000 });

    // Assess: the review shows the whole sketch, complete, in German formats
    await visible(resumed.getByRole('heading', { level: 1, name: 'Prüfen und einreichen' }));
    await visible(resumed.getByText('Ihre Skizze ist vollständig.'));
    expect(await resumed.locator('.section-nav__item--done').count()).toBe(9);
    const view = resumed.locator('.sketch-view');
    await visible(view.getByText('Region Hannover: 40\u00a0%'));
    await visible(view.getByText('31.12.2028'));
    await visible(view.getByText('Fachkräfte-Initiative Weserbergland+'));
    await visible(view.getByText('246.120,00\u00a0€'));
    await visible(view.getByText('I: Gezielte Gewinnung von Fachkräften', { exact: false }));
    expect(await axeViolations(resumed)).toEqual([]);

    // Act: submit
    await resumed.getByRole('button', { name: 'Projektskizze einreichen' }).press('Enter');
    await resumed.waitForURL((url) => url.pathname === `/skizzen/${id}`, { timeout: 10_000 });

    // Assess: the confirmation page and mail
    await visible(resumed.getByText('Ihre Projektskizze ist eingegangen.'));
    await visible(resumed.getByRole('heading', { level: 1, name: title }));
    await visible(resumed.locator('dl.details').first().getByText('Eingereicht', { exact: true }));
    expect(await resumed.getByRole('link', { name: 'Skizze bearbeiten' }).count()).toBe(0);
    expect(await axeViolations(resumed)).toEqual([]);
    const confirmation = await newMail(portal.mailboxUrl, applicant, before, (m) =>
      m.subject.startsWith('Projektskizze eingereicht'),
    );
    expect(confirmation.subject).toContain(title);

    // Act: the print view
    await resumed.getByRole('link', { name: 'Druckansicht' }).press('Enter');
    await resumed.waitForURL((url) => url.pathname === `/skizzen/${id}/druck`, { timeout: 10_000 });
    await visible(resumed.getByRole('heading', { level: 2, name: '7. Kosten- und Finanzierungsplan' }));
    expect(await axeViolations(resumed)).toEqual([]);
    await resumed.emulateMedia({ media: 'print' });

    // Assess: on paper no navigation, buttons or footer; each section on a page of its own
    expect(await resumed.locator('.site-header').isVisible()).toBe(false);
    expect(await resumed.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(false);
    expect(
      await resumed
        .locator('.sketch-view__section')
        .nth(1)
        .evaluate((el) => (globalThis as unknown as InPage).getComputedStyle(el).breakBefore),
    ).toBe('page');

    // Assess: the edit page of a submitted sketch says so
    await resumed.emulateMedia({ media: 'screen' });
    await resumed.goto(`${portal.url}/skizzen/${id}/bearbeiten`);
    await visible(resumed.getByText('Eine eingereichte Skizze kann nicht mehr bearbeitet werden.'));
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the review lists every missing field, each link leads to the field, and a save from a second tab is shown, not overwritten', async () => {
    // Prepare
    const { page, id } = await startSketch(applicantAddress('zwei.tabs'));
    await type(page, 'f-applicant-organisation', 'Handwerkskammer Hildesheim-Südniedersachsen');
    await saved(page);
    const second = watch(await page.context().newPage());
    await second.goto(`${portal.url}/skizzen/${id}/bearbeiten?abschnitt=antragsteller`);
    await step(second, '1. Antragsteller');

    // Act: the second tab saves first, then the first tab saves on top of an old version
    await type(second, 'f-applicant-legalForm', 'Körperschaft des öffentlichen Rechts');
    await saved(second);
    await type(page, 'f-applicant-city', 'Hildesheim');

    // Assess: a German notice with the two choices; the server still has the second tab's content
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'Die Skizze wurde in einem anderen Fenster geändert' });
    await visible(notice);
    expect(await axeViolations(page)).toEqual([]);
    let stored = await serverDraft(page, id);
    expect(stored.applicant?.legalForm).toBe('Körperschaft des öffentlichen Rechts');
    expect(stored.applicant?.city ?? '').toBe('');

    // Act: keep this tab's content
    await notice
      .getByRole('button', { name: 'Meine Fassung behalten und die andere überschreiben' })
      .press('Enter');
    await saved(page);

    // Assess
    stored = await serverDraft(page, id);
    expect(stored.applicant?.city).toBe('Hildesheim');
    expect(stored.applicant?.legalForm).toBe('');

    // Act: the second tab types again, meets the conflict and loads the other version
    await type(second, 'f-applicant-street', 'Braunschweiger Straße 53');
    const secondNotice = second.getByRole('alert').filter({ hasText: 'in einem anderen Fenster geändert' });
    await visible(secondNotice);
    await secondNotice.getByRole('button', { name: /Die andere Fassung laden/ }).press('Enter');

    // Assess
    await secondNotice.waitFor({ state: 'detached' });
    expect(await field(second, 'f-applicant-city').inputValue()).toBe('Hildesheim');
    expect(await field(second, 'f-applicant-street').inputValue()).toBe('');
    await second.close();

    // Act: go to the review with most of the sketch missing
    await page.getByRole('link', { name: 'Prüfen und einreichen' }).press('Enter');
    await page.waitForURL((url) => url.pathname === `/skizzen/${id}/pruefen`, { timeout: 10_000 });

    // Assess: every missing field listed, linked to its field in its section
    const summary = page.getByRole('region', { name: /Ihre Skizze ist noch nicht vollständig/ });
    await visible(summary);
    expect(await axeViolations(page)).toEqual([]);
    const links = summary.getByRole('link');
    expect(await links.count()).toBeGreaterThan(20);
    expect(
      await summary
        .getByRole('link', { name: /Kostenplan: Bitte mindestens eine Kostenzeile/ })
        .getAttribute('href'),
    ).toBe(`/skizzen/${id}/bearbeiten?abschnitt=kosten#f-finance-costs`);

    // Act: submit anyway, then follow the link to the cost plan
    await page.getByRole('button', { name: 'Projektskizze einreichen' }).press('Enter');
    await visible(page.getByRole('alert').filter({ hasText: /noch nicht vollständig/ }));
    await summary
      .or(page.getByRole('alert'))
      .getByRole('link', { name: /Kostenplan: Bitte mindestens/ })
      .press('Enter');

    // Assess: the form opens at the cost plan with focus in it, every error shown
    await page.waitForURL((url) => url.searchParams.get('abschnitt') === 'kosten', { timeout: 10_000 });
    await visible(page.getByRole('heading', { level: 2, name: '7. Kosten- und Finanzierungsplan' }));
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.activeElement?.id === 'f-finance-costs-add',
      null,
      { timeout: 5_000 },
    );
    await visible(page.locator('#f-finance-esfCents-error'));
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
