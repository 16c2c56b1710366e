/*
 * The German texts of what follows the Votum: the funding decision, the reports and their
 * deadlines, for the applicant and the office. They live in the follow-up's own chunks, so that
 * applicants with drafts do not download them.
 */

import { capitalised } from '../../../../functions/core/names.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const followUpTexts = {
  heading: 'Förderung und Berichte',
  loading: 'Förderentscheidung und Berichte werden geladen …',
  optional: '(freiwillig)',
  errorPrefix: 'Fehler:',
  summaryHeading: 'Bitte prüfen Sie Ihre Angaben',
  none: '–',
  until: 'bis',
  attachment: 'Anhang',
  download: 'herunterladen',
  decision: {
    heading: (n: ProfileNames) => `Förderentscheidung ${n.bank.genitive}`,
    outcome: 'Entscheidung',
    outcomes: { approved: 'bewilligt', rejected: 'abgelehnt' } as Record<string, string>,
    approvedCents: 'Bewilligte ESF-Mittel',
    esfRate: 'ESF-Förderquote',
    esfRateValue: (approved: string, requested: string) =>
      `${approved} der Gesamtkosten laut Skizze (beantragt: ${requested})`,
    runtime: 'Bewilligte Laufzeit',
    runtimeRow: 'Laufzeit',
    runtimeValue: (start: string, end: string) => `${start} bis ${end}`,
    decidedOn: 'Datum des Bescheids',
    attachment: 'Kopie des Bescheids',
    note: 'Bemerkung',
    reported: 'Gemeldet',
    by: (at: string, who: string) => `am ${at} von ${who}`,
    state: 'Stand',
    confirmed: (n: ProfileNames, at: string, who: string) =>
      `Von ${n.office.dative} bestätigt am ${at} (${who}).`,
    awaitingConfirmation: (n: ProfileNames) =>
      `Gemeldet, wartet auf die Bestätigung durch ${n.office.accusative}.`,
    differencesHeading: 'Abweichungen von der Skizze',
    noDifferences: 'Keine: Betrag und Laufzeit sind so bewilligt, wie die Skizze sie beantragt.',
    requested: 'Beantragt',
    approved: 'Bewilligt',
    difference: 'Unterschied',
    differencesCaption: 'Beantragt und bewilligt im Vergleich',
    esf: 'ESF-Mittel',
    months: (n: number) => plural(n, 'Monat', 'Monate'),
    monthsDifference: (n: number) =>
      n === 0 ? 'gleich lang' : `${plural(Math.abs(n), 'Monat', 'Monate')} ${n < 0 ? 'kürzer' : 'länger'}`,
    centsDifference: (amount: string, less: boolean) => `${amount} ${less ? 'weniger' : 'mehr'}`,
    same: 'gleich',
    endChanges: 'Änderungen des Projektendes',
    endChange: (from: string, to: string, at: string, note: string | undefined) =>
      `Am ${at}: vom ${from} auf den ${to}${note ? ` (${note})` : ''}.`,
    notYet: (n: ProfileNames, due: string | undefined) =>
      due
        ? `Noch nicht gemeldet. ${capitalised(n.office.nominative)} erwartet die Meldung bis zum ${due}.`
        : 'Noch nicht gemeldet.',
  },
  report: {
    heading: (n: ProfileNames) => `Förderentscheidung ${n.bank.genitive} melden`,
    correctHeading: 'Gemeldete Förderentscheidung korrigieren',
    intro: (n: ProfileNames) =>
      `Sobald der Bescheid ${n.bank.genitive} vorliegt, melden Sie hier die Entscheidung und hängen eine Kopie an. ${capitalised(n.office.nominative)} bestätigt sie; bis dahin können Sie die Meldung korrigieren.`,
    outcome: (n: ProfileNames) => `Wie hat ${n.bank.nominative} entschieden?`,
    outcomeMissing: 'Entscheidung: Bitte „Bewilligt“ oder „Abgelehnt“ wählen.',
    correct: 'Meldung korrigieren',
    closeCorrection: 'Korrektur abbrechen',
    approved: 'Bewilligt',
    rejected: 'Abgelehnt',
    amount: 'Bewilligte ESF-Mittel in Euro',
    amountHint: (requested: string) => `Wie im Bescheid, z. B. 1.234,56. Beantragt waren ${requested}.`,
    amountInvalid: 'Bewilligte ESF-Mittel: Bitte einen Betrag in Euro angeben, z. B. 1.234,56.',
    start: 'Beginn der bewilligten Laufzeit',
    end: 'Ende der bewilligten Laufzeit',
    runtimeHint: (start: string, end: string) => `Beantragt war die Laufzeit vom ${start} bis zum ${end}.`,
    decidedOn: 'Datum des Bescheids',
    copyHint:
      'Kopie des Bescheids: Laden Sie den Bescheid als PDF oder Bild hoch; er wird dann für die Meldung ausgewählt.',
    choose: 'Welche Datei ist der Bescheid?',
    withoutCopy: 'Ohne Kopie melden',
    note: 'Bemerkung',
    submit: 'Förderentscheidung melden',
    busy: 'Wird gemeldet …',
    done: (n: ProfileNames) =>
      `Die Förderentscheidung ist gemeldet. ${capitalised(n.office.nominative)} prüft und bestätigt sie; Sie erhalten dann eine E-Mail.`,
  },
  reports: {
    heading: 'Berichte',
    none: (n: ProfileNames) =>
      `Noch keine Berichte fällig. Der Abschlussbericht wird einen Monat nach Projektende fällig; die Frist erscheint hier, sobald ${n.office.nominative} die Förderentscheidung bestätigt hat.`,
    due: 'Fällig am',
    state: 'Stand',
    states: (n: ProfileNames): Record<string, string> => ({
      open: 'offen',
      submitted: `eingereicht, wird von ${n.office.dative} geprüft`,
      accepted: 'angenommen',
      cancelled: 'nicht mehr erforderlich',
    }),
    overdue: 'überfällig',
    overdueSince: (days: number) =>
      days <= 0 ? 'überfällig seit heute' : `überfällig seit ${plural(days, 'Tag', 'Tagen')}`,
    submittedAt: 'Eingereicht',
    moreHeading: (n: ProfileNames) => `${capitalised(n.office.nominative)} bittet um Ergänzung`,
    moreAt: (at: string) => `Nachforderung vom ${at}:`,
    accepted: (at: string) => `Angenommen am ${at}.`,
    moved: (from: string, to: string, reason: string) =>
      `Frist verschoben vom ${from} auf den ${to} (${reason}).`,
    open: (label: string) => `${label} einreichen`,
    close: 'Formular schließen',
    closed: (at: string | undefined) =>
      at
        ? `Das Projekt ist abgeschlossen: Der Abschlussbericht wurde am ${at} angenommen.`
        : 'Das Projekt ist abgeschlossen.',
  },
  reportForm: {
    intro: (n: ProfileNames) =>
      `Beschreiben Sie kurz, wie das Projekt verlaufen ist und was es erreicht hat. Statt des Formulars können Sie auch den Sachbericht an ${n.bank.accusative} anhängen.`,
    course: 'Verlauf des Projekts',
    courseHint: 'Was wurde umgesetzt, was lief anders als geplant? Mindestens 20 Zeichen.',
    indicatorsLegend: 'Ergebnisse und Indikatoren',
    indicatorsHint: 'Zu jedem erwarteten Ergebnis der Skizze: Was wurde erreicht?',
    achieved: (indicator: string, target: string) => `Erreicht: ${indicator} (Ziel: ${target})`,
    comment: (indicator: string) => `Anmerkung zu ${indicator}`,
    noIndicators: 'Die Skizze nennt keine Indikatoren.',
    continuation: 'Verstetigung und Nutzung der Ergebnisse',
    continuationHint:
      'Wie geht es nach der Förderung weiter, wer nutzt die Ergebnisse? Mindestens 20 Zeichen.',
    spent: 'Ausgegebene ESF-Mittel in Euro',
    spentHint: (approved: string | undefined) =>
      approved
        ? `Für den Abschlussbericht erforderlich, z. B. 1.234,56. Bewilligt waren ${approved}.`
        : 'Für den Abschlussbericht erforderlich, z. B. 1.234,56.',
    spentTerm: 'Ausgegebene ESF-Mittel',
    fileTerm: 'Angehängter Bericht',
    columns: {
      result: 'Ergebnis',
      indicator: 'Indikator',
      target: 'Ziel',
      achieved: 'Erreicht',
      comment: 'Anmerkung',
    },
    spentInvalid: 'Ausgegebene ESF-Mittel: Bitte einen Betrag in Euro angeben, z. B. 1.234,56.',
    fileHint: (n: ProfileNames) =>
      `Oder: Hängen Sie den Sachbericht an ${n.bank.accusative} an. Mit einem angehängten Bericht können Verlauf, Ergebnisse und Verstetigung leer bleiben; die hochgeladene Datei wird für diesen Bericht ausgewählt.`,
    choose: 'Welche Datei gehört zu diesem Bericht?',
    withoutFile: 'Keine Datei (nur das Formular)',
    note: 'Bemerkung',
    submit: (label: string) => `${label} einreichen`,
    busy: 'Wird eingereicht …',
    done: (n: ProfileNames, label: string) =>
      `${label} ist eingereicht. ${capitalised(n.office.nominative)} prüft ihn; Sie erhalten eine E-Mail, sobald er angenommen ist.`,
  },
} as const;

export type FollowUpTexts = typeof followUpTexts;
