import { expect } from 'vitest';
import { allianceIds, loadProfile } from '../../functions/alliances/index.ts';
import { berlinDate } from '../../functions/core/dates.ts';
import type { AllianceProfile } from '../../functions/core/profile.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import type { Sketch } from '../../functions/core/sketch-full.ts';
import { renderOrdered } from '../../functions/jobs/render-documents.ts';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { type Caller, mailsTo, signIn, startApi, uniqueEmail } from './api.ts';
import { passSecondFactor } from './second-factor.ts';
import { endorsedInMeeting, submittedSketch } from './sketches.ts';

/**
 * Starts the API under another alliance's profile: the configuration is read once per process, so
 * a test file sets ALLIANCE and forgets what the shared setup (test/support/env.ts) chose.
 */
export async function startApiAs(alliance: string) {
  process.env.ALLIANCE = alliance;
  resetConfig();
  const api = await startApi();
  expect(config().profile.id).toBe(alliance);
  return api;
}

/**
 * A sketch's whole way under the running profile, as applicant and office go it through the API:
 * submitted, accepted, decided in a meeting, the Votum written, the funding decision reported and
 * confirmed. Answers the applicant's address and every mail they received.
 */
export async function wholeJourney(base: string, sketch: Sketch, fundingEnd: string) {
  const applicantEmail = uniqueEmail();
  const applicant = await signIn(base, applicantEmail);
  const officeEmail = uniqueEmail('office');
  await addAdmin(officeEmail, 'Test', new Date());
  const office: Caller = await passSecondFactor(await signIn(base, officeEmail));
  const submitted = await submittedSketch(applicant, sketch);
  const accepted = await office.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const meeting = await endorsedInMeeting(office, submitted.id, berlinDate(new Date()));
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  const votum = await office.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/votum`, {
    decision: 'endorsed',
    criteria: [],
    justification: 'Das Projekt entspricht den Maßstäben der Fachkräftestrategie.',
  });
  expect(votum.body.status).toBe('endorsed');
  const reported = await applicant.call('POST', `/api/sketches/${submitted.id}/funding-decision`, {
    outcome: 'approved',
    approvedCents: sketch.finance.esfCents,
    start: sketch.runtime.start,
    end: fundingEnd,
  });
  expect(reported.status, JSON.stringify(reported.body)).toBe(200);
  const confirmed = await office.call(
    'POST',
    `/api/admin/sketches/${submitted.id}/funding-decision/confirm`,
    {},
  );
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  // The Votum's mail waits in the outbox for its letter: the jobs run in the local ticker's order,
  // the letter rendered first (which releases and sends the mail), then the outbox. Only this
  // sketch's documents: other files on the shared table run under another alliance's profile.
  await renderOrdered((document) => document.id.includes(`#${submitted.id}#`));
  await sendOutbox();
  const mails = await mailsTo(applicantEmail);
  return { id: submitted.id, mails, text: mails.map((m) => `${m.subject}\n${m.body.text ?? ''}`).join('\n') };
}

/** What every mail of another alliance's journey must say and must not. */
export function speaksOfItsOwnAlliance(text: string, profile: AllianceProfile) {
  expect(text).not.toMatch(/Leine-Weser|Lenkungsgruppe/);
  if (profile.names.office.name !== 'Koordinierungsstelle')
    expect(text).not.toContain('Koordinierungsstelle');
  expect(text).toContain(profile.names.alliance.genitive);
  expect(text).toContain(profile.names.office.nominative);
  expect(text).toContain(profile.names.decisionBody.name);
}

/**
 * A text that names this alliance and its body and none of the other alliances' names (their
 * alliance, body, office or bank), unless this profile has the same word.
 */
export function onlyItsOwnNames(text: string, profile: AllianceProfile) {
  const own = Object.values(profile.names).map((n) => n.name);
  const others = allianceIds
    .filter((id) => id !== profile.id)
    .flatMap((id) => Object.values(loadProfile(id).names).map((n) => n.name))
    .filter((name) => !own.some((mine) => mine.includes(name)));
  for (const name of new Set(others)) expect(text, name).not.toContain(name);
  expect(text).toContain(profile.names.alliance.name);
  expect(text).toContain(profile.names.decisionBody.name);
}
