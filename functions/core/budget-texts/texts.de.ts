/** The budget's warnings (core/budget.ts), amounts already formatted. */
export const total = 'Gesamtbudget';
export const overdrawn = (name: string, committed: string, over: string, limit: string, ofWhat: string) =>
  `${name}: ${committed} gebunden, ${over} mehr als ${ofWhat} von ${limit}.`;
export const wouldOverdraw = (name: string, committed: string, over: string, limit: string, ofWhat: string) =>
  `${name}: Mit diesem Betrag wären ${committed} gebunden, ${over} mehr als ${ofWhat} von ${limit}.`;
export const fairShare = 'der faire Anteil';
export const budget = 'das Budget';
export const unassigned = (amount: string) =>
  `${amount} dieses Betrags lassen sich keinem Teilraum des Bündnisses zuordnen (die Teilräume der Skizze fehlen oder sind unbekannt).`;
