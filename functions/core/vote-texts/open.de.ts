import type { ProfileNames } from '../profile.ts';
export const sketchesMissing = 'Skizzen: Bitte Skizzen wählen.';
export const sketchesNone = 'Skizzen: Bitte mindestens eine Skizze wählen.';
export const sketchesTooMany = 'Skizzen: höchstens 10 je Umlaufverfahren.';
export const unknownSketch = (id: string) => `Die Skizze ${id} gibt es nicht.`;
export const unknownSketchLabelled = (id: string) => `Skizzen: Die Skizze ${id} gibt es nicht.`;
export const notReady = (title: string) => `„${title}“ ist nicht bereit zur Abstimmung.`;
export const statementsMissing = (title: string) =>
  `„${title}“: Die Stellungnahme einer lokalen Allianz fehlt noch.`;
export const noSeats = (n: ProfileNames) => `Es gibt keine aktiven Sitze ${n.decisionBody.genitive}.`;
export const reasonMissing = (n: ProfileNames) =>
  `Anlass: Entscheidungen im Umlaufverfahren trifft ${n.decisionBody.nominative} nur im Einzelfall; bitte den Anlass angeben.`;
export const reasonNotText = 'Anlass: Bitte als Text angeben.';
export const reasonTooLong = 'Anlass: höchstens 500 Zeichen.';
