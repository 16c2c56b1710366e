/*
 * The German texts of the steering group's pages (seats, circulation votes, meetings, the Votum,
 * and the members' vote pages). They live in these pages' own chunks, so applicants never load
 * them; choice, outcome and decision names come from the core (functions/core/vote.ts).
 */
import { capitalised } from '../../../../functions/core/names.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';

const number = new Intl.NumberFormat('de-DE');
const plural = (n: number, one: string, many: string) =>
  n === 1 ? `1 ${one}` : `${number.format(n)} ${many}`;

export const voteTexts = {
  common: {
    loading: 'Wird geladen …',
    memberOnly: (n: ProfileNames) =>
      `Diese Seite ist den Mitgliedern ${n.decisionBody.genitive} und ihren Stellvertretungen vorbehalten. Melden Sie sich mit der Adresse an, an die die Einladung zur Abstimmung ging.`,
    none: '–',
    yes: 'Ja',
    no: 'Nein',
    optional: '(freiwillig)',
    cancel: 'Abbrechen',
    errorPrefix: 'Fehler:',
    summaryHeading: 'Bitte prüfen Sie Ihre Angaben',
    person: (name: string, email: string) => `${name} (${email})`,
    holder: { member: 'Mitglied', deputy: 'Stellvertretung' },
    sketches: (n: number) => plural(n, 'Skizze', 'Skizzen'),
    seats: (n: number) => plural(n, 'Sitz', 'Sitze'),
  },
  nav: {
    label: 'Bereiche der Verwaltung',
    sketches: 'Projektskizzen',
    seats: 'Sitze',
    local: 'Lokale Allianzen',
    votes: 'Abstimmungen',
    meetings: 'Sitzungen',
    budget: 'Budget',
    deadlines: 'Fristen',
    access: 'Zugänge',
    notices: 'Benachrichtigungen',
    privacy: 'Datenschutz',
  },
  seats: {
    title: (n: ProfileNames) => `Sitze ${n.decisionBody.genitive}`,
    intro:
      'Jeder Sitz hat ein Mitglied und in der Regel eine Stellvertretung. Nur aktive Sitze werden zu einer Abstimmung eingeladen.',
    note: 'Änderungen gelten für Abstimmungen, die danach eröffnet werden. Laufende Abstimmungen behalten die Besetzung, mit der sie eröffnet wurden.',
    caption: (n: ProfileNames) => `Sitze ${n.decisionBody.genitive}`,
    columns: {
      institution: 'Institution',
      member: 'Mitglied',
      deputy: 'Stellvertretung',
      active: 'Aktiv',
      actions: 'Aktionen',
    },
    noDeputy: 'keine benannt',
    /** Beside an address SES reported as bouncing or complaining: the portal mails it no more. */
    undeliverable: {
      bounce:
        'Nicht zustellbar: Die Adresse wurde dauerhaft abgewiesen. Das Portal schickt keine E-Mails mehr an sie.',
      complaint:
        'Keine E-Mails mehr: Die Empfängerin oder der Empfänger hat eine E-Mail des Portals als Spam gemeldet.',
    },
    empty: 'Es sind noch keine Sitze angelegt.',
    edit: 'Bearbeiten',
    add: 'Sitz hinzufügen',
    editHeading: (institution: string) => `Sitz bearbeiten: ${institution}`,
    addHeading: 'Neuer Sitz',
    institution: 'Institution',
    memberLegend: 'Mitglied',
    deputyLegend: 'Stellvertretung',
    deputyHint: 'Freiwillig. Wenn Sie eine Stellvertretung angeben, dann Name und E-Mail-Adresse.',
    deputy2Legend: 'Zweite Stellvertretung',
    deputy2Hint:
      'Freiwillig, für Sitze mit zwei Stellvertretungen (z. B. die Hochschulen). Stimmrecht hat eine Stellvertretung nur im Vertretungsfall.',
    name: 'Name',
    email: 'E-Mail-Adresse',
    active: 'Aktiv: Der Sitz wird zu neuen Abstimmungen eingeladen',
    id: (id: string) => `Kennung des Sitzes: ${id || '(ergibt sich aus der Institution)'}`,
    /** The id of a seat whose institution gives none (no letter or digit in it). */
    fallbackId: 'sitz',
    save: 'Sitz speichern',
    saving: 'Wird gespeichert …',
    saved: (institution: string) => `Der Sitz „${institution}“ ist gespeichert.`,
    deputyIncomplete: 'Bitte Name und E-Mail-Adresse der Stellvertretung angeben, oder beide leer lassen.',
    requiredName: 'Institution: Bitte ausfüllen.',
  },
  votes: {
    title: (n: ProfileNames) => `Umlaufverfahren ${n.decisionBody.genitive}`,
    intro:
      'Im Umlaufverfahren stimmt jeder aktive Sitz per E-Mail-Link über die vorgelegten Skizzen ab: Zustimmung, Einwand oder Enthaltung.',
    caption: 'Umlaufverfahren, neueste zuerst',
    columns: {
      openedAt: 'Eröffnet am',
      sketches: 'Skizzen',
      deadline: 'Frist',
      status: 'Stand',
      seats: 'Sitze',
    },
    voteName: (date: string) => `Umlaufverfahren vom ${date}`,
    empty: 'Es wurde noch kein Umlaufverfahren eröffnet.',
    more: 'Ältere Umlaufverfahren laden',
    open: 'Offen',
    closed: 'Beendet',
    closedBecause: (n: ProfileNames): Record<string, string> => ({
      deadline: 'Beendet (Frist abgelaufen)',
      complete: 'Beendet (alle Sitze haben abgestimmt)',
      admin: `Beendet (von ${n.office.dative})`,
    }),
    startHeading: 'Umlaufverfahren starten',
    startHint:
      'Zur Wahl stehen Skizzen, die bereit zur Abstimmung sind. Jedes Mitglied eines aktiven Sitzes erhält eine E-Mail mit den Zusammenfassungen und einem Link zur Abstimmung.',
    sketchesLegend: 'Skizzen für dieses Umlaufverfahren',
    noReady: 'Zurzeit ist keine Skizze bereit zur Abstimmung.',
    notEndorsed: 'Stellungnahme einer lokalen Allianz steht aus – kann nicht vorgelegt werden',
    sketchFacts: (organisation: string, cost: string) => `${organisation}, Gesamtkosten ${cost}`,
    deadline: 'Frist (letzter Tag der Abstimmung)',
    deadlineHint: (days: number) =>
      `Die Abstimmung endet am Ende dieses Tages. Vorgeschlagen: in ${days} Tagen, wie im Profil des Bündnisses vorgesehen.`,
    start: 'Umlaufverfahren starten',
    starting: 'Wird gestartet …',
    chooseOne: 'Skizzen: Bitte mindestens eine Skizze wählen.',
    deadlineMissing: 'Frist: Bitte ein Datum angeben.',
    reason: 'Anlass für das Umlaufverfahren',
    reasonHint: (n: ProfileNames) =>
      `${capitalised(n.decisionBody.nominative)} entscheidet nach ${n.decisionBody.gender === 'feminine' ? 'ihrer' : 'seiner'} Geschäftsordnung nur im Einzelfall im Umlaufverfahren. Bitte nennen Sie den Anlass (z. B. eine Frist vor der nächsten Sitzung).`,
    reasonMissing: 'Anlass für das Umlaufverfahren: Bitte angeben.',
    started: 'Das Umlaufverfahren ist eröffnet; die Mitglieder erhalten ihre Einladung per E-Mail.',
  },
  vote: {
    fallbackTitle: 'Umlaufverfahren',
    backToList: 'Zurück zu den Umlaufverfahren',
    overview: 'Überblick',
    status: 'Stand',
    deadline: 'Frist',
    deadlineValue: (date: string) => `bis zum ${date}, 24 Uhr`,
    openedAt: 'Eröffnet',
    openedBy: (at: string, by: string) => `am ${at} von ${by}`,
    closedAt: 'Beendet am',
    sketchesHeading: 'Vorgelegte Skizzen',
    cost: (cost: string, esf: string) => `Gesamtkosten ${cost}, davon ESF ${esf}`,
    progressHeading: 'Fortschritt je Sitz',
    progressCaption: 'Wer für welchen Sitz abgestimmt hat',
    seatColumn: 'Sitz',
    holderColumn: 'Stimme liegt bei',
    voted: (choice: string, as: string) => `${choice} (${as})`,
    notVoted: 'noch offen',
    silent: 'nicht abgestimmt',
    sketchStatus: (status: string) => `Stand: ${status}`,
    recused: 'befangen',
    handedByOffice: (n: ProfileNames, because: string) =>
      `von ${n.office.dative} übergeben, Anlass: ${because}`,
    recordedByOffice: (n: ProfileNames, because: string) =>
      `von ${n.office.dative} erfasst, Anlass: ${because}`,
    sketchProgress: (title: string, voted: number, eligible: number, recused: number) =>
      `„${title}“: ${number.format(voted)} von ${plural(eligible, 'Sitz', 'Sitzen')} haben abgestimmt${recused ? `, ${number.format(recused)} befangen` : ''}.`,
    lastUpdate: (time: string) => `Stand: ${time} Uhr. Die Seite aktualisiert sich alle 15 Sekunden.`,
    lastUpdateClosed: (time: string) => `Stand: ${time} Uhr.`,
    refresh: 'Aktualisieren',
    refreshing: 'Wird aktualisiert …',
    changes: (n: number) =>
      n === 0 ? 'Keine neuen Stimmen.' : `${plural(n, 'neue Stimme', 'neue Stimmen')} oder Änderungen.`,
    refreshed: (time: string, changes: string) => `Aktualisiert um ${time} Uhr. ${changes}`,
    commentsHeading: 'Begründungen und Kommentare',
    noComments: 'Noch keine Begründungen oder Kommentare.',
    reason: 'Begründung:',
    comment: 'Kommentar:',
    actionsHeading: 'Aktionen',
    remind: {
      heading: 'Erinnerung senden',
      hint: 'Erinnert alle Sitze, die noch nicht über jede Skizze abgestimmt haben – jeweils wer die Stimme gerade hält.',
      button: 'Erinnerung senden',
      busy: 'Wird gesendet …',
      done: (n: number) =>
        n === 0
          ? 'Es war niemand zu erinnern: Alle Sitze haben abgestimmt.'
          : `Erinnerung an ${plural(n, 'Sitz', 'Sitze')} gesendet.`,
    },
    extend: {
      heading: 'Frist verlängern',
      label: 'Neue Frist',
      hint: 'Alle Sitze werden über die neue Frist informiert.',
      button: 'Frist verlängern',
      busy: 'Wird verlängert …',
      missing: 'Neue Frist: Bitte ein Datum angeben.',
      done: (date: string) => `Die Frist ist bis zum ${date} verlängert; alle Sitze sind informiert.`,
    },
    recuse: {
      heading: 'Befangenheit erfassen',
      hint: 'Ein befangener Sitz stimmt über die Skizze nicht ab und zählt nicht zum Quorum; eine bereits abgegebene Stimme wird gelöscht.',
      seat: 'Sitz',
      sketch: 'Skizze',
      choose: 'Bitte wählen',
      button: 'Befangenheit erfassen',
      busy: 'Wird erfasst …',
      missing: 'Bitte Sitz und Skizze wählen.',
      done: (seat: string, sketch: string) => `Befangenheit von „${seat}“ bei „${sketch}“ ist erfasst.`,
    },
    actFor: {
      heading: 'Für einen Sitz handeln',
      hint: (n: ProfileNames) =>
        `Kann ein Mitglied nicht selbst handeln, übergibt ${n.office.nominative} die Stimme an die Stellvertretung oder erfasst die Stimme, die ${n.office.gender === 'feminine' ? 'ihr' : 'ihm'} mitgeteilt wurde. Beides wird mit dem Anlass in der Abstimmung und im Verlauf gezeigt.`,
      seat: 'Sitz',
      what: 'Was',
      handOver: 'Stimme an die Stellvertretung übergeben',
      ballot: 'Stimme erfassen',
      deputy: 'Stellvertretung',
      sketch: 'Skizze',
      choice: 'Stimme',
      reason: 'Begründung des Einwands',
      because: 'Anlass (z. B. „per Telefon“)',
      choose: 'Bitte wählen',
      button: 'Für den Sitz speichern',
      busy: 'Wird gespeichert …',
      missing: 'Bitte Sitz, Anlass und (für eine Stimme) Skizze und Stimme angeben.',
      handedOver: (seat: string) => `Die Stimme von „${seat}“ ist an die Stellvertretung übergeben.`,
      recorded: (seat: string, sketch: string) => `Die Stimme von „${seat}“ zu „${sketch}“ ist erfasst.`,
    },
    close: {
      heading: 'Abstimmung beenden',
      hint: 'Beendet das Umlaufverfahren vor der Frist; das Ergebnis je Skizze wird aus den bisher abgegebenen Stimmen ermittelt.',
      button: 'Abstimmung beenden',
      question: 'Das Umlaufverfahren jetzt beenden?',
      consequence:
        'Danach kann niemand mehr abstimmen. Sitze, die noch nicht abgestimmt haben, gelten als nicht abgestimmt. Das lässt sich nicht rückgängig machen.',
      confirm: 'Ja, Abstimmung beenden',
      busy: 'Wird beendet …',
      done: 'Das Umlaufverfahren ist beendet. Das Ergebnis steht unten.',
    },
    outcomesHeading: 'Ergebnis',
    noOutcome: 'Für diese Skizze liegt kein Ergebnis aus diesem Umlaufverfahren vor.',
    writeVotum: (title: string) => `Votum schreiben: ${title}`,
    circulationRecord: (title: string) => `Umlaufbeschluss zu „${title}“ (PDF)`,
    votumWritten: (status: string) => `Das Votum ist geschrieben (Stand der Skizze: ${status}).`,
  },
  outcome: {
    result: 'Ergebnis',
    countsCaption: (title: string) => `Stimmen zu „${title}“`,
    choice: 'Stimme',
    count: 'Anzahl',
    eligible: 'Stimmberechtigte Sitze',
    quorum: 'Quorum',
    quorumMet: 'erreicht',
    quorumMissed: 'nicht erreicht',
    votedHeading: 'Wer wie abgestimmt hat',
    recusedHeading: 'Befangen',
    silentHeading: 'Nicht abgestimmt',
    nobody: 'niemand',
    source: { circulation: 'Umlaufverfahren', meeting: 'Sitzung' } as Record<string, string>,
    decided: (source: string, at: string) => `${source}, entschieden am ${at}`,
    as: (choice: string, as: string) => `${choice} (${as})`,
  },
  myVotes: {
    title: 'Meine Abstimmungen',
    intro: (n: ProfileNames) =>
      `Hier sehen Sie die Umlaufverfahren ${n.decisionBody.genitive}, an denen Sie für einen Sitz teilnehmen: die offenen mit dem, was noch zu tun ist, und die beendeten mit ihren Skizzen.`,
    closedHeading: (deadline: string) => `Beendetes Umlaufverfahren (Frist ${deadline})`,
    closed: 'Beendet; die Skizzen und das Ergebnis bleiben für Sie lesbar.',
    empty: 'Zurzeit gibt es keine offene Abstimmung für Sie.',
    voteHeading: (deadline: string) => `Umlaufverfahren bis zum ${deadline}`,
    deadline: 'Frist',
    seat: (institution: string, as: string) => `${institution} (als ${as})`,
    todo: (n: number, of: number) =>
      n === 0
        ? 'Sie haben über alle Skizzen abgestimmt.'
        : `Noch offen: ${number.format(n)} von ${plural(of, 'Skizze', 'Skizzen')}.`,
    handedOver: 'Die Stimme ist an die Stellvertretung übergeben; sie stimmt für diesen Sitz ab.',
    notHandedOver: 'Das Mitglied hat die Stimme nicht übergeben; Sie müssen nichts tun.',
    open: 'Zur Abstimmung',
    openNamed: (deadline: string) => `Zur Abstimmung (Frist ${deadline})`,
  },
  myVote: {
    title: (n: ProfileNames) => `Abstimmung ${n.decisionBody.genitive}`,
    backToList: 'Zu meinen Abstimmungen',
    deadline: (date: string) => `Abstimmen bis zum ${date}, 24 Uhr. Bis dahin können Sie Ihre Stimme ändern.`,
    closed: (date: string) =>
      `Diese Abstimmung ist beendet (Frist: ${date}). Stimmen können nicht mehr abgegeben oder geändert werden.`,
    seatHeading: (institution: string) => `Ihr Sitz: ${institution}`,
    actingAs: (as: string) => `Sie handeln für diesen Sitz als ${as}.`,
    handOver: {
      hint: (deputy: string) =>
        `Können Sie nicht selbst abstimmen, übergeben Sie die Stimme an die Stellvertretung (${deputy}). Sie erhält eine E-Mail und stimmt dann für den Sitz ab.`,
      noDeputy: 'Für diesen Sitz ist keine Stellvertretung benannt.',
      button: 'Stimme an die Stellvertretung übergeben',
      buttonTo: (deputy: string) => `Stimme an ${deputy} übergeben`,
      byOffice: (n: ProfileNames, because: string) =>
        `${capitalised(n.office.nominative)} hat die Stimme für Sie übergeben (Anlass: ${because}).`,
      busy: 'Wird übergeben …',
      // The deputy's gender is unknown: the name, never a pronoun.
      done: (deputy: string) =>
        `Die Stimme ist an ${deputy} übergeben. ${deputy} erhält eine E-Mail mit dem Link zur Abstimmung.`,
      given: (deputy: string) =>
        `Sie haben die Stimme an die Stellvertretung (${deputy}) übergeben. Nur sie kann jetzt für diesen Sitz abstimmen.`,
      takeBack: 'Stimme zurücknehmen',
      takingBack: 'Wird zurückgenommen …',
      takenBack: 'Sie haben die Stimme zurückgenommen und stimmen wieder selbst ab.',
      deputyVoted:
        'Die Stellvertretung hat bereits abgestimmt; die Stimme kann nicht mehr zurückgenommen werden.',
    },
    deputy: {
      holds: (member: string) =>
        `${member} hat Ihnen die Stimme dieses Sitzes übergeben. Sie stimmen jetzt für den Sitz ab.`,
      waits: (member: string) =>
        `Die Stimme liegt beim Mitglied (${member}). Sie können erst abstimmen, wenn es Ihnen die Stimme übergibt.`,
    },
    sketchesHeading: 'Die Skizzen',
    organisation: 'Träger',
    cost: 'Kosten',
    costValue: (cost: string, esf: string) => `${cost}, davon ESF ${esf}`,
    summary: 'Zusammenfassung',
    fullSketch: (title: string) => `Ganze Skizze lesen: ${title}`,
    ballotLegend: (title: string, institution: string | undefined) =>
      institution ? `Ihre Stimme zu „${title}“ für ${institution}` : `Ihre Stimme zu „${title}“`,
    reason: 'Begründung des Einwands',
    reasonHint: 'Erforderlich, wenn Sie einen Einwand erheben.',
    reasonMissing: 'Begründung: Bitte begründen Sie Ihren Einwand.',
    choiceMissing: 'Stimme: Bitte Zustimmung, Einwand oder Enthaltung wählen.',
    comment: 'Kommentar',
    tooLong: (label: string, max: number) => `${label}: höchstens ${max} Zeichen.`,
    cast: 'Stimme abgeben',
    change: 'Stimme ändern',
    busy: 'Wird gespeichert …',
    castDone: (title: string, choice: string) => `Ihre Stimme zu „${title}“ ist gespeichert: ${choice}.`,
    current: (choice: string, at: string, by: string, as: string) =>
      `Ihre Stimme: ${choice}, abgegeben am ${at} von ${by} (${as}).`,
    changeable: (date: string) => `Sie können sie bis zum ${date} ändern.`,
    noBallot: 'Sie haben noch nicht abgestimmt.',
    notYourTurn: {
      member: 'Sie haben die Stimme übergeben: Nur die Stellvertretung kann jetzt für diesen Sitz abstimmen.',
      deputy: 'Die Stimme liegt beim Mitglied: Sie können erst abstimmen, wenn es Ihnen die Stimme übergibt.',
    },
    recused: 'Sie haben Befangenheit erklärt und stimmen über diese Skizze nicht ab.',
    recuse: {
      button: 'Befangenheit erklären',
      question: (title: string) => `Sind Sie bei „${title}“ befangen?`,
      consequence:
        'Zum Beispiel, weil Ihre Organisation Antragsteller oder Partner ist. Dann stimmen Sie über diese Skizze nicht ab, sehen die Stimmen der anderen zu ihr nicht, und eine bereits abgegebene Stimme wird gelöscht. Das lässt sich nicht rückgängig machen.',
      confirm: 'Ja, Befangenheit erklären',
      busy: 'Wird erklärt …',
      done: (title: string) => `Ihre Befangenheit bei „${title}“ ist erklärt.`,
    },
    conflict:
      'Die Abstimmung wurde gerade an anderer Stelle geändert. Die Seite zeigt jetzt den aktuellen Stand; bitte prüfen Sie ihn und versuchen Sie es noch einmal.',
  },
  meetings: {
    title: (n: ProfileNames) => `Sitzungen ${n.decisionBody.genitive}`,
    intro: (n: ProfileNames) =>
      `Entscheidet ${n.decisionBody.nominative} in einer Sitzung, erfassen Sie hier Anwesenheit und Entscheidungen. Das Ergebnis wird wie beim Umlaufverfahren bei der Skizze vermerkt.`,
    record: 'Sitzung erfassen',
    caption: 'Erfasste Sitzungen, neueste zuerst',
    columns: {
      date: 'Datum',
      place: 'Ort',
      present: 'Anwesende Sitze',
      decisions: 'Entscheidungen',
      minutes: 'Protokoll',
    },
    empty: 'Es wurde noch keine Sitzung erfasst.',
    present: (n: number, of: number) => `${number.format(n)} von ${number.format(of)}`,
    minutes: (date: string) => `Protokoll vom ${date} (PDF)`,
    recorded: 'Die Sitzung ist erfasst; die Entscheidungen sind bei den Skizzen vermerkt.',
    unavailable:
      'Sitzungen können noch nicht erfasst werden: Diese Funktion ist im Portal noch nicht freigeschaltet.',
  },
  meeting: {
    title: 'Sitzung erfassen',
    backToList: 'Zurück zu den Sitzungen',
    date: 'Datum der Sitzung',
    place: 'Ort',
    attendanceHeading: 'Anwesenheit',
    attendanceHint: 'Wer war für welchen Sitz anwesend?',
    presence: { member: 'Mitglied', deputy: 'Stellvertretung', absent: 'abwesend' } as Record<string, string>,
    presenceLabel: (what: string, name: string | undefined) => (name ? `${what}: ${name}` : what),
    decisionsHeading: 'Entscheidungen',
    decisionsHint:
      'Wählen Sie die Skizzen, über die in der Sitzung entschieden wurde, und tragen Sie die Stimmen ein (leer heißt 0). Das Ergebnis folgt daraus nach der Geschäftsordnung; befangene Sitze stimmen nicht mit.',
    invitedOn: 'Einladung vom',
    chair: 'Sitzungsleitung (Name)',
    note: (title: string) => `Notiz zum Tagesordnungspunkt „${title}“`,
    noSketches: 'Zurzeit steht keine Skizze zur Entscheidung.',
    decided: (title: string) => `In dieser Sitzung entschieden: ${title}`,
    result: 'Entscheidung',
    results: {
      endorsed: 'Befürwortet',
      not_endorsed: 'Nicht befürwortet',
      no_consensus: 'Kein Einvernehmen',
    } as Record<string, string>,
    counts: 'Stimmen der anwesenden, nicht befangenen Sitze',
    recusedLegend: 'Befangene Sitze',
    save: 'Sitzung speichern',
    saving: 'Wird gespeichert …',
    dateMissing: 'Datum der Sitzung: Bitte angeben.',
    resultMissing: 'Entscheidung: Bitte wählen.',
    countInvalid: (label: string) => `${label}: Bitte eine ganze Zahl ab 0 eingeben.`,
  },
  votum: {
    title: (title: string) => `Votum: ${title}`,
    fallbackTitle: 'Votum schreiben',
    backToSketch: 'Zurück zur Skizze',
    outcomeHeading: 'Ergebnis der Abstimmung',
    noOutcome:
      'Für diese Skizze liegt noch kein Ergebnis vor. Beenden Sie zuerst das Umlaufverfahren oder erfassen Sie die Sitzung.',
    notInVote: (status: string) =>
      `Ein Votum kann nur für eine Skizze geschrieben werden, über die abgestimmt wurde (Stand: ${status}).`,
    formHeading: 'Votum schreiben',
    decision: 'Votum',
    decisionHint: (n: ProfileNames) =>
      `Folgt aus dem Ergebnis ${n.decisionBody.genitive} und kann hier nicht geändert werden. Sie schreiben Begründung, Auflagen und die Bewertung der Kriterien.`,
    aboveCap:
      'Die Skizze liegt über der Kostenobergrenze. Nach der Fachkräftestrategie sind die Kriterien dann besonders zu berücksichtigen: Bitte bewerten Sie jedes.',
    criterionAboveCap: (name: string) => `${name}: Bitte bewerten (über der Kostenobergrenze).`,
    decisions: {
      endorsed: 'Befürwortet',
      not_endorsed: 'Nicht befürwortet',
      deferred: 'Zurückgestellt (die Skizze wird erneut beraten)',
    } as Record<string, string>,
    conditions: 'Auflagen',
    conditionsHint: (n: ProfileNames) =>
      `Freiwillig: Bedingungen, unter denen ${n.decisionBody.nominative} das Projekt befürwortet.`,
    criteriaHeading: 'Bewertung nach den Kriterien',
    criteriaHint: 'Je Kriterium der Fachkräftestrategie: erfüllt, nicht erfüllt oder nicht bewertet.',
    justification: 'Begründung',
    justificationHint: 'Eine kurze Begründung entlang der Kriterien; sie steht im Schreiben an den Träger.',
    justificationMissing: 'Begründung: Bitte ausfüllen.',
    save: 'Votum speichern und versenden',
    saving: 'Wird gespeichert …',
    saved: 'Das Votum ist gespeichert; der Träger erhält es per E-Mail mit dem Schreiben als PDF.',
    unavailable:
      'Das Votum kann noch nicht gespeichert werden: Diese Funktion ist im Portal noch nicht freigeschaltet.',
  },
} as const;
