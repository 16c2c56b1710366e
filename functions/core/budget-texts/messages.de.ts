/*
 * The budget's German texts: the budget check's input and what its handlers refuse, the columns
 * of the page and the CSV, and the warnings core/budget.ts gives.
 */
export const amountCents = 'amountCents: Bitte einen Betrag in Cent angeben.';
export const amountWhole = 'amountCents: Bitte einen ganzen Betrag in Cent angeben.';
export const amountNegative = 'amountCents: Der Betrag darf nicht negativ sein.';
export const amountTooHigh = 'amountCents: Der Betrag ist unrealistisch hoch.';
export const unknownExport = 'Datei: Diesen Export gibt es nicht.';
export const contacts = 'contacts: Bitte „true“ (mit Kontaktdaten) oder „false“ (ohne) angeben.';
export const unknownSketch = 'Diese Projektskizze gibt es nicht.';
export const unknownPeriod = 'Förderperiode: Diese Förderperiode gibt es nicht.';
