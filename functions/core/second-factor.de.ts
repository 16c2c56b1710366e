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

/*
 * The rest, one export per text: a module imports them as a namespace (`import * as de from
 * './second-factor.de.ts'`) and keeps only the texts it reads (as one object, each route of the
 * group held all of them).
 */
export const required = secondFactorRequired;
/** A second enrolment before the first factor was confirmed would let a stolen link add its own. */
export const verifyFirst =
  'Bitte bestätigen Sie zuerst Ihre Anmeldung mit einem bereits eingerichteten zweiten Faktor.';
export const notEnrolled = 'Für Ihr Konto ist noch kein zweiter Faktor eingerichtet.';
export const alreadyPassed = 'Ihre Anmeldung ist bereits bestätigt.';
export const noPasskey = 'Für Ihr Konto ist kein Passkey eingerichtet.';
export const noTotp = 'Für Ihr Konto ist keine Authenticator-App eingerichtet.';
export const challengeExpired = 'Die Anfrage ist abgelaufen. Bitte versuchen Sie es noch einmal.';
export const passkeyFailed = 'Der Passkey konnte nicht geprüft werden. Bitte versuchen Sie es noch einmal.';
export const codeInvalid = 'Code: Der Code stimmt nicht oder wurde schon verwendet.';
export const codeShape = 'Code: Bitte die 6 Ziffern aus der Authenticator-App angeben.';
export const recoveryInvalid = 'Wiederherstellungscode: Der Code stimmt nicht oder wurde schon verwendet.';
export const recoveryShape =
  'Wiederherstellungscode: Bitte den Code so angeben, wie er Ihnen angezeigt wurde.';
export const credentialShape = 'Passkey: Die Antwort des Browsers ist unvollständig.';
/** A registration with attestation certificates: the portal asked the browser for none. */
export const attestationRefused =
  'Passkey: Der Browser hat eine Hersteller-Bescheinigung des Passkeys mitgesendet, die das Portal nicht annimmt. Bitte registrieren Sie den Passkey noch einmal, am besten mit einem aktuellen Browser.';
export const tooManyFailures =
  'Zu viele falsche Codes. Ihre Sitzung wurde beendet; bitte fordern Sie einen neuen Anmeldelink an.';
/** The issuer the authenticator app shows beside the account. */
export const issuer = (alliance: string) => `Votum ${alliance}`;
