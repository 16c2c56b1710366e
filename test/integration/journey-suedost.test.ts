import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/platform/config.ts';
import { suedostSketch } from '../support/alliance-sketches.ts';
import { onlyItsOwnNames, speaksOfItsOwnAlliance, startApiAs, wholeJourney } from '../support/journey.ts';

/* Südostniedersachsen's own journey: its Geschäftsstelle, its Sprecherkreis, its names in every mail. */

let api: Awaited<ReturnType<typeof startApiAs>>;
beforeAll(async () => {
  api = await startApiAs('suedostniedersachsen');
});
afterAll(() => api.stop());

describe('a sketch under the Südostniedersachsen profile', () => {
  it('goes its whole way, and every mail speaks of its Geschäftsstelle, its Sprecherkreis and its steps', async () => {
    // Prepare
    const profile = config().profile;
    // Act
    const journey = await wholeJourney(api.url, suedostSketch(), '2021-12-31');
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
    expect(journey.text).toContain(
      'bei der Geschäftsstelle des Fachkräftebündnisses Südostniedersachsen eingegangen',
    );
    expect(journey.text).toContain('legt sie dem Sprecherkreis zur Abstimmung vor');
    expect(journey.text).toContain('fachliche Stellungnahme');
    expect(journey.text).toContain('So geht es weiter');
  });

  it('refuses a sketch without the continuation its profile requires, and one ending after its period', async () => {
    // Prepare
    const sketch = suedostSketch();
    sketch.continuation.continuation = '';
    sketch.runtime = { start: '2020-01-01', end: '2022-12-31' };
    // Act
    const journey = wholeJourney(api.url, sketch, '2022-12-31');
    // Assess
    await expect(journey).rejects.toThrow(/"continuation\.continuation"/);
    await expect(journey).rejects.toThrow(/"runtime\.end","message":"[^"]*31\.12\.2021/);
  });
});
