import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { email, fieldErrors, text } from '../../functions/core/sketch.ts';

/** Three fields built as the sketch schema and the API's inputs build theirs. */
const contact = z.strictObject({
  title: text('Projekttitel', 5, 150),
  contactName: text('Name der Ansprechperson', 2, 120),
  contactEmail: email('E-Mail der Ansprechperson'),
});

const valid = {
  title: 'Pflegekräfte für das Weserbergland',
  contactName: 'Anna Musterfrau',
  contactEmail: 'Anna.Musterfrau@Example.org',
};

const errorsOf = (error: Parameters<typeof fieldErrors>[0] | undefined) => (error ? fieldErrors(error) : []);

describe('the field schemas', () => {
  it('trim text and lower-case an email address', () => {
    // Act
    const parsed = contact.parse({ ...valid, title: `  ${valid.title}  ` });
    // Assess
    expect(parsed.title).toBe(valid.title);
    expect(parsed.contactEmail).toBe('anna.musterfrau@example.org');
  });

  it('name every missing field in German, in the order of the form', () => {
    // Act
    const result = contact.safeParse({});
    // Assess
    expect(errorsOf(result.error)).toEqual([
      { field: 'title', message: 'Projekttitel: Bitte ausfüllen.' },
      { field: 'contactName', message: 'Name der Ansprechperson: Bitte ausfüllen.' },
      { field: 'contactEmail', message: 'E-Mail der Ansprechperson: Bitte ausfüllen.' },
    ]);
  });

  it('enforce the character limits the form counts', () => {
    // Act
    const result = contact.safeParse({ ...valid, title: 'abc', contactName: 'x'.repeat(121) });
    // Assess
    expect(errorsOf(result.error)).toEqual([
      { field: 'title', message: 'Projekttitel: Bitte mindestens 5 Zeichen eingeben.' },
      { field: 'contactName', message: 'Name der Ansprechperson: Bitte höchstens 120 Zeichen eingeben.' },
    ]);
  });

  it('count a field of only spaces as empty, and refuse an address that is none', () => {
    // Act
    const blank = contact.safeParse({ ...valid, contactName: '   ' });
    const notAnAddress = contact.safeParse({ ...valid, contactEmail: 'anna(at)example.org' });
    // Assess
    expect(errorsOf(blank.error)).toEqual([
      { field: 'contactName', message: 'Name der Ansprechperson: Bitte ausfüllen.' },
    ]);
    expect(errorsOf(notAnAddress.error)).toEqual([
      {
        field: 'contactEmail',
        message:
          'E-Mail der Ansprechperson: Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@example.org).',
      },
    ]);
  });

  it('refuse a value of the wrong type with the field named', () => {
    // Act
    const result = contact.safeParse({ ...valid, title: 42 });
    // Assess
    expect(errorsOf(result.error)).toEqual([{ field: 'title', message: 'Projekttitel: Bitte ausfüllen.' }]);
  });
});
