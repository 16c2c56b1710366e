import { maxAttachmentBytes, maxAttachmentsPerSketch } from './attachment-limits.ts';
import type { AttachmentKind } from './attachments.ts';

/* What attachments are called and what is said about them, in German (core/attachments.ts). */

export const attachmentKindLabels: Record<AttachmentKind, string> = {
  endorsement_statement: 'Stellungnahme der lokalen Allianz',
  nbank_draft: 'Entwurf des Förderantrags',
  cost_plan: 'Kostenplan des Antragstellers',
  funding_decision: 'Förderbescheid (Kopie)',
  report: 'Bericht (z. B. Sachbericht an die Förderbank)',
};

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** German messages about attachments; each names the file, as the form shows it next to the input. */
export const attachmentMessages = {
  notAllowedType: (fileName: string) =>
    `Anhang „${fileName}“: Die Datei ist kein PDF-, Word-, Excel-, OpenDocument- oder Bilddokument.`,
  tooLarge: (fileName: string) =>
    `Anhang „${fileName}“: Die Datei ist größer als ${mb(maxAttachmentBytes)}. Bitte verkleinern Sie sie (z. B. als PDF mit geringerer Auflösung).`,
  empty: (fileName: string) => `Anhang „${fileName}“: Die Datei ist leer.`,
  missingUpload: (fileName: string) =>
    `Anhang „${fileName}“: Die Datei ist nicht angekommen. Bitte laden Sie sie erneut hoch.`,
  changedDuringCheck: (fileName: string) =>
    `Anhang „${fileName}“: Die Datei wurde während der Prüfung verändert. Bitte laden Sie sie erneut hoch.`,
  tooMany: `Eine Projektskizze kann höchstens ${maxAttachmentsPerSketch} Anhänge haben. Bitte entfernen Sie zuerst einen anderen Anhang.`,
  notEditable: (status: string) =>
    `Anhänge können nur geändert werden, solange die Skizze ein Entwurf oder eingereicht ist (jetzt: „${status}“).`,
  notEditableKind: (kind: AttachmentKind, status: string) =>
    kind === 'funding_decision'
      ? `Den Förderbescheid können Sie anhängen, solange die Förderentscheidung noch nicht bestätigt ist (jetzt: „${status}“).`
      : kind === 'report'
        ? `Berichte können Sie anhängen, solange das Projekt läuft (jetzt: „${status}“).`
        : `Anhänge können nur geändert werden, solange die Skizze ein Entwurf oder eingereicht ist (jetzt: „${status}“).`,
  notFound: 'Diesen Anhang gibt es nicht, oder Sie dürfen ihn nicht sehen.',
  ownerOnly: 'Anhänge kann nur der Projektträger hinzufügen oder entfernen.',
  allowedFormats: `Erlaubt: PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT, ODS), Bilder (PNG, JPEG); höchstens ${mb(maxAttachmentBytes)} je Datei.`,
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
