/*
 * The validation messages of the schemas (sketch.ts, sketch-full.ts): a module of their own, so the
 * form's chunk carries these and not the whole catalogue (messages.de.ts re-exports them).
 */

export const validation = {
  required: (field: string) => `${field}: Bitte ausfüllen.`,
  tooShort: (field: string, min: number) => `${field}: Bitte mindestens ${min} Zeichen eingeben.`,
  tooLong: (field: string, max: number) => `${field}: Bitte höchstens ${max} Zeichen eingeben.`,
  email: (field: string) => `${field}: Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@example.org).`,
  invalid: (field: string) => `${field}: Die Eingabe ist ungültig.`,
  missing: (field: string) => `${field}: Bitte angeben.`,
  malformed: (field: string) => `${field}: ungültig.`,
} as const;

/**
 * What one item of a sketch's lists is called, so an error inside it says which one ("Arbeitspaket
 * 2 – Ende (Projektmonat): …"): by the list's path in the sketch.
 */
export const listItemNames: Record<string, string> = {
  'applicant.partners': 'Partner',
  'project.activities': 'Arbeitspaket',
  'project.results': 'Ergebnis',
  'space.subRegions': 'Teilraum',
  'finance.costs': 'Kostenzeile',
  'finance.thirdParty': 'Drittmittel',
};
