import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDate, formatDate } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { demoAdmin, demoLocalAlliances, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, pageAs, pageErrors, visible } from '../support/e2e.ts';
import { pdf } from '../support/files.ts';
import type { InPage } from '../support/in-page.ts';
import { statementsBy } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { endorsedInMeeting, leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * After the Votum in Chromium against the whole local portal: an endorsed sketch (made through the
 * API: the local statements, acceptance, a meeting's decision, the Votum); by keyboard the applicant reports
 * an approval with a shorter runtime and the notice attached, the office reads the differences,
 * confirms after the budget check and agrees an interim report; the applicant hands in the final
 * report; the deadlines page lists what is due and makes a calendar address that works until it is
 * revoked; the office accepts the final report and the project is closed. axe-core on every page.
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

/** Focuses a control and presses a key on it, as a keyboard user does after tabbing there. */
async function press(page: Page, locator: ReturnType<Page['getByRole']>, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
}

/** Types into a control after focusing it; a date field takes its digits day, month, year. */
async function typeInto(page: Page, locator: ReturnType<Page['getByLabel']>, text: string) {
  await locator.focus();
  await page.keyboard.type(text);
}

/**
 * A native date field, filled as its value: headless Chromium orders its segments by the machine's
 * locale (mm/dd/yyyy here), not the page's, so typed German digits would land in the wrong ones.
 */
const fillDate = (locator: ReturnType<Page['getByLabel']>, iso: string) => locator.fill(iso);

const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('after the Votum', () => {
  it('reports and confirms the funding decision, agrees and hands in reports, lists the deadlines and closes the project', async () => {
    // Prepare: an endorsed sketch (36 months, 268.170,00 € ESF requested)
    const title = `Pflege nach dem Votum (${run})`;
    const applicant = await apiSignIn(portal, `antrag.${run}@bildungswerk-weserbergland.example.org`);
    const sketch = leineWeserSketch();
    sketch.project.title = title;
    const submitted = await submittedSketch(applicant, sketch);
    const { id } = submitted;
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const today = berlinDate(new Date());
    await statementsBy(await demoLocalAlliances(), (email) => apiSignIn(portal, email), submitted);
    expect((await admin.call('POST', `/api/admin/sketches/${id}/accept`, {})).status).toBe(200);
    const meeting = await endorsedInMeeting(admin, id, today);
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    const votum = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${id}/votum`, {
      decision: 'endorsed',
      criteria: [],
      justification: 'Das Projekt wirkt in allen drei Teilräumen und ist übertragbar.',
    });
    expect(votum.body.status).toBe('endorsed');
    const own = await pageAs(browser, portal.url, applicant);
    const office = await pageAs(browser, portal.url, admin);

    // Act: the applicant follows the mail's link and reports the approval by keyboard
    await own.goto(`${portal.url}/skizzen/${id}/foerderung`);
    const form = own.getByRole('form', { name: 'Förderentscheidung der NBank melden' });
    await visible(form);
    await own.waitForFunction(
      () => (globalThis as unknown as InPage).document.activeElement?.id === 'followup-heading',
    );
    expect(await axeViolations(own)).toEqual([]);
    await form.getByLabel('Datei hinzufügen – Förderbescheid (Kopie)').setInputFiles({
      name: 'Zuwendungsbescheid.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf(512)),
    });
    const chosen = form.getByLabel('Welche Datei ist der Bescheid?');
    await visible(chosen);
    expect(await chosen.locator('option:checked').textContent()).toBe('Zuwendungsbescheid.pdf');
    // The page reloaded before reporting: the uploaded Bescheid is still the one chosen
    await own.reload();
    await visible(chosen);
    await expect
      .poll(() => chosen.locator('option:checked').textContent(), { timeout: 10_000 })
      .toBe('Zuwendungsbescheid.pdf');
    await press(own, form.getByLabel('Bewilligt', { exact: true }), 'Space');
    await typeInto(own, form.getByLabel('Bewilligte ESF-Mittel in Euro'), '200.000,00');
    await fillDate(form.getByLabel('Beginn der bewilligten Laufzeit'), '2027-01-01');
    await fillDate(form.getByLabel('Ende der bewilligten Laufzeit'), '2028-06-30');
    await press(own, form.getByRole('button', { name: 'Förderentscheidung melden' }));

    // Assess: announced; the differences from the sketch; waiting for the office
    await visible(own.getByText('Die Förderentscheidung ist gemeldet.', { exact: false }));
    const section = own.getByRole('region', { name: 'Förderung und Berichte' });
    expect(plain(await section.textContent())).toContain(
      'Laufzeit: 01.01.2027–30.06.2028 (18 Monate) bewilligt, 01.01.2026–31.12.2028 (36 Monate) beantragt (18 Monate kürzer).',
    );
    expect(plain(await section.textContent())).toContain('68.170,00 € weniger');
    // the ESF funding rate: approved and requested, of the sketch's total cost
    expect(plain(await section.textContent())).toMatch(
      /ESF-Förderquote\s*52,2\d?\s%\sder Gesamtkosten laut Skizze \(beantragt: 70\s%\)/,
    );
    await visible(section.getByText('Gemeldet, wartet auf die Bestätigung durch die Koordinierungsstelle.'));
    await visible(section.getByRole('link', { name: 'Zuwendungsbescheid.pdf herunterladen' }));
    expect(await axeViolations(own)).toEqual([]);

    // Act: the office opens the follow-up, reads the differences and confirms by keyboard
    await office.goto(`${portal.url}/verwaltung/skizzen/${id}/foerderung`);
    const confirm = office.getByRole('button', { name: 'Bestätigen', exact: true });
    await visible(confirm);
    await visible(office.getByText('Das Budget reicht', { exact: false }));
    const differences = office.getByRole('table', { name: 'Beantragt und bewilligt im Vergleich' });
    expect(plain(await differences.getByRole('row', { name: /^Laufzeit/ }).textContent())).toContain(
      '18 Monate kürzer',
    );
    expect(await axeViolations(office)).toEqual([]);
    await press(office, confirm);

    // Assess: it runs; the final report follows the approved end, a month later
    await visible(
      office.getByText('Die Förderentscheidung ist bestätigt; das Projekt läuft.', { exact: false }),
    );
    const finalCard = office.getByRole('article', { name: 'Abschlussbericht' });
    await visible(finalCard);
    expect(await finalCard.textContent()).toContain('30.07.2028');
    await visible(
      office.getByText('Das Projekt endet am 30.06.2028; der Abschlussbericht ist am 30.07.2028 fällig.'),
    );

    // Act: the office agrees an interim report due in two weeks
    const interimDue = addDays(today, 14);
    await fillDate(office.getByLabel('Fällig am', { exact: true }), interimDue);
    await typeInto(
      office,
      office.getByLabel('Bezeichnung (freiwillig)'),
      'Zwischenbericht zum Praxistransfer',
    );
    await press(office, office.getByRole('button', { name: 'Zwischenbericht anlegen' }));

    // Assess
    await visible(office.getByRole('article', { name: 'Zwischenbericht zum Praxistransfer' }));
    await visible(
      office.getByText(
        `„Zwischenbericht zum Praxistransfer“ ist angelegt, fällig am ${formatDate(interimDue)}.`,
        { exact: false },
      ),
    );
    expect(await axeViolations(office)).toEqual([]);

    // Act: the applicant opens the final report's form and hands in the short form by keyboard
    await own.goto(`${portal.url}/skizzen/${id}`);
    await press(own, own.getByRole('button', { name: 'Abschlussbericht einreichen' }));
    const report = own.getByRole('form', { name: 'Abschlussbericht einreichen' });
    await typeInto(
      own,
      report.getByLabel('Verlauf des Projekts'),
      'Das Projekt verlief wie geplant; alle drei Teilräume waren beteiligt.',
    );
    await typeInto(own, report.getByLabel('Erreicht: Anzahl begonnener Ausbildungen (Ziel: 60)'), '64');
    await typeInto(
      own,
      report.getByLabel('Verstetigung und Nutzung der Ergebnisse'),
      'Die Pflegeschulen übernehmen das Coaching-Konzept in ihr Regelangebot.',
    );
    await typeInto(own, report.getByLabel('Ausgegebene ESF-Mittel in Euro'), '194.500');
    expect(await axeViolations(own)).toEqual([]);
    await press(own, report.getByRole('button', { name: 'Abschlussbericht einreichen' }));

    // Assess
    await visible(own.getByText('Abschlussbericht ist eingereicht.', { exact: false }));
    const handedIn = own.getByRole('article', { name: 'Abschlussbericht' });
    expect(await handedIn.textContent()).toContain('eingereicht, wird von der Koordinierungsstelle geprüft');

    // Act: the deadlines page
    await office.goto(`${portal.url}/verwaltung/fristen`);
    // Every future deadline by default, not only the next weeks
    const upcoming = office.getByRole('table', { name: 'Alle künftigen Fristen, nächste zuerst' });
    await visible(upcoming);

    // Assess: the interim report, who waits on whom, the link to the project; the nav marks the page
    const rows = upcoming.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) });
    const row = rows.first();
    // the final report, due in 2028, is listed too (the overview no longer stops after weeks)
    expect(await rows.count()).toBe(2);
    expect(plain(await rows.nth(1).textContent())).toContain('30.07.2028');
    expect(plain(await row.textContent())).toContain(formatDate(interimDue));
    expect(await row.textContent()).toContain('in 14 Tagen');
    expect(await row.textContent()).toContain(
      'Amt für regionale Landesentwicklung Leine-Weser wartet auf Bildungswerk Weserbergland e. V.: Zwischenbericht zum Praxistransfer einreichen',
    );
    expect(await row.getByRole('link', { name: title }).getAttribute('href')).toBe(
      `/verwaltung/skizzen/${id}/foerderung`,
    );
    expect(
      await office.getByRole('link', { name: 'Fristen', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await axeViolations(office)).toEqual([]);

    // Act: make a calendar address; it answers with the deadlines; revoke it
    await press(office, office.getByRole('button', { name: 'Kalender-Adresse anlegen' }));
    const address = office.getByLabel('Ihre Kalender-Adresse zum Abonnieren');
    await office.waitForFunction(
      () => (globalThis as unknown as InPage).document.activeElement?.id === 'calendar-url',
    );
    const url = await address.inputValue();
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, portal.url));
    // Long lines are folded (RFC 5545); unfolded, each property is one line again.
    const ics = (await feed.text()).replace(/\r?\n[ \t]/g, '');
    expect(await axeViolations(office)).toEqual([]);
    await press(office, office.getByRole('button', { name: 'Kalender-Adresse widerrufen' }));
    await press(office, office.getByRole('button', { name: 'Ja, widerrufen' }));
    await visible(office.getByText('Die Kalender-Adresse ist widerrufen', { exact: false }));

    // Assess
    expect(url).toMatch(/\/api\/calendar\/[\w-]{43}\/fristen\.ics$/);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(ics).toContain(`SUMMARY:Zwischenbericht zum Praxistransfer: ${title}`);
    expect((await fetch(url.replace(/^https?:\/\/[^/]+/, portal.url))).status).toBe(404);

    // Act: the office reads the final report and accepts it
    await office.goto(`${portal.url}/verwaltung/skizzen/${id}/foerderung`);
    const toReview = office.getByRole('article', { name: 'Abschlussbericht' });
    await visible(toReview.getByRole('form', { name: 'Abschlussbericht prüfen' }));
    expect(plain(await toReview.textContent())).toContain('194.500,00 €');
    expect(await toReview.getByRole('table', { name: 'Ergebnisse und Indikatoren' }).textContent()).toContain(
      '64',
    );
    expect(await axeViolations(office)).toEqual([]);
    await press(office, toReview.getByRole('button', { name: 'Annehmen – Abschlussbericht' }));

    // Assess: closed; the interim report is no longer expected
    await visible(
      office.getByText('Der Abschlussbericht ist angenommen; das Projekt ist abgeschlossen.', {
        exact: false,
      }),
    );
    await visible(
      office.getByText('Das Projekt ist abgeschlossen: Der Abschlussbericht wurde am', { exact: false }),
    );
    expect(
      await office.getByRole('article', { name: 'Zwischenbericht zum Praxistransfer' }).textContent(),
    ).toContain('nicht mehr erforderlich');
    expect((await admin.call<SketchDoc>('GET', `/api/sketches/${id}`)).body.status).toBe('closed');
    expect(await axeViolations(office)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
