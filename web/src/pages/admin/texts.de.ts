/*
 * The office console's German texts. They live in the console's own chunk (not in ../../texts.de.ts)
 * so that applicants do not download them; status names come from the shared catalogue.
 */
import type { ProfileNames } from '../../../../functions/core/profile.ts';

const number = new Intl.NumberFormat('de-DE');

export const adminTexts = {
  list: {
    title: 'Verwaltung: Projektskizzen',
    intro:
      'Alle eingereichten Projektskizzen, neueste Einreichung zuerst. Öffnen Sie eine Skizze, um sie auf Vollständigkeit zu prüfen.',
    filterHeading: 'Liste filtern',
    status: 'Status',
    allStatuses: 'Alle (ohne Entwürfe, mit zurückgegebenen)',
    /** A sketch the office gave back for revision: a draft again until the applicant resubmits it. */
    returned: 'Zur Überarbeitung zurückgegeben',
    subRegion: 'Teilraum',
    allSubRegions: 'Alle Teilräume',
    priority: 'Handlungsschwerpunkt',
    allPriorities: 'Alle Handlungsschwerpunkte',
    /** The active filters, as the list's heading names them. */
    filtered: {
      status: (name: string) => `Status „${name}“`,
      subRegion: (name: string) => `Teilraum „${name}“`,
      priority: (id: string) => `Handlungsschwerpunkt ${id}`,
    },
    apply: 'Filter anwenden',
    reset: 'Filter zurücksetzen',
    profileFailed: (message: string) =>
      `Die Teilräume und Handlungsschwerpunkte konnten nicht geladen werden: ${message}`,
    caption: 'Eingereichte Projektskizzen, neueste Einreichung zuerst',
    columns: {
      title: 'Titel',
      organisation: 'Organisation',
      subRegions: 'Teilräume',
      cost: 'Gesamtkosten',
      status: 'Status',
      statements: 'Stellungnahmen',
      submissions: 'Fassungen',
      submittedAt: 'Eingereicht am',
    },
    loading: 'Die Liste wird geladen …',
    empty: 'Keine Projektskizze entspricht diesen Filtern.',
    more: 'Weitere laden',
    count: (n: number, more: boolean) =>
      `${n === 1 ? '1 Projektskizze' : `${number.format(n)} Projektskizzen`} angezeigt${more ? ', weitere vorhanden' : ''}.`,
    filteredBy: (parts: string[]) => (parts.length ? ` Gefiltert nach ${parts.join(', ')}.` : ''),
    forbidden: (n: ProfileNames) => `Dieser Bereich ist ${n.office.dative} vorbehalten.`,
    yes: 'Ja',
    no: 'Nein',
    statementsComplete: 'vollständig',
    statementsMissing: (n: number) => `${n} ausstehend`,
    none: '–',
  },
  sketch: {
    loading: 'Die Projektskizze wird geladen …',
    fallbackTitle: 'Projektskizze',
    backToList: 'Zurück zur Liste',
    onThisPage: 'Auf dieser Seite',
    followUp: 'Förderung und Berichte',
    overview: 'Überblick',
    reference: 'Aktenzeichen',
    status: 'Status',
    organisation: 'Organisation',
    owner: 'Eingereicht von',
    submittedAt: 'Zuletzt eingereicht am',
    notSubmitted: 'noch nicht eingereicht',
    submissions: 'Fassungen',
    /** The applicant's next step, as the applicant reads it: the office sees it quoted, as such. */
    nextStep: 'Hinweis an den Antragsteller',
    returnedNotice: (at: string, by: string) => `Am ${at} von ${by} zur Überarbeitung zurückgegeben:`,
    withdrawnNotice: (at: string, by: string) => `Am ${at} von ${by} zurückgezogen.`,
    withdrawnReason: 'Begründung:',
    review: 'Prüfung',
    withdrawHeading: 'Zurückziehen',
    withdrawHint: 'Die Skizze wird nicht weiter bearbeitet; der Projektträger erhält eine E-Mail.',
    reviewClosed: (n: ProfileNames, status: string) =>
      `Im Status „${status}“ sind keine Prüfschritte ${n.office.genitive} mehr möglich.`,
    endorsement: {
      heading: 'Lokale Allianz',
      alliance: 'Lokale Allianz',
      presentedOn: 'Vorgestellt am',
      statement: 'Aussage der lokalen Allianz',
      missing: 'nicht angegeben',
      attachments: 'Anlagen',
    },
    accept: {
      heading: 'Zur Abstimmung freigeben',
      hint: (n: ProfileNames) =>
        `Die Skizze ist vollständig und geht an ${n.decisionBody.accusative}. Wo das Verfahren sie vorsieht, liegen die Stellungnahmen der lokalen Allianzen vor.`,
      button: 'Zur Abstimmung freigeben',
      busy: 'Wird freigegeben …',
      done: 'Die Skizze ist zur Abstimmung freigegeben.',
      endorsementFirst: 'Bitte bestätigen Sie zuerst die Befürwortung der lokalen Allianz.',
      toEndorsement: 'Zu den Stellungnahmen',
    },
    return: {
      heading: 'Zur Überarbeitung zurückgeben',
      // The API's own name for the field, so its messages and the label agree (return-sketch.ts).
      label: 'Hinweis für den Antragsteller',
      hint: 'Was fehlt oder ist zu ändern? Der Projektträger erhält den Hinweis per E-Mail.',
      button: 'Zur Überarbeitung zurückgeben',
      busy: 'Wird zurückgegeben …',
      done: 'Die Skizze ist zur Überarbeitung zurückgegeben; der Projektträger erhält den Hinweis per E-Mail.',
    },
    versions: {
      heading: 'Eingereichte Fassungen',
      none: 'Die Skizze wurde noch nicht eingereicht.',
      item: (n: number, at: string) => `Fassung ${n}, eingereicht am ${at}`,
      show: (n: number) => `Fassung ${n} lesen`,
      showDiff: (n: number) => `Änderungen gegenüber Fassung ${n - 1}`,
      loading: 'Die Fassung wird geladen …',

      diffCaption: (n: number) => `Änderungen von Fassung ${n - 1} zu Fassung ${n}`,
      field: 'Feld',
      before: 'vorher',
      after: 'nachher',
      empty: 'leer',
      noChanges: (n: number) => `Fassung ${n} stimmt inhaltlich mit Fassung ${n - 1} überein.`,
    },
    timeline: {
      heading: 'Verlauf',
      empty: 'Noch keine Ereignisse.',
      by: (actor: string, role: string) => `von ${actor} (${role})`,
      change: (from: string, to: string) => `Status: ${from} → ${to}`,
      note: 'Hinweis:',
    },
    content: 'Inhalt der Skizze',
    showing: {
      current: 'Angezeigt wird die aktuelle Fassung.',
      version: (n: number, at: string) => `Angezeigt wird Fassung ${n}, eingereicht am ${at}.`,
    },
    showCurrent: 'Aktuelle Fassung anzeigen',
    transitions: {
      create: 'Angelegt',
      submit: 'Eingereicht',
      return: 'Zur Überarbeitung zurückgegeben',
      accept: 'Zur Abstimmung freigegeben',
      withdraw: 'Zurückgezogen',
      confirm_endorsement: 'Befürwortung bestätigt',
      localStatement: 'Stellungnahme der lokalen Allianz',
    } as Record<string, string>,
    roles: (n: ProfileNames): Record<string, string> => ({
      applicant: 'Projektträger',
      admin: n.office.name,
      member: n.decisionBody.name,
      local: 'Lokale Allianz',
    }),
  },
} as const;
