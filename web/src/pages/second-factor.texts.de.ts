/*
 * The office's second factor pages: setting it up at the first sign-in, confirming later ones.
 */
export const secondFactorTexts = {
  loading: 'Wird geladen …',
  enrol: {
    title: 'Anmeldung absichern',
    intro:
      'Wer die Verwaltung öffnet, meldet sich mit einem zweiten Faktor an: Der Link aus der E-Mail allein genügt nicht. Richten Sie jetzt einen Passkey ein, oder – ohne Sicherheitsschlüssel – eine Authenticator-App.',
    passkeyHeading: 'Passkey (empfohlen)',
    passkeyHint:
      'Ein Passkey liegt auf diesem Gerät, einem Sicherheitsschlüssel oder in Ihrem Passwortmanager; Sie bestätigen ihn mit Fingerabdruck, Gesicht oder PIN.',
    passkeyButton: 'Passkey einrichten',
    totpHeading: 'Authenticator-App',
    totpHint:
      'Zum Beispiel FreeOTP, Aegis, Google oder Microsoft Authenticator. Die App zeigt alle 30 Sekunden einen neuen sechsstelligen Code.',
    totpButton: 'Authenticator-App einrichten',
    secretLabel: 'Schlüssel zum Eintippen in die App',
    uriLabel: 'Oder diese Adresse in die App übernehmen (otpauth)',
    confirmButton: 'Code bestätigen',
  },
  verify: {
    title: 'Anmeldung bestätigen',
    intro: 'Bitte bestätigen Sie Ihre Anmeldung mit Ihrem zweiten Faktor.',
    passkeyButton: 'Mit Passkey bestätigen',
    totpHeading: 'Code aus der Authenticator-App',
    confirmButton: 'Bestätigen',
    recoveryHeading: 'Wiederherstellungscode verwenden',
    recoveryHint: 'Jeder Wiederherstellungscode gilt nur einmal.',
    recoveryLabel: 'Wiederherstellungscode',
    recoveryButton: 'Mit Wiederherstellungscode bestätigen',
    recoveryLeft: (n: number) =>
      n === 1 ? 'Sie haben noch 1 Wiederherstellungscode.' : `Sie haben noch ${n} Wiederherstellungscodes.`,
  },
  codeLabel: 'Sechsstelliger Code',
  working: 'Wird geprüft …',
  passkeyCancelled:
    'Der Passkey wurde nicht verwendet (abgebrochen oder nicht verfügbar). Versuchen Sie es noch einmal oder nutzen Sie die Authenticator-App.',
  recovery: {
    heading: 'Ihre Wiederherstellungscodes',
    intro:
      'Bewahren Sie diese Codes sicher auf, zum Beispiel ausgedruckt oder im Passwortmanager. Mit jedem können Sie sich einmal anmelden, wenn Passkey und App fehlen. Sie werden nur jetzt angezeigt.',
    continue: 'Weiter zur Verwaltung',
  },
  passed: 'Ihre Anmeldung ist bestätigt.',
  notNeeded: 'Für Ihr Konto ist kein zweiter Faktor nötig.',
  continue: 'Weiter',
} as const;
