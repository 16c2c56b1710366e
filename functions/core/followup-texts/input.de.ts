/** What the routes' input schemas say about a field that does not fit. */
export const text = (label: string) => `${label}: Bitte als Text angeben.`;
export const tooLong = (label: string, max: number | string) =>
  `${label}: Bitte höchstens ${max} Zeichen eingeben.`;
export const tooShort = (label: string, min: number) => `${label}: Bitte mindestens ${min} Zeichen eingeben.`;
export const date = (label: string) => `${label}: Bitte ein Datum angeben.`;
export const validDate = (label: string) => `${label}: Bitte ein gültiges Datum angeben (JJJJ-MM-TT).`;
export const attachmentId = 'Anhang: Bitte die Kennung des Anhangs angeben.';
export const attachmentMissing = 'Anhang: Bitte angeben.';
export const attachmentInvalid = 'Anhang: ungültig.';
export const outcome = 'Entscheidung: Bitte „bewilligt“ oder „abgelehnt“ wählen.';
export const approvedCents = 'Bewilligte ESF-Mittel: Bitte einen Betrag in Cent angeben.';
export const approvedPositive = 'Bewilligte ESF-Mittel: Bitte einen Betrag über 0 € angeben.';
export const approvedTooLarge = 'Bewilligte ESF-Mittel: Der Betrag ist zu groß.';
export const approvedMissing = 'Bewilligte ESF-Mittel: Bitte den bewilligten Betrag angeben.';
export const startMissing = 'Beginn: Bitte den bewilligten Beginn angeben.';
export const endMissing = 'Ende: Bitte das bewilligte Ende angeben.';
export const endBeforeStart = 'Ende: Das Ende liegt vor dem Beginn.';
export const achievedMissing = 'Erreicht: Bitte angeben.';
export const spentCents = 'Ausgegebene ESF-Mittel: Bitte einen Betrag in Cent angeben.';
export const spentNegative = 'Ausgegebene ESF-Mittel: Der Betrag kann nicht negativ sein.';
export const spentTooLarge = 'Ausgegebene ESF-Mittel: Der Betrag ist zu groß.';
export const reviewDecision = 'Entscheidung: Bitte „angenommen“ oder „nachfordern“ wählen.';
export const reviewNoteMissing = 'Hinweis: Bitte mindestens 10 Zeichen eingeben: Was fehlt im Bericht?';
export const weeks = 'Wochen: Bitte eine ganze Zahl von 0 bis 104 angeben.';
export const calendarToken = 'Kalender: ungültig.';
/** A date the office sets that has already passed. */
export const inThePast = (label: string, date: string) => `${label}: Der ${date} liegt in der Vergangenheit.`;
