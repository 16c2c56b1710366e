/*
 * What the office's second factor says, in German: the refusals of the API (contract/mfa.ts,
 * app/second-factor.ts) and the labels the authenticator app shows.
 */

/**
 * The 403 of an admin route before the second factor (code `second_factor_required`). Its own
 * export: every function's stack says it, only the second factor's group says the rest.
 */
export const secondFactorRequired =
  'Bitte bestätigen Sie Ihre Anmeldung mit dem zweiten Faktor (Passkey oder Code aus der Authenticator-App).';

export const secondFactorMessages = {
  required: secondFactorRequired,
  /** A second enrolment before the first factor was confirmed would let a stolen link add its own. */
  verifyFirst: 'Bitte bestätigen Sie zuerst Ihre Anmeldung mit einem bereits eingerichteten zweiten Faktor.',
  notEnrolled: 'Für Ihr Konto ist noch kein zweiter Faktor eingerichtet.',
  alreadyPassed: 'Ihre Anmeldung ist bereits bestätigt.',
  noPasskey: 'Für Ihr Konto ist kein Passkey eingerichtet.',
  noTotp: 'Für Ihr Konto ist keine Authenticator-App eingerichtet.',
  challengeExpired: 'Die Anfrage ist abgelaufen. Bitte versuchen Sie es noch einmal.',
  passkeyFailed: 'Der Passkey konnte nicht geprüft werden. Bitte versuchen Sie es noch einmal.',
  codeInvalid: 'Code: Der Code stimmt nicht oder wurde schon verwendet.',
  codeShape: 'Code: Bitte die 6 Ziffern aus der Authenticator-App angeben.',
  recoveryInvalid: 'Wiederherstellungscode: Der Code stimmt nicht oder wurde schon verwendet.',
  recoveryShape: 'Wiederherstellungscode: Bitte den Code so angeben, wie er Ihnen angezeigt wurde.',
  credentialShape: 'Passkey: Die Antwort des Browsers ist unvollständig.',
  /** A registration with attestation certificates: the portal asked the browser for none. */
  attestationRefused:
    'Passkey: Der Browser hat eine Hersteller-Bescheinigung des Passkeys mitgesendet, die das Portal nicht annimmt. Bitte registrieren Sie den Passkey noch einmal, am besten mit einem aktuellen Browser.',
  tooManyFailures:
    'Zu viele falsche Codes. Ihre Sitzung wurde beendet; bitte fordern Sie einen neuen Anmeldelink an.',
  /** The issuer the authenticator app shows beside the account. */
  issuer: (alliance: string) => `Votum ${alliance}`,
} as const;
