import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/platform/config.ts';
import { nordostSketch } from '../support/alliance-sketches.ts';
import { speaksOfItsOwnAlliance, startApiAs, wholeJourney } from '../support/journey.ts';

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
    expect(journey.text).toContain('einen starken Regionalbezug aufweisen');
    expect(journey.text).toContain('So geht es weiter');
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
