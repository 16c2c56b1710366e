/* The budget check on the Votum page: what an endorsement would bind of the period's budget. */
export const votumBudgetTexts = {
  heading: 'Budget',
  checking: 'Das Budget der Förderperiode wird geprüft …',
  fits: 'Das Budget der Förderperiode reicht: Mit diesem Votum wird kein Teilraum und nicht das Gesamtbudget überzeichnet.',
  warnings: 'Mit diesem Votum würde das Budget überzeichnet:',
  hint: 'Das Votum kann trotzdem geschrieben werden; die Warnung hilft bei der Entscheidung.',
} as const;
