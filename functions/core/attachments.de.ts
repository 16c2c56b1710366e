import type { AttachmentKind } from './attachments.ts';

/* What attachments are called and what is said about them, in German (core/attachments.ts; the
 * messages are in ./attachment-messages.de.ts). */

export const attachmentKindLabels: Record<AttachmentKind, string> = {
  endorsement_statement: 'Stellungnahme der lokalen Allianz',
  nbank_draft: 'Entwurf des Förderantrags',
  cost_plan: 'Kostenplan des Antragstellers',
  funding_decision: 'Förderbescheid (Kopie)',
  report: 'Bericht (z. B. Sachbericht an die Förderbank)',
};

/*
 * What the input of an upload's start (core/contract/attachments.ts) says about a field that does
 * not fit, in German, naming the field. The form shows it next to the file input; the tests read
 * it word for word.
 */
export const attachmentInput = {
  kind: (kinds: readonly string[]) => `Art des Anhangs: Bitte eine der Arten ${kinds.join(', ')} angeben.`,
  /** A kind the profile's process does not have (the local alliance's statement without a local step). */
  kindNotOffered: (label: string, kinds: readonly string[]) =>
    `Art des Anhangs: „${label}“ sieht dieses Verfahren nicht vor; bitte eine der Arten ${kinds.join(', ')} angeben.`,
  fileNameMissing: 'Dateiname: Bitte angeben.',
  fileNameTooLong: (max: number) => `Dateiname: zu lang (höchstens ${max} Zeichen).`,
  contentTypeMissing: 'Dateityp: Bitte angeben.',
  contentTypeInvalid: 'Dateityp: ungültig (z. B. application/pdf).',
  size: 'Dateigröße: Bitte in Bytes angeben.',
  sizeInvalid: 'Dateigröße: ungültig.',
  /** The body is not an object of these fields, or has others too. */
  body: (unknown: readonly string[] = []) =>
    unknown.length
      ? `Unbekannte Angabe: ${unknown.join(', ')}. Erwartet: Art, Dateiname, Dateityp und Dateigröße.`
      : 'Bitte Art, Dateiname, Dateityp und Dateigröße des Anhangs angeben.',
} as const;
