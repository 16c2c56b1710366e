/** What the shared kit (loading, actions, form controls) says, in German. */
export const kitTexts = {
  loading: 'Wird geladen …',
  forbidden: 'Dieser Bereich ist der Koordinierungsstelle vorbehalten.',
  errorPrefix: 'Fehler:',
  cancel: 'Abbrechen',
} as const;
