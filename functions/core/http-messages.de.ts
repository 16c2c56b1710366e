/*
 * What the HTTP layer and the application layer answer in German, one export per text: a function
 * imports the module as a namespace (`import * as httpMessages from './http-messages.de.ts'`), so
 * esbuild keeps only the texts it reads (a property of an object it cannot drop). messages.de.ts
 * gathers them as `httpMessages` for the web and the tests.
 */
import { statusMessages } from './status-messages.de.ts';

/** What an HTTP status means in words (status-messages.de.ts, the web client's first script). */
export const { badRequest, unauthenticated, forbidden, notFound, internal } = statusMessages;

export const invalidJson = 'Die Anfrage enthält kein gültiges JSON.';
export const unsupportedMediaType = 'Bitte senden Sie die Daten als JSON (Content-Type: application/json).';
export const validationFailed = 'Bitte prüfen Sie die markierten Felder.';
export const noBodyTaken = 'Diese Aktion nimmt keine Daten entgegen: Bitte senden Sie nichts oder {}.';
export const crossSite =
  'Diese Anfrage kam nicht von den Seiten des Portals und wurde abgelehnt. Bitte laden Sie die Seite neu.';
export const methodNotAllowed = 'Diese Methode ist hier nicht erlaubt.';
export const conflict = 'Die Daten wurden inzwischen geändert. Bitte laden Sie die Seite neu.';
export const idempotencyKeyMissing =
  'Der Header „Idempotency-Key“ fehlt: Bitte senden Sie das Formular erneut.';
export const idempotencyKeyReused = 'Dieser Idempotency-Key wurde bereits für andere Daten verwendet.';
export const requestInProgress = 'Diese Einreichung wird gerade bearbeitet. Bitte warten Sie einen Moment.';
export const linkInvalid =
  'Dieser Anmeldelink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.';
export const sketchNotFound = 'Diese Projektskizze gibt es nicht, oder Sie dürfen sie nicht sehen.';
export const documentPending =
  'Das Dokument wird gerade erstellt. Bitte versuchen Sie es in einer Minute noch einmal.';
export const documentFailed =
  'Das Dokument konnte nach mehreren Versuchen nicht erstellt werden. Der Betrieb ist benachrichtigt; die E-Mail, die es mitnehmen sollte, wartet.';
export const sketchChanged =
  'Die Skizze wurde inzwischen an anderer Stelle geändert (zum Beispiel in einem anderen Tab). Bitte laden Sie den aktuellen Stand oder überschreiben Sie ihn bewusst.';
export const sketchNotEditable = 'Die Skizze ist nicht mehr im Entwurf und kann nicht geändert werden.';
export const cursorInvalid = 'Die Seitenangabe (cursor) ist ungültig.';
export const cursorField = 'cursor: ungültig.';
export const voteChanged =
  'Die Abstimmung wurde gerade an anderer Stelle geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.';
export const wrongStatus = (status: string) => `Das ist im Status „${status}“ nicht möglich.`;
export const tooLarge = 'Die Anfrage ist zu groß (höchstens 1 MB).';
