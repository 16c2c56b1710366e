import type { ProfileNames } from '../profile.ts';
import { votumDecisionLabels } from './labels.de.ts';
export const decision = 'Entscheidung: Bitte befürwortet, nicht befürwortet oder zurückgestellt wählen.';
export const conditionsNotText = 'Auflagen: Bitte als Text angeben.';
export const conditionsTooLong = 'Auflagen: höchstens 3000 Zeichen.';
export const criteriaMissing = 'Kriterien: Bitte als Liste angeben.';
export const criterion = 'Kriterium';
export const assessment = 'Kriterium: Bitte erfüllt, nicht erfüllt oder nicht bewertet wählen.';
export const justificationMissing = 'Begründung: Bitte ausfüllen.';
export const justificationTooShort = 'Begründung: Bitte mindestens 20 Zeichen eingeben.';
export const justificationTooLong = 'Begründung: höchstens 5000 Zeichen.';
export const contradicts = (n: ProfileNames, decision: string, result: string) =>
  `Entscheidung: Das Votum folgt dem Ergebnis ${n.decisionBody.genitive} („${result}“) und kann nicht „${decision}“ lauten.`;
export const noOutcome = (n: ProfileNames) =>
  `Für diese Skizze liegt noch kein Ergebnis ${n.decisionBody.genitive} vor (Umlaufverfahren oder Sitzung).`;
/** The audit note of a Votum. */
export const note = (decision: keyof typeof votumDecisionLabels) => `Votum: ${votumDecisionLabels[decision]}`;
export const noLetter = 'Zu dieser Skizze gibt es noch kein Votum.';
