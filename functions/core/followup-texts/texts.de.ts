const months = (n: number) => `${n} ${n === 1 ? 'Monat' : 'Monate'}`;
const days = (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tage'}`;

/** The follow-up core's own words (core/followup.ts): differences, reminders, the report form. */
export const esfDifference = (approved: string, requested: string, difference: string, less: boolean) =>
  `ESF-Mittel: ${approved} bewilligt, ${requested} beantragt (${difference} ${less ? 'weniger' : 'mehr'}).`;
export const runtimeLength = (monthsApart: number, shorter: boolean) =>
  `${months(monthsApart)} ${shorter ? 'kürzer' : 'länger'}`;
export const runtimeShift = (daysApart: number, earlier: boolean) =>
  `gleich lang, um ${days(daysApart)} ${earlier ? 'früher' : 'später'}`;
export const runtimeDifference = (
  approved: string,
  approvedMonths: number,
  requested: string,
  requestedMonths: number,
  change: string,
) =>
  `Laufzeit: ${approved} (${months(approvedMonths)}) bewilligt, ${requested} (${months(requestedMonths)}) beantragt (${change}).`;
export const missingFundingDecision =
  'die Förderentscheidung der Förderbank: bewilligt (Betrag, Beginn und Ende der Laufzeit) oder abgelehnt, mit einer Kopie des Bescheids';
/** `label` undefined: the final report. */
export const missingReport = (label: string | undefined) =>
  `${label ? `der ${label}` : 'der Abschlussbericht'}: Verlauf des Projekts, Ergebnisse zu den Indikatoren sowie Verstetigung und Nutzung der Ergebnisse (oder der Sachbericht an die Förderbank als Anhang)`;
export const course = 'Verlauf des Projekts';
export const continuation = 'Verstetigung und Nutzung der Ergebnisse';
export const reportTooShort = (label: string) =>
  `${label}: Bitte mindestens 20 Zeichen eingeben (oder den Sachbericht an die Förderbank anhängen).`;
export const indicatorsMissing = (n: number) =>
  `Ergebnisse: Bitte zu jedem der ${n} Indikatoren der Skizze angeben, was erreicht wurde.`;
export const achievedMissing = 'Erreicht: Bitte angeben.';
export const spentMissing = 'Ausgegebene ESF-Mittel: Bitte angeben, wie viele ESF-Mittel ausgegeben wurden.';
export const applicant = 'Projektträger';
export const reportFunding = 'Förderentscheidung der Förderbank melden';
export const confirmFunding = 'Gemeldete Förderentscheidung bestätigen';
export const submitReport = (label: string) => `${label} einreichen`;
export const reviewReport = (label: string) => `${label} prüfen`;
export const seatsPending = (pending: number, seats: number) =>
  `${pending} von ${seats} Sitzen haben noch nicht abgestimmt`;
