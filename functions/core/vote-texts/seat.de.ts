export const missing = 'Sitz: Bitte angeben.';
export const shape = 'Sitz: nur Kleinbuchstaben, Ziffern und Bindestriche.';
export const institution = 'Institution';
export const name = (who: string) => `Name (${who})`;
export const email = (who: string) => `E-Mail (${who})`;
export const member = 'Mitglied';
export const deputy = 'Stellvertretung';
export const active = 'Aktiv: Bitte ja oder nein angeben.';
export const deputySameAsMember =
  'E-Mail (Stellvertretung): Bitte eine andere Person als das Mitglied angeben.';
export const deputiesNotList = 'Stellvertretungen: Bitte als Liste angeben.';
export const deputiesTooMany = 'Stellvertretungen: höchstens 3 je Sitz.';
export const deputyTwice = 'E-Mail (Stellvertretung): Diese Person ist schon Stellvertretung dieses Sitzes.';
