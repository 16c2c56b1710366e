/** The fields as the messages name them. */
export const start = 'Beginn';
export const end = 'Ende';
export const decidedOn = 'Datum des Bescheids';
export const note = 'Bemerkung';
export const reason = 'Begründung';
export const course = 'Verlauf des Projekts';
export const achieved = 'Erreicht';
export const comment = 'Anmerkung';
export const continuation = 'Verstetigung und Nutzung der Ergebnisse';
export const due = 'Fällig am';
export const label = 'Bezeichnung';
export const reviewNote = 'Hinweis';
export const newDue = 'Neue Frist';
