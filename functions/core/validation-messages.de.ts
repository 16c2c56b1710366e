/*
 * The validation messages of the schemas (sketch.ts, sketch-full.ts, contract/common.ts), one export
 * per text: a function imports the module as a namespace (`import * as validation from
 * './validation-messages.de.ts'`), so esbuild keeps only the texts it reads. validation.de.ts
 * re-exports it as `validation` for the web and the tests.
 */
export const required = (field: string) => `${field}: Bitte ausfüllen.`;
export const tooShort = (field: string, min: number) => `${field}: Bitte mindestens ${min} Zeichen eingeben.`;
export const tooLong = (field: string, max: number) => `${field}: Bitte höchstens ${max} Zeichen eingeben.`;
export const email = (field: string) =>
  `${field}: Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@example.org).`;
export const invalid = (field: string) => `${field}: Die Eingabe ist ungültig.`;
export const missing = (field: string) => `${field}: Bitte angeben.`;
export const malformed = (field: string) => `${field}: ungültig.`;
/** A paged list's query (contract/common.ts `pageQuery`). */
export const limitNotNumber = 'limit: Bitte eine Zahl angeben.';
export const limitNotWhole = 'limit: Bitte eine ganze Zahl angeben.';
export const limitTooLow = 'limit: mindestens 1.';
export const limitTooHigh = 'limit: höchstens 100.';
export const cursor = 'cursor: ungültig.';
