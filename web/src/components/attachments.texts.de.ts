import { attachmentMessages } from '../../../functions/core/attachments.ts';

/*
 * The attachment component's own German texts. Kind labels and the messages the API also gives
 * (too large, wrong type, …) come from functions/core/attachments.ts.
 */
export const attachmentTexts = {
  loading: 'Anhänge werden geladen …',
  heading: 'Anhänge',
  uploadedAt: (at: string) => `hochgeladen am ${at}`,
  version: (n: number, of: number) => `Fassung ${n} von ${of}`,
  none: 'Keine Anhänge.',
  noneOfKind: 'Noch keine Datei.',
  retry: 'Erneut laden',
  add: 'Datei hinzufügen',
  formats: attachmentMessages.allowedFormats,
  download: 'herunterladen',
  remove: 'Entfernen',
  removing: 'Wird entfernt …',
  errorPrefix: 'Fehler:',
  progress: (fileName: string) => `Hochladen von „${fileName}“`,
  uploading: (fileName: string) => `„${fileName}“ wird hochgeladen …`,
  checking: (fileName: string) => `„${fileName}“ wird geprüft …`,
  uploaded: (fileName: string) => `„${fileName}“ wurde hochgeladen.`,
  removed: (fileName: string) => `„${fileName}“ wurde entfernt.`,
  uploadFailed: (fileName: string) =>
    `Anhang „${fileName}“: Das Hochladen ist fehlgeschlagen. Bitte versuchen Sie es erneut.`,
  uploadNetwork: (fileName: string) =>
    `Anhang „${fileName}“: Die Verbindung ist abgebrochen. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.`,
};
