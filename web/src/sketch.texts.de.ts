/*
 * The texts of the pages that show sketches: the readable sketch, review, print, the applicant's
 * list, withdrawing and starting a new sketch.
 */
import type { ProfileNames } from '../../functions/core/profile.ts';
export const sketchTexts = {
  sketchPage: {
    title: 'Projektskizze',
    backToVote: 'Zurück zur Abstimmung',
    submittedBanner: 'Ihre Projektskizze ist eingegangen. Eine Bestätigung ist per E-Mail unterwegs.',
    status: 'Stand',
    submittedAt: 'Eingereicht am',
    notSubmitted: 'noch nicht eingereicht',
    another: 'Weitere Projektskizze einreichen',
    backToList: 'Zurück zur Übersicht',
    nextStep: 'Wie es weitergeht',
    due: (date: string) => `(bis zum ${date})`,
    returnedHeading: 'Zur Überarbeitung zurückgegeben',
    edit: 'Skizze bearbeiten',
    print: 'Druckansicht',
    content: 'Inhalt der Skizze',
    followUpOffice: 'Förderentscheidung und Berichte in der Verwaltung',
  },
  newSketch: {
    title: 'Neue Projektskizze',
    intro: (n: ProfileNames) =>
      `Eine Projektskizze beschreibt Ihr Vorhaben so, dass ${n.decisionBody.nominative} ${n.alliance.genitive} es beurteilen kann. Sie füllen sie in neun Abschnitten aus, in beliebiger Reihenfolge.`,
    sectionsHeading: 'Die Abschnitte',
    prepare:
      'Halten Sie bereit: den Kosten- und Finanzierungsplan nach Kostenart und Jahr, die Teilräume mit ihrem Anteil am Budget und das Datum, an dem Sie das Projekt in der lokalen Allianz vorgestellt haben.',
    heading: 'Skizze anlegen',
    autosave:
      'Ihr Entwurf wird beim Tippen automatisch gespeichert. Wir schicken Ihnen einen Link, mit dem Sie ihn später weiter bearbeiten können.',
    create: 'Projektskizze anlegen',
    creating: 'Wird angelegt …',
  },
  review: {
    title: 'Prüfen und einreichen',
    changeNote: 'Was hat sich geändert? (optional)',
    changeNoteHint:
      'Kurz, was Sie seit der letzten Einreichung überarbeitet haben; die Prüfung der Skizze liest es mit.',
    incomplete: (n: number) =>
      n === 1
        ? 'Ihre Skizze ist noch nicht vollständig: 1 Angabe fehlt oder ist fehlerhaft'
        : `Ihre Skizze ist noch nicht vollständig: ${n} Angaben fehlen oder sind fehlerhaft`,
    complete: 'Ihre Skizze ist vollständig. Lesen Sie sie noch einmal durch und reichen Sie sie dann ein.',
    intro: (n: ProfileNames) =>
      `So wird Ihre Skizze ${n.office.dative} vorliegen. Jeder Abschnitt lässt sich von hier aus bearbeiten.`,
    submitHeading: 'Einreichen',
    submitText: (n: ProfileNames) =>
      `Mit dem Einreichen geht die Skizze an ${n.office.accusative} ${n.alliance.genitive}. Danach können Sie sie nicht mehr ändern, es sei denn, ${n.office.nominative} gibt sie Ihnen zur Überarbeitung zurück.`,
    submit: 'Projektskizze einreichen',
    sending: 'Wird eingereicht …',
    conflict:
      'Die Skizze wurde inzwischen in einem anderen Fenster geändert. Bitte laden Sie die Seite neu und prüfen Sie die aktuelle Fassung, bevor Sie einreichen.',
    reload: 'Seite neu laden',
    notEditable: 'Diese Skizze ist bereits eingereicht.',
    signedOut:
      'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich in einem neuen Fenster an und reichen Sie dann hier erneut ein.',
  },
  print: {
    print: 'Drucken',
    back: 'Zurück zur Skizze',
    alliance: 'Bündnis',
    printedOn: 'Gedruckt am',
  },
  view: {
    empty: 'keine Angabe',
    invalid: 'ungültige Eingabe',
    costsCaption: 'Kostenplan',
    noCosts: 'Noch keine Kostenzeilen.',
    totalCost: 'Gesamtkosten',
    byCategoryCaption: 'Kosten nach Kostenart und Jahr',
    sum: 'Summe',
    financing: 'Finanzierung',
    thirdParty: 'Drittmittel',
    totalFinancing: 'Finanzierung gesamt',
    difference: 'Differenz zu den Gesamtkosten',
    balanced: 'keine, die Finanzierung entspricht den Kosten',
    personnelRate: 'ESF-Anteil an den Personalkosten',
    esfRate: 'ESF-Förderquote (Anteil an den Gesamtkosten)',
    atMost: 'höchstens',
    address: 'Anschrift',
    contact: 'Ansprechperson',
    partners: 'Partner',
    activities: 'Arbeitspakete',
    number: 'Nr.',
    monthsColumn: 'Projektmonate',
    results: 'Erwartete Ergebnisse',
    months: (n: number) => (n === 1 ? '1 Monat' : `${n} Monate`),
    duration: 'Dauer',
    confirmed: 'bestätigt',
    notConfirmed: 'nicht bestätigt',
    edit: 'Bearbeiten',
  },
  mySketches: {
    title: 'Meine Projektskizzen',
    intro: 'Hier sehen Sie jede Ihrer Projektskizzen, ihren Stand und was als Nächstes geschieht.',
    loading: 'Ihre Projektskizzen werden geladen …',
    empty: 'Sie haben noch keine Projektskizze angelegt.',
    newSketch: 'Neue Projektskizze anlegen',
    status: 'Stand',
    nextStep: 'Wie es weitergeht',
    due: 'Bis',
    edit: 'Bearbeiten',
    view: 'Ansehen',
    mailsHeading: 'E-Mails an Sie',
    mailsCaption: 'E-Mails, die das Portal Ihnen geschickt hat, neueste zuerst',
    mailsEmpty: 'Das Portal hat Ihnen noch keine E-Mail geschickt.',
    mailColumns: { date: 'Datum', subject: 'Betreff', status: 'Versand' },
    mailStatus: {
      sent: 'Versendet',
      pending: 'Wird versendet',
      held: 'Wird versendet',
      failed: 'Nicht zugestellt',
      suppressed: 'Nicht zustellbar (Adresse abgewiesen)',
    } as Record<string, string>,
  },
  withdraw: {
    button: 'Zurückziehen',
    question: (title: string) => `„${title}“ wirklich zurückziehen?`,
    consequence:
      'Eine zurückgezogene Skizze kann nicht mehr bearbeitet, eingereicht oder abgestimmt werden. Das lässt sich nicht rückgängig machen.',
    reason: 'Begründung (freiwillig)',
    confirm: 'Ja, endgültig zurückziehen',
    busy: 'Wird zurückgezogen …',
    cancel: 'Abbrechen',
    done: (title: string) => `„${title}“ ist zurückgezogen.`,
  },
} as const;
