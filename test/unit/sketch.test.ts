import { describe, expect, it } from 'vitest';
import { fieldErrors, sketchInput, sketchLimits } from '../../functions/core/sketch.ts';

const valid = {
  title: 'Pflegekräfte für das Weserbergland',
  organisation: 'Bildungswerk e. V.',
  contactName: 'Anna Musterfrau',
  contactEmail: 'Anna.Musterfrau@Example.org',
  summary: 'Das Projekt gewinnt Quereinsteigerinnen für die Pflege.',
};

const errorsOf = (error: Parameters<typeof fieldErrors>[0] | undefined) => (error ? fieldErrors(error) : []);

describe('the sketch schema', () => {
  it('accepts a complete sketch, trims text and lower-cases the email', () => {
    // Act
    const parsed = sketchInput.parse({ ...valid, title: `  ${valid.title}  ` });
    // Assess
    expect(parsed.title).toBe(valid.title);
    expect(parsed.contactEmail).toBe('anna.musterfrau@example.org');
  });

  it('names every missing field in German, in the order of the form', () => {
    // Act
    const result = sketchInput.safeParse({});
    // Assess
    expect(result.success).toBe(false);
    expect(errorsOf(result.error)).toEqual([
      { field: 'title', message: 'Projekttitel: Bitte ausfüllen.' },
      { field: 'organisation', message: 'Organisation des Projektträgers: Bitte ausfüllen.' },
      { field: 'contactName', message: 'Name der Ansprechperson: Bitte ausfüllen.' },
      { field: 'contactEmail', message: 'E-Mail der Ansprechperson: Bitte ausfüllen.' },
      { field: 'summary', message: 'Kurzbeschreibung: Bitte ausfüllen.' },
    ]);
  });

  it('enforces the character limits the form counts', () => {
    // Prepare
    const tooLong = 'x'.repeat(sketchLimits.summary.max + 1);
    // Act
    const result = sketchInput.safeParse({ ...valid, summary: tooLong, title: 'abc' });
    // Assess
    expect(errorsOf(result.error)).toEqual([
      { field: 'title', message: 'Projekttitel: Bitte mindestens 5 Zeichen eingeben.' },
      { field: 'summary', message: 'Kurzbeschreibung: Bitte höchstens 2000 Zeichen eingeben.' },
    ]);
  });

  it('counts a field of only spaces as empty, and refuses unknown fields', () => {
    // Act
    const blank = sketchInput.safeParse({ ...valid, contactName: '   ' });
    const extra = sketchInput.safeParse({ ...valid, budget: 1 });
    // Assess
    expect(errorsOf(blank.error)).toEqual([
      { field: 'contactName', message: 'Name der Ansprechperson: Bitte ausfüllen.' },
    ]);
    expect(errorsOf(extra.error)[0]?.message).toBe('Unbekannte Felder: budget');
  });

  it('refuses a value of the wrong type with the field named', () => {
    // Act
    const result = sketchInput.safeParse({ ...valid, title: 42 });
    // Assess
    expect(errorsOf(result.error)).toEqual([{ field: 'title', message: 'Projekttitel: Bitte ausfüllen.' }]);
  });
});
