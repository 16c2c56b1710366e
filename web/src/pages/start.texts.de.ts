/*
 * The start page's and the sign-in page's texts.
 */
import { capitalised } from '../../../functions/core/names.ts';
import type { ProfileNames } from '../../../functions/core/profile.ts';
export const startTexts = {
  start: {
    title: 'Willkommen im Projektportal',
    intro: (n: ProfileNames) =>
      `Hier reichen Projektträger ihre Skizzen für Fachkräfteprojekte bei ${n.alliance.dative} ein. ${capitalised(n.office.nominative)} prüft jede Skizze auf Vollständigkeit, ${n.decisionBody.nominative} gibt ${n.decisionBody.gender === 'feminine' ? 'ihr' : 'sein'} Votum ab – und Sie sehen hier jederzeit, wo Ihre Skizze steht, von der Einreichung bis zum Abschlussbericht.`,
    signInHeading: 'Anmelden',
    signInHint:
      'Sie brauchen kein Passwort: Wir schicken Ihnen einen Link, mit dem Sie sich anmelden. Er gilt 15 Minuten und nur für eine Anmeldung.',
    submit: 'Anmeldelink anfordern',
    sending: 'Wird gesendet …',
    sentHeading: 'Bitte prüfen Sie Ihr Postfach',
    sent: (email: string) =>
      `Wir haben Ihnen einen Anmeldelink an ${email} geschickt. Öffnen Sie ihn innerhalb von 15 Minuten in diesem Browser.`,
    sentHelp:
      'Keine E-Mail erhalten? Sehen Sie bitte auch im Spam-Ordner nach und prüfen Sie die Schreibweise der Adresse.',
    again: 'Neuen Link anfordern',
    signedIn: (email: string) => `Sie sind angemeldet als ${email}.`,
    continueApplicant: 'Neue Projektskizze einreichen',
    continueAdmin: 'Zur Verwaltung',
    confirmSecondFactor: 'Anmeldung für die Verwaltung bestätigen',
    continueMySketches: 'Meine Projektskizzen und ihr Stand',
  },
  signIn: {
    title: 'Anmeldung',
    working: 'Sie werden angemeldet …',
    noToken:
      'Dieser Anmeldelink ist unvollständig. Bitte öffnen Sie den Link direkt aus der E-Mail oder fordern Sie einen neuen an.',
    requestNew: 'Neuen Anmeldelink anfordern',
  },
} as const;
