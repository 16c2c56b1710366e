import { maxAttachmentBytes, maxAttachmentsPerSketch } from './attachment-limits.ts';
import type { AttachmentKind } from './attachments.ts';

/*
 * German messages about attachments, one export per text: a function imports the module as a
 * namespace (`import * as attachmentMessages from './attachment-messages.de.ts'`), so esbuild keeps
 * only the texts it reads. core/attachments.ts re-exports it as `attachmentMessages` for the web
 * and the tests.
 */

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** German messages about attachments; each names the file, as the form shows it next to the input. */
export const notAllowedType = (fileName: string) =>
  `Anhang „${fileName}“: Die Datei ist kein PDF-, Word-, Excel-, OpenDocument- oder Bilddokument.`;
export const tooLarge = (fileName: string) =>
  `Anhang „${fileName}“: Die Datei ist größer als ${mb(maxAttachmentBytes)}. Bitte verkleinern Sie sie (z. B. als PDF mit geringerer Auflösung).`;
export const empty = (fileName: string) => `Anhang „${fileName}“: Die Datei ist leer.`;
export const missingUpload = (fileName: string) =>
  `Anhang „${fileName}“: Die Datei ist nicht angekommen. Bitte laden Sie sie erneut hoch.`;
export const changedDuringCheck = (fileName: string) =>
  `Anhang „${fileName}“: Die Datei wurde während der Prüfung verändert. Bitte laden Sie sie erneut hoch.`;
// The two texts built from the limits are pure calls: as bare templates, esbuild would keep them in
// every bundle that imports this module, read or not.
export const tooMany = /* @__PURE__ */ (() =>
  `Eine Projektskizze kann höchstens ${maxAttachmentsPerSketch} Anhänge haben. Bitte entfernen Sie zuerst einen anderen Anhang.`)();
export const notEditable = (status: string) =>
  `Anhänge können nur geändert werden, solange die Skizze ein Entwurf oder eingereicht ist (jetzt: „${status}“).`;
export const notEditableKind = (kind: AttachmentKind, status: string) =>
  kind === 'funding_decision'
    ? `Den Förderbescheid können Sie anhängen, solange die Förderentscheidung noch nicht bestätigt ist (jetzt: „${status}“).`
    : kind === 'report'
      ? `Berichte können Sie anhängen, solange das Projekt läuft (jetzt: „${status}“).`
      : `Anhänge können nur geändert werden, solange die Skizze ein Entwurf oder eingereicht ist (jetzt: „${status}“).`;
export const notFound = 'Diesen Anhang gibt es nicht, oder Sie dürfen ihn nicht sehen.';
export const ownerOnly = 'Anhänge kann nur der Projektträger hinzufügen oder entfernen.';
export const allowedFormats = /* @__PURE__ */ (() =>
  `Erlaubt: PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT, ODS), Bilder (PNG, JPEG); höchstens ${mb(maxAttachmentBytes)} je Datei.`)();
