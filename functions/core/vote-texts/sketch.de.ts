export const label = 'Skizze';
export const missing = 'Skizze: Bitte angeben.';
