/* The German texts of the office's privacy page (Verwaltung → Datenschutz): erasure on request and the retention log. */
import type { RetentionLogItem } from '../../../../functions/core/contract/privacy.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const privacyPageTexts = {
  title: 'Datenschutz',
  intro:
    'Löschung personenbezogener Daten auf Antrag (Art. 17 DSGVO) und das Protokoll dessen, was die Aufbewahrungsfristen und Löschungen entfernt haben.',
  erasure: {
    heading: 'Daten einer Person löschen',
    intro:
      'Geben Sie die E-Mail-Adresse der Person zweimal ein und den Grund (etwa „Antrag per E-Mail vom 3. März“). Vor dem Löschen sehen Sie noch einmal, was geschieht.',
    email: 'E-Mail-Adresse der Person',
    confirmEmail: 'E-Mail-Adresse wiederholen',
    confirmHint: 'Zur Sicherheit noch einmal genau dieselbe Adresse.',
    reason: 'Grund der Löschung',
    reasonHint: 'Steht im Löschprotokoll; mindestens 5 Zeichen.',
    next: 'Weiter zur Bestätigung',
    summaryHeading: 'Bitte prüfen Sie Ihre Angaben',
    emailMissing: 'E-Mail-Adresse der Person: Bitte angeben.',
    confirmMismatch: 'E-Mail-Adresse wiederholen: Die beiden Adressen stimmen nicht überein.',
    reasonMissing: 'Grund der Löschung: Bitte mit mindestens 5 Zeichen angeben.',
  },
  confirm: {
    heading: 'Löschung bestätigen',
    question: (email: string) => `Daten von ${email} löschen?`,
    deleted:
      'Diese Daten werden gelöscht: nie eingereichte Entwürfe, alle Anlagen, die E-Mails an die Person und ihre Anmeldungen.',
    pseudonymised: (n: ProfileNames) =>
      `Eingereichte Skizzen ohne Aufbewahrungspflicht bleiben ohne Personenbezug erhalten: Name, Anschrift, E-Mail-Adresse und Telefon werden ersetzt; Titel, Beträge und die Entscheidungen ${n.decisionBody.genitive} bleiben.`,
    kept: 'Was eine Aufbewahrungspflicht hält (Unterlagen geförderter Projekte, ESF), wird gesperrt und bis zum Ende der Frist aufbewahrt.',
    mail: 'Die Person erhält eine Bestätigung per E-Mail. Die Löschung lässt sich nicht rückgängig machen.',
    submit: 'Endgültig löschen',
    busy: 'Wird gelöscht …',
    back: 'Zurück zu den Angaben',
  },
  refusals: {
    isAdmin: (n: ProfileNames) =>
      `Diese Adresse hat Zugang zur Verwaltung ${n.office.genitive}. Nehmen Sie sie zuerst unter „Zugänge“ von der Liste; danach lassen sich ihre Daten löschen.`,
    holdsSeat: (n: ProfileNames) =>
      `Diese Adresse hält einen Sitz ${n.decisionBody.genitive} (als Mitglied oder Stellvertretung). Besetzen Sie den Sitz zuerst unter „Sitze“ neu; danach lassen sich ihre Daten löschen.`,
    accessLink: 'Zu den Zugängen',
    seatsLink: 'Zu den Sitzen',
  },
  result: {
    heading: 'Ergebnis der Löschung',
    done: (email: string) =>
      `Die Daten von ${email} sind gelöscht. Die Bestätigung per E-Mail geht in den nächsten Minuten an die Person.`,
    deleted: (n: number) => `${count(n, 'Entwurf', 'Entwürfe')} gelöscht`,
    pseudonymised: (n: number) => `${count(n, 'Skizze', 'Skizzen')} pseudonymisiert`,
    mails: (n: number) => `${count(n, 'E-Mail', 'E-Mails')} gelöscht`,
    signIns: (n: number) => `${count(n, 'Anmeldung', 'Anmeldungen')} gelöscht`,
    files: (n: number) => `${count(n, 'Datei', 'Dateien')} gelöscht`,
    keptHeading: 'Gesperrt wegen einer Aufbewahrungspflicht',
    keptIntro:
      'Diese Skizzen bleiben bis zum Ende der Frist erhalten, gesperrt: Die Person kann sie nicht mehr ändern. Danach werden sie pseudonymisiert.',
    keptCaption: 'Gesperrte Skizzen mit dem Ende ihrer Aufbewahrungsfrist',
    keptTitle: 'Skizze',
    keptUntil: 'Aufbewahrt bis',
    noneKept: 'Keine Aufbewahrungspflicht: Es ist nichts gesperrt geblieben.',
    another: 'Daten einer weiteren Person löschen',
  },
  log: {
    heading: 'Löschprotokoll',
    intro:
      'Was die Aufbewahrungsfristen und Löschungen auf Antrag entfernt haben, die letzten 100 Einträge, neueste zuerst. Gelöschte Inhalte und Namen stehen hier nicht.',
    caption: 'Löschprotokoll',
    at: 'Datum',
    what: 'Was geschah',
    scope: 'Umfang',
    occasion: 'Anlass',
    none: 'Noch keine Einträge.',
    automatic: 'Aufbewahrungsfrist abgelaufen (automatisch)',
    request: (by: string | undefined, reason: string | undefined) =>
      [`Antrag auf Löschung${by ? `, erfasst von ${by}` : ''}`, reason ? `Grund: ${reason}` : '']
        .filter(Boolean)
        .join('. '),
    sketch: (id: string) => `Skizze ${id}`,
    items: (n: number) => count(n, 'Eintrag', 'Einträge'),
    files: (n: number) => count(n, 'Datei', 'Dateien'),
    kept: (n: number) => `${count(n, 'Skizze', 'Skizzen')} gesperrt (Aufbewahrungspflicht)`,
  },
} as const;

/** What a log entry says it did, in words: the action on the kind of data. */
export function logEntryText(entry: Pick<RetentionLogItem, 'action' | 'kind'>): string {
  if (entry.action === 'erased') return 'Daten einer Person auf Antrag gelöscht';
  if (entry.action === 'locked') return 'Skizze gesperrt (Aufbewahrungspflicht)';
  switch (entry.kind) {
    case 'draft':
      return entry.action === 'deleted'
        ? 'Nie eingereichter Entwurf gelöscht'
        : 'Zurückgegebener Entwurf pseudonymisiert';
    case 'decided':
      return 'Skizze nach der Entscheidung pseudonymisiert (zurückgezogen, nicht befürwortet oder nicht gefördert)';
    case 'funded':
      return 'Gefördertes Projekt nach Ende der Aufbewahrungspflicht pseudonymisiert';
    case 'session':
      return 'Abgelaufene Anmeldungen und Hochladevorgänge gelöscht';
    case 'upload':
      return 'Nicht abgeschlossene Hochladevorgänge gelöscht';
    case 'request':
      return 'Daten einer Person auf Antrag gelöscht';
  }
}
