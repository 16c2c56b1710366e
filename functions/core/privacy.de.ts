import { formatDate } from './dates.ts';
import type { AllianceProfile } from './profile.ts';

/* German texts of privacy (issue 16): the export, the erasure, the notice, the retention in words. */

type Retention = AllianceProfile['retention'];

const months = (n: number) => (n === 1 ? 'einem Monat' : `${n} Monaten`);
const years = (n: number) => (n === 1 ? 'einem Jahr' : `${n} Jahren`);
const days = (n: number) => (n === 1 ? 'einem Tag' : `${n} Tagen`);
const hours = (n: number) => (n === 1 ? 'einer Stunde' : `${n} Stunden`);

/** How long each kind of data is kept, in words, from the profile's numbers (the notice and the privacy page). */
export function retentionLines(r: Retention): string[] {
  return [
    `Ein Entwurf, den Sie nie einreichen, wird ${months(r.draftMonths)} nach Ihrer letzten Änderung gelöscht.`,
    `Eine zurückgezogene, nicht befürwortete oder nicht geförderte Skizze wird ${months(r.decidedMonths)} nach dieser Entscheidung pseudonymisiert: Ihre Kontaktdaten, Anlagen und E-Mails werden gelöscht; Titel, Beträge und Entscheidungen bleiben ohne Personenbezug.`,
    `Unterlagen eines geförderten Projekts bleiben bis zum Ende des Jahres, in dem der Abschlussbericht angenommen wurde, und danach noch ${years(r.fundedYears)} (Aufbewahrungspflicht des ESF); dann werden sie ebenso pseudonymisiert.`,
    `Der Text versandter E-Mails wird ${days(r.mailBodyDays)} nach dem Versand gelöscht; Betreff, Empfänger und Zeitpunkt bleiben.`,
    `Anmeldungen (Sitzungen mit ihren Zeiten) werden ${days(r.signInDays)} nach der Anmeldung gelöscht.`,
    `Nicht abgeschlossene Hochladevorgänge werden nach ${hours(r.pendingUploadHours)} gelöscht.`,
  ];
}

export const privacyTexts = {
  pseudonym: 'pseudonymisiert',
  otherPerson: '(andere Person)',
  exportAbout: (alliance: string, at: string) =>
    `Ihre Daten im Portal ${alliance}, Stand ${formatDate(at.slice(0, 10))} (Art. 15 und 20 DSGVO)`,
  readme: `Ihre Daten aus dem Portal

daten.json      alles, was das Portal über Sie gespeichert hat: Ihre Skizzen mit jeder eingereichten
                Fassung, ihrem Verlauf, den Entscheidungen und Fristen, die E-Mails an Sie, Ihre
                Anmeldungen und Ihre Sitze im Entscheidungsgremium
skizzen/<id>/   die Anlagen jeder Skizze und die Votum-Schreiben (PDF)

Angaben über andere Personen (z. B. Adressen derer, die das Portal verwalten) sind ersetzt durch „(andere Person)“.
`,
  exportFileName: (date: string) => `meine-daten-${date}.zip`,
  erasure: {
    isAdmin:
      'Diese Adresse hat einen Verwaltungszugang. Nehmen Sie sie zuerst unter „Zugänge“ von der Liste.',
    holdsSeat:
      'Diese Adresse hält einen Sitz (Mitglied oder Stellvertretung). Besetzen Sie den Sitz zuerst neu.',
    lockReason:
      'Löschung beantragt; Aufbewahrungspflicht (ESF) – nur noch für die Verwaltung des Portals lesbar',
    confirmMismatch: 'Bestätigung: Bitte geben Sie die E-Mail-Adresse zur Bestätigung genau noch einmal ein.',
  },
  fields: {
    email: 'E-Mail-Adresse',
    confirmEmail: 'Bestätigung der E-Mail-Adresse',
    reason: 'Grund',
  },
} as const;

// The legal pages' links: a module of their own, so the web's footer does not load this catalogue.
export { type LegalPageId, legalPages } from './legal-pages.de.ts';
