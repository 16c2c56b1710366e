/*
 * What the sketch routes say about their input, in German: the messages of their request schemas
 * (contract/sketches.ts), each naming its field, and the handlers' refusals. The sketch's own fields
 * have theirs in sketch.de.ts and messages.de.ts. One export per use, so a route's bundle keeps
 * only the texts of its own schema (an object is kept whole where any of it is read).
 */

/** A save names the version it is based on, so no tab overwrites another. */
export const versionToSave = 'version: Bitte die Fassung angeben, auf der die Änderung beruht.';
export const versionToSubmit = 'version: Bitte die Fassung angeben, die eingereicht werden soll.';
/** The form's hint beside a save (contract/sketches.ts `openSteps`). */
export const openStepsNotSteps =
  'openSteps: Bitte die offenen Schritte als Liste der Abschnitte des Formulars angeben (höchstens jeder einmal).';
export const versionNumber = 'Fassung: Bitte die Nummer einer eingereichten Fassung angeben (1, 2, …).';

export const submitMessages = {
  changeNoteNotText: 'Was hat sich geändert: Bitte als Text angeben.',
  changeNoteTooLong: 'Was hat sich geändert: Bitte höchstens 2000 Zeichen eingeben.',
} as const;

export const withdrawMessages = {
  reasonNotText: 'Begründung: Bitte als Text angeben.',
  reasonTooLong: 'Begründung: Bitte höchstens 1000 Zeichen eingeben.',
} as const;

export const returnNoteLabel = 'Hinweis für den Antragsteller';

/** The handlers' refusals (409/404) that only the sketch routes give. */
export const noSuchVersion = (n: number) => `Eine eingereichte Fassung ${n} gibt es nicht.`;

export const listMessages = {
  status: 'Status: unbekannter Wert.',
  subRegion: 'Teilraum',
  priority: 'Handlungsschwerpunkt',
  invalid: (label: string) => `${label}: ungültig.`,
} as const;
