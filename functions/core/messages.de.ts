// The German catalogue: every text a user reads comes from here, so an English one can follow.
// Each part is its own export too, so a bundle that needs one part (the form: validation) leaves
// the others out; `de` gathers them for the code that reads several.

export const fieldNames = {
  title: 'Projekttitel',
  organisation: 'Organisation des Projektträgers',
  contactName: 'Name der Ansprechperson',
  contactEmail: 'E-Mail der Ansprechperson',
  summary: 'Kurzbeschreibung',
  email: 'E-Mail-Adresse',
} as const;

export const validation = {
  required: (field: string) => `${field}: Bitte ausfüllen.`,
  tooShort: (field: string, min: number) => `${field}: Bitte mindestens ${min} Zeichen eingeben.`,
  tooLong: (field: string, max: number) => `${field}: Bitte höchstens ${max} Zeichen eingeben.`,
  email: (field: string) => `${field}: Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@example.org).`,
  invalid: (field: string) => `${field}: Die Eingabe ist ungültig.`,
} as const;

export const statusLabels = {
  draft: 'Entwurf',
  submitted: 'Eingereicht',
  ready_for_vote: 'Bereit zur Abstimmung',
  in_vote: 'In der Abstimmung',
  endorsed: 'Positives Votum',
  not_endorsed: 'Kein positives Votum',
  deferred: 'Zurückgestellt',
  withdrawn: 'Zurückgezogen',
  funded: 'Bewilligt',
  rejected: 'Nicht bewilligt',
  running: 'Laufend',
  report_due: 'Abschlussbericht fällig',
  closed: 'Abgeschlossen',
} as const;

export const httpMessages = {
  badRequest: 'Die Anfrage ist ungültig.',
  invalidJson: 'Die Anfrage enthält kein gültiges JSON.',
  unsupportedMediaType: 'Bitte senden Sie die Daten als JSON (Content-Type: application/json).',
  validationFailed: 'Bitte prüfen Sie die markierten Felder.',
  unauthenticated: 'Bitte melden Sie sich an.',
  forbidden: 'Für diese Aktion fehlt Ihnen die Berechtigung.',
  notFound: 'Nicht gefunden.',
  methodNotAllowed: 'Diese Methode ist hier nicht erlaubt.',
  conflict: 'Die Daten wurden inzwischen geändert. Bitte laden Sie die Seite neu.',
  idempotencyKeyMissing: 'Der Header „Idempotency-Key“ fehlt: Bitte senden Sie das Formular erneut.',
  idempotencyKeyReused: 'Dieser Idempotency-Key wurde bereits für andere Daten verwendet.',
  requestInProgress: 'Diese Einreichung wird gerade bearbeitet. Bitte warten Sie einen Moment.',
  linkInvalid:
    'Dieser Anmeldelink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.',
  internal: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
} as const;

export const de = { field: fieldNames, validation, status: statusLabels, http: httpMessages } as const;

export type Catalogue = typeof de;
