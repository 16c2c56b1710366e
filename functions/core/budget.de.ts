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
  unknownSketch: 'Diese Projektskizze gibt es nicht.',
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
