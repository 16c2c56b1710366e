import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDate, formatDate } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import type { Sketch } from '../../functions/core/sketch-full.ts';
import { demoAdmin, demoLocalAlliances, type Portal, startPortal } from '../../infra/local/portal.ts';
import type { Caller } from '../support/api.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  apiSignIn,
  axeViolations,
  type Mail,
  mailbox,
  newMail,
  newPage,
  pageAs,
  pageErrors,
  pathOf,
  seenMails,
  visible,
} from '../support/e2e.ts';
import type { InPage } from '../support/in-page.ts';
import { statementsBy } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The steering group's circulation vote in Chromium against the whole local portal, with the 13
 * demo Leine-Weser seats it seeds: the office opens a vote on two sketches; seat 3's member signs
 * in through the vote mail and hands the vote over; the deputy signs in through their mail and
 * votes by keyboard; seat 5 declares a conflict on one sketch and objects to the other (first
 * without a reason); the office follows the progress, reminds, closes, reads the outcome and
 * writes the Votum; the applicant receives it with the letter. axe-core checks every page.
 */

let portal: Portal;
/** The demo local alliances, each signed in once for this file (sign-in links are counted per address). */
const locals = new Map<string, Caller>();
const localAs = async (email: string): Promise<Caller> =>
  locals.get(email) ?? (locals.set(email, await apiSignIn(portal, email)).get(email) as Caller);
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

/** A mail as the local SES server keeps it, with its attachments (content base64). */
type StoredMail = Mail & { attachments?: { filename: string; contentType: string; content: string }[] };

/** The link in a vote mail: it signs its recipient in and leads to the vote. */
const voteLink = (mail: Mail) => {
  const link = /(https?:\/\/\S+\/anmelden#token=\S+)/.exec(mail.body.text ?? '')?.[1];
  if (!link) throw new Error(`no link in the vote mail:\n${mail.body.text}`);
  return link;
};

const waitForFocus = (page: Page, selector: string) =>
  page.waitForFunction(
    (s) => (globalThis as unknown as InPage).document.activeElement?.matches(s) === true,
    selector,
    { timeout: 5_000 },
  );

/** The focused element's id or text, enough to tell the controls apart. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = (globalThis as unknown as InPage).document.activeElement;
    return element?.id || element?.textContent?.trim() || element?.tagName || '';
  });

function titled(title: string, subRegion?: string): Sketch {
  const sketch = leineWeserSketch();
  sketch.project.title = title;
  if (subRegion === 'hildesheim') {
    sketch.space.subRegions = [{ id: 'hildesheim', shareBp: 10_000 }];
    sketch.space.districts = ['Landkreis Hildesheim'];
    sketch.localAlliance.subRegionId = 'hildesheim';
  }
  return sketch;
}

const seat = {
  ihk: { id: 'sitz-03-ihk-hannover', institution: 'IHK Hannover' },
  dgb: { id: 'sitz-05-dgb', institution: 'DGB Region Niedersachsen-Mitte' },
};

describe('the steering group votes by circulation and the office writes the Votum', () => {
  it('opens a vote, hands over, votes, objects, reminds, closes and writes the Votum', async () => {
    // Prepare: two sketches submitted, their local statements given and accepted for the vote
    const applicantEmail = `antrag.${run}@bildungswerk-weserbergland.example.org`;
    const applicant = await apiSignIn(portal, applicantEmail);
    const careTitle = `Pflege: Quereinstieg mit Begleitung (${run})`;
    const schoolTitle = `Digitale Lernorte für Berufsschulen (${run})`;
    const care = await submittedSketch(applicant, titled(careTitle));
    const school = await submittedSketch(applicant, titled(schoolTitle, 'hildesheim'));
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    for (const sketch of [care, school]) {
      await statementsBy(await demoLocalAlliances(), localAs, sketch);
      expect((await admin.call('POST', `/api/admin/sketches/${sketch.id}/accept`, {})).status).toBe(200);
    }
    const office = await pageAs(browser, portal.url, admin);

    // Act: the office opens the votes page
    await office.goto(`${portal.url}/verwaltung/abstimmungen`);
    const form = office.getByRole('form', { name: 'Umlaufverfahren starten' });
    await visible(form.getByLabel(careTitle));

    // Assess: both sketches offered, the deadline the profile's 14 days ahead; no violations
    const today = berlinDate(new Date());
    expect(await office.getByLabel('Frist (letzter Tag der Abstimmung)').inputValue()).toBe(
      addDays(today, 14),
    );
    await visible(form.getByLabel(schoolTitle));
    expect(await office.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).textContent()).toContain(
      'Abstimmungen',
    );
    expect(await axeViolations(office)).toEqual([]);

    // Act: start without a sketch, then choose both by keyboard with a deadline three days ahead
    await office.getByRole('button', { name: 'Umlaufverfahren starten' }).focus();
    await office.keyboard.press('Enter');
    await visible(office.getByText('Skizzen: Bitte mindestens eine Skizze wählen.'));
    // Newest submission first, as the office's list.
    expect(await focused(office)).toBe(`vote-sketch-${school.id}`);
    await office.keyboard.press('Space');
    await office.keyboard.press('Tab');
    expect(await focused(office)).toBe(`vote-sketch-${care.id}`);
    await office.keyboard.press('Space');
    const deadline = addDays(today, 3);
    await office.getByLabel('Frist (letzter Tag der Abstimmung)').fill(deadline);
    // Leine-Weser decides in writing only „im Einzelfall“: the office states the case.
    await office
      .getByLabel('Anlass für das Umlaufverfahren')
      .fill('Die Antragsfrist der NBank endet vor der nächsten Sitzung.');
    const openSeen = await seenMails(portal.mailboxUrl);
    await office.getByRole('button', { name: 'Umlaufverfahren starten' }).focus();
    await office.keyboard.press('Enter');

    // Assess: the vote's page, announced; every seat without a ballot yet; the members mailed
    await office.waitForURL((url) => url.pathname.startsWith('/verwaltung/abstimmungen/'), {
      timeout: 10_000,
    });
    const voteId = pathOf(office).split('/').pop() ?? '';
    await visible(office.getByText('Das Umlaufverfahren ist eröffnet'));
    const progress = office.getByRole('table', { name: 'Wer für welchen Sitz abgestimmt hat' });
    await visible(progress);
    expect(await progress.locator('tbody tr').count()).toBe(13);
    expect(await progress.getByText('noch offen').count()).toBe(26);
    expect(await office.getByText(`bis zum ${formatDate(deadline)}, 24 Uhr`).count()).toBe(1);
    expect(await axeViolations(office)).toEqual([]);
    const ihkInvitation = await newMail(
      portal.mailboxUrl,
      'mitglied.ihk-hannover@example.org',
      openSeen,
      (m) => m.subject.startsWith('Umlaufverfahren der Lenkungsgruppe'),
    );
    expect(ihkInvitation.body.text).toContain(careTitle);

    // Act: seat 3's member signs in through the mail's link
    const member = await newPage(browser);
    await member.goto(voteLink(ihkInvitation));

    // Assess: the vote, both sketches with a ballot form, the header links to the member's votes
    await member.waitForURL((url) => url.pathname === `/abstimmungen/${voteId}`, { timeout: 10_000 });
    await visible(member.getByRole('heading', { name: `Ihr Sitz: ${seat.ihk.institution}` }));
    await visible(member.getByRole('group', { name: `Ihre Stimme zu „${careTitle}“` }));
    await visible(
      member.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Abstimmungen' }),
    );
    expect(
      await member.getByRole('link', { name: `Ganze Skizze lesen: ${careTitle}` }).getAttribute('href'),
    ).toBe(`/skizzen/${care.id}?abstimmung=${voteId}`);
    expect(await axeViolations(member)).toEqual([]);

    // Act/Assess: the member reads the whole sketch and comes back
    await member.getByRole('link', { name: `Ganze Skizze lesen: ${careTitle}` }).focus();
    await member.keyboard.press('Enter');
    await visible(member.getByRole('heading', { level: 1, name: careTitle }));
    await visible(member.getByText(leineWeserSketch().project.goals, { exact: true }).first());
    expect(await axeViolations(member)).toEqual([]);
    // the way back to the vote is on the page
    expect(await member.getByRole('link', { name: 'Zurück zur Abstimmung' }).getAttribute('href')).toBe(
      `/abstimmungen/${voteId}`,
    );
    // what the applicant is told to do next is not said to the member
    expect(await member.getByText('Wie es weitergeht').count()).toBe(0);
    expect(await member.getByText(/Sie erhalten das Votum per E-Mail/).count()).toBe(0);
    // the member's navigation leads to the votes, not to writing sketches
    expect(await member.getByRole('link', { name: 'Neue Projektskizze' }).count()).toBe(0);
    await member.goBack();
    await visible(member.getByRole('heading', { name: `Ihr Sitz: ${seat.ihk.institution}` }));

    // Act: hand the vote over to the deputy, by keyboard
    const handOverSeen = await seenMails(portal.mailboxUrl);
    await member.getByRole('button', { name: 'Stimme an die Stellvertretung übergeben' }).focus();
    await member.keyboard.press('Enter');

    // Assess: announced, only the deputy votes now, the member may take it back
    await visible(
      member.getByText(
        'Die Stimme ist an Paula Conrad übergeben. Paula Conrad erhält eine E-Mail mit dem Link zur Abstimmung.',
      ),
    );
    await visible(member.getByRole('button', { name: 'Stimme zurücknehmen' }));
    expect(await member.getByRole('group', { name: `Ihre Stimme zu „${careTitle}“` }).count()).toBe(0);
    expect(
      await member
        .getByText(
          'Sie haben die Stimme übergeben: Nur die Stellvertretung kann jetzt für diesen Sitz abstimmen.',
        )
        .count(),
    ).toBe(2);
    expect(await axeViolations(member)).toEqual([]);

    // Act: the deputy signs in through the mail the hand-over sent and votes by keyboard
    const deputyMail = await newMail(
      portal.mailboxUrl,
      'vertretung.ihk-hannover@example.org',
      handOverSeen,
      () => true,
    );
    expect(deputyMail.body.text).toContain('übergeben');
    const deputy = await newPage(browser);
    await deputy.goto(voteLink(deputyMail));
    await deputy.waitForURL((url) => url.pathname === `/abstimmungen/${voteId}`, { timeout: 10_000 });
    await visible(deputy.getByText(/hat Ihnen die Stimme dieses Sitzes übergeben/));
    expect(await axeViolations(deputy)).toEqual([]);
    for (const title of [careTitle, schoolTitle]) {
      await deputy
        .getByRole('group', { name: `Ihre Stimme zu „${title}“` })
        .getByLabel('Zustimmung')
        .focus();
      await deputy.keyboard.press('Space');
      await deputy.keyboard.press('Tab'); // the reason, only needed for an objection
      await deputy.keyboard.press('Tab');
      await deputy.keyboard.type('Gut abgestimmt mit den Kammern.');
      await deputy.keyboard.press('Tab');
      expect(await focused(deputy)).toBe('Stimme abgeben');
      await deputy.keyboard.press('Enter');
      await visible(deputy.getByText(`Ihre Stimme zu „${title}“ ist gespeichert: Zustimmung.`));
    }

    // Assess: the ballots with who cast them, changeable until the deadline
    const current = deputy.getByText(
      /^Ihre Stimme: Zustimmung, abgegeben am .* von vertretung\.ihk-hannover@example\.org \(Stellvertretung\)\. Sie können sie bis zum/,
    );
    await visible(current.first());
    expect(await current.count()).toBe(2);
    expect(await deputy.getByRole('button', { name: 'Stimme ändern' }).count()).toBe(2);
    expect(await axeViolations(deputy)).toEqual([]);

    // Act/Assess: the deputy's list of votes says there is nothing left to do
    await deputy.goto(`${portal.url}/abstimmungen`);
    await visible(deputy.getByText('Sie haben über alle Skizzen abgestimmt.'));
    expect(await axeViolations(deputy)).toEqual([]);

    // Act/Assess: the member can no longer take the vote back
    await member.reload();
    await visible(member.getByText('Die Stellvertretung hat bereits abgestimmt', { exact: false }));
    expect(await member.getByRole('button', { name: 'Stimme zurücknehmen' }).count()).toBe(0);

    // Act: seat 5 signs in through its mail and declares a conflict of interest on the first sketch
    const dgbInvitation = await newMail(portal.mailboxUrl, 'mitglied.dgb@example.org', openSeen, (m) =>
      m.subject.startsWith('Umlaufverfahren der Lenkungsgruppe'),
    );
    const dgb = await newPage(browser);
    await dgb.goto(voteLink(dgbInvitation));
    await dgb.waitForURL((url) => url.pathname === `/abstimmungen/${voteId}`, { timeout: 10_000 });
    await dgb.getByRole('button', { name: `Befangenheit erklären: ${careTitle}` }).focus();
    await dgb.keyboard.press('Enter');
    await waitForFocus(dgb, '.confirm__question');
    expect(await axeViolations(dgb)).toEqual([]);
    await dgb.keyboard.press('Tab');
    expect(await focused(dgb)).toBe('Ja, Befangenheit erklären');
    await dgb.keyboard.press('Enter');

    // Assess
    await visible(dgb.getByText(`Ihre Befangenheit bei „${careTitle}“ ist erklärt.`));
    await visible(dgb.getByText('Sie haben Befangenheit erklärt und stimmen über diese Skizze nicht ab.'));

    // Act: object to the second sketch without a reason
    const schoolBallot = dgb.getByRole('group', { name: `Ihre Stimme zu „${schoolTitle}“` });
    await schoolBallot.getByLabel('Einwand').focus();
    await dgb.keyboard.press('Space');
    await dgb
      .getByRole('form', { name: `Ihre Stimme zu „${schoolTitle}“` })
      .getByRole('button', { name: 'Stimme abgeben' })
      .focus();
    await dgb.keyboard.press('Enter');

    // Assess: the error beside the reason, which has the focus
    const reasonId = `ballot-${seat.dgb.id}-${school.id}-reason`;
    await waitForFocus(dgb, `#${reasonId}`);
    expect(await dgb.locator(`#${reasonId}-error`).textContent()).toContain(
      'Begründung: Bitte begründen Sie Ihren Einwand.',
    );
    expect(await dgb.locator(`#${reasonId}`).getAttribute('aria-describedby')).toContain(`${reasonId}-error`);
    expect(await axeViolations(dgb)).toEqual([]);

    // Act: give the reason and send it
    const reason = 'Die Lernorte doppeln das Landesprogramm; bitte erst die Abgrenzung klären.';
    await dgb.keyboard.type(reason);
    await dgb.keyboard.press('Tab');
    await dgb.keyboard.press('Tab');
    expect(await focused(dgb)).toBe('Stimme abgeben');
    await dgb.keyboard.press('Enter');

    // Assess
    await visible(dgb.getByText(`Ihre Stimme zu „${schoolTitle}“ ist gespeichert: Einwand.`));
    expect(await dgb.locator(`#${reasonId}-error`).count()).toBe(0);

    // Prepare: six more members approve the first sketch over the API, so it reaches the quorum
    const approving = [
      ['sitz-01-region-hannover-wifoe', 'mitglied.region-hannover-wifoe@example.org'],
      ['sitz-02-hireg', 'mitglied.hireg@example.org'],
      ['sitz-04-handwerkskammern', 'mitglied.handwerkskammern@example.org'],
      ['sitz-06-arbeitgeber', 'mitglied.arbeitgeber@example.org'],
      ['sitz-07-arl', 'mitglied.arl@example.org'],
      ['sitz-08-rek-weserbergland-1', 'mitglied.rek-weserbergland-1@example.org'],
    ] as const;
    for (const [seatId, email] of approving) {
      const voter = await apiSignIn(portal, email);
      const cast = await voter.call('POST', `/api/votes/${voteId}/ballots`, {
        seatId,
        sketchId: care.id,
        choice: 'approve',
      });
      expect(cast.status).toBe(200);
    }

    // Act: the office refreshes the progress
    await office.getByRole('button', { name: 'Aktualisieren' }).focus();
    await office.keyboard.press('Enter');

    // Assess: the news announced politely; who voted how, as member or deputy, who is recused
    await visible(
      office.getByText(
        /^Aktualisiert um .* Uhr\. (\d+ neue Stimmen? oder Änderungen|Keine neuen Stimmen)\.$/,
      ),
    );
    const ihkRow = progress.getByRole('row', { name: new RegExp(`^${seat.ihk.institution}`) });
    expect(await ihkRow.textContent()).toContain('Stellvertretung: Paula Conrad');
    expect(await ihkRow.getByText('Zustimmung (Stellvertretung)').count()).toBe(2);
    const dgbRow = progress.getByRole('row', { name: new RegExp(`^${seat.dgb.institution}`) });
    expect(await dgbRow.textContent()).toContain('befangen');
    expect(await dgbRow.textContent()).toContain('Einwand (Mitglied)');
    await visible(office.getByText(`„${careTitle}“: 7 von 12 Sitzen haben abgestimmt, 1 befangen.`));
    await visible(office.locator('#comments-heading ~ div').getByText(reason));
    expect(await axeViolations(office)).toEqual([]);

    // Act: send a reminder by keyboard
    const remindSeen = await seenMails(portal.mailboxUrl);
    await office.getByRole('button', { name: 'Erinnerung senden' }).focus();
    await office.keyboard.press('Enter');

    // Assess: the eleven seats with something left are reminded, seat 3 and seat 5 are not
    await visible(office.getByText('Erinnerung an 11 Sitze gesendet.'));
    await newMail(portal.mailboxUrl, 'mitglied.hochschulen@example.org', remindSeen, (m) =>
      m.subject.startsWith('Erinnerung'),
    );
    const reminders = (await mailbox(portal.mailboxUrl)).filter(
      (m) => !remindSeen.has(m.messageId) && m.subject.startsWith('Erinnerung'),
    );
    const reminded = reminders.flatMap((m) => m.destination.to);
    expect(reminded).not.toContain('vertretung.ihk-hannover@example.org');
    expect(reminded).not.toContain('mitglied.dgb@example.org');

    // Act: close the vote, confirming the question
    await office.getByRole('button', { name: 'Abstimmung beenden' }).focus();
    await office.keyboard.press('Enter');
    await waitForFocus(office, '.confirm__question');
    expect(await axeViolations(office)).toEqual([]);
    await office.keyboard.press('Tab');
    expect(await focused(office)).toBe('Ja, Abstimmung beenden');
    await office.keyboard.press('Enter');

    // Assess: the outcome per sketch under consensus; no more actions
    await visible(office.getByText('Das Umlaufverfahren ist beendet. Das Ergebnis steht unten.'));
    const careOutcome = office.getByRole('article', { name: careTitle });
    const schoolOutcome = office.getByRole('article', { name: schoolTitle });
    await visible(careOutcome.getByText('Ergebnis: Befürwortet'));
    await visible(schoolOutcome.getByText('Ergebnis: Kein Einvernehmen'));
    expect(await careOutcome.textContent()).toContain(
      `${seat.ihk.institution}: Zustimmung (Stellvertretung)`,
    );
    expect(await careOutcome.getByRole('table').textContent()).toMatch(/Zustimmung7Einwand0Enthaltung0/);
    expect(await office.getByRole('button', { name: 'Erinnerung senden' }).count()).toBe(0);
    expect(await axeViolations(office)).toEqual([]);

    // Act: seat 5, whose page still shows the open vote, tries to change its ballot
    await dgb
      .getByRole('form', { name: `Ihre Stimme zu „${schoolTitle}“` })
      .getByRole('button', { name: 'Stimme ändern' })
      .focus();
    await dgb.keyboard.press('Enter');

    // Assess: refused in the API's words, the page reloaded to the closed vote, focus on the message
    await visible(dgb.getByText(/^Die Abstimmung ist beendet \(Frist: .*\)\. Stimmen können nicht mehr/));
    await waitForFocus(dgb, '.announcement');
    await visible(dgb.getByText(/^Diese Abstimmung ist beendet/));
    expect(await dgb.getByRole('button', { name: 'Stimme ändern' }).count()).toBe(0);
    await visible(dgb.getByText(/^Ihre Stimme: Einwand, abgegeben am/));
    expect(await axeViolations(dgb)).toEqual([]);

    // Act: the Votum on the endorsed sketch, from the outcome's link
    await careOutcome.getByRole('link', { name: `Votum schreiben: ${careTitle}` }).focus();
    await office.keyboard.press('Enter');
    await office.waitForURL((url) => url.pathname === `/verwaltung/skizzen/${care.id}/votum`, {
      timeout: 10_000,
    });
    await visible(office.locator('#votum-decision'));

    // Assess: the outcome shown, the decision taken from it and not to be chosen
    await visible(office.getByText('Ergebnis: Befürwortet'));
    expect(await office.locator('#votum-decision').textContent()).toContain('Votum: Befürwortet');
    expect(await office.locator('#votum-decision').getByRole('radio').count()).toBe(0);
    expect(await axeViolations(office)).toEqual([]);

    // Act: assess one criterion by keyboard, save without a justification, then with one
    await office
      .getByRole('group', { name: 'Räumliche Wirkung des Projektes' })
      .getByLabel('erfüllt', { exact: true })
      .focus();
    await office.keyboard.press('Space');
    await office.getByRole('button', { name: 'Votum speichern und versenden' }).focus();
    await office.keyboard.press('Enter');
    await visible(office.locator('#votum-justification-error'));
    expect(await office.locator('#votum-justification-error').textContent()).toContain(
      'Begründung: Bitte ausfüllen.',
    );
    const votumSeen = await seenMails(portal.mailboxUrl);
    await office.locator('#votum-justification').focus();
    await office.keyboard.type(
      'Das Projekt wirkt in allen drei Teilräumen und ist nach der Förderung durch die Partnerbetriebe getragen.',
    );
    await office.getByRole('button', { name: 'Votum speichern und versenden' }).focus();
    await office.keyboard.press('Enter');

    // Assess: saved and announced, the Votum with its letter shown, the form gone
    await visible(office.getByText(/Das Votum ist gespeichert/));
    const votum = office.locator('#votum');
    await visible(votum.getByText('Befürwortet', { exact: true }));
    expect(await votum.textContent()).toContain('Räumliche Wirkung des Projektes: erfüllt');
    expect(await votum.getByRole('link', { name: 'Votum als PDF herunterladen' }).getAttribute('href')).toBe(
      `/api/sketches/${care.id}/votum/letter`,
    );
    expect(await office.getByRole('button', { name: 'Votum speichern und versenden' }).count()).toBe(0);
    expect(await axeViolations(office)).toEqual([]);

    // Assess: the applicant's mailbox holds the Votum with the letter as a PDF
    const votumMail = (await newMail(portal.mailboxUrl, applicantEmail, votumSeen, (m) =>
      m.subject.startsWith('Votum der Lenkungsgruppe'),
    )) as StoredMail;
    expect(votumMail.subject).toBe(`Votum der Lenkungsgruppe: ${careTitle}`);
    const pdf = votumMail.attachments?.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toMatch(/\.pdf$/);
    expect(
      Buffer.from(pdf?.content ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Act/Assess: the applicant's sketch page shows the Votum and the letter downloads as a PDF
    const own = await pageAs(browser, portal.url, applicant);
    const scripts: string[] = [];
    own.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await own.goto(`${portal.url}/skizzen/${care.id}`);
    await visible(own.getByRole('heading', { name: 'Votum der Lenkungsgruppe' }));
    expect(await own.locator('#votum').textContent()).toContain('Befürwortet');
    // The office's and the members' chunks never reach applicants. (The shared form controls —
    // date field, radio group — may: the applicant's own follow-up forms after the Votum use them.)
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => /\/(office|member)-/.test(script))).toEqual([]);
    const download = await fetch(`${portal.url}/api/sketches/${care.id}/votum/letter`, {
      headers: { cookie: applicant.cookie ?? '' },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/pdf');
    // … and the record of the circulation decision the Votum rests on, beside it
    const record = own.getByRole('link', { name: 'Umlaufbeschluss der Lenkungsgruppe (PDF)' });
    await visible(record);
    const recordHref = (await record.getAttribute('href')) ?? '';
    expect(recordHref).toMatch(new RegExp(`^/api/sketches/${care.id}/circulation-record\\?vote=`));
    const recordDownload = await fetch(`${portal.url}${recordHref}`, {
      headers: { cookie: applicant.cookie ?? '' },
    });
    expect(recordDownload.status).toBe(200);
    expect(recordDownload.headers.get('content-disposition')).toContain('Umlaufbeschluss-');
    expect(await axeViolations(own)).toEqual([]);
    expect((await applicant.call<SketchDoc>('GET', `/api/sketches/${care.id}`)).body.status).toBe('endorsed');
    expect(pageErrors).toEqual([]);
    // The whole journey of four people and nine sign-ins: more than the project's 90 s on a busy machine.
  }, 180_000);

  it('edits a seat with its errors beside the fields, and records a meeting with its minutes', async () => {
    // Prepare
    const admin = await passSecondFactor(await apiSignIn(portal, demoAdmin.email));
    const office = await pageAs(browser, portal.url, admin);

    // Act: the seats, editing the universities' seat with a broken deputy address
    await office.goto(`${portal.url}/verwaltung/sitze`);
    const table = office.getByRole('table', { name: 'Sitze der Lenkungsgruppe' });
    await visible(table.getByRole('row', { name: /^Hochschulen der Region/ }));
    expect(await axeViolations(office)).toEqual([]);
    await office.getByRole('button', { name: 'Bearbeiten: Hochschulen der Region (seit 2024)' }).focus();
    await office.keyboard.press('Enter');
    await waitForFocus(office, '#seat-form-heading');
    await office.locator('#seat-deputy-email').fill('vertretung.hochschulen-at-example.org');
    await office.getByRole('button', { name: 'Sitz speichern' }).focus();
    await office.keyboard.press('Enter');

    // Assess: the API's error beside the field and in the summary, which has the focus
    await waitForFocus(office, '.error-summary');
    expect(await office.locator('#seat-deputy-email-error').textContent()).toContain(
      'E-Mail (Stellvertretung)',
    );
    expect(await office.locator('#seat-deputy-email').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(office)).toEqual([]);

    // Act: fix it
    await office.locator('#seat-deputy-email').fill('vertretung.hochschulen@example.org');
    await office.locator('#seat-deputy-name').fill('Hanna Hochschule');
    await office.getByRole('button', { name: 'Sitz speichern' }).focus();
    await office.keyboard.press('Enter');

    // Assess
    await visible(office.getByText('Der Sitz „Hochschulen der Region (seit 2024)“ ist gespeichert.'));
    expect(await table.getByRole('row', { name: /^Hochschulen der Region/ }).textContent()).toContain(
      'Hanna Hochschule',
    );

    // Act: add a seat; its id follows from the institution
    await office.getByRole('button', { name: 'Sitz hinzufügen' }).focus();
    await office.keyboard.press('Enter');
    await waitForFocus(office, '#seat-form-heading');
    await office.locator('#seat-institution').focus();
    await office.keyboard.type('Landkreis Schaumburg – Wirtschaftsförderung');
    await visible(office.getByText('Kennung des Sitzes: landkreis-schaumburg-wirtschaftsfoerderung'));
    await office.locator('#seat-member-name').fill('Sina Schaumburg');
    await office.locator('#seat-member-email').fill('mitglied.schaumburg@example.org');
    await office.getByRole('button', { name: 'Sitz speichern' }).focus();
    await office.keyboard.press('Enter');

    // Assess: listed without a deputy; the office's list of seats answers it too
    await visible(
      office.getByText('Der Sitz „Landkreis Schaumburg – Wirtschaftsförderung“ ist gespeichert.'),
    );
    expect(await table.getByRole('row', { name: /^Landkreis Schaumburg/ }).textContent()).toContain(
      'keine benannt',
    );
    const seats = (await admin.call<{ items: { id: string }[] }>('GET', '/api/admin/seats')).body.items;
    expect(seats.map((s) => s.id)).toContain('landkreis-schaumburg-wirtschaftsfoerderung');
    expect(await axeViolations(office)).toEqual([]);

    // Prepare: a sketch ready for the vote
    const applicant = await apiSignIn(portal, `sitzung.${run}@bildungswerk-weserbergland.example.org`);
    const title = `Fachkräfte im Handwerk halten (${run})`;
    const sketch = await submittedSketch(applicant, titled(title));
    await statementsBy(await demoLocalAlliances(), localAs, sketch);
    expect((await admin.call('POST', `/api/admin/sketches/${sketch.id}/accept`, {})).status).toBe(200);

    // Act: record a meeting that endorsed it, seat 3 by its deputy
    await office.goto(`${portal.url}/verwaltung/sitzungen/neu`);
    await visible(office.getByRole('group', { name: seat.ihk.institution }));
    expect(await office.getByLabel('Ort (freiwillig)').inputValue()).toBe('Hildesheim');
    // The new seat has no deputy to choose.
    expect(
      await office
        .getByRole('group', { name: /^Landkreis Schaumburg/ })
        .getByRole('radio')
        .count(),
    ).toBe(2);
    await office
      .getByRole('group', { name: seat.ihk.institution })
      .getByLabel(/^Stellvertretung/)
      .focus();
    await office.keyboard.press('Space');
    await office.getByLabel(`In dieser Sitzung entschieden: ${title}`).focus();
    await office.keyboard.press('Space');
    await visible(office.locator(`#decision-${sketch.id}-approve`));
    // No result to choose: it is computed from the counts.
    expect(await office.getByRole('group', { name: `Entscheidung: ${title}` }).count()).toBe(0);
    expect(await axeViolations(office)).toEqual([]);
    // Impossible minutes: more votes than seats present are refused beside the field
    await office.locator(`#decision-${sketch.id}-approve`).fill('99');
    await office.getByRole('button', { name: 'Sitzung speichern' }).focus();
    await office.keyboard.press('Enter');
    await waitForFocus(office, '.error-summary');
    expect(await office.locator('.error-summary').textContent()).toContain('mehr als anwesende');
    await office.locator(`#decision-${sketch.id}-approve`).fill('11');
    await office.locator('#meeting-chair').fill('Ottmar von Holtz');
    await office.getByRole('button', { name: 'Sitzung speichern' }).focus();
    await office.keyboard.press('Enter');

    // Assess: the list with the minutes; the sketch's outcome is the meeting's
    await office.waitForURL((url) => url.pathname === '/verwaltung/sitzungen', { timeout: 10_000 });
    await visible(office.getByText('Die Sitzung ist erfasst'));
    const minutes = office.getByRole('link', { name: /^Protokoll vom .* \(PDF\)$/ });
    await visible(minutes);
    const href = (await minutes.getAttribute('href')) ?? '';
    const fetchMinutes = () => fetch(`${portal.url}${href}`, { headers: { cookie: admin.cookie ?? '' } });
    // The render job makes the PDF within seconds of the meeting (woken by its order).
    await expect.poll(async () => (await fetchMinutes()).status, { timeout: 10_000 }).toBe(200);
    const pdf = await fetchMinutes();
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(await axeViolations(office)).toEqual([]);
    const doc = (await admin.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`)).body;
    expect(doc.outcome?.source).toBe('meeting');
    expect(doc.outcome?.result).toBe('endorsed');
    expect(pageErrors).toEqual([]);
  });
});
