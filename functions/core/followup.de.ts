import { formatDate } from './dates.ts';

/*
 * The German texts of what follows the Votum on the server: the messages of the routes' input
 * (core/contract/followup.ts), what its handlers and its application layer refuse, the calendar
 * feed's words, and the notes its changes leave in a sketch's history. The pages and the tests
 * read them word for word.
 */

/** The fields as the messages name them. */
export const followUpLabels = {
  start: 'Beginn',
  end: 'Ende',
  decidedOn: 'Datum des Bescheids',
  note: 'Bemerkung',
  reason: 'Begründung',
  course: 'Verlauf des Projekts',
  achieved: 'Erreicht',
  comment: 'Anmerkung',
  continuation: 'Verstetigung und Nutzung der Ergebnisse',
  due: 'Fällig am',
  label: 'Bezeichnung',
  reviewNote: 'Hinweis',
  newDue: 'Neue Frist',
} as const;

/** What the routes' input schemas say about a field that does not fit. */
export const followUpInput = {
  text: (label: string) => `${label}: Bitte als Text angeben.`,
  tooLong: (label: string, max: number | string) => `${label}: Bitte höchstens ${max} Zeichen eingeben.`,
  tooShort: (label: string, min: number) => `${label}: Bitte mindestens ${min} Zeichen eingeben.`,
  date: (label: string) => `${label}: Bitte ein Datum angeben.`,
  validDate: (label: string) => `${label}: Bitte ein gültiges Datum angeben (JJJJ-MM-TT).`,
  attachmentId: 'Anhang: Bitte die Kennung des Anhangs angeben.',
  attachmentMissing: 'Anhang: Bitte angeben.',
  attachmentInvalid: 'Anhang: ungültig.',
  outcome: 'Entscheidung: Bitte „bewilligt“ oder „abgelehnt“ wählen.',
  approvedCents: 'Bewilligte ESF-Mittel: Bitte einen Betrag in Cent angeben.',
  approvedPositive: 'Bewilligte ESF-Mittel: Bitte einen Betrag über 0 € angeben.',
  approvedTooLarge: 'Bewilligte ESF-Mittel: Der Betrag ist zu groß.',
  approvedMissing: 'Bewilligte ESF-Mittel: Bitte den bewilligten Betrag angeben.',
  startMissing: 'Beginn: Bitte den bewilligten Beginn angeben.',
  endMissing: 'Ende: Bitte das bewilligte Ende angeben.',
  endBeforeStart: 'Ende: Das Ende liegt vor dem Beginn.',
  achievedMissing: 'Erreicht: Bitte angeben.',
  spentCents: 'Ausgegebene ESF-Mittel: Bitte einen Betrag in Cent angeben.',
  spentNegative: 'Ausgegebene ESF-Mittel: Der Betrag kann nicht negativ sein.',
  spentTooLarge: 'Ausgegebene ESF-Mittel: Der Betrag ist zu groß.',
  reviewDecision: 'Entscheidung: Bitte „angenommen“ oder „nachfordern“ wählen.',
  reviewNoteMissing: 'Hinweis: Bitte mindestens 10 Zeichen eingeben: Was fehlt im Bericht?',
  weeks: 'Wochen: Bitte eine ganze Zahl von 0 bis 104 angeben.',
  calendarToken: 'Kalender: ungültig.',
  /** A date the office sets that has already passed. */
  inThePast: (label: string, date: string) => `${label}: Der ${date} liegt in der Vergangenheit.`,
} as const;

/** What the follow-up's handlers and its application layer answer when they refuse. */
export const followUpErrors = {
  alreadyConfirmed: 'Die Förderentscheidung ist bereits bestätigt.',
  notAReport: 'Das ist kein Bericht.',
  reportAccepted: 'Dieser Bericht ist bereits angenommen.',
  reportNotExpected: 'Dieser Bericht wird nicht mehr erwartet.',
  noReportToReview: 'Es liegt kein eingereichter Bericht zur Prüfung vor.',
  notYours: 'Diese Projektskizze gibt es nicht, oder Sie dürfen sie nicht sehen.',
  unknownDeadline: 'Diese Frist gibt es bei diesem Projekt nicht.',
  attachFundingDecision:
    'Anhang: Bitte laden Sie zuerst die Kopie des Bescheids hoch und wählen Sie sie aus.',
  attachReport: 'Anhang: Bitte laden Sie zuerst den Bericht hoch und wählen Sie ihn aus.',
  changedElsewhere: 'Die Angaben wurden gerade an anderer Stelle geändert. Bitte laden Sie die Seite neu.',
  notReported: 'Es ist keine Förderentscheidung gemeldet, die bestätigt werden könnte.',
  notConfirmed: 'Das Projekt hat keine bestätigte Bewilligung.',
  calendarChanged: 'Der Kalender wurde gerade an anderer Stelle geändert. Bitte laden Sie neu.',
  unknownCalendar: 'Diesen Kalender gibt es nicht (mehr).',
} as const;

/** The calendar feed's words. */
export const calendarTexts = {
  name: (alliance: string) => `Fristen – ${alliance}`,
  due: (date: string, overdue: boolean) => `Fällig am ${date}${overdue ? ' (überfällig)' : ''}.`,
  waiting: (by: string, on: string, what: string) => `${by} wartet auf ${on}: ${what}.`,
} as const;

/** The notes a change after the Votum leaves in the sketch's history, and why a due date moved. */
/** The NBank's decision in words (core/followup.ts's `fundingOutcomeLabels`). */
export const fundingOutcomeWords = { approved: 'bewilligt', rejected: 'abgelehnt' } as const;
type FundingOutcomeCode = keyof typeof fundingOutcomeWords;

export const followUpNotes = {
  fundingReported: (outcome: FundingOutcomeCode) =>
    `Förderentscheidung gemeldet: ${fundingOutcomeWords[outcome]}`,
  fundingConfirmed: (outcome: FundingOutcomeCode) =>
    `Förderentscheidung bestätigt: ${fundingOutcomeWords[outcome]}`,
  endChanged: (from: string, to: string, note: string | undefined) =>
    `Projektende ${formatDate(from)} → ${formatDate(to)}${note ? `: ${note}` : ''}`,
  reportAgreed: (label: string, due: string) => `${label} bis ${formatDate(due)}`,
  interimLabel: (n: number) => `Zwischenbericht ${n}`,
  reportSubmitted: (label: string) => `${label} eingereicht`,
  reportReviewed: (label: string, accepted: boolean, note: string | undefined) =>
    `${label}: ${accepted ? 'angenommen' : 'nachgefordert'}${note ? ` – ${note}` : ''}`,
  movedByConfirmation: 'Förderentscheidung bestätigt',
  movedByEndChange: 'Projektende geändert',
} as const;

const months = (n: number) => `${n} ${n === 1 ? 'Monat' : 'Monate'}`;
const days = (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tage'}`;

/**
 * The deadlines' kinds in words. An export of its own: core/followup.ts names it at its top level,
 * and a property read there (`followUpTexts.kindLabels`) would keep the whole catalogue below in
 * every bundle that imports that module.
 */
export const deadlineKindLabels = {
  funding_decision: 'Förderentscheidung',
  final_report: 'Abschlussbericht',
  interim_report: 'Zwischenbericht',
} as const;

/** The follow-up core's own words (core/followup.ts): differences, reminders, the report form. */
export const followUpTexts = {
  esfDifference: (approved: string, requested: string, difference: string, less: boolean) =>
    `ESF-Mittel: ${approved} bewilligt, ${requested} beantragt (${difference} ${less ? 'weniger' : 'mehr'}).`,
  runtimeLength: (monthsApart: number, shorter: boolean) =>
    `${months(monthsApart)} ${shorter ? 'kürzer' : 'länger'}`,
  runtimeShift: (daysApart: number, earlier: boolean) =>
    `gleich lang, um ${days(daysApart)} ${earlier ? 'früher' : 'später'}`,
  runtimeDifference: (
    approved: string,
    approvedMonths: number,
    requested: string,
    requestedMonths: number,
    change: string,
  ) =>
    `Laufzeit: ${approved} (${months(approvedMonths)}) bewilligt, ${requested} (${months(requestedMonths)}) beantragt (${change}).`,
  missingFundingDecision:
    'die Förderentscheidung der Förderbank: bewilligt (Betrag, Beginn und Ende der Laufzeit) oder abgelehnt, mit einer Kopie des Bescheids',
  /** `label` undefined: the final report. */
  missingReport: (label: string | undefined) =>
    `${label ? `der ${label}` : 'der Abschlussbericht'}: Verlauf des Projekts, Ergebnisse zu den Indikatoren sowie Verstetigung und Nutzung der Ergebnisse (oder der Sachbericht an die Förderbank als Anhang)`,
  course: 'Verlauf des Projekts',
  continuation: 'Verstetigung und Nutzung der Ergebnisse',
  reportTooShort: (label: string) =>
    `${label}: Bitte mindestens 20 Zeichen eingeben (oder den Sachbericht an die Förderbank anhängen).`,
  indicatorsMissing: (n: number) =>
    `Ergebnisse: Bitte zu jedem der ${n} Indikatoren der Skizze angeben, was erreicht wurde.`,
  achievedMissing: 'Erreicht: Bitte angeben.',
  spentMissing: 'Ausgegebene ESF-Mittel: Bitte angeben, wie viele ESF-Mittel ausgegeben wurden.',
  applicant: 'Projektträger',
  reportFunding: 'Förderentscheidung der Förderbank melden',
  confirmFunding: 'Gemeldete Förderentscheidung bestätigen',
  submitReport: (label: string) => `${label} einreichen`,
  reviewReport: (label: string) => `${label} prüfen`,
  seatsPending: (pending: number, seats: number) =>
    `${pending} von ${seats} Sitzen haben noch nicht abgestimmt`,
} as const;
