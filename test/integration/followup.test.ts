import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandInput, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpDoc } from '../../functions/app/followup.ts';
import type { AttachmentMeta, UploadTicket } from '../../functions/core/attachments.ts';
import { addDays, berlinDate, dueAt } from '../../functions/core/dates.ts';
import { type Deadline, newDeadline, reminderAt, schedule } from '../../functions/core/followup.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { handler as followUpDeadlines } from '../../functions/jobs/followup-deadlines.ts';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { deadlineItem } from '../../functions/store/followup.ts';
import * as keys from '../../functions/store/keys.ts';
import { Caller, type Mail, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { pdf } from '../support/files.ts';
import { giveStatements } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { endorsedInMeeting, leineWeserSketch, submittedSketch } from '../support/sketches.ts';

let api: Awaited<ReturnType<typeof startApi>>;
let adminEmail: string;
const office = () => config().profile.office.email;
const rules = () => config().profile.reports;

const signedIn = new Map<string, Caller>();
/** Each person signs in once per clock setting (sessions time out when the clock jumps ahead). */
async function as(email: string): Promise<Caller> {
  const known = signedIn.get(email);
  if (known) return known;
  // The office's callers pass its second factor too (others have none to pass).
  const caller = await passSecondFactor(await signIn(api.url, email));
  signedIn.set(email, caller);
  return caller;
}
const admin = () => as(adminEmail);

/** Moves the clock; everybody signs in again. */
function at(instant: Date): void {
  clock.set(instant);
  signedIn.clear();
}

beforeAll(async () => {
  api = await startApi();
  adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
});
afterAll(() => api.stop());
afterEach(() => {
  clock.reset();
  signedIn.clear();
  dynamo().middlewareStack.remove('lostAnswer');
});

type Problem = { message?: string; code?: string; fields?: { field: string; message: string }[] };
const today = () => berlinDate(clock.now());

/**
 * An endorsed sketch, made through the API as in real life: submitted, each local alliance's
 * statement given, accepted, decided in a meeting, and the Votum written.
 */
async function endorsedSketch(applicantEmail: string): Promise<{ id: string; title: string }> {
  const applicant = await as(applicantEmail);
  const sketch = leineWeserSketch();
  sketch.project.title = `Pflegekräfte ${randomUUID().slice(0, 6)}`;
  const submitted = await submittedSketch(applicant, sketch);
  const office = await admin();
  await giveStatements(api.url, office, submitted);
  await office.call('POST', `/api/admin/sketches/${submitted.id}/accept`);
  const meeting = await endorsedInMeeting(office, submitted.id, today());
  expect(meeting.status).toBe(201);
  const votum = await office.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/votum`, {
    decision: 'endorsed',
    criteria: [],
    justification: 'Das Projekt wirkt in allen drei Teilräumen und ist übertragbar.',
  });
  expect(votum.body.status).toBe('endorsed');
  return { id: submitted.id, title: sketch.project.title };
}

/** Uploads a PDF as the web component does and answers the checked attachment. */
async function attachPdf(
  caller: Caller,
  sketchId: string,
  kind: string,
  name: string,
): Promise<AttachmentMeta> {
  const bytes = pdf(1024);
  const started = await caller.call<{ attachment: AttachmentMeta; upload: UploadTicket } & Problem>(
    'POST',
    `/api/sketches/${sketchId}/attachments`,
    { kind, fileName: name, contentType: 'application/pdf', size: bytes.length },
  );
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const form = new FormData();
  for (const [field, value] of Object.entries(started.body.upload.fields)) form.append(field, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  expect((await fetch(started.body.upload.url, { method: 'POST', body: form })).status).toBe(204);
  const checked = await caller.call<AttachmentMeta>(
    'POST',
    `/api/sketches/${sketchId}/attachments/${started.body.attachment.id}/check`,
    {},
  );
  expect(checked.body.status).toBe('ready');
  return checked.body;
}

const approval = { outcome: 'approved', approvedCents: 20_000_000, start: '2027-01-01', end: '2028-06-30' };

/** An endorsed sketch whose approval (18 instead of 36 months) is reported and confirmed: it runs. */
async function runningProject(applicantEmail: string): Promise<{ id: string; title: string }> {
  const project = await endorsedSketch(applicantEmail);
  const reported = await (await as(applicantEmail)).call<FollowUpDoc & Problem>(
    'POST',
    `/api/sketches/${project.id}/funding-decision`,
    approval,
  );
  expect(reported.status, JSON.stringify(reported.body)).toBe(200);
  const confirmed = await (await admin()).call<FollowUpDoc>(
    'POST',
    `/api/admin/sketches/${project.id}/funding-decision/confirm`,
    {},
  );
  expect(confirmed.body.status).toBe('running');
  return project;
}

const subjects = async (to: string, match: (mail: Mail) => boolean) =>
  (await mailsTo(to)).filter(match).map((m) => m.subject);
const about = (title: string) => (mail: Mail) => mail.subject.includes(title);
/** The job twice at the same time, then once more: what a slow run overlapping the next one does. */
async function runJobRacing() {
  const runs = await Promise.all([followUpDeadlines(), followUpDeadlines()]);
  return [...runs, await followUpDeadlines()];
}
const structuredReport = {
  course: 'Das Projekt verlief wie geplant; alle drei Teilräume waren beteiligt.',
  indicators: [{ achieved: '64 begonnene Ausbildungen', comment: 'Mehr als geplant.' }],
  continuation: 'Die Pflegeschulen übernehmen das Coaching-Konzept in ihr Regelangebot.',
  spentCents: 19_450_000,
};

describe('after the Votum', { timeout: 300_000 }, () => {
  it('takes a funding decision with a shorter runtime, reminds at every offset of the new due date, escalates in one digest and stops when the report arrives, until the project closes', async () => {
    // Prepare
    const applicantEmail = uniqueEmail();
    const { id, title } = await endorsedSketch(applicantEmail);
    const applicant = await as(applicantEmail);
    const waiting = await applicant.call<FollowUpDoc>('GET', `/api/sketches/${id}/followup`);
    const notice = await attachPdf(applicant, id, 'funding_decision', 'Zuwendungsbescheid.pdf');

    // Act: the applicant reports the approval, 18 instead of 36 months, with the notice attached
    const reported = await applicant.call<FollowUpDoc & Problem>(
      'POST',
      `/api/sketches/${id}/funding-decision`,
      {
        ...approval,
        decidedOn: today(),
        attachmentId: notice.id,
      },
    );
    // Assess: the differences are shown; the office is asked to confirm
    expect(waiting.body.deadlines).toMatchObject([
      { id: 'funding', kind: 'funding_decision', state: 'open', due: addDays(today(), 90) },
    ]);
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body.status).toBe('endorsed');
    expect(reported.body.fundingDecision).toMatchObject({ status: 'reported', attachmentId: notice.id });
    expect(reported.body.differences).toMatchObject({
      esf: { differenceCents: 20_000_000 - 26_817_000 },
      runtime: { requested: { months: 36 }, approved: { months: 18 }, monthsDifference: -18 },
    });
    expect(reported.body.deadlines[0]).toMatchObject({
      state: 'submitted',
      waiting: { on: { role: 'office' } },
    });
    // The office also heard of the submission (issue 15, item 6): the report's mail is the one here.
    const [askOffice] = (await mailsTo(office()))
      .filter(about(title))
      .filter((m) => m.subject.startsWith('Förderentscheidung'));
    expect(askOffice?.subject).toBe(`Förderentscheidung gemeldet: ${title}`);
    expect(askOffice?.body.text).toContain('(18 Monate kürzer)');

    // Act: the office confirms; it agrees an interim report due the same day as the final report
    const confirmed = await (await admin()).call<FollowUpDoc>(
      'POST',
      `/api/admin/sketches/${id}/funding-decision/confirm`,
      {},
    );
    const interim = await (await admin()).call<FollowUpDoc>('POST', `/api/admin/sketches/${id}/reports`, {
      due: '2028-07-30',
      label: 'Zwischenbericht zum Praxistransfer',
    });
    // Assess: it runs; the final report is due a month after the approved end, not the sketch's
    expect(confirmed.body).toMatchObject({ status: 'running', projectEnd: '2028-06-30' });
    const final = confirmed.body.deadlines.find((d) => d.id === 'final');
    expect(final).toMatchObject({ kind: 'final_report', due: '2028-07-30', state: 'open' });
    expect(final?.reminders.map((r) => [r.offset, r.at])).toEqual([
      [-14, '2028-07-15T22:00:00.000Z'],
      [0, '2028-07-29T22:00:00.000Z'],
      [7, '2028-08-05T22:00:00.000Z'],
    ]);
    expect(confirmed.body.deadlines.find((d) => d.id === 'funding')?.state).toBe('accepted');
    expect(interim.status).toBe(201);
    const applicantMails = await subjects(applicantEmail, about(title));
    expect(applicantMails).toContain(`Förderentscheidung bestätigt: ${title}`);
    expect(applicantMails).toContain(`Zwischenbericht zum Praxistransfer bis 30.07.2028: ${title}`);
    const sketch = await (await admin()).call<SketchDoc>('GET', `/api/sketches/${id}`);
    expect(sketch.body.fundingDecision).toMatchObject({
      outcome: 'approved',
      approvedCents: 20_000_000,
      status: 'confirmed',
      confirmedBy: adminEmail,
    });

    // Act & Assess: at each offset, just before nothing; at it, one reminder per report, even with racing runs
    const reminders = () =>
      subjects(applicantEmail, (m) => about(title)(m) && /^(Erinnerung|Überfällig):/.test(m.subject));
    const offsets = [
      {
        at: reminderAt('2028-07-30', -14),
        subject: `Erinnerung: Abschlussbericht zu „${title}“ bis 30.07.2028`,
      },
      {
        at: reminderAt('2028-07-30', 0),
        subject: `Erinnerung: Abschlussbericht zu „${title}“ bis 30.07.2028`,
      },
      {
        at: reminderAt('2028-07-30', 7),
        subject: `Überfällig: Abschlussbericht zu „${title}“ seit 30.07.2028`,
      },
    ];
    for (const [i, offset] of offsets.entries()) {
      at(new Date(offset.at.getTime() - 1000));
      await followUpDeadlines();
      expect(await reminders()).toHaveLength(2 * i);
      at(new Date(offset.at.getTime() + 60_000));
      await runJobRacing();
      const sent = await reminders();
      expect(sent).toHaveLength(2 * (i + 1));
      expect(sent.filter((s) => s.includes('Abschlussbericht'))).toHaveLength(i + 1);
      expect(sent.filter((s) => s.includes('Zwischenbericht zum Praxistransfer'))).toHaveLength(i + 1);
      expect(sent).toContain(offset.subject);
    }
    const [onTheDay] = (await mailsTo(applicantEmail)).filter(
      (m) =>
        about(title)(m) &&
        m.subject.startsWith('Erinnerung: Abschlussbericht') &&
        m.body.text?.includes('heute'),
    );
    expect(onTheDay?.body.text).toContain('ist heute, am 30.07.2028, fällig');
    expect(onTheDay?.body.text).toContain('Es fehlt der Abschlussbericht: Verlauf des Projekts');
    expect(onTheDay?.body.text).toContain(`http://votum.test/skizzen/${id}/foerderung`);
    expect(onTheDay?.body.html).toContain(`href="http://votum.test/skizzen/${id}/foerderung"`);

    // Assess: the escalation reached the office once, as one digest naming both late reports
    const digests = (await mailsTo(office())).filter(
      (m) => m.subject.startsWith('Überfällig') && m.body.text?.includes(title),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.body.text).toContain(`Abschlussbericht – ${title}`);
    expect(digests[0]?.body.text).toContain(`Zwischenbericht zum Praxistransfer – ${title}`);
    expect(digests[0]?.body.text).toContain('seit 7 Tagen überfällig');
    const overview = await (await admin()).call<{
      overdue: { id: string; escalated: boolean; waiting: { on: { role: string } } }[];
    }>('GET', '/api/admin/deadlines?weeks=2');
    expect(overview.body.overdue.find((i) => i.id === `deadline-${id}-final`)).toMatchObject({
      escalated: true,
      waiting: { on: { role: 'applicant' } },
    });

    // Act: the final report arrives (the short form); the interim one as the attached Sachbericht
    const late = await as(applicantEmail);
    const finalReport = await late.call<FollowUpDoc & Problem>(
      'POST',
      `/api/sketches/${id}/reports/final/submit`,
      structuredReport,
    );
    const interimId = interim.body.deadlines.find((d) => d.kind === 'interim_report')?.id;
    const sachbericht = await attachPdf(late, id, 'report', 'Sachbericht.pdf');
    const interimReport = await late.call<FollowUpDoc & Problem>(
      'POST',
      `/api/sketches/${id}/reports/${interimId}/submit`,
      { attachmentId: sachbericht.id },
    );
    // Assess: everything stops
    expect(finalReport.status, JSON.stringify(finalReport.body)).toBe(200);
    expect(interimReport.status, JSON.stringify(interimReport.body)).toBe(200);
    expect(finalReport.body.deadlines.find((d) => d.id === 'final')).toMatchObject({
      state: 'submitted',
      report: {
        spentCents: 19_450_000,
        indicators: [{ indicator: 'Anzahl begonnener Ausbildungen', achieved: '64 begonnene Ausbildungen' }],
      },
    });
    const before = (await reminders()).length;
    for (const days of [1, 14, 60]) {
      at(new Date(reminderAt('2028-07-30', 7 + days).getTime() + 60_000));
      await followUpDeadlines();
    }
    expect(await reminders()).toHaveLength(before);
    expect(
      (await mailsTo(office())).filter(
        (m) => m.subject.startsWith('Überfällig') && m.body.text?.includes(title),
      ),
    ).toHaveLength(1);

    // Act: the office asks for more on the interim report, then accepts both; the final one closes the project
    const more = await (await admin()).call<FollowUpDoc & Problem>(
      'POST',
      `/api/admin/sketches/${id}/reports/${interimId}/review`,
      { decision: 'more', note: 'Bitte ergänzen Sie die Zahl der Teilnehmenden.' },
    );
    clock.advance(60_000);
    const again = await (await as(applicantEmail)).call<FollowUpDoc>(
      'POST',
      `/api/sketches/${id}/reports/${interimId}/submit`,
      { attachmentId: sachbericht.id, note: 'Ergänzt: 120 Teilnehmende.' },
    );
    clock.advance(60_000);
    const interimAccepted = await (await admin()).call<FollowUpDoc>(
      'POST',
      `/api/admin/sketches/${id}/reports/${interimId}/review`,
      { decision: 'accepted' },
    );
    clock.advance(60_000);
    const closed = await (await admin()).call<FollowUpDoc>(
      'POST',
      `/api/admin/sketches/${id}/reports/final/review`,
      { decision: 'accepted', note: 'Vielen Dank.' },
    );
    // Assess
    expect(more.status, JSON.stringify(more.body)).toBe(200);
    const reopened = more.body.deadlines.find((d) => d.id === interimId);
    expect(reopened).toMatchObject({ state: 'open', due: addDays(today(), 14) });
    expect(reopened?.reminders.every((r) => !r.sent)).toBe(true);
    expect(await subjects(applicantEmail, about(title))).toContain(
      `Bitte ergänzen: Zwischenbericht zum Praxistransfer zu ${title}`,
    );
    expect(again.status).toBe(200);
    expect(interimAccepted.body.status).toBe('running');
    expect(closed.body.status).toBe('closed');
    expect(closed.body.deadlines.map((d) => d.state)).toEqual(['accepted', 'accepted', 'accepted']);
    const closedSketch = await (await admin()).call<SketchDoc>('GET', `/api/sketches/${id}`);
    expect(closedSketch.body.finalReport).toMatchObject({
      spentCents: 19_450_000,
      acceptedAt: clock.now().toISOString(),
    });
    expect(closedSketch.body.events.map((e) => e.transition).slice(-9)).toEqual([
      'reportFunding',
      'confirmFunding',
      'addReport',
      'submitReport',
      'submitReport',
      'reviewReport',
      'submitReport',
      'reviewReport',
      'close',
    ]);
    expect(closedSketch.body.events.at(-1)).toMatchObject({
      transition: 'close',
      from: 'running',
      to: 'closed',
    });
    expect(await subjects(applicantEmail, about(title))).toContain(`Projekt abgeschlossen: ${title}`);
    const afterClose = await (await admin()).call<FollowUpDoc>('POST', `/api/admin/sketches/${id}/reports`, {
      due: addDays(today(), 30),
    });
    expect(afterClose.status).toBe(409);
  });

  it('moves the final report with a corrected end and arms its reminders again for the new date', async () => {
    // Prepare: a running project whose first reminder for 30.07.2028 went out
    const applicantEmail = uniqueEmail();
    const { id, title } = await runningProject(applicantEmail);
    at(new Date(reminderAt('2028-07-30', -14).getTime() + 60_000));
    await followUpDeadlines();
    const first = await subjects(
      applicantEmail,
      (m) => about(title)(m) && m.subject.startsWith('Erinnerung'),
    );
    // Act: an NBank change notice extends the project by two months
    const changed = await (await admin()).call<FollowUpDoc & Problem>(
      'POST',
      `/api/admin/sketches/${id}/end`,
      {
        end: '2028-08-31',
        note: 'Änderungsbescheid der NBank',
      },
    );
    at(new Date(reminderAt('2028-07-30', 0).getTime() + 60_000));
    await followUpDeadlines();
    const atOldDate = await subjects(
      applicantEmail,
      (m) => about(title)(m) && m.subject.startsWith('Erinnerung'),
    );
    at(new Date(reminderAt('2028-09-30', -14).getTime() + 60_000));
    await runJobRacing();
    const atNewDate = await subjects(
      applicantEmail,
      (m) => about(title)(m) && m.subject.startsWith('Erinnerung'),
    );
    // Assess
    expect(first).toEqual([`Erinnerung: Abschlussbericht zu „${title}“ bis 30.07.2028`]);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.projectEnd).toBe('2028-08-31');
    const final = changed.body.deadlines.find((d) => d.id === 'final');
    expect(final).toMatchObject({ due: '2028-09-30', moves: [{ from: '2028-07-30', to: '2028-09-30' }] });
    expect(final?.reminders.map((r) => r.sent)).toEqual([false, false, false]);
    expect(await subjects(applicantEmail, about(title))).toContain(`Projektende geändert: ${title}`);
    expect(atOldDate).toEqual(first);
    expect(atNewDate).toEqual([...first, `Erinnerung: Abschlussbericht zu „${title}“ bis 30.09.2028`]);
    const sketch = await (await admin()).call<SketchDoc>('GET', `/api/sketches/${id}`);
    expect(sketch.body.fundingDecision?.endChanges).toMatchObject([{ from: '2028-06-30', to: '2028-08-31' }]);
  });

  it('reminds the applicant when the funding decision is not reported within the waiting period, then tells the office', async () => {
    // Prepare
    const applicantEmail = uniqueEmail();
    const { id, title } = await endorsedSketch(applicantEmail);
    const due = addDays(today(), config().profile.reports.fundingDecisionWaitDays);
    const [remindAt, escalateAt] = schedule({ kind: 'funding_decision', due }, rules()).map((a) =>
      a.at.getTime(),
    ) as [number, number];
    const fundingReminders = () =>
      subjects(applicantEmail, (m) => about(title)(m) && m.subject.includes('Förderentscheidung zu'));
    const officeTold = async () =>
      (await mailsTo(office())).filter(
        (m) => m.subject.startsWith('Überfällig') && m.body.text?.includes(title),
      );
    // Act & Assess: nothing during the wait
    at(new Date(dueAt(due).getTime() - 1000));
    await followUpDeadlines();
    expect(await fundingReminders()).toEqual([]);
    // Act & Assess: the applicant is reminded when it is over
    at(new Date(remindAt + 60_000));
    await runJobRacing();
    expect(await fundingReminders()).toEqual([
      `Überfällig: Förderentscheidung zu „${title}“ seit ${due.split('-').reverse().join('.')}`,
    ]);
    expect(await officeTold()).toEqual([]);
    // Act & Assess: a week later the office is told, once
    at(new Date(escalateAt + 60_000));
    await runJobRacing();
    const told = await officeTold();
    expect(told).toHaveLength(1);
    expect(told[0]?.body.text).toContain(`Förderentscheidung – ${title}`);
    expect(told[0]?.body.text).toContain(`/verwaltung/skizzen/${id}/foerderung`);
    // Act: the applicant reports a rejection at last; the office confirms it
    const rejected = await (await as(applicantEmail)).call<FollowUpDoc>(
      'POST',
      `/api/sketches/${id}/funding-decision`,
      { outcome: 'rejected', decidedOn: today() },
    );
    const confirmed = await (await admin()).call<FollowUpDoc>(
      'POST',
      `/api/admin/sketches/${id}/funding-decision/confirm`,
      {},
    );
    at(new Date(escalateAt + 30 * 86_400_000));
    await followUpDeadlines();
    // Assess: nothing more, no report is expected of a rejected project
    expect(rejected.body.differences).toBeUndefined();
    expect(confirmed.body.status).toBe('rejected');
    expect(confirmed.body.deadlines.map((d) => [d.id, d.state])).toEqual([['funding', 'accepted']]);
    expect(await fundingReminders()).toHaveLength(1);
    expect(await officeTold()).toHaveLength(1);
  });

  it('sends each mail once when a run dies after its write was stored', async () => {
    // Prepare: the first reminder of a running project is due
    const applicantEmail = uniqueEmail();
    const { title } = await runningProject(applicantEmail);
    at(new Date(reminderAt('2028-07-30', -14).getTime() + 60_000));
    // Every deadline's write is stored, but its answer is lost, as when the function dies right then
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'TransactWriteItemsCommand')
          throw Object.assign(new Error('socket hang up'), {
            name: 'NetworkingError',
            $retryable: undefined,
          });
        return result;
      },
      { step: 'initialize', name: 'lostAnswer' },
    );
    // Act
    const crashed = await followUpDeadlines();
    dynamo().middlewareStack.remove('lostAnswer');
    const after = await followUpDeadlines();
    await sendOutbox();
    await sendOutbox();
    // Assess: the mail stored with the write goes out once, through the outbox; the next run sends nothing again
    expect(crashed.failed).toBeGreaterThan(0);
    expect(after.skipped).toBe(0);
    expect(
      await subjects(applicantEmail, (m) => about(title)(m) && m.subject.startsWith('Erinnerung')),
    ).toEqual([`Erinnerung: Abschlussbericht zu „${title}“ bis 30.07.2028`]);
  });

  it('lists what is due for the office and gives it as a calendar an app can subscribe to without a cookie', async () => {
    // Prepare
    const applicantEmail = uniqueEmail();
    const { id, title } = await runningProject(applicantEmail);
    const office = await admin();
    // Act
    const listed = await office.call<{
      upcoming: { id: string; due: string; waiting: unknown }[];
      overdue: unknown[];
    }>('GET', '/api/admin/deadlines?weeks=104');
    const created = await office.call<{ url: string }>('POST', '/api/admin/calendar');
    const status = await office.call('GET', '/api/admin/calendar');
    const feed = await fetch(created.body.url.replace('http://votum.test', api.url));
    const text = await feed.text();
    const replaced = await office.call<{ url: string }>('POST', '/api/admin/calendar');
    const old = await fetch(created.body.url.replace('http://votum.test', api.url));
    await office.call('DELETE', '/api/admin/calendar');
    const revoked = await fetch(replaced.body.url.replace('http://votum.test', api.url));
    const guessed = await fetch(`${api.url}/api/calendar/${'A'.repeat(43)}/fristen.ics`);
    const badQuery = await office.call('GET', '/api/admin/deadlines?weeks=zwei');
    // Assess: the overview says who waits on whom
    expect(listed.status).toBe(200);
    expect(listed.body.upcoming.find((i) => i.id === `deadline-${id}-final`)).toMatchObject({
      due: '2028-07-30',
      waiting: {
        by: { role: 'office' },
        on: { role: 'applicant', name: 'Bildungswerk Weserbergland e. V.' },
        what: 'Abschlussbericht einreichen',
      },
    });
    expect(created.body.url).toMatch(/^http:\/\/votum\.test\/api\/calendar\/[\w-]{43}\/fristen\.ics$/);
    expect(status.body).toMatchObject({ active: true });
    // Assess: the feed is iCalendar, with the final report as an all-day event with a stable UID
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = text.replace(/\r\n /g, '');
    const event = unfolded
      .split('BEGIN:VEVENT')
      .find((e) => e.includes(`UID:deadline-${id}-final@votum.test`));
    expect(event).toContain('DTSTART;VALUE=DATE:20280730\r\n');
    expect(event).toContain(`SUMMARY:Abschlussbericht: ${title}\r\n`);
    expect(event).toContain('wartet auf Bildungswerk Weserbergland e. V.: Abschlussbericht einreichen');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Assess: a new address replaces the old; revoked, it is gone; a guessed one never worked
    expect(old.status).toBe(404);
    expect(revoked.status).toBe(404);
    expect(guessed.status).toBe(404);
    expect(badQuery.status).toBe(400);
  });

  it('refuses what does not fit: a report before it runs, a wrong attachment, others’ projects', async () => {
    // Prepare
    const applicantEmail = uniqueEmail();
    const { id } = await endorsedSketch(applicantEmail);
    const applicant = await as(applicantEmail);
    const stranger = await as(uniqueEmail('fremd'));
    // Act
    const incomplete = await applicant.call<Problem>('POST', `/api/sketches/${id}/funding-decision`, {
      outcome: 'approved',
    });
    const wrongAttachment = await applicant.call<Problem>('POST', `/api/sketches/${id}/funding-decision`, {
      outcome: 'rejected',
      attachmentId: 'gibt-es-nicht',
    });
    const notReported = await (await admin()).call<Problem>(
      'POST',
      `/api/admin/sketches/${id}/funding-decision/confirm`,
      {},
    );
    const tooEarly = await (await admin()).call<Problem>('POST', `/api/admin/sketches/${id}/reports`, {
      due: addDays(today(), 30),
    });
    const byStranger = await stranger.call('GET', `/api/sketches/${id}/followup`);
    const reportByStranger = await stranger.call('POST', `/api/sketches/${id}/funding-decision`, {
      outcome: 'rejected',
    });
    const nbankDraftNow = await applicant.call<Problem>('POST', `/api/sketches/${id}/attachments`, {
      kind: 'nbank_draft',
      fileName: 'Antrag.pdf',
      contentType: 'application/pdf',
      size: 100,
    });
    // Assess
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields?.map((f) => f.field)).toEqual(['approvedCents', 'start', 'end']);
    expect(wrongAttachment.status).toBe(400);
    expect(wrongAttachment.body.fields?.[0]?.field).toBe('attachmentId');
    expect(notReported).toMatchObject({ status: 409, body: { code: 'not_reported' } });
    expect(tooEarly).toMatchObject({ status: 409, body: { code: 'wrong_status' } });
    expect(byStranger.status).toBe(404);
    expect(reportByStranger.status).toBe(404);
    expect(nbankDraftNow).toMatchObject({ status: 409, body: { code: 'not_editable' } });
  });
  it('refuses input its routes do not take with a 400 naming the field, before anything is read or written', async () => {
    // Prepare
    const applicantEmail = uniqueEmail();
    const { id } = await endorsedSketch(applicantEmail);
    const applicant = await as(applicantEmail);
    const office = await admin();
    const overview = (weeks: string) => office.call<Problem>('GET', `/api/admin/deadlines?weeks=${weeks}`);
    // Act
    const weeks = await Promise.all(['105', '-1', '1.5', 'zwei'].map(overview));
    const byDefault = await office.call<{ weeks?: number; until?: string }>('GET', '/api/admin/deadlines');
    const tokens = await Promise.all(
      ['zu-kurz', 'A'.repeat(44), `${'A'.repeat(42)}.`].map((token) =>
        new Caller(api.url).call<Problem>('GET', `/api/calendar/${token}/fristen.ics`),
      ),
    );
    const outcome = await applicant.call<Problem>('POST', `/api/sketches/${id}/funding-decision`, {
      outcome: 'vielleicht',
    });
    const amountAsText = await applicant.call<Problem>('POST', `/api/sketches/${id}/funding-decision`, {
      ...approval,
      approvedCents: '20000000',
    });
    const noNoteText = await office.call<Problem>(
      'POST',
      `/api/admin/sketches/${id}/funding-decision/confirm`,
      {
        note: 42,
      },
    );
    const noDate = await office.call<Problem>('POST', `/api/admin/sketches/${id}/end`, { end: '2028-02-30' });
    const shortLabel = await office.call<Problem>('POST', `/api/admin/sketches/${id}/reports`, {
      due: addDays(today(), 30),
      label: 'ZB',
    });
    const negative = await applicant.call<Problem>('POST', `/api/sketches/${id}/reports/final/submit`, {
      spentCents: -1,
    });
    const review = await office.call<Problem>('POST', `/api/admin/sketches/${id}/reports/final/review`, {
      decision: 'vielleicht',
    });
    const after = await applicant.call<FollowUpDoc>('GET', `/api/sketches/${id}/followup`);
    // Assess: each a 400 naming its field in German
    const wochen = 'Wochen: Bitte eine ganze Zahl von 0 bis 104 angeben.';
    for (const answer of weeks)
      expect(answer).toMatchObject({ status: 400, body: { fields: [{ field: 'weeks', message: wochen }] } });
    // Without a range, every future deadline: no end to the look ahead
    expect(byDefault.body.weeks).toBeUndefined();
    expect(byDefault.body.until).toBeUndefined();
    for (const answer of tokens)
      expect(answer).toMatchObject({
        status: 400,
        body: { fields: [{ field: 'token', message: 'Kalender: ungültig.' }] },
      });
    expect(outcome.body.fields).toEqual([
      { field: 'outcome', message: 'Entscheidung: Bitte „bewilligt“ oder „abgelehnt“ wählen.' },
    ]);
    expect(amountAsText.body.fields).toEqual([
      { field: 'approvedCents', message: 'Bewilligte ESF-Mittel: Bitte einen Betrag in Cent angeben.' },
    ]);
    expect(noNoteText.body.fields).toEqual([
      { field: 'note', message: 'Bemerkung: Bitte als Text angeben.' },
    ]);
    expect(noDate.body.fields).toEqual([
      { field: 'end', message: 'Ende: Bitte ein gültiges Datum angeben (JJJJ-MM-TT).' },
    ]);
    expect(shortLabel.body.fields).toEqual([
      { field: 'label', message: 'Bezeichnung: Bitte mindestens 3 Zeichen eingeben.' },
    ]);
    expect(negative.body.fields).toEqual([
      { field: 'spentCents', message: 'Ausgegebene ESF-Mittel: Der Betrag kann nicht negativ sein.' },
    ]);
    expect(review.body.fields?.[0]).toEqual({
      field: 'decision',
      message: 'Entscheidung: Bitte „angenommen“ oder „nachfordern“ wählen.',
    });
    for (const answer of [outcome, amountAsText, noNoteText, noDate, shortLabel, negative, review])
      expect(answer.status).toBe(400);
    // Assess: nothing was reported, confirmed or agreed
    expect(after.body.fundingDecision).toBeUndefined();
    expect(after.body.deadlines.map((d) => d.kind)).toEqual(['funding_decision']);
  });
});

describe('the deadline job', { timeout: 300_000 }, () => {
  /** Writes (or deletes) many items, 25 a request, four requests at a time. */
  type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>;
  async function batchWrite(requests: WriteRequests[string]): Promise<void> {
    const batches: WriteRequests[string][] = [];
    for (let i = 0; i < requests.length; i += 25) batches.push(requests.slice(i, i + 25));
    let next = 0;
    const worker = async () => {
      for (let batch = batches[next++]; batch; batch = batches[next++]) {
        let request: WriteRequests | undefined = { [config().TABLE_NAME]: batch };
        while (request && Object.keys(request).length > 0) {
          const answer: { UnprocessedItems?: WriteRequests } = await documents().send(
            new BatchWriteCommand({ RequestItems: request }),
          );
          request = answer.UnprocessedItems;
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  }
  /** Deadlines written straight into the table, as many as a busy alliance never has. */
  const store = (deadlines: Deadline[]) =>
    batchWrite(deadlines.map((d) => ({ PutRequest: { Item: deadlineItem(d, rules()) } })));
  const remove = (deadlines: Deadline[]) =>
    batchWrite(deadlines.map((d) => ({ DeleteRequest: { Key: keys.deadline(d.sketchId, d.id) } })));
  const deadline = (n: number, due: string, run: string): Deadline =>
    newDeadline({
      sketchId: `scale-${run}-${n}`,
      id: 'final',
      kind: 'final_report',
      due,
      project: { title: `Projekt ${n}`, organisation: 'Träger', ownerEmail: `skala-${run}@example.org` },
      by: 'test',
      now: new Date('2020-01-01T00:00:00Z'),
    });

  it('reads only the due deadlines: 10 among 20,000 stored cost what 10 among 1,000 do', async () => {
    // Prepare: 10 due (their first reminder) among 1,000 not due for decades
    const run = randomUUID().slice(0, 6);
    const dueA = Array.from({ length: 10 }, (_, n) => deadline(n, '2020-03-31', `${run}a`));
    const dueB = Array.from({ length: 10 }, (_, n) => deadline(n, '2020-03-31', `${run}b`));
    const later = Array.from({ length: 20_000 }, (_, n) => deadline(n, '2099-06-30', `${run}x`));
    try {
      await store([...dueA, ...later.slice(0, 1_000)]);
      at(new Date('2020-03-20T08:00:00Z'));
      // Act
      const small = await followUpDeadlines();
      // The first ten are reminded and not due again until their due date: ten others are due now
      await store([...dueB, ...later.slice(1_000)]);
      const large = await followUpDeadlines();
      // Assess: each run read exactly what was due and reminded it once
      expect(small).toMatchObject({ read: 10, due: 10, reminded: 10, escalated: 0, failed: 0 });
      expect(large).toMatchObject({ read: 10, due: 10, reminded: 10, escalated: 0, failed: 0 });
      expect(small.capacity).toBeGreaterThan(0);
      expect(large.capacity).toBe(small.capacity);
      // Assess: the run recorded what it did
      const { Item: recorded } = await documents().send(
        new GetCommand({
          TableName: config().TABLE_NAME,
          Key: keys.jobRun('followUpDeadlines', clock.now().toISOString(), large.runId),
        }),
      );
      expect(recorded).toMatchObject({ job: 'followUpDeadlines', counts: { read: 10, reminded: 10 } });
    } finally {
      await remove([...dueA, ...dueB, ...later]);
    }
  });
});
