export const reason = 'Begründung';
export const comment = 'Kommentar';
export const notText = (label: string) => `${label}: Bitte als Text angeben.`;
export const tooLong = (label: string) => `${label}: Bitte höchstens 2000 Zeichen eingeben.`;
export const choice = 'Stimme: Bitte Zustimmung, Einwand oder Enthaltung wählen.';
