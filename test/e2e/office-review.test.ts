import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabel } from '../../functions/core/sketch-diff.ts';
import type { Sketch } from '../../functions/core/sketch-full.ts';
import { demoAdmin, demoLocalAlliances, type Portal, startPortal } from '../../infra/local/portal.ts';
import { launchBrowser } from '../support/browser.ts';
import { apiSignIn, axeViolations, newMail, pageAs, pageErrors, pathOf, seenMails } from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, saveDraftAs, submitAs, submittedSketch } from '../support/sketches.ts';

/*
 * The office's completeness check and the applicant's status page in a real browser against the
 * whole local portal. Sketches are prepared through the HTTP API; the office works by keyboard
 * only: filter the list, open a sketch, see the local alliances' statements come in, return it with a note, read the
 * differences of the resubmission, accept it, withdraw another. axe-core checks every page.
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

const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });

/** What has the keyboard focus: its accessible text, enough to tell the controls apart. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = (globalThis as unknown as InPage).document.activeElement;
    return element?.id || element?.textContent?.trim() || element?.tagName || '';
  });

const waitForFocus = (page: Page, selector: string) =>
  page.waitForFunction(
    (s) => (globalThis as unknown as InPage).document.activeElement?.matches(s) === true,
    selector,
    { timeout: 5_000 },
  );

/** A second, valid sketch: Landkreis Hildesheim only, priority II, its own local alliance. */
function hildesheimSketch(title: string): Sketch {
  const sketch = leineWeserSketch();
  sketch.project.title = title;
  sketch.space.subRegions = [{ id: 'hildesheim', shareBp: 10_000 }];
  sketch.space.districts = ['Landkreis Hildesheim'];
  sketch.strategy.priorities = [
    { id: 'II', goals: ['Einführung neuer Lernformate zur Sicherung einer umfassenden Bildungsversorgung'] },
  ];
  sketch.localAlliance.subRegionId = 'hildesheim';
  return sketch;
}

function titled(title: string): Sketch {
  const sketch = leineWeserSketch();
  sketch.project.title = title;
  return sketch;
}

describe('the office checks sketches; the applicant follows them on the status page', () => {
  it('filters, waits for the local statements, returns with a note, sees the resubmitted changes and accepts', async () => {
    // Prepare: an applicant with two submitted sketches that the filters tell apart
    const applicantEmail = `antrag.${run}@bildungswerk-weserbergland.example.org`;
    const applicant = await apiSignIn(portal, applicantEmail);
    const careTitle = `Pflege: Quereinstieg mit Begleitung (${run})`;
    const schoolTitle = `Digitale Lernorte für Berufsschulen in Hildesheim (${run})`;
    const care = await submittedSketch(applicant, titled(careTitle));
    await submittedSketch(applicant, hildesheimSketch(schoolTitle));
    const office = await pageAs(
      browser,
      portal.url,
      await passSecondFactor(await apiSignIn(portal, demoAdmin.email)),
    );

    // Act: the list, unfiltered
    await office.goto(`${portal.url}/verwaltung`);
    const table = office.getByRole('table', { name: /Eingereichte Projektskizzen/ });
    await visible(table.getByRole('row').filter({ hasText: careTitle }));

    // Assess: both listed, with their facts in German formats; no accessibility violations
    await visible(table.getByRole('row').filter({ hasText: schoolTitle }));
    const careRow = table.getByRole('row').filter({ hasText: careTitle });
    const careText = (await careRow.textContent()) ?? '';
    expect(careText).toContain('Bildungswerk Weserbergland e. V.');
    expect(careText).toContain('Region Hannover, Landkreis Hildesheim, REK Weserbergland+');
    expect(careText).toContain('383.100,00\u00a0€');
    expect(careText).toContain('Eingereicht');
    // three statements still due (one per sub-region), one submission
    expect(careText).toMatch(/3 ausstehend.*1/);
    expect(await axeViolations(office)).toEqual([]);
    // the office's navigation leads to its own work, not to writing sketches
    expect(await office.getByRole('link', { name: 'Neue Projektskizze' }).count()).toBe(0);
    expect(await office.getByRole('link', { name: 'Verwaltung', exact: true }).count()).toBe(1);

    // Act: filter by keyboard: status „Eingereicht“, sub-region REK Weserbergland+, priority I
    await office.getByLabel('Status', { exact: true }).focus();
    await office.keyboard.press('ArrowDown');
    await office.keyboard.press('Tab');
    for (let i = 0; i < 3; i++) await office.keyboard.press('ArrowDown');
    await office.keyboard.press('Tab');
    await office.keyboard.press('ArrowDown');
    await office.keyboard.press('Tab');
    expect(await focused(office)).toBe('Filter anwenden');
    await office.keyboard.press('Enter');

    // Assess: the address carries the filters, focus is on the result's summary, only the match is listed
    await office.waitForURL(
      (url) => url.search === '?status=submitted&teilraum=weserbergland-plus&schwerpunkt=I',
      { timeout: 10_000 },
    );
    await waitForFocus(office, '.result-summary');
    expect(await office.locator('.result-summary').textContent()).toContain(
      'Gefiltert nach Status „Eingereicht“, Teilraum „REK Weserbergland+“, Handlungsschwerpunkt I.',
    );
    await visible(table.getByRole('row').filter({ hasText: careTitle }));
    expect(await table.getByRole('row').filter({ hasText: schoolTitle }).count()).toBe(0);

    // Act: a bookmarked filter opens as it was saved
    await office.goto(`${portal.url}/verwaltung?schwerpunkt=II`);

    // Assess
    await visible(table.getByRole('row').filter({ hasText: schoolTitle }));
    expect(await table.getByRole('row').filter({ hasText: careTitle }).count()).toBe(0);
    expect(await office.getByLabel('Handlungsschwerpunkt', { exact: true }).inputValue()).toBe('II');

    // Act: back to the first filter (history), open the sketch from the list by keyboard
    await office.goBack();
    await visible(table.getByRole('row').filter({ hasText: careTitle }));
    await office.getByRole('link', { name: careTitle }).focus();
    await office.keyboard.press('Enter');

    // Assess: the office's view of the sketch
    await office.waitForURL((url) => url.pathname === `/verwaltung/skizzen/${care.id}`, { timeout: 10_000 });
    await visible(office.getByRole('heading', { level: 1, name: careTitle }));
    await visible(office.getByRole('heading', { name: 'Lokale Allianz', exact: true }));
    const endorsement = office.locator('#befuerwortung');
    expect(await endorsement.textContent()).toContain('Fachkräfte-Initiative Weserbergland+');
    expect(await endorsement.textContent()).toContain('15.10.2025');
    await visible(office.locator('#verlauf').getByText('Eingereicht', { exact: true }));
    expect(await axeViolations(office)).toEqual([]);

    expect(await office.locator('#stellungnahmen').textContent()).toContain('Stellungnahme steht aus');

    // Act: accept before the local alliances' statements are in
    await office.getByRole('button', { name: 'Zur Abstimmung freigeben' }).focus();
    await office.keyboard.press('Enter');

    // Assess: refused, with the API's reason next to the button
    const refusal = office.locator('#accept-error');
    await visible(refusal);
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.textContent()).toContain('Die Stellungnahme folgender lokaler Allianzen fehlt noch');
    expect(
      await office.getByRole('button', { name: 'Zur Abstimmung freigeben' }).getAttribute('aria-describedby'),
    ).toContain('accept-error');

    // Act: the three local alliances give their statements in their workspace (through the API,
    // as the demo accounts; local-alliance.test.ts does it in the browser); the office reloads
    for (const account of await demoLocalAlliances()) {
      const local = await apiSignIn(portal, account.email);
      const given = await local.call('POST', `/api/local/sketches/${care.id}/statements`, {
        subRegionId: account.subRegionId,
        verdict: 'supports',
      });
      expect(given.status).toBe(200);
    }
    await office.reload();

    // Assess: each statement shows, and the trail has them
    const live = office.locator('main div[role="status"]').first();
    const statements = office.locator('#stellungnahmen');
    await visible(statements.getByText('Fachkräfte-Initiative Weserbergland+'));
    expect(await statements.textContent()).not.toContain('Stellungnahme steht aus');
    expect(await statements.getByText('Unterstützt', { exact: true }).count()).toBe(3);
    await visible(office.locator('#verlauf').getByText('Stellungnahme der lokalen Allianz', { exact: true }));

    // Act: return it without a note, then with one
    const note = 'Bitte ergänzen Sie die Indikatoren: Wie viele Betriebe sollen sich beteiligen?';
    const seen = await seenMails(portal.mailboxUrl);
    await office.getByRole('button', { name: 'Zur Überarbeitung zurückgeben' }).focus();
    await office.keyboard.press('Enter');
    await waitForFocus(office, '#return-note');
    expect(await office.locator('#return-note-error').textContent()).toContain(
      'Hinweis für den Antragsteller: Bitte ausfüllen.',
    );
    await office.keyboard.type(note);
    await visible(office.getByText(`${note.length} von 3.000 Zeichen`));
    await office.keyboard.press('Tab');
    expect(await focused(office)).toBe('Zur Überarbeitung zurückgeben');
    await office.keyboard.press('Enter');

    // Assess: announced, a draft again, the office's actions gone, the applicant mailed the note
    await visible(live.getByText(/zur Überarbeitung zurückgegeben/));
    await visible(office.locator('dl.details').first().getByText('Entwurf', { exact: true }));
    await visible(office.locator('.notice blockquote').getByText(note));
    expect(await office.getByRole('button', { name: 'Zur Abstimmung freigeben' }).count()).toBe(0);
    expect(await office.getByRole('button', { name: 'Zur Überarbeitung zurückgeben' }).count()).toBe(0);
    const returnedMail = await newMail(
      portal.mailboxUrl,
      applicantEmail,
      seen,
      (m) => m.subject === `Bitte überarbeiten: ${careTitle}`,
    );
    expect(returnedMail.body.text).toContain(note);
    // the office does not lose it: its list, unfiltered, shows the sketch as given back
    const list = await pageAs(
      browser,
      portal.url,
      await passSecondFactor(await apiSignIn(portal, demoAdmin.email)),
    );
    await list.goto(`${portal.url}/verwaltung`);
    const row = list.getByRole('row').filter({ hasText: careTitle });
    await visible(row);
    expect(await row.textContent()).toContain('Zur Überarbeitung zurückgegeben');
    await list.close();

    // Act: the applicant opens the status page
    const own = await pageAs(browser, portal.url, applicant);
    const scripts: string[] = [];
    own.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await own.goto(`${portal.url}/meine-skizzen`);

    // Assess: the returned sketch with the note and the way to edit it, the mail in the table
    const card = own.getByRole('article', { name: careTitle });
    await visible(card);
    expect(await card.textContent()).toContain('Entwurf');
    expect(await card.textContent()).toContain(note);
    expect(await card.getByRole('link', { name: `Bearbeiten: ${careTitle}` }).getAttribute('href')).toBe(
      `/skizzen/${care.id}/bearbeiten`,
    );
    const mails = own.getByRole('table', { name: /E-Mails, die das Portal Ihnen geschickt hat/ });
    const mailRow = mails.getByRole('row').filter({ hasText: `Bitte überarbeiten: ${careTitle}` });
    await visible(mailRow);
    expect(await mailRow.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/);
    expect(await mailRow.textContent()).toMatch(/Versendet|Wird versendet/);
    expect(await axeViolations(own)).toEqual([]);
    // The status page is the applicant's: none of the office's chunks came with it.
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => /Admin/.test(script))).toEqual([]);

    // Act: the applicant revises and resubmits through the API
    const current = (
      await applicant.call<{ version: number; draft: Sketch }>('GET', `/api/sketches/${care.id}`)
    ).body;
    const revised = structuredClone(current.draft);
    const before = revised.project.results[0]?.target;
    revised.project.results.push({
      result: 'Beteiligte Betriebe',
      indicator: 'Anzahl der Partnerbetriebe',
      target: '30',
    });
    revised.project.goals = `${revised.project.goals} Beteiligt sind mindestens 30 Betriebe.`;
    const saved = await saveDraftAs(applicant, care.id, current.version, revised);
    expect(saved.status).toBe(200);
    expect((await submitAs(applicant, care.id, saved.body.version)).status).toBe(200);

    // Act: the office reloads the sketch
    await office.reload();

    // Assess: two versions, the differences between them as a table
    await visible(office.getByRole('heading', { name: /^Fassung 2, eingereicht am/ }));
    await visible(office.getByRole('heading', { name: /^Fassung 1, eingereicht am/ }));
    const diff = office.getByRole('table', { name: 'Änderungen von Fassung 1 zu Fassung 2' });
    await visible(diff);
    expect(await diff.locator('thead').textContent()).toBe('Feldvorhernachher');
    const goalsRow = diff.getByRole('row', { name: new RegExp(fieldLabel(['project', 'goals'])) });
    expect(await goalsRow.textContent()).toContain('Beteiligt sind mindestens 30 Betriebe.');
    const addedRow = diff
      .getByRole('row')
      .filter({ hasText: fieldLabel(['project', 'results', 1, 'indicator']) });
    expect(await addedRow.textContent()).toContain('leer');
    expect(await addedRow.textContent()).toContain('Anzahl der Partnerbetriebe');
    expect(before).toBeDefined();
    expect(await axeViolations(office)).toEqual([]);

    // Act: read version 1 in full
    await office.getByRole('button', { name: 'Fassung 1 lesen' }).focus();
    await office.keyboard.press('Enter');

    // Assess: the content section shows the first version, as it was submitted, and has the focus
    await waitForFocus(office, '#content-heading');
    const content = office.locator('#inhalt');
    await visible(content.getByText(/^Angezeigt wird Fassung 1, eingereicht am/));
    await visible(content.getByText(leineWeserSketch().project.goals, { exact: true }));
    expect(await content.getByText('Anzahl der Partnerbetriebe').count()).toBe(0);
    expect(await axeViolations(office)).toEqual([]);

    // Act: back to the current content
    await content.getByRole('button', { name: 'Aktuelle Fassung anzeigen' }).focus();
    await office.keyboard.press('Enter');

    // Assess
    await visible(content.getByText('Angezeigt wird die aktuelle Fassung.'));
    await visible(content.getByText('Anzahl der Partnerbetriebe').first());

    // Act: accept (the statements given before the return still stand)
    const acceptSeen = await seenMails(portal.mailboxUrl);
    await office.getByRole('button', { name: 'Zur Abstimmung freigeben' }).focus();
    await office.keyboard.press('Enter');

    // Assess
    await visible(live.getByText('Die Skizze ist zur Abstimmung freigegeben.'));
    await visible(office.locator('dl.details').first().getByText('Bereit zur Abstimmung', { exact: true }));
    expect(await office.getByRole('button', { name: 'Zur Abstimmung freigeben' }).count()).toBe(0);
    await newMail(
      portal.mailboxUrl,
      applicantEmail,
      acceptSeen,
      (m) => m.subject === `Vollständig und bereit zur Abstimmung: ${careTitle}`,
    );
    expect(await axeViolations(office)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the office and the applicant each withdraw a sketch after confirming it', async () => {
    // Prepare
    const applicantEmail = `rueckzug.${run}@bildungswerk-weserbergland.example.org`;
    const applicant = await apiSignIn(portal, applicantEmail);
    const byOffice = await submittedSketch(applicant, titled(`Sprachkurse für Pflegekräfte (${run})`));
    const byApplicantTitle = `Mentoring für Berufsrückkehrerinnen (${run})`;
    const byApplicant = await submittedSketch(applicant, titled(byApplicantTitle));
    const office = await pageAs(
      browser,
      portal.url,
      await passSecondFactor(await apiSignIn(portal, demoAdmin.email)),
    );
    const officeTitle = `Sprachkurse für Pflegekräfte (${run})`;

    // Act: the office opens the sketch and starts to withdraw it, then cancels
    await office.goto(`${portal.url}/verwaltung/skizzen/${byOffice.id}`);
    const withdraw = office.getByRole('button', { name: `Zurückziehen: ${officeTitle}` });
    await withdraw.focus();
    await office.keyboard.press('Enter');
    await waitForFocus(office, '.confirm__question');
    expect(await axeViolations(office)).toEqual([]);
    await office.getByRole('button', { name: 'Abbrechen' }).focus();
    await office.keyboard.press('Enter');

    // Assess: nothing withdrawn, focus back on the button
    await waitForFocus(office, 'button.button--danger');
    expect(await office.locator('dl.details').first().textContent()).toContain('Eingereicht');

    // Act: withdraw with a reason
    await office.keyboard.press('Enter');
    await waitForFocus(office, '.confirm__question');
    await office.keyboard.press('Tab');
    await office.keyboard.type('Der Träger hat die Skizze telefonisch zurückgenommen.');
    await office.keyboard.press('Tab');
    expect(await focused(office)).toBe('Ja, endgültig zurückziehen');
    await office.keyboard.press('Enter');

    // Assess: announced, withdrawn with reason and history, no more actions
    await visible(office.getByText(`„${officeTitle}“ ist zurückgezogen.`));
    await visible(office.locator('dl.details').first().getByText('Zurückgezogen', { exact: true }));
    await visible(office.getByText('Der Träger hat die Skizze telefonisch zurückgenommen.').first());
    await visible(
      office.getByText(
        'Im Status „Zurückgezogen“ sind keine Prüfschritte der Koordinierungsstelle mehr möglich.',
      ),
    );
    expect(await office.getByRole('button', { name: /^Zurückziehen/ }).count()).toBe(0);
    expect(await axeViolations(office)).toEqual([]);

    // Act: the applicant withdraws the other one on the status page
    const own = await pageAs(browser, portal.url, applicant);
    await own.goto(`${portal.url}/meine-skizzen`);
    const card = own.getByRole('article', { name: byApplicantTitle });
    await visible(card);
    await card.getByRole('button', { name: `Zurückziehen: ${byApplicantTitle}` }).focus();
    await own.keyboard.press('Enter');
    await waitForFocus(own, '.confirm__question');
    expect(await axeViolations(own)).toEqual([]);
    await own.keyboard.press('Tab');
    await own.keyboard.press('Tab');
    expect(await focused(own)).toBe('Ja, endgültig zurückziehen');
    await own.keyboard.press('Enter');

    // Assess: announced and focused, both sketches withdrawn, the mails listed
    await visible(own.getByText(`„${byApplicantTitle}“ ist zurückgezogen.`));
    await waitForFocus(own, 'div[role="status"].notice');
    await visible(card.getByText('Zurückgezogen', { exact: true }));
    expect(await card.getByRole('button').count()).toBe(0);
    const officeCard = own.getByRole('article', { name: officeTitle });
    await visible(officeCard.getByText('Zurückgezogen', { exact: true }));
    expect(await officeCard.textContent()).toContain('Es ist nichts mehr zu tun.');
    await visible(own.getByRole('row').filter({ hasText: `Projektskizze zurückgezogen: ${officeTitle}` }));
    expect(pathOf(own)).toBe('/meine-skizzen');
    expect(byApplicant.status).toBe('submitted');
    expect(await axeViolations(own)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
