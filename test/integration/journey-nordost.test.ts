import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/platform/config.ts';
import { nordostSketch } from '../support/alliance-sketches.ts';
import { signIn, uniqueEmail } from '../support/api.ts';
import { onlyItsOwnNames, speaksOfItsOwnAlliance, startApiAs, wholeJourney } from '../support/journey.ts';
import { startDraft, submitAs } from '../support/sketches.ts';

/* Nordostniedersachsen's own journey: its sketch, its rules, its names in every mail. */

let api: Awaited<ReturnType<typeof startApiAs>>;
beforeAll(async () => {
  api = await startApiAs('nordostniedersachsen');
});
afterAll(() => api.stop());

describe('a sketch under the Nordostniedersachsen profile', () => {
  it('goes its whole way, and every mail speaks of the Allianz für Fachkräfte and its steps', async () => {
    // Prepare
    const profile = config().profile;
    // Act
    const journey = await wholeJourney(api.url, nordostSketch(), '2024-12-31');
    // Assess
    for (const subject of [
      'Projektskizze eingereicht:',
      'Vollständig und bereit zur Abstimmung:',
      'Förderentscheidung bestätigt:',
    ])
      expect(
        journey.mails.some((m) => m.subject.startsWith(subject)),
        subject,
      ).toBe(true);
    speaksOfItsOwnAlliance(journey.text, profile);
    // The Votum's mail, sent once its letter is rendered: this alliance's names only.
    const votum = journey.mails.find((m) =>
      m.subject.startsWith(`Votum ${profile.names.decisionBody.genitive}:`),
    );
    expect(votum, 'the Votum mail').toBeDefined();
    onlyItsOwnNames(`${votum?.subject}\n${votum?.body.text}`, profile);
    expect(votum?.body.text).toContain(`Förderantrag bei ${profile.names.bank.dative}`);
    // No local step in this profile: submitted without a local alliance, none in the record.
    expect(journey.text).not.toMatch(/Lokale Allianz|lokalen Allianz/);
    expect(journey.text).toContain('einen starken Regionalbezug aufweisen');
    expect(journey.text).toContain('So geht es weiter');
  });

  it('is submitted without a local alliance, which its process does not have, nor its statement as an attachment', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const draft = await startDraft(applicant, nordostSketch());
    const older = await startDraft(applicant, {
      ...nordostSketch(),
      localAlliance: { subRegionId: '', presentedOn: '', statement: '' },
    });
    // Act
    const submitted = await submitAs(applicant, draft.id, draft.version);
    const olderSubmitted = await submitAs(applicant, older.id, older.version);
    const statement = await applicant.call('POST', `/api/sketches/${draft.id}/attachments`, {
      kind: 'endorsement_statement',
      fileName: 'Stellungnahme.pdf',
      contentType: 'application/pdf',
      size: 1000,
    });
    // Assess
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.draft).not.toHaveProperty('localAlliance');
    expect(olderSubmitted.status, JSON.stringify(olderSubmitted.body)).toBe(200);
    expect(olderSubmitted.body.draft).not.toHaveProperty('localAlliance');
    expect(statement.status).toBe(400);
    expect((statement.body as { fields?: { field: string }[] }).fields?.map((f) => f.field)).toEqual([
      'kind',
    ]);
  });

  it('refuses a sketch that ends after its period („bis 2024“) and asks 80 % of the personnel costs', async () => {
    // Prepare
    const sketch = nordostSketch();
    sketch.runtime.end = '2025-06-30';
    sketch.finance.esfCents = 8_000_000;
    sketch.finance.ownCents = 4_000_000;
    // Act
    const journey = wholeJourney(api.url, sketch, '2025-06-30');
    // Assess
    await expect(journey).rejects.toThrow(/runtime\.end.*31\.12\.2024.*finance\.esfCents.*70/s);
  });
});
