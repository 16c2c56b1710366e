/*
 * The budget's German texts: the budget check's input and what its handlers refuse, the columns
 * of the page and the CSV, and the warnings core/budget.ts gives.
 *
 * The catalogues read by the routes are modules of one export per text in ./budget-texts/: a
 * function imports one as a namespace (`import * as periodMessages from './budget-texts/period-messages.de.ts'`),
 * so esbuild keeps only the texts it reads. They are re-exported here under their old names.
 */
import * as budgetMessages from './budget-texts/messages.de.ts';
import * as periodLabels from './budget-texts/period-labels.de.ts';
import * as periodMessages from './budget-texts/period-messages.de.ts';
import * as budgetTexts from './budget-texts/texts.de.ts';

export { budgetMessages, budgetTexts, periodLabels, periodMessages };

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
