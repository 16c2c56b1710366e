/*
 * The German texts of the deadlines overview and its calendar subscription (their own chunk).
 */

import { capitalised } from '../../../../functions/core/names.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const deadlinesTexts = {
  title: 'Fristen',
  intro:
    'Alles, was überfällig ist, und alles, was in den nächsten Wochen fällig wird: Umlaufverfahren, Förderentscheidungen und Berichte, jeweils mit dem, der wartet, und dem, auf den gewartet wird.',
  range: 'Vorausschau',
  weeks: (n: number) => plural(n, 'Woche', 'Wochen'),
  allAhead: 'Alle künftigen Fristen',
  show: 'Anzeigen',
  summary: (overdue: number, upcoming: number, until: string | undefined) =>
    `${overdue === 0 ? 'Nichts' : plural(overdue, 'Frist', 'Fristen')} überfällig, ${
      upcoming === 0 ? 'nichts' : plural(upcoming, 'Frist', 'Fristen')
    } ${until ? `fällig bis zum ${until}` : 'künftig fällig'}.`,
  overdueHeading: (n: number) => `Überfällig (${n})`,
  overdueCaption: 'Überfällige Fristen, älteste zuerst',
  overdueNone: 'Nichts ist überfällig.',
  upcomingHeading: (until: string | undefined) => (until ? `Fällig bis zum ${until}` : 'Künftig fällig'),
  upcomingCaption: (until: string | undefined) =>
    until ? `Fristen bis zum ${until}, nächste zuerst` : 'Alle künftigen Fristen, nächste zuerst',
  upcomingNone: (until: string | undefined) =>
    until ? `Bis zum ${until} wird nichts fällig.` : 'Es steht keine Frist an.',
  columns: {
    due: 'Fällig am',
    what: 'Was',
    project: 'Projekt oder Abstimmung',
    waiting: 'Wer wartet auf wen',
    reminders: 'Erinnerungen',
  },
  overdueSince: (days: number) =>
    days === 0 ? 'Überfällig seit heute' : `Überfällig seit ${plural(days, 'Tag', 'Tagen')}`,
  dueToday: 'heute',
  dueIn: (days: number) => (days === 1 ? 'morgen' : `in ${days} Tagen`),
  waiting: (by: string, on: string, what: string) => `${by} wartet auf ${on}: ${what}`,
  nextAction: (at: string) => `Nächste Erinnerung oder Meldung am ${at}`,
  actionDue: (at: string) =>
    `Erinnerung oder Meldung seit ${at} fällig, geht mit der nächsten Prüfung hinaus`,
  escalated: (n: ProfileNames) => `${capitalised(n.office.nominative)} wurde informiert.`,
  noAction: '–',
  lastRun: (n: ProfileNames, at: string, reminders: number | undefined, escalations: number | undefined) =>
    `Letzte Prüfung der Fristen: ${at}${
      reminders !== undefined || escalations !== undefined
        ? ` (${plural(reminders ?? 0, 'Erinnerung', 'Erinnerungen')}, ${plural(escalations ?? 0, 'Meldung', 'Meldungen')} an ${n.office.accusative})`
        : ''
    }.`,
  calendar: {
    heading: 'Kalender abonnieren',
    intro:
      'Mit einer Kalender-Adresse zeigt Ihr Kalenderprogramm (z. B. Outlook, Thunderbird, Apple- oder Google-Kalender) alle Fristen als ganztägige Termine an und hält sie aktuell, auch wenn sich ein Datum ändert.',
    secret:
      'Die Adresse ist geheim wie ein Passwort: Wer sie kennt, sieht die Fristen mit Projekttiteln und Trägern, ohne sich anzumelden. Geben Sie sie nicht weiter. Sie wird nur direkt nach dem Anlegen angezeigt; haben Sie sie verloren, legen Sie eine neue an, dann funktioniert die alte nicht mehr.',
    none: 'Sie haben noch keine Kalender-Adresse.',
    active: (since: string) => `Sie haben eine Kalender-Adresse, angelegt am ${since}.`,
    create: 'Kalender-Adresse anlegen',
    replace: 'Neue Adresse anlegen (die bisherige wird ungültig)',
    creating: 'Wird angelegt …',
    url: 'Ihre Kalender-Adresse zum Abonnieren',
    urlHint:
      'Fügen Sie diese Adresse in Ihrem Kalenderprogramm als Internetkalender (Abonnement) hinzu. Sie wird nur jetzt angezeigt.',
    copy: 'Adresse kopieren',
    copied: 'Die Adresse ist in der Zwischenablage.',
    selected: 'Die Adresse ist markiert: Kopieren Sie sie mit Strg+C.',
    created: 'Die Kalender-Adresse ist angelegt. Kopieren Sie sie jetzt; sie wird nur einmal angezeigt.',
    revoke: 'Kalender-Adresse widerrufen',
    revokeQuestion:
      'Kalender-Adresse wirklich widerrufen? Ihr Kalenderprogramm erhält danach keine Fristen mehr.',
    revokeConfirm: 'Ja, widerrufen',
    revoking: 'Wird widerrufen …',
    cancel: 'Abbrechen',
    revoked: 'Die Kalender-Adresse ist widerrufen; sie funktioniert nicht mehr.',
  },
} as const;
