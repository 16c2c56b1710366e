/*
 * The budget's German texts: the budget check's input and what its handlers refuse, the columns
 * of the page and the CSV, and the warnings core/budget.ts gives.
 */
export const budgetMessages = {
  amountCents: 'amountCents: Bitte einen Betrag in Cent angeben.',
  amountWhole: 'amountCents: Bitte einen ganzen Betrag in Cent angeben.',
  amountNegative: 'amountCents: Der Betrag darf nicht negativ sein.',
  amountTooHigh: 'amountCents: Der Betrag ist unrealistisch hoch.',
  unknownExport: 'Datei: Diesen Export gibt es nicht.',
  contacts: 'contacts: Bitte „true“ (mit Kontaktdaten) oder „false“ (ohne) angeben.',
  unknownSketch: 'Diese Projektskizze gibt es nicht.',
  unknownPeriod: 'Förderperiode: Diese Förderperiode gibt es nicht.',
} as const;

/** The columns' German names, for the page and the CSV alike. */
export const budgetColumnLabels = {
  fairShareCents: 'Fairer Anteil',
  requestedCents: 'Beantragt',
  endorsedCents: 'Befürwortet',
  approvedCents: 'Bewilligt',
  spentCents: 'Ausgegeben',
  committedCents: 'Gebunden',
  availableCents: 'Verfügbar',
} as const;

export const unassignedName = 'Ohne Zuordnung zu einem Teilraum';

/** The budget's warnings (core/budget.ts), amounts already formatted. */
export const budgetTexts = {
  total: 'Gesamtbudget',
  overdrawn: (name: string, committed: string, over: string, limit: string, ofWhat: string) =>
    `${name}: ${committed} gebunden, ${over} mehr als ${ofWhat} von ${limit}.`,
  wouldOverdraw: (name: string, committed: string, over: string, limit: string, ofWhat: string) =>
    `${name}: Mit diesem Betrag wären ${committed} gebunden, ${over} mehr als ${ofWhat} von ${limit}.`,
  fairShare: 'der faire Anteil',
  budget: 'das Budget',
  unassigned: (amount: string) =>
    `${amount} dieses Betrags lassen sich keinem Teilraum des Bündnisses zuordnen (die Teilräume der Skizze fehlen oder sind unbekannt).`,
};

/** The funding periods' fields as the office reads them, and what their routes refuse. */
export const periodLabels = {
  period: 'Förderperiode',
  start: 'Beginn',
  end: 'Ende',
  budgetCents: 'Budget',
  shares: 'Anteile der Teilräume',
  share: 'Anteil',
  subRegion: 'Teilraum',
  title: 'Projekttitel',
  organisation: 'Projektträger',
  approvedOn: 'Bewilligt am',
  amounts: 'Beträge je Teilraum',
  amount: 'Betrag',
  note: 'Anmerkung',
  priorProject: 'Projekt',
} as const;

const l = periodLabels;
export const periodMessages = {
  date: (field: string) => `${field}: Bitte ein Datum angeben.`,
  validDate: (field: string) => `${field}: Dieses Datum gibt es nicht.`,
  endBeforeStart: `${l.end}: Das Ende liegt vor dem Beginn.`,
  overlaps: (other: string) => `${l.start}: Der Zeitraum überschneidet sich mit der Förderperiode ${other}.`,
  cents: (field: string) => `${field}: Bitte einen ganzen Betrag in Cent angeben.`,
  negative: (field: string) => `${field}: Der Betrag darf nicht negativ sein.`,
  tooHigh: (field: string) => `${field}: Der Betrag ist unrealistisch hoch.`,
  shareBp: `${l.share}: Bitte einen Anteil in Basispunkten zwischen 0 und 10.000 angeben (10.000 = 100 %).`,
  sharesMissing: `${l.shares}: Bitte für mindestens einen Teilraum einen Anteil angeben.`,
  sharesSum: (percent: string) => `${l.shares}: Die Anteile ergeben ${percent} statt 100 %.`,
  subRegion: `${l.subRegion}: Bitte einen Teilraum wählen.`,
  unknownRegion: (id: string) => `${l.subRegion}: Den Teilraum „${id}“ gibt es im Bündnis nicht.`,
  regionTwice: (name: string) => `${l.subRegion}: „${name}“ ist doppelt angegeben.`,
  text: (field: string) => `${field}: Bitte als Text angeben.`,
  required: (field: string) => `${field}: Bitte ausfüllen.`,
  tooLong: (field: string, max: number) => `${field}: Bitte höchstens ${max} Zeichen eingeben.`,
  amountsMissing: `${l.amounts}: Bitte für mindestens einen Teilraum einen Betrag über 0 € angeben.`,
  unknownPeriod: `${l.period}: Diese Förderperiode gibt es nicht.`,
  unknownPriorProject: `${l.priorProject}: Dieses Projekt ist in der Förderperiode nicht erfasst.`,
  opened: (period: string) => `Förderperiode ${period} eröffnet.`,
} as const;

/** The budget chart (core/budget-chart.ts): what a steering group reads on a slide. */
export const budgetChartTexts = {
  title: (alliance: string) => `Budget je Teilraum · ${alliance}`,
  subtitle: (period: string, budget: string) => `Förderperiode ${period} · Budget ${budget}`,
  fairShare: (amount: string) => `Fairer Anteil ${amount}`,
  committed: 'Gebunden',
  available: 'Verfügbar',
  overdrawn: 'Überzeichnet',
  requested: 'Beantragt',
  value: (what: string, amount: string) => `${what} ${amount}`,
  percentOfShare: (percent: string) => `(${percent} des fairen Anteils)`,
  legendFair: 'Fairer Anteil (Strichlinie)',
  description: (name: string, fair: string, committed: string, requested: string, available: string) =>
    `${name}: fairer Anteil ${fair}, gebunden ${committed}, beantragt ${requested}, verfügbar ${available}.`,
} as const;
