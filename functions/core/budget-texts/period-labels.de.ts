/** The funding periods' fields as the office reads them, and what their routes refuse. */
export const period = 'Förderperiode';
export const start = 'Beginn';
export const end = 'Ende';
export const budgetCents = 'Budget';
export const shares = 'Anteile der Teilräume';
export const share = 'Anteil';
export const subRegion = 'Teilraum';
export const title = 'Projekttitel';
export const organisation = 'Projektträger';
export const approvedOn = 'Bewilligt am';
export const amounts = 'Beträge je Teilraum';
export const amount = 'Betrag';
export const note = 'Anmerkung';
export const priorProject = 'Projekt';
