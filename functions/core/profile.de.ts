/* What the profile check says to the operator about a profile file that does not hold (core/profile.ts). */
export const profileMessages = {
  slug: 'nur Kleinbuchstaben, Ziffern und Bindestriche',
  date: 'ein Datum im Format JJJJ-MM-TT',
  name: 'mindestens 3 Zeichen',
  whole: 'eine ganze Zahl',
  atLeast: (min: number) => `mindestens ${min}`,
  atMost: (max: number) => `höchstens ${max}`,
  nonEmpty: 'mindestens ein Eintrag',
  priorityId: 'nur Buchstaben, Ziffern und Bindestriche',
  seedFile: 'der Name einer Seed-Datei (z. B. 002_8b985e8e8a7b6e52.txt)',
} as const;
