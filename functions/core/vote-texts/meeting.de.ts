import { formatDate } from '../dates.ts';
export const countNotInt = 'Anzahl: Bitte eine ganze Zahl angeben.';
export const countNegative = 'Anzahl: nicht negativ.';
export const countTooHigh = 'Anzahl: höchstens 100.';
export const dateMissing = 'Datum: Bitte angeben.';
export const dateInvalid = 'Datum: Bitte ein gültiges Datum angeben.';
export const placeNotText = 'Ort: Bitte als Text angeben.';
export const placeTooLong = 'Ort: höchstens 200 Zeichen.';
export const attendanceMissing = 'Anwesenheit: Bitte je Sitz angeben.';
export const presence = 'Anwesenheit: Bitte Mitglied, Stellvertretung oder abwesend wählen.';
export const result = 'Beschluss: Bitte wählen.';
export const decisionsMissing = 'Beschlüsse: Bitte mindestens eine Skizze entscheiden.';
export const recusedSeats = 'Befangene Sitze: Bitte als Liste von Sitzen angeben.';
export const because = 'Anlass: Bitte angeben, warum Sie für den Sitz handeln (z. B. „per Telefon“).';
export const deputy = 'Stellvertretung: Bitte die E-Mail-Adresse der anwesenden Stellvertretung angeben.';
export const chairTooLong = 'Sitzungsleitung: höchstens 200 Zeichen.';
export const chairNotText = 'Sitzungsleitung: Bitte als Text angeben.';
export const invitedOnInvalid = 'Einladung vom: Bitte ein gültiges Datum angeben.';
export const agendaNotList = 'Tagesordnung: Bitte als Liste angeben.';
export const agendaTooMany = 'Tagesordnung: höchstens 30 Punkte.';
export const agendaTitle = 'Tagesordnungspunkt: Bitte einen Titel angeben (höchstens 300 Zeichen).';
export const agendaNote = 'Notiz zum Tagesordnungspunkt: höchstens 5000 Zeichen.';
export const countMissing = 'Anzahl: Bitte angeben (0, wenn niemand).';
export const sketchTwice = (id: string) => `Beschlüsse: Die Skizze ${id} ist doppelt angegeben.`;
export const overrulesNote = (date: string, earlier: string) =>
  `Sitzung am ${formatDate(date)} (ersetzt: ${earlier})`;
export const unknownSketch = (id: string) => `Beschlüsse: Die Skizze ${id} gibt es nicht.`;
export const inVote = (title: string) =>
  `„${title}“ ist in einem laufenden Umlaufverfahren; beenden Sie es zuerst.`;
/** The audit note of a sketch decided in a meeting. */
export const decidedNote = (date: string) => `Sitzung am ${formatDate(date)}`;
export const notFound = 'Diese Sitzung gibt es nicht.';
export const label = 'Sitzung';
