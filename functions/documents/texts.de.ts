import { formatDate, formatDateTime } from '../core/dates.ts';
import { formatPercent } from '../core/money.ts';
import { capitalised, possessive } from '../core/names.ts';
import type { ProfileNames } from '../core/profile.ts';
import { salutation } from '../core/sketch.de.ts';

/** What the documents say, in German: one catalogue, so that an English one can follow. */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const de = {
  decision: {
    endorsed: 'befürwortet',
    not_endorsed: 'nicht befürwortet',
    deferred: 'zurückgestellt',
  },
  assessment: {
    met: 'erfüllt',
    not_met: 'nicht erfüllt',
    not_assessed: 'nicht bewertet',
  },
  presence: {
    member: 'anwesend (Mitglied)',
    deputy: 'anwesend (Stellvertretung)',
    absent: 'abwesend',
  },
  counts: (c: { approve: number; object: number; abstain: number }) =>
    `${plural(c.approve, 'Zustimmung', 'Zustimmungen')}, ${plural(c.object, 'Einwand', 'Einwände')}, ${plural(c.abstain, 'Enthaltung', 'Enthaltungen')}`,
  recused: (n: number) => `${plural(n, 'Sitz', 'Sitze')} wegen Befangenheit nicht stimmberechtigt`,
  dateLine: (place: string | undefined, date: string) =>
    place ? `${place}, ${formatDate(date)}` : formatDate(date),
  page: (n: number, of: number) => `Seite ${n} von ${of}`,
  dossier: {
    title: (n: ProfileNames, date: string) => `Unterlagen zur Sitzung ${n.decisionBody.genitive} am ${date}`,
    place: 'Ort',
    agenda: 'Zur Entscheidung',
    none: 'Es liegen keine Projektskizzen zur Entscheidung vor.',
    item: (n: number, title: string) => `${n}. ${title}`,
    applicant: 'Projektträger',
    footer: (n: ProfileNames, date: string) =>
      `${n.alliance.name} · Sitzungsunterlagen ${date} · vertraulich`,
  },

  letter: {
    title: (sketchTitle: string) => `Votum zur Projektskizze „${sketchTitle}“`,
    subject: (n: ProfileNames, sketchTitle: string) =>
      `Votum ${n.decisionBody.genitive} zur Projektskizze „${sketchTitle}“`,
    reference: (reference: string) => `Unser Zeichen: ${reference}`,
    contact: (email: string, phone: string | undefined) =>
      phone ? `E-Mail: ${email} · Telefon: ${phone}` : `E-Mail: ${email}`,
    /** „Sehr geehrte Frau …“ with the form of address the applicant chose, else the full name. */
    greeting: salutation,
    /** The recipient's line: „Frau Jana Meier“ with a chosen form of address. */
    addressee: (address: string | undefined, name: string) =>
      address === 'frau' ? `Frau ${name}` : address === 'herr' ? `Herr ${name}` : name,
    procedure: {
      circulation: (deadline: string) => `im Umlaufverfahren (Frist: ${formatDate(deadline)})`,
      meeting: (n: ProfileNames, date: string, place?: string) =>
        `in ${possessive(n.decisionBody)} Sitzung am ${formatDate(date)}${place ? ` in ${place}` : ''}`,
    },
    opening: (n: ProfileNames, sketchTitle: string, procedure: string, decision: string) =>
      `${n.decisionBody.nominative} hat Ihre Projektskizze „${sketchTitle}“ ${procedure} ${decision}.`,
    decisionLabel: 'Entscheidung',
    countsLabel: 'Abstimmungsergebnis',
    conditions: 'Auflagen',
    justification: 'Begründung',
    criteria: 'Bewertung nach den Kriterien des Bündnisses',
    figures: 'Eckdaten der Projektskizze',
    figureLabels: {
      applicant: 'Projektträger',
      runtime: 'Laufzeit',
      totalCost: 'Gesamtkosten',
      esf: 'Beantragte ESF-Mittel',
      subRegions: 'Teilräume',
    },
    runtime: (start: string, end: string, months: number) =>
      `${formatDate(start)} – ${formatDate(end)} (${plural(months, 'Monat', 'Monate')})`,
    closing: {
      endorsed: (n: ProfileNames, hasConditions: boolean) =>
        `Bitte fügen Sie dieses Schreiben Ihrem Förderantrag bei ${n.bank.dative} bei.${hasConditions ? ' Bitte berücksichtigen Sie dabei die oben genannten Auflagen.' : ''}`,
      not_endorsed: (n: ProfileNames) =>
        `${capitalised(n.decisionBody.nominative)} befürwortet die Projektskizze in der vorliegenden Form nicht. Für Rückfragen steht Ihnen ${n.office.nominative} gern zur Verfügung.`,
      deferred: (n: ProfileNames) =>
        `${capitalised(n.decisionBody.nominative)} wird die Projektskizze in einer späteren Runde erneut beraten. ${capitalised(n.office.nominative)} informiert Sie über das weitere Vorgehen.`,
    },
    regards: 'Mit freundlichen Grüßen',
    onBehalf: (n: ProfileNames) => `Im Auftrag ${n.decisionBody.genitive}`,
    footer: (n: ProfileNames) => `${n.alliance.name} · Votum ${n.decisionBody.genitive}`,
  },

  minutes: {
    title: (n: ProfileNames, date: string) =>
      `Protokoll der Sitzung ${n.decisionBody.genitive} am ${formatDate(date)}`,
    rows: {
      date: 'Datum',
      place: 'Ort',
      invitedOn: 'Einladung vom',
      chair: 'Sitzungsleitung',
      recorder: 'Protokoll',
    },
    agenda: 'Tagesordnung',
    attendance: 'Anwesenheit',
    attendanceHeader: ['Sitz', 'Anwesenheit', 'Name'],
    attendanceSummary: (present: number, seats: number, deputies: number) =>
      `Anwesend: ${present} von ${plural(seats, 'Sitz', 'Sitzen')}${deputies ? `, davon ${deputies} durch Stellvertretung` : ''}.`,
    decisions: 'Beschlüsse',
    noDecisions: 'In dieser Sitzung wurde über keine Projektskizze entschieden.',
    item: (n: number, sketchTitle: string) => `${n}. Projektskizze „${sketchTitle}“`,
    itemLabels: {
      applicant: 'Projektträger',
      reference: 'Zeichen',
      decision: 'Beschluss',
      counts: 'Abstimmung',
      recused: 'Befangen (nicht mitgestimmt)',
      conditions: 'Auflagen',
      note: 'Anmerkung',
    },
    signedFor: (n: ProfileNames, office: string) => `Für ${n.office.accusative}: ${office}`,
    chairSigns: (chair: string) => `${chair}, Sitzungsleitung`,
    footer: (n: ProfileNames, date: string) =>
      `${n.alliance.name} · Protokoll ${n.decisionBody.genitive} vom ${formatDate(date)}`,
  },

  circulation: {
    title: (n: ProfileNames, sketchTitle: string) =>
      `Umlaufbeschluss ${n.decisionBody.genitive} zur Projektskizze „${sketchTitle}“`,
    rows: {
      applicant: 'Projektträger',
      reference: 'Zeichen',
      procedure: 'Verfahren',
      opened: 'Eröffnet am',
      deadline: 'Frist',
      closed: 'Abgeschlossen',
    },
    procedure: 'Umlaufverfahren (schriftliche Abstimmung im Portal)',
    closed: (n: ProfileNames, at: Date, because: 'deadline' | 'complete' | 'admin') =>
      `${formatDateTime(at.toISOString())}, ${
        {
          deadline: 'mit Ablauf der Frist',
          complete: 'nachdem alle Sitze abgestimmt hatten',
          admin: `durch ${n.office.accusative}`,
        }[because]
      }`,
    rule: 'Angewandte Regel',
    rules: {
      consensus: 'Einvernehmen: befürwortet, wenn kein Sitz Einwand erhebt und das Quorum abgestimmt hat',
      majority:
        'Mehrheit der abgegebenen Stimmen: befürwortet, wenn mehr Zustimmungen als Einwände abgegeben wurden und das Quorum abgestimmt hat',
      no_objection:
        'Widerspruchsverfahren: befürwortet, wenn kein Sitz Einwand erhebt; Schweigen gilt als Zustimmung',
    },
    minApprovals: (n: number) => `mindestens ${plural(n, 'Zustimmung', 'Zustimmungen')}`,
    ruleRows: { rule: 'Entscheidungsregel', quorum: 'Quorum' },
    quorum: (bp: number) => `${formatPercent(bp)} der stimmberechtigten Sitze`,
    noQuorumRule: 'keines (Schweigen gilt als Zustimmung)',
    ballots: 'Stimmabgabe',
    ballotsHeader: ['Sitz', 'Abgestimmt durch', 'Stimme'],
    byMember: (member: string) => `${member} (Mitglied)`,
    byDeputy: (deputy: string, member: string) => `${deputy} (Stellvertretung für ${member})`,
    choice: { approve: 'Zustimmung', object: 'Einwand', abstain: 'Enthaltung' },
    objection: (reason: string) => `Einwand: ${reason}`,
    silent: 'keine Stimme abgegeben',
    recusedCell: 'befangen, nicht stimmberechtigt',
    representation: 'Stellvertretung',
    represented: (deputy: string, member: string, institution: string) =>
      `${deputy} stimmte in Vertretung für ${member} (${institution}).`,
    noRepresentation: 'Alle Stimmen wurden von den Mitgliedern selbst abgegeben.',
    recusal: 'Befangenheit',
    recused: (institution: string, member: string) =>
      `${institution} (${member}): wegen Befangenheit nicht stimmberechtigt.`,
    noRecusal: 'Kein Sitz war wegen Befangenheit ausgeschlossen.',
    result: 'Ergebnis',
    resultRows: { counts: 'Abstimmung', eligible: 'Stimmberechtigt', quorum: 'Quorum', result: 'Beschluss' },
    eligible: (eligible: number, voted: number) =>
      `${plural(eligible, 'Sitz', 'Sitze')}, davon ${voted} abgestimmt`,
    quorumMet: (met: boolean) => (met ? 'erreicht' : 'nicht erreicht'),
    quorumNone: 'entfällt',
    results: {
      endorsed: 'befürwortet',
      not_endorsed: 'nicht befürwortet',
      no_consensus: 'kein Einvernehmen (Einwand erhoben); die Projektskizze geht in die nächste Sitzung',
      no_quorum: 'keine Entscheidung (Quorum nicht erreicht); die Projektskizze geht in die nächste Sitzung',
    },
    chairSigns: (n: ProfileNames) => `Vorsitz ${n.decisionBody.genitive}`,
    signedFor: (n: ProfileNames, office: string) => `Für ${n.office.accusative}: ${office}`,
    footer: (n: ProfileNames, date: string) =>
      `${n.alliance.name} · Umlaufbeschluss ${n.decisionBody.genitive} vom ${formatDate(date)}`,
  },
} as const;
