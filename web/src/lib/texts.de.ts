import type { ProfileNames } from '../../../functions/core/profile.ts';

/** What the shared kit (loading, actions, form controls) says, in German. */
export const kitTexts = {
  loading: 'Wird geladen …',
  forbidden: (n: ProfileNames) => `Dieser Bereich ist ${n.office.dative} vorbehalten.`,
  errorPrefix: 'Fehler:',
  cancel: 'Abbrechen',
  loadingMore: 'Wird geladen …',
  moreFailed: 'Die nächsten Einträge konnten nicht geladen werden. Bitte laden Sie die Seite neu.',
} as const;
