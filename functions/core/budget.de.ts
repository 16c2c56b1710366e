/*
 * The German texts of the budget's routes on the server: the budget check's input, what its
 * handlers refuse. (The budget's own words, its columns and warnings, are in core/budget.ts.)
 */
export const budgetMessages = {
  amountCents: 'amountCents: Bitte einen Betrag in Cent angeben.',
  amountWhole: 'amountCents: Bitte einen ganzen Betrag in Cent angeben.',
  amountNegative: 'amountCents: Der Betrag darf nicht negativ sein.',
  amountTooHigh: 'amountCents: Der Betrag ist unrealistisch hoch.',
  unknownExport: 'Datei: Diesen Export gibt es nicht.',
  unknownSketch: 'Diese Projektskizze gibt es nicht.',
} as const;
