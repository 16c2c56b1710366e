import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSketchDoc, LocalSketchList } from '../../functions/core/contract/local-answers.ts';
import { berlinDate } from '../../functions/core/dates.ts';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { handler as renderDocuments } from '../../functions/jobs/render-documents.ts';
import { dynamo } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { type Caller, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { localAlliance } from '../support/local.ts';
import { structure } from '../support/pdf-structure.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { endorsedInMeeting, leineWeserSketch, submittedSketch } from '../support/sketches.ts';

/*
 * The local alliances (issue 15, item 4) against the whole API on DynamoDB Local and the local SES
 * server: their sign-in, what they see, their statement and where it shows, and the office's gate.
 */

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Caller;
let applicant: Caller;
let applicantEmail: string;

const memberEmail = uniqueEmail('mitglied');

beforeAll(async () => {
  // A table of its own: its one active seat would otherwise join the votes other files open.
  process.env.TABLE_NAME = `votum-test-local-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
  const adminEmail = uniqueEmail('office');
  await addAdmin(adminEmail, 'Test', new Date());
  admin = await passSecondFactor(await signIn(api.url, adminEmail));
  applicantEmail = uniqueEmail();
  applicant = await signIn(api.url, applicantEmail);
  await admin.call('PUT', '/api/admin/seats/sitz-lokal', {
    institution: 'IHK Hannover',
    member: { name: 'Ein Mitglied', email: memberEmail },
  });
});
afterAll(() => api.stop());

/** A submitted sketch in the given sub-regions (shares split evenly), its local alliance one of them. */
async function sketchIn(subRegionIds: string[]): Promise<SketchDoc> {
  const sketch = leineWeserSketch();
  sketch.project.title = `Lokal ${subRegionIds.join('+')} ${randomUUID().slice(0, 6)}`;
  const share = Math.floor(10_000 / subRegionIds.length);
  sketch.space.subRegions = subRegionIds.map((id, i) => ({
    id,
    shareBp: i === 0 ? 10_000 - share * (subRegionIds.length - 1) : share,
  }));
  const districts: Record<string, string> = {
    'region-hannover': 'Region Hannover',
    hildesheim: 'Landkreis Hildesheim',
    'weserbergland-plus': 'Landkreis Hameln-Pyrmont',
  };
  sketch.space.districts = subRegionIds.map((id) => districts[id] ?? '');
  sketch.localAlliance.subRegionId = subRegionIds[0] ?? '';
  return submittedSketch(applicant, sketch);
}

const titleOf = (doc: { draft: unknown }) => (doc.draft as { project: { title: string } }).project.title;

describe('a local alliance', () => {
  it('signs in by link with the role the office gave it, and loses it when the account is ended', async () => {
    // Prepare
    const email = uniqueEmail('farehi');
    const stored = await admin.call('PUT', '/api/admin/local-accounts/farehi-test', {
      subRegionId: 'hildesheim',
      name: 'FaReHi',
      email,
    });
    // Act
    const local = await signIn(api.url, email);
    const me = await local.call<{ roles: string[] }>('GET', '/api/auth/me');
    const listed = await admin.call<{ items: { id: string }[] }>('GET', '/api/admin/local-accounts');
    await admin.call('PUT', '/api/admin/local-accounts/farehi-test', {
      subRegionId: 'hildesheim',
      name: 'FaReHi',
      email,
      active: false,
    });
    const afterEnd = await local.call('GET', '/api/local/sketches');
    const unknownRegion = await admin.call('PUT', '/api/admin/local-accounts/celle', {
      subRegionId: 'celle',
      name: 'Celle',
      email: uniqueEmail(),
    });
    const applicantTries = await applicant.call('GET', '/api/local/sketches');
    // Assess
    expect(stored.status).toBe(200);
    expect(me.body.roles).toEqual(['applicant', 'local']);
    expect(listed.body.items.map((a) => a.id)).toContain('farehi-test');
    expect(afterEnd.status).toBe(403);
    expect(unknownRegion).toMatchObject({
      status: 400,
      body: { fields: [{ field: 'subRegionId', message: 'Teilraum: Den Teilraum „celle“ gibt es nicht.' }] },
    });
    expect(applicantTries.status).toBe(403);
  });

  it("sees only the sketches of its own sub-regions, read-only and without the applicant's address", async () => {
    // Prepare
    const inHildesheim = await sketchIn(['hildesheim']);
    const inHannover = await sketchIn(['region-hannover']);
    const farehi = await localAlliance(api.url, admin, 'hildesheim');
    // Act
    const list = await farehi.call<LocalSketchList>('GET', '/api/local/sketches');
    const own = await farehi.call<LocalSketchDoc>('GET', `/api/local/sketches/${inHildesheim.id}`);
    const other = await farehi.call('GET', `/api/local/sketches/${inHannover.id}`);
    const viaApplicantRoute = await farehi.call('GET', `/api/sketches/${inHannover.id}`);
    const byOne: string[] = [];
    for (let cursor: string | undefined, i = 0; i === 0 || (cursor && i < 20); i++) {
      const query = new URLSearchParams({ section: 'open', limit: '1', ...(cursor ? { cursor } : {}) });
      const page = await farehi.call<LocalSketchList>('GET', `/api/local/sketches?${query}`);
      byOne.push(...page.body.items.map((s) => s.id));
      cursor = page.body.cursor;
    }
    const earlier = await farehi.call<LocalSketchList>('GET', '/api/local/sketches?section=earlier');
    // Assess: the list holds the Hildesheim sketch with its facts, never the Hannover one
    expect(list.body.subRegionIds).toEqual(['hildesheim']);
    const ids = list.body.items.map((s) => s.id);
    expect(ids).toContain(inHildesheim.id);
    expect(ids).not.toContain(inHannover.id);
    expect(list.body.items.every((s) => s.subRegionIds.includes('hildesheim'))).toBe(true);
    // page by page (read by state here: this table has not run the migrations) the same list
    expect(byOne).toEqual(ids);
    expect(earlier.body.items.every((s) => s.status !== 'submitted')).toBe(true);
    expect(list.body.items.find((s) => s.id === inHildesheim.id)).toEqual({
      id: inHildesheim.id,
      status: 'submitted',
      submittedAt: inHildesheim.submittedAt,
      title: titleOf(inHildesheim),
      organisation: 'Bildungswerk Weserbergland e. V.',
      subRegionIds: ['hildesheim'],
      start: '2026-01-01',
      end: '2028-12-31',
      localStatements: [],
    });
    // the sketch itself: its content and who may give which statement, not its owner nor trail
    expect(own.status).toBe(200);
    expect(titleOf(own.body)).toBe(titleOf(inHildesheim));
    expect(own.body.mySubRegionIds).toEqual(['hildesheim']);
    expect(JSON.stringify(own.body)).not.toContain(applicantEmail);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(titleOf(inHannover));
    expect(viaApplicantRoute.status).toBe(404);
  });

  it('gives its statement once, in one transaction with its audit event and a mail each to the applicant and the office', async () => {
    // Prepare
    const sketch = await sketchIn(['hildesheim']);
    const farehi = await localAlliance(api.url, admin, 'hildesheim');
    const statement = (body: Record<string, unknown>) =>
      farehi.call<LocalSketchDoc & { code?: string }>(
        'POST',
        `/api/local/sketches/${sketch.id}/statements`,
        body,
      );
    // Act
    const noNote = await statement({ subRegionId: 'hildesheim', verdict: 'supports_with_conditions' });
    const otherRegion = await statement({ subRegionId: 'region-hannover', verdict: 'supports' });
    const given = await statement({
      subRegionId: 'hildesheim',
      verdict: 'supports_with_conditions',
      note: 'Abstimmung mit dem Projekt „Energieberater/innen“ der HAWK.',
    });
    const again = await statement({
      subRegionId: 'hildesheim',
      verdict: 'does_not_support',
      note: 'Doch nicht, bitte.',
    });
    const seenByApplicant = await applicant.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`);
    const seenByOffice = await admin.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`);
    const subject = `Stellungnahme der lokalen Allianz: ${titleOf(sketch)}`;
    const toApplicant = (await mailsTo(applicantEmail)).filter((m) => m.subject === subject);
    const toOffice = (await mailsTo(config().profile.office.email)).filter((m) => m.subject === subject);
    // Assess
    expect(noNote).toMatchObject({ status: 400, body: { fields: [{ field: 'note' }] } });
    expect(otherRegion).toMatchObject({ status: 400, body: { fields: [{ field: 'subRegionId' }] } });
    expect(given.status).toBe(200);
    expect(given.body.localStatements).toEqual([
      {
        subRegionId: 'hildesheim',
        verdict: 'supports_with_conditions',
        note: 'Abstimmung mit dem Projekt „Energieberater/innen“ der HAWK.',
        givenAt: expect.any(String),
        givenBy: expect.stringMatching(/^lokal-hildesheim-/),
      },
    ]);
    expect(again).toMatchObject({ status: 409, body: { code: 'statement_given' } });
    for (const doc of [seenByApplicant.body, seenByOffice.body]) {
      expect(doc.localStatements).toEqual(given.body.localStatements);
      expect(doc.status).toBe('submitted');
      expect(doc.events.at(-1)).toMatchObject({
        transition: 'localStatement',
        role: 'local',
        from: 'submitted',
        to: 'submitted',
        note: 'Fachkräfte für die Region Hildesheim (FaReHi): Unterstützt mit Auflagen',
      });
    }
    expect(toApplicant).toHaveLength(1);
    expect(toOffice).toHaveLength(1);
    for (const mail of [...toApplicant, ...toOffice]) {
      expect(mail.body.text).toContain('Fachkräfte für die Region Hildesheim (FaReHi) hat zur Projektskizze');
      expect(mail.body.text).toContain('unterstützt das Projekt mit Auflagen');
      expect(mail.body.text).toContain(
        'Anmerkung: Abstimmung mit dem Projekt „Energieberater/innen“ der HAWK.',
      );
    }
    expect(toOffice[0]?.body.text).toContain(`/verwaltung/skizzen/${sketch.id}`);
  });
});

describe('a sketch spanning sub-regions', () => {
  it('goes to the vote only with a statement from each, which the members and the Votum letter show', async () => {
    // Prepare
    const sketch = await sketchIn(['region-hannover', 'weserbergland-plus']);
    const accept = () =>
      admin.call<SketchDoc & { code?: string; message?: string }>(
        'POST',
        `/api/admin/sketches/${sketch.id}/accept`,
      );
    // Act: accept before any, after one, after both statements
    const beforeAny = await accept();
    const hannover = await localAlliance(api.url, admin, 'region-hannover');
    await hannover.call('POST', `/api/local/sketches/${sketch.id}/statements`, {
      subRegionId: 'region-hannover',
      verdict: 'supports',
    });
    const afterOne = await accept();
    const weserbergland = await localAlliance(api.url, admin, 'weserbergland-plus');
    const weserberglandList = await weserbergland.call<LocalSketchList>('GET', '/api/local/sketches');
    await weserbergland.call('POST', `/api/local/sketches/${sketch.id}/statements`, {
      subRegionId: 'weserbergland-plus',
      verdict: 'does_not_support',
      note: 'Doppelt zum laufenden Projekt „Digitale Lernallianzen“.',
    });
    const afterBoth = await accept();
    // Assess: the gate names the alliances still due, by their names
    expect(beforeAny).toMatchObject({ status: 409, body: { code: 'statements_missing' } });
    expect(beforeAny.body.message).toContain(
      'Fachkräfteallianz Region Hannover, Fachkräfte-Initiative Weserbergland+',
    );
    expect(afterOne).toMatchObject({ status: 409, body: { code: 'statements_missing' } });
    expect(afterOne.body.message).not.toContain('Fachkräfteallianz Region Hannover');
    expect(afterOne.body.message).toContain('Fachkräfte-Initiative Weserbergland+');
    expect(weserberglandList.body.items.find((s) => s.id === sketch.id)?.localStatements).toHaveLength(1);
    expect(afterBoth.status).toBe(200);
    expect(afterBoth.body.status).toBe('ready_for_vote');

    // Act: a meeting endorses it, the office writes the Votum, the render job makes the letter
    const today = berlinDate(clock.now());
    const meeting = await endorsedInMeeting(admin, sketch.id, today);
    const member = await signIn(api.url, memberEmail);
    const memberView = await member.call<SketchDoc>('GET', `/api/sketches/${sketch.id}`);
    const votum = await admin.call('POST', `/api/admin/sketches/${sketch.id}/votum`, {
      decision: 'endorsed',
      criteria: [],
      justification: 'Die Bedenken der Fachkräfte-Initiative wurden in der Sitzung ausgeräumt.',
    });
    await renderDocuments();
    const letter = await fetch(`${api.url}/api/sketches/${sketch.id}/votum/letter`, {
      headers: { cookie: applicant.cookie ?? '' },
    });
    const { pages } = await structure(new Uint8Array(await letter.arrayBuffer()));
    const text = pages.map((p) => p.text).join(' ');
    // Assess: the members read the statements with the sketch; the letter prints each
    expect(meeting.status).toBe(201);
    expect(memberView.status).toBe(200);
    expect(memberView.body.localStatements).toEqual(afterBoth.body.localStatements);
    expect(votum.status).toBe(200);
    expect(letter.status).toBe(200);
    expect(text).toContain('Stellungnahmen der lokalen Allianzen');
    expect(text).toContain('Fachkräfteallianz Region Hannover: Unterstützt');
    expect(text).toContain('Fachkräfte-Initiative Weserbergland+: Unterstützt nicht');
    expect(text).toContain('Doppelt zum laufenden Projekt „Digitale Lernallianzen“.');
  });
});
