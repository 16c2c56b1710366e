/*
 * What an HTTP status means in words, where an answer brings no message of its own: the part of the
 * HTTP catalogue (messages.de.ts, `httpMessages`) the web client's first script needs, in a module
 * of its own so that script does not carry the whole catalogue.
 */
export const statusMessages = {
  badRequest: 'Die Anfrage ist ungültig.',
  unauthenticated: 'Bitte melden Sie sich an.',
  forbidden: 'Für diese Aktion fehlt Ihnen die Berechtigung.',
  notFound: 'Nicht gefunden.',
  internal: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
} as const;
