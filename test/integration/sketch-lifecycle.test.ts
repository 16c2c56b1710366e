import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sketchDiff } from '../../functions/core/sketch-diff.ts';
import type { SketchDoc, SketchSummary } from '../../functions/core/sketch-doc.ts';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo, ses } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { type Caller, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { giveStatements, localAlliance } from '../support/local.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import {
  leineWeserFormSteps,
  leineWeserSketch,
  saveDraftAs,
  startDraft,
  submitAs,
  submittedSketch,
} from '../support/sketches.ts';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => {
  ses().middlewareStack.remove('sesOutage');
  dynamo().middlewareStack.remove('dynamoFault');
});

/** SES answers every send with a service error, as during an outage (injected at the SDK's middleware stack). */
function sesOutage() {
  ses().middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $fault: 'server' });
    },
    { step: 'initialize', name: 'sesOutage' },
  );
}

async function sketchItems(id: string) {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sketch(id).pk },
    }),
  );
  return Items ?? [];
}

async function outboxFor(email: string) {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `MAILTO#${email}` },
    }),
  );
  return Items ?? [];
}

async function signInAdmin(): Promise<Caller> {
  const email = uniqueEmail('office');
  await addAdmin(email, 'Test', new Date());
  return passSecondFactor(await signIn(api.url, email));
}

const mailsAbout = async (email: string, subject: string) =>
  (await mailsTo(email)).filter((m) => m.subject.startsWith(subject));

describe('a draft', () => {
  it('is started once per Idempotency-Key and its owner gets a link to resume it', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const key = crypto.randomUUID();
    // Act
    const first = await applicant.call<SketchDoc>(
      'POST',
      '/api/sketches',
      { draft: {} },
      { 'idempotency-key': key },
    );
    const again = await applicant.call<SketchDoc>(
      'POST',
      '/api/sketches',
      { draft: {} },
      { 'idempotency-key': key },
    );
    // Assess
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'draft', version: 1, ownerEmail: email, submissions: [] });
    expect(first.body.nextStep.text).toMatch(/automatisch gespeichert/);
    expect(again.body.id).toBe(first.body.id);
    const mails = await mailsAbout(email, 'Ihr Entwurf');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain(`http://votum.test/skizzen/${first.body.id}/bearbeiten`);
  });

  it('is refused with 422 when the same Idempotency-Key comes again with another draft', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const key = crypto.randomUUID();
    const first = await applicant.call<SketchDoc>(
      'POST',
      '/api/sketches',
      { draft: {} },
      { 'idempotency-key': key },
    );
    // Act
    const other = await applicant.call(
      'POST',
      '/api/sketches',
      { draft: { project: { title: 'Etwas anderes' } } },
      { 'idempotency-key': key },
    );
    // Assess
    expect(first.status).toBe(201);
    expect(other.status).toBe(422);
    expect(other.body.message).toMatch(/Idempotency-Key wurde bereits für andere Daten verwendet/);
    const mine = await applicant.call<{ sketches: unknown[] }>('GET', '/api/my/sketches');
    expect(mine.body.sketches).toHaveLength(1);
  });

  it('is saved as typed, and a save from a second tab on an old version is refused, not overwritten', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = await startDraft(applicant);
    const halfway = { project: { title: 'Halb fertig', summary: 'Noch kurz' } };
    // Act
    const saved = await saveDraftAs(applicant, draft.id, draft.version, halfway);
    const otherTab = await saveDraftAs(applicant, draft.id, draft.version, {
      project: { title: 'Anderer Tab' },
    });
    const reloaded = await applicant.call<SketchDoc>('GET', `/api/sketches/${draft.id}`);
    // Assess
    expect(saved).toMatchObject({ status: 200, body: { version: 2 } });
    expect(otherTab.status).toBe(409);
    expect(otherTab.body).toMatchObject({
      code: 'version_conflict',
      current: { version: 2, status: 'draft' },
    });
    expect(otherTab.body.message).toMatch(/anderen Tab/);
    expect(reloaded.body.draft).toEqual(halfway);
    expect(reloaded.body.version).toBe(2);
  });

  it('is read by its applicant with the steps its form last found open, which the office does not get', async () => {
    // Prepare: started by the form ("Neue Skizze" sends the new draft's open steps), then saved by it
    const applicant = await signIn(api.url, uniqueEmail());
    const office = await signInAdmin();
    const started = await startDraft(applicant, { project: { title: 'Halb fertig' } }, leineWeserFormSteps);
    const id = started.id;
    // Act
    const fromStart = await applicant.call<SketchDoc>('GET', `/api/sketches/${id}`);
    const saved = await saveDraftAs(applicant, id, 1, leineWeserSketch(), []);
    const afterSave = await applicant.call<SketchDoc>('GET', `/api/sketches/${id}`);
    const byOffice = await office.call<SketchDoc>('GET', `/api/sketches/${id}`);
    const byOtherClient = await saveDraftAs(applicant, id, 2, { project: { title: 'Ohne Schritte' } });
    const afterOtherClient = await applicant.call<SketchDoc>('GET', `/api/sketches/${id}`);
    // Assess
    expect(started).not.toHaveProperty('openSteps');
    expect(fromStart.body.openSteps).toEqual(leineWeserFormSteps);
    expect(saved.status).toBe(200);
    expect(afterSave.body.openSteps).toEqual([]);
    expect(byOffice.status).toBe(200);
    expect(byOffice.body).not.toHaveProperty('openSteps');
    expect(JSON.stringify(byOffice.body)).not.toContain('draftOpenSteps');
    expect(JSON.stringify(afterSave.body)).not.toContain('draftOpenSteps');
    // Assess: a save without them drops those of the draft before, which no longer describe it
    expect(byOtherClient.status).toBe(200);
    expect(afterOtherClient.body).not.toHaveProperty('openSteps');
    expect(afterOtherClient.body.draft).toEqual({ project: { title: 'Ohne Schritte' } });
  });

  it('still opens a draft written before forms sent its steps, with no steps answered', async () => {
    // Prepare: the item as earlier versions wrote it (no draftOpenSteps)
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = await startDraft(applicant, { project: { title: 'Von früher' } });
    const item = (await sketchItems(draft.id)).find((i) => i.sk === keys.sketch(draft.id).sk);
    // Act
    const read = await applicant.call<SketchDoc>('GET', `/api/sketches/${draft.id}`);
    // Assess
    expect(item).toMatchObject({ status: 'draft' });
    expect(item).not.toHaveProperty('draftOpenSteps');
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('openSteps');
    expect(read.body.draft).toEqual({ project: { title: 'Von früher' } });
  });

  it("refuses open steps that are not the form's sections, naming the field, and stores nothing", async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = await startDraft(applicant, { project: { title: 'Fassung 1' } });
    const save = (openSteps: unknown) =>
      saveDraftAs(applicant, draft.id, draft.version, { project: { title: 'Fassung 2' } }, openSteps);
    // Act
    const unknown = await save(['budget']);
    const twice = await save(['finance', 'finance']);
    const notList = await save('finance');
    const onStart = await applicant.call<{ fields?: { field: string; message: string }[] }>(
      'POST',
      '/api/sketches',
      { draft: {}, openSteps: [1] },
      { 'idempotency-key': crypto.randomUUID() },
    );
    const read = await applicant.call<SketchDoc>('GET', `/api/sketches/${draft.id}`);
    // Assess
    for (const answer of [unknown, twice, notList, onStart]) {
      expect(answer.status).toBe(400);
      expect(answer.body.fields?.[0]?.field).toMatch(/^openSteps/);
      expect(answer.body.fields?.[0]?.message).toMatch(/offenen Schritte/);
    }
    expect(read.body.version).toBe(1);
    expect(read.body.draft).toEqual({ project: { title: 'Fassung 1' } });
    const mine = await applicant.call<{ sketches: unknown[] }>('GET', '/api/my/sketches');
    expect(mine.body.sketches).toHaveLength(1);
  });

  it('refuses bad saves with German messages, and nobody else can save or read it', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const stranger = await signIn(api.url, uniqueEmail('fremd'));
    const draft = await startDraft(applicant);
    // Act
    const noVersion = await saveDraftAs(applicant, draft.id, undefined as unknown as number, {});
    const unknownSection = await saveDraftAs(applicant, draft.id, 1, { budget: 5 });
    const tooLarge = await saveDraftAs(applicant, draft.id, 1, {
      project: { situation: 'x'.repeat(310_000) },
    });
    const byStranger = await saveDraftAs(stranger, draft.id, 1, {});
    const readByStranger = await stranger.call('GET', `/api/sketches/${draft.id}`);
    const missing = await saveDraftAs(applicant, crypto.randomUUID(), 1, {});
    // Assess
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.fields?.[0]?.field).toBe('version');
    expect(unknownSection.status).toBe(400);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.fields?.[0]?.message).toMatch(/zu groß/);
    expect(byStranger.status).toBe(404);
    expect(readByStranger.status).toBe(404);
    expect(missing.status).toBe(404);
  });
});

describe('input the sketch routes do not take', () => {
  it('is refused with a 400 naming the field, before anything is read or written', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const admin = await signInAdmin();
    const draft = await startDraft(applicant);
    const submitted = await submittedSketch(applicant);
    const fieldsOf = (answer: { body: Record<string, unknown> }) => answer.body.fields;
    // Act
    const draftNotObject = await applicant.call(
      'POST',
      '/api/sketches',
      { draft: 'Projektskizze' },
      { 'idempotency-key': crypto.randomUUID() },
    );
    const savedList = await saveDraftAs(applicant, draft.id, draft.version, ['project']);
    const submitNoVersion = await applicant.call(
      'POST',
      `/api/sketches/${submitted.id}/submit`,
      { version: 'zwei' },
      { 'idempotency-key': crypto.randomUUID() },
    );
    const reasonNotText = await applicant.call('POST', `/api/sketches/${draft.id}/withdraw`, { reason: 5 });
    const versionNotNumber = await applicant.call('GET', `/api/sketches/${submitted.id}/versions/erste`);
    const versionZero = await applicant.call('GET', `/api/sketches/${submitted.id}/versions/0`);
    const local = await localAlliance(api.url, admin, 'region-hannover');
    const noteTooLong = await local.call('POST', `/api/local/sketches/${submitted.id}/statements`, {
      subRegionId: 'region-hannover',
      verdict: 'supports',
      note: 'x'.repeat(3001),
    });
    const noNote = await admin.call('POST', `/api/admin/sketches/${submitted.id}/return`, {});
    const limitZero = await admin.call('GET', '/api/admin/sketches?limit=0');
    const badSubRegion = await admin.call('GET', '/api/admin/sketches?subRegion=region%20hannover');
    const after = await applicant.call<SketchDoc>('GET', `/api/sketches/${draft.id}`);
    // Assess
    expect(fieldsOf(draftNotObject)).toEqual([
      { field: 'draft', message: 'Entwurf: Bitte die Abschnitte des Entwurfs als Objekt senden.' },
    ]);
    expect(fieldsOf(savedList)).toEqual([
      { field: 'draft', message: 'Entwurf: Bitte die Abschnitte des Entwurfs als Objekt senden.' },
    ]);
    expect(fieldsOf(submitNoVersion)).toEqual([
      { field: 'version', message: 'version: Bitte die Fassung angeben, die eingereicht werden soll.' },
    ]);
    expect(fieldsOf(reasonNotText)).toEqual([
      { field: 'reason', message: 'Begründung: Bitte als Text angeben.' },
    ]);
    for (const answer of [versionNotNumber, versionZero])
      expect(fieldsOf(answer)).toEqual([
        { field: 'n', message: 'Fassung: Bitte die Nummer einer eingereichten Fassung angeben (1, 2, …).' },
      ]);
    expect(fieldsOf(noteTooLong)).toEqual([
      { field: 'note', message: 'Anmerkung: Bitte höchstens 3000 Zeichen eingeben.' },
    ]);
    expect(fieldsOf(noNote)).toEqual([
      { field: 'note', message: 'Hinweis für den Antragsteller: Bitte ausfüllen.' },
    ]);
    expect(fieldsOf(limitZero)).toEqual([{ field: 'limit', message: 'limit: mindestens 1.' }]);
    expect(fieldsOf(badSubRegion)).toEqual([{ field: 'subRegion', message: 'Teilraum: ungültig.' }]);
    for (const answer of [
      draftNotObject,
      savedList,
      submitNoVersion,
      reasonNotText,
      versionNotNumber,
      versionZero,
      noteTooLong,
      noNote,
      limitZero,
      badSubRegion,
    ])
      expect(answer.status).toBe(400);
    expect(after.body).toMatchObject({ status: 'draft', version: draft.version });
  });
});

describe('submitting a sketch', () => {
  it('checks the stored draft against every rule and names each field, storing nothing', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const sketch = leineWeserSketch();
    sketch.space.subRegions[0]!.shareBp = 3000; // 90 % in all
    sketch.finance.ownCents += 100; // financing 1 € above costs
    sketch.runtime.end = '2029-01-31';
    const draft = await startDraft(applicant, sketch);
    // Act
    const answer = await submitAs(applicant, draft.id, draft.version);
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Bitte prüfen Sie die markierten Felder.');
    const fields = Object.fromEntries((answer.body.fields ?? []).map((f) => [f.field, f.message]));
    expect(fields['space.subRegions']).toMatch(/ergeben 90\s%, nicht 100\s%/);
    expect(fields['finance.esfCents']).toMatch(/1,00\s€ zu viel/);
    expect(fields['runtime.end']).toMatch(/höchstens 36|31\.12\.2028/);
    expect((await sketchItems(draft.id)).filter((i) => String(i.sk).startsWith('VERSION#'))).toEqual([]);
    expect(await mailsAbout(email, 'Projektskizze eingereicht')).toEqual([]);
  });

  it('without the local alliance that Leine-Weser’s local step asks for is refused, naming the field', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const { localAlliance: _none, ...withoutLocal } = leineWeserSketch();
    const draft = await startDraft(applicant, withoutLocal);
    // Act
    const answer = await submitAs(applicant, draft.id, draft.version);
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([
      {
        field: 'localAlliance.subRegionId',
        message: 'Lokale Allianz: Bitte die lokale Allianz wählen, in der das Projekt vorgestellt wurde.',
      },
      {
        field: 'localAlliance.presentedOn',
        message: 'Datum der Vorstellung in der lokalen Allianz: Bitte ausfüllen.',
      },
    ]);
  });

  it('stores the version, the state, the audit event and the confirmation with the full record', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const draft = await startDraft(applicant, leineWeserSketch());
    // Act
    const answer = await submitAs(applicant, draft.id, draft.version);
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'submitted', version: 2, submissions: [{ n: 1 }] });
    expect(answer.body.events.map((e) => e.transition)).toEqual(['create', 'submit']);
    const items = await sketchItems(draft.id);
    expect(items.find((i) => i.sk === 'VERSION#0001')?.sketch).toEqual(leineWeserSketch());
    const [mail] = await mailsAbout(email, 'Projektskizze eingereicht');
    expect(mail?.subject).toBe(`Projektskizze eingereicht: ${leineWeserSketch().project.title}`);
    expect(mail?.body.text).toContain('Gesamtkosten:\n383.100,00\u00a0€');
    expect(mail?.body.text).toContain('REK Weserbergland+: 35\u00a0%');
    expect(mail?.body.html).toContain('Bildungswerk Weserbergland e. V.');
    const edit = await saveDraftAs(applicant, draft.id, 2, {});
    expect(edit.body).toMatchObject({ code: 'not_editable' });
  });

  it('with the same Idempotency-Key twice submits once, mails once, and answers the same', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const draft = await startDraft(applicant, leineWeserSketch());
    const key = crypto.randomUUID();
    // Act
    const [first, second] = await Promise.all([
      submitAs(applicant, draft.id, draft.version, key),
      submitAs(applicant, draft.id, draft.version, key),
    ]);
    const third = await submitAs(applicant, draft.id, draft.version, key);
    // Assess
    const answers = [first, second, third].map((a) => a.status).sort();
    expect(answers.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    expect(answers.every((s) => s === 200 || s === 409)).toBe(true);
    expect(third.body).toEqual(first.status === 200 ? first.body : second.body);
    expect(await mailsAbout(email, 'Projektskizze eingereicht')).toHaveLength(1);
  });

  it('refuses a body that is not JSON and a submit without Idempotency-Key, with 400 and a German message', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = await startDraft(applicant, leineWeserSketch());
    // Act
    const notJson = await applicant.call('POST', `/api/sketches/${draft.id}/submit`, '{"version":', {
      'idempotency-key': crypto.randomUUID(),
    });
    const noKey = await applicant.call('POST', `/api/sketches/${draft.id}/submit`, { version: 1 });
    // Assess
    expect(notJson).toMatchObject({
      status: 400,
      body: { message: 'Die Anfrage enthält kein gültiges JSON.' },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/Idempotency-Key/);
  });

  it('stores nothing at all when DynamoDB fails the transaction', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const draft = await startDraft(applicant, leineWeserSketch());
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand') {
          throw Object.assign(new Error('Internal Server Error'), {
            name: 'InternalServerError',
            $fault: 'server',
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'dynamoFault' },
    );
    // Act
    const answer = await submitAs(applicant, draft.id, draft.version);
    dynamo().middlewareStack.remove('dynamoFault');
    const after = await applicant.call<SketchDoc>('GET', `/api/sketches/${draft.id}`);
    // Assess
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe(
      'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    );
    expect(JSON.stringify(answer.body)).not.toMatch(/InternalServerError|at /);
    expect(after.body).toMatchObject({ status: 'draft', version: 1, submissions: [] });
    expect((await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted')).toEqual([]);
  });
});

describe('the confirmation mail when SES is down', () => {
  it('stays in the outbox, and the job sends it later exactly once', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const draft = await startDraft(applicant, leineWeserSketch());
    sesOutage();
    // Act: submit during the outage
    const answer = await submitAs(applicant, draft.id, draft.version);
    // Assess: the sketch is stored, the mail waits
    expect(answer.status).toBe(200);
    const [pending] = (await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted');
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('Service Unavailable'),
    });
    expect(await mailsAbout(email, 'Projektskizze eingereicht')).toEqual([]);

    // Act: SES is back; the mail is due again after its back-off, then the job runs twice at the same time, and once more
    ses().middlewareStack.remove('sesOutage');
    const { clock } = await import('../../functions/platform/clock.ts');
    clock.advance(3 * 60_000);
    try {
      await Promise.all([sendOutbox(), sendOutbox()]);
      await sendOutbox();
    } finally {
      clock.reset();
    }
    // Assess
    expect(await mailsAbout(email, 'Projektskizze eingereicht')).toHaveLength(1);
    const [sent] = (await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    // Out of the outbox's due index, into the index of bodies to drop after the retention.
    expect(sent?.gsi1pk).toBe('MAIL_BODIES');
  });
});

describe('the office', () => {
  it('returns a sketch with a note; the applicant fixes and resubmits; the office sees what changed and accepts it', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const admin = await signInAdmin();
    const submitted = await submittedSketch(applicant);
    // Act: return
    const returned = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/return`, {
      note: 'Bitte die Zielwerte je Teilraum angeben.',
    });
    // Assess
    expect(returned.body).toMatchObject({
      status: 'draft',
      returned: { note: 'Bitte die Zielwerte je Teilraum angeben.' },
    });
    const [returnMail] = await mailsAbout(email, 'Bitte überarbeiten');
    expect(returnMail?.body.text).toContain('Bitte die Zielwerte je Teilraum angeben.');
    // the office does not lose it: its list shows it as given back, by default and under its own filter
    type Listed = { items: { id: string; returned: boolean; status: string }[] };
    const neverSubmitted = await startDraft(applicant);
    const listedByDefault = await admin.call<Listed>('GET', '/api/admin/sketches?limit=100');
    const listedAsReturned = await admin.call<Listed>('GET', '/api/admin/sketches?status=returned&limit=100');
    expect(listedByDefault.body.items.find((i) => i.id === submitted.id)).toMatchObject({
      status: 'draft',
      returned: true,
    });
    expect(listedAsReturned.body.items.map((i) => i.id)).toContain(submitted.id);
    expect(listedByDefault.body.items.map((i) => i.id)).not.toContain(neverSubmitted.id);
    expect(listedAsReturned.body.items.map((i) => i.id)).not.toContain(neverSubmitted.id);
    expect(listedAsReturned.body.items.every((i) => i.returned)).toBe(true);
    expect(returnMail?.body.text).toContain(`/skizzen/${submitted.id}/bearbeiten`);

    // Act: fix and resubmit
    const fixed = leineWeserSketch();
    fixed.project.goals = `${fixed.project.goals} Je Teilraum 40 Beratungen.`;
    fixed.finance.thirdParty[0]!.amountCents = 2_000_000;
    fixed.finance.ownCents += 1_000_000;
    const saved = await saveDraftAs(applicant, submitted.id, returned.body.version, fixed);
    const resubmitted = await submitAs(applicant, submitted.id, saved.body.version);
    // Assess
    expect(resubmitted.body).toMatchObject({ status: 'submitted', submissions: [{ n: 1 }, { n: 2 }] });
    const [v1, v2] = await Promise.all(
      [1, 2].map((n) =>
        admin
          .call<{ sketch: unknown }>('GET', `/api/sketches/${submitted.id}/versions/${n}`)
          .then((a) => a.body.sketch),
      ),
    );
    expect(sketchDiff(v1, v2).map((c) => c.label)).toEqual([
      'Ziele',
      'Eigenmittel',
      'Drittmittel, Zeile 1: Betrag',
    ]);
    expect((await mailsAbout(email, 'Projektskizze eingereicht (Fassung 2)')).length).toBe(1);

    // Act: accept needs every local alliance's statement first
    const tooEarly = await admin.call<{ code: string; message: string }>(
      'POST',
      `/api/admin/sketches/${submitted.id}/accept`,
    );
    await giveStatements(api.url, admin, resubmitted.body);
    const accepted = await admin.call<SketchDoc>('POST', `/api/admin/sketches/${submitted.id}/accept`);
    // Assess
    expect(tooEarly).toMatchObject({ status: 409, body: { code: 'statements_missing' } });
    expect(tooEarly.body.message).toContain(
      'Fachkräfteallianz Region Hannover, Fachkräfte für die Region Hildesheim (FaReHi), Fachkräfte-Initiative Weserbergland+',
    );
    expect(accepted.body.status).toBe('ready_for_vote');
    expect(accepted.body.localStatements?.map((s) => [s.subRegionId, s.verdict])).toEqual([
      ['region-hannover', 'supports'],
      ['hildesheim', 'supports'],
      ['weserbergland-plus', 'supports'],
    ]);
    expect(accepted.body.events.map((e) => e.transition)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'localStatement',
      'localStatement',
      'localStatement',
      'accept',
    ]);
    expect(await mailsAbout(email, 'Vollständig und bereit zur Abstimmung')).toHaveLength(1);
    const again = await admin.call('POST', `/api/admin/sketches/${submitted.id}/return`, {
      note: 'Noch etwas fehlt.',
    });
    expect(again).toMatchObject({
      status: 409,
      body: { message: 'Das ist im Status „Bereit zur Abstimmung“ nicht möglich.' },
    });
  });

  it('lists sketches by status, sub-region and priority, newest first, a page at a time', async () => {
    // Prepare
    const admin = await signInAdmin();
    const applicant = await signIn(api.url, uniqueEmail());
    const onlyHildesheim = leineWeserSketch();
    onlyHildesheim.project.title = `Nur Hildesheim ${crypto.randomUUID()}`;
    onlyHildesheim.space.subRegions = [{ id: 'hildesheim', shareBp: 10_000 }];
    onlyHildesheim.space.districts = ['Landkreis Hildesheim'];
    onlyHildesheim.localAlliance.subRegionId = 'hildesheim';
    onlyHildesheim.strategy.priorities = [onlyHildesheim.strategy.priorities[1]!];
    const first = await submittedSketch(applicant);
    const second = await submittedSketch(applicant, onlyHildesheim);
    await giveStatements(api.url, admin, first);
    await admin.call('POST', `/api/admin/sketches/${first.id}/accept`);
    const list = (query: string) =>
      admin.call<{ items: SketchSummary[]; cursor?: string }>('GET', `/api/admin/sketches?${query}`);
    // Act
    const submittedOnes = await list('status=submitted&limit=100');
    const ready = await list('status=ready_for_vote&limit=100');
    const inHannover = await list('subRegion=region-hannover&limit=100');
    const priorityI = await list('priority=I&limit=100');
    // the newest submitted sketch is the Hildesheim one: the filter must read past it to fill the page
    const firstInHannover = await list('status=submitted&subRegion=region-hannover&limit=1');
    const pageOne = await list('limit=1');
    const pageTwo = await list(`limit=1&cursor=${pageOne.body.cursor}`);
    // Assess
    expect(submittedOnes.body.items.map((i) => i.id)).toContain(second.id);
    expect(submittedOnes.body.items.map((i) => i.id)).not.toContain(first.id);
    expect(ready.body.items.find((i) => i.id === first.id)).toMatchObject({
      status: 'ready_for_vote',
      statementsMissing: [],
      costCents: 38_310_000,
      subRegionIds: ['region-hannover', 'hildesheim', 'weserbergland-plus'],
    });
    expect(inHannover.body.items.map((i) => i.id)).toContain(first.id);
    expect(inHannover.body.items.map((i) => i.id)).not.toContain(second.id);
    expect(priorityI.body.items.map((i) => i.id)).not.toContain(second.id);
    expect(firstInHannover.body.items).toHaveLength(1);
    expect(firstInHannover.body.items[0]?.subRegionIds).toContain('region-hannover');
    expect(pageOne.body.items).toHaveLength(1);
    expect(pageTwo.body.items).toHaveLength(1);
    expect(pageTwo.body.items[0]?.id).not.toBe(pageOne.body.items[0]?.id);
    expect(pageOne.body.items[0]!.submittedAt! >= pageTwo.body.items[0]!.submittedAt!).toBe(true);
    expect(JSON.stringify(submittedOnes.body)).not.toContain('"draft"');
  });

  it('gets a clear error for a bad list query; applicants may not list', async () => {
    // Prepare
    const admin = await signInAdmin();
    const applicant = await signIn(api.url, uniqueEmail());
    // Act
    const badStatus = await admin.call('GET', '/api/admin/sketches?status=unbekannt');
    const badCursor = await admin.call('GET', '/api/admin/sketches?cursor=abc');
    const denied = await applicant.call('GET', '/api/admin/sketches');
    // Assess
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.fields).toEqual([{ field: 'status', message: 'Status: unbekannter Wert.' }]);
    expect(badCursor.status).toBe(400);
    expect(denied.status).toBe(403);
  });

  it('refuses a return without a real note', async () => {
    // Prepare
    const admin = await signInAdmin();
    const submitted = await submittedSketch(await signIn(api.url, uniqueEmail()));
    // Act
    const answer = await admin.call('POST', `/api/admin/sketches/${submitted.id}/return`, { note: 'kurz' });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([
      { field: 'note', message: 'Hinweis für den Antragsteller: Bitte mindestens 10 Zeichen eingeben.' },
    ]);
  });
});

describe('withdrawing', () => {
  it('is open to the applicant and the office before the Votum, told by mail, and final', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const admin = await signInAdmin();
    const stranger = await signIn(api.url, uniqueEmail('fremd'));
    const own = await startDraft(applicant, leineWeserSketch());
    const submitted = await submittedSketch(applicant);
    // Act
    const byStranger = await stranger.call('POST', `/api/sketches/${own.id}/withdraw`, {});
    const byApplicant = await applicant.call<SketchDoc>('POST', `/api/sketches/${own.id}/withdraw`, {});
    const byOffice = await admin.call<SketchDoc>('POST', `/api/sketches/${submitted.id}/withdraw`, {
      reason: 'Der Träger hat telefonisch zurückgezogen.',
    });
    const twice = await applicant.call('POST', `/api/sketches/${own.id}/withdraw`, {});
    // Assess
    expect(byStranger.status).toBe(404);
    expect(byApplicant.body).toMatchObject({ status: 'withdrawn', withdrawn: { by: email } });
    expect(byOffice.body.status).toBe('withdrawn');
    expect(twice.status).toBe(409);
    const mails = await mailsAbout(email, 'Projektskizze zurückgezogen');
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.body.text).join()).toContain('Der Träger hat telefonisch zurückgezogen.');
  });
});

describe('the applicant status page', () => {
  it('lists every sketch of the applicant with its state, next step and the mails sent', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const admin = await signInAdmin();
    const draft = await startDraft(applicant, { project: { title: 'Noch ein Entwurf' } });
    const submitted = await submittedSketch(applicant);
    await admin.call('POST', `/api/admin/sketches/${submitted.id}/return`, {
      note: 'Bitte Kostenplan erläutern.',
    });
    // Act
    const page = await applicant.call<{
      sketches: SketchSummary[];
      mails: { subject: string; status: string }[];
    }>('GET', '/api/my/sketches');
    // Assess
    expect(page.status).toBe(200);
    expect(page.body.sketches.map((s) => s.id)).toEqual([submitted.id, draft.id]);
    expect(page.body.sketches[0]).toMatchObject({ status: 'draft', submissions: 1 });
    expect(page.body.sketches[0]?.nextStep.text).toContain('Bitte Kostenplan erläutern.');
    expect(page.body.sketches[1]).toMatchObject({ title: 'Noch ein Entwurf', status: 'draft' });
    expect(page.body.mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Bitte überarbeiten/),
        expect.stringMatching(/^Projektskizze eingereicht/),
      ]),
    );
    expect(page.body.mails.every((m) => m.status === 'sent')).toBe(true);
    expect(JSON.stringify(page.body)).not.toContain('"draft":{');
  });
});

describe('the public profile', () => {
  it('gives the form what it needs without the sender address', async () => {
    // Act
    const answer = await new (await import('../support/api.ts')).Caller(api.url).call<
      Record<string, unknown>
    >('GET', '/api/profile');
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 'leine-weser', funding: { maxRuntimeMonths: 36 } });
    expect(answer.body.mailFrom).toBeUndefined();
  });
});
