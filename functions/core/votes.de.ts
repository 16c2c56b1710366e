import { formatDate } from './dates.ts';
import type { ProfileNames } from './profile.ts';
/*
 * What the steering group's routes say, in German: the labels and messages of their inputs (the
 * contract, contract/votes.ts) and their refusals (the handlers, app/votes.ts). The core's own
 * refusals (core/vote.ts) and the mails (mail/templates.de.ts) have theirs.
 */

export const seatMessages = {
  missing: 'Sitz: Bitte angeben.',
  shape: 'Sitz: nur Kleinbuchstaben, Ziffern und Bindestriche.',
  institution: 'Institution',
  name: (who: string) => `Name (${who})`,
  email: (who: string) => `E-Mail (${who})`,
  member: 'Mitglied',
  deputy: 'Stellvertretung',
  active: 'Aktiv: Bitte ja oder nein angeben.',
  deputySameAsMember: 'E-Mail (Stellvertretung): Bitte eine andere Person als das Mitglied angeben.',
  deputiesNotList: 'Stellvertretungen: Bitte als Liste angeben.',
  deputiesTooMany: 'Stellvertretungen: höchstens 3 je Sitz.',
  deputyTwice: 'E-Mail (Stellvertretung): Diese Person ist schon Stellvertretung dieses Sitzes.',
} as const;

export const voteSketchMessages = {
  label: 'Skizze',
  missing: 'Skizze: Bitte angeben.',
} as const;

export const openVoteMessages = {
  sketchesMissing: 'Skizzen: Bitte Skizzen wählen.',
  sketchesNone: 'Skizzen: Bitte mindestens eine Skizze wählen.',
  sketchesTooMany: 'Skizzen: höchstens 10 je Umlaufverfahren.',
  unknownSketch: (id: string) => `Die Skizze ${id} gibt es nicht.`,
  unknownSketchLabelled: (id: string) => `Skizzen: Die Skizze ${id} gibt es nicht.`,
  notReady: (title: string) => `„${title}“ ist nicht bereit zur Abstimmung.`,
  statementsMissing: (title: string) => `„${title}“: Die Stellungnahme einer lokalen Allianz fehlt noch.`,
  noSeats: (n: ProfileNames) => `Es gibt keine aktiven Sitze ${n.decisionBody.genitive}.`,
  reasonMissing: (n: ProfileNames) =>
    `Anlass: Entscheidungen im Umlaufverfahren trifft ${n.decisionBody.nominative} nur im Einzelfall; bitte den Anlass angeben.`,
  reasonNotText: 'Anlass: Bitte als Text angeben.',
  reasonTooLong: 'Anlass: höchstens 500 Zeichen.',
} as const;

export const deadlineMessages = {
  missing: 'Frist: Bitte ein Datum angeben.',
  invalid: 'Frist: Bitte ein gültiges Datum angeben.',
  notLater: 'Frist: Die neue Frist muss nach der bisherigen liegen.',
} as const;

export const ballotMessages = {
  reason: 'Begründung',
  comment: 'Kommentar',
  notText: (label: string) => `${label}: Bitte als Text angeben.`,
  tooLong: (label: string) => `${label}: Bitte höchstens 2000 Zeichen eingeben.`,
  choice: 'Stimme: Bitte Zustimmung, Einwand oder Enthaltung wählen.',
} as const;

export const voteStateMessages = {
  notYours: 'Diese Abstimmung gibt es nicht, oder Sie gehören ihr nicht an.',
  noSuchSeat: 'Diesen Sitz gibt es in dieser Abstimmung nicht.',
  alreadyClosed: 'Die Abstimmung ist bereits beendet.',
  closed: 'Die Abstimmung ist beendet.',
  closedNoExtension: 'Die Abstimmung ist bereits beendet; ihre Frist kann nicht mehr verlängert werden.',
  /** A sketch's line in the office's mail with the result of a circulation vote. */
  resultLine: (
    title: string,
    result: string,
    outcome: {
      counts: { approve: number; object: number; abstain: number };
      recusedSeatIds: readonly string[];
      silentSeatIds: readonly string[];
    },
  ) =>
    `${title}: ${result} – Zustimmung ${outcome.counts.approve}, Einwand ${outcome.counts.object}, Enthaltung ${outcome.counts.abstain}, befangen ${outcome.recusedSeatIds.length}, nicht abgestimmt ${outcome.silentSeatIds.length}`,
  /** The audit note of a sketch decided by a circulation vote. */
  /** The audit note of a circulation vote's result: in words, never the code. */
  decidedNote: (result: keyof typeof outcomeLabels) => `Umlaufverfahren: ${outcomeLabels[result]}`,
} as const;

export const meetingMessages = {
  countNotInt: 'Anzahl: Bitte eine ganze Zahl angeben.',
  countNegative: 'Anzahl: nicht negativ.',
  countTooHigh: 'Anzahl: höchstens 100.',
  dateMissing: 'Datum: Bitte angeben.',
  dateInvalid: 'Datum: Bitte ein gültiges Datum angeben.',
  placeNotText: 'Ort: Bitte als Text angeben.',
  placeTooLong: 'Ort: höchstens 200 Zeichen.',
  attendanceMissing: 'Anwesenheit: Bitte je Sitz angeben.',
  presence: 'Anwesenheit: Bitte Mitglied, Stellvertretung oder abwesend wählen.',
  result: 'Beschluss: Bitte wählen.',
  decisionsMissing: 'Beschlüsse: Bitte mindestens eine Skizze entscheiden.',
  recusedSeats: 'Befangene Sitze: Bitte als Liste von Sitzen angeben.',
  because: 'Anlass: Bitte angeben, warum Sie für den Sitz handeln (z. B. „per Telefon“).',
  deputy: 'Stellvertretung: Bitte die E-Mail-Adresse der anwesenden Stellvertretung angeben.',
  chairTooLong: 'Sitzungsleitung: höchstens 200 Zeichen.',
  chairNotText: 'Sitzungsleitung: Bitte als Text angeben.',
  invitedOnInvalid: 'Einladung vom: Bitte ein gültiges Datum angeben.',
  agendaNotList: 'Tagesordnung: Bitte als Liste angeben.',
  agendaTooMany: 'Tagesordnung: höchstens 30 Punkte.',
  agendaTitle: 'Tagesordnungspunkt: Bitte einen Titel angeben (höchstens 300 Zeichen).',
  agendaNote: 'Notiz zum Tagesordnungspunkt: höchstens 5000 Zeichen.',
  countMissing: 'Anzahl: Bitte angeben (0, wenn niemand).',
  sketchTwice: (id: string) => `Beschlüsse: Die Skizze ${id} ist doppelt angegeben.`,
  overrulesNote: (date: string, earlier: string) => `Sitzung am ${formatDate(date)} (ersetzt: ${earlier})`,
  unknownSketch: (id: string) => `Beschlüsse: Die Skizze ${id} gibt es nicht.`,
  inVote: (title: string) => `„${title}“ ist in einem laufenden Umlaufverfahren; beenden Sie es zuerst.`,
  /** The audit note of a sketch decided in a meeting. */
  decidedNote: (date: string) => `Sitzung am ${formatDate(date)}`,
  notFound: 'Diese Sitzung gibt es nicht.',
  label: 'Sitzung',
} as const;

export const votumMessages = {
  decision: 'Entscheidung: Bitte befürwortet, nicht befürwortet oder zurückgestellt wählen.',
  conditionsNotText: 'Auflagen: Bitte als Text angeben.',
  conditionsTooLong: 'Auflagen: höchstens 3000 Zeichen.',
  criteriaMissing: 'Kriterien: Bitte als Liste angeben.',
  criterion: 'Kriterium',
  assessment: 'Kriterium: Bitte erfüllt, nicht erfüllt oder nicht bewertet wählen.',
  justificationMissing: 'Begründung: Bitte ausfüllen.',
  justificationTooShort: 'Begründung: Bitte mindestens 20 Zeichen eingeben.',
  justificationTooLong: 'Begründung: höchstens 5000 Zeichen.',
  contradicts: (n: ProfileNames, decision: string, result: string) =>
    `Entscheidung: Das Votum folgt dem Ergebnis ${n.decisionBody.genitive} („${result}“) und kann nicht „${decision}“ lauten.`,
  noOutcome: (n: ProfileNames) =>
    `Für diese Skizze liegt noch kein Ergebnis ${n.decisionBody.genitive} vor (Umlaufverfahren oder Sitzung).`,
  /** The audit note of a Votum. */
  note: (decision: keyof typeof votumDecisionLabels) => `Votum: ${votumDecisionLabels[decision]}`,
  noLetter: 'Zu dieser Skizze gibt es noch kein Votum.',
} as const;

/** Path parameters' names. */
export const voteParamLabels = { vote: 'Abstimmung' } as const;

/**
 * Every section by name (the web, the tests). A function imports the sections it says, so a bundle
 * keeps only those.
 */
export const voteMessages = {
  seat: seatMessages,
  sketch: voteSketchMessages,
  open: openVoteMessages,
  deadline: deadlineMessages,
  ballot: ballotMessages,
  vote: voteStateMessages,
  meeting: meetingMessages,
  votum: votumMessages,
  params: voteParamLabels,
} as const;

/** The core's refusals of a vote action (core/vote.ts): each with its conflict code there. */
export const voteRefusals = {
  deadlinePast: (date: string) => `Frist: Der ${date} liegt in der Vergangenheit.`,
  noSeat: 'Dieser Sitz gehört nicht zu dieser Abstimmung.',
  closedUntil: (date: string) =>
    `Die Abstimmung ist beendet (Frist: ${date}). Stimmen können nicht mehr abgegeben oder geändert werden.`,
  closed: 'Die Abstimmung ist beendet.',
  noSketch: 'Über diese Skizze wird in dieser Abstimmung nicht entschieden.',
  handedToDeputy:
    'Die Stimme dieses Sitzes ist an die Stellvertretung übergeben; nur sie kann jetzt abstimmen.',
  memberOnly: 'Nur das Mitglied kann für diesen Sitz abstimmen, solange es die Stimme nicht übergeben hat.',
  recused: 'Dieser Sitz ist bei dieser Skizze befangen und stimmt nicht ab.',
  reasonMissing: 'Begründung: Bitte begründen Sie Ihren Einwand.',
  handOverMemberOnly: 'Nur das Mitglied kann seine Stimme übergeben.',
  noDeputy: 'Für diesen Sitz ist keine Stellvertretung benannt.',
  alreadyHanded: 'Die Stimme ist bereits übergeben.',
  takeBackMemberOnly: 'Nur das Mitglied kann die Stimme zurücknehmen.',
  notHanded: 'Die Stimme ist nicht übergeben.',
  deputyVoted:
    'Die Stellvertretung hat bereits abgestimmt; die Stimme kann nicht mehr zurückgenommen werden.',
  recuseHolderOnly: 'Nur wer die Stimme des Sitzes hält, kann die Befangenheit erklären.',
  alreadyRecused: 'Die Befangenheit ist bereits erklärt.',
  becauseMissing: 'Anlass: Bitte angeben, warum Sie für den Sitz handeln (z. B. „per Telefon“).',
  deputiesNoVote: 'Stellvertretungen haben nach der Geschäftsordnung kein Stimmrecht.',
  notADeputy: 'Stellvertretung: Diese Person ist für den Sitz nicht als Stellvertretung benannt.',
  whichDeputy: 'Stellvertretung: Der Sitz hat mehrere Stellvertretungen; bitte eine wählen.',
  unknownCriterion: (id: string) => `Kriterium „${id}“ gibt es nicht.`,
  criterionTwice: (id: string) => `Kriterium „${id}“ ist doppelt angegeben.`,
  criteriaAboveCap: (names: readonly string[]) =>
    `Kriterien: Die Skizze liegt über der Kostenobergrenze; dann sind alle Kriterien besonders zu berücksichtigen. Bitte bewerten: ${names.join('; ')}.`,
  unknownSeat: (id: string) => `Anwesenheit: Den Sitz ${id} gibt es nicht.`,
  seatTwice: (id: string) => `Anwesenheit: Der Sitz ${id} ist doppelt angegeben.`,
  meetingNoDeputy: 'Anwesenheit: Ein Sitz ohne Stellvertretung kann nicht durch sie vertreten sein.',
  recusedUnknown: (id: string) => `Befangene Sitze: Der Sitz ${id} gehört nicht zur Sitzung.`,
  tooManyVotes: (votes: number, present: number) =>
    `Zustimmungen, Einwände und Enthaltungen (zusammen ${votes}) sind mehr als anwesende, nicht befangene Sitze (${present}).`,
} as const;

/** A circulation vote's outcome per sketch, as pages, mails and exports name it. */
export const outcomeLabels = {
  endorsed: 'Befürwortet',
  not_endorsed: 'Nicht befürwortet',
  no_consensus: 'Kein Einvernehmen',
  no_quorum: 'Keine Entscheidung (zu wenige Stimmen)',
} as const satisfies Record<string, string>;

/** The Votum's decision, as it reads inside a sentence ("Der Sprecherkreis hat … befürwortet"). */
export const votumDecisionLabels = {
  endorsed: 'befürwortet',
  not_endorsed: 'nicht befürwortet',
  deferred: 'zurückgestellt',
} as const satisfies Record<string, string>;
