export const missing = 'Frist: Bitte ein Datum angeben.';
export const invalid = 'Frist: Bitte ein gültiges Datum angeben.';
export const notLater = 'Frist: Die neue Frist muss nach der bisherigen liegen.';
