/*
 * The legal pages every page's footer and every mail link (public routes of the web app). Apart from
 * the privacy texts (privacy.de.ts, which re-exports them), so the footer every page shows carries
 * only these three links.
 */
export const legalPages = [
  { id: 'imprint', path: '/impressum', label: 'Impressum' },
  { id: 'privacy', path: '/datenschutz', label: 'Datenschutzerklärung' },
  { id: 'accessibility', path: '/barrierefreiheit', label: 'Erklärung zur Barrierefreiheit' },
] as const;

export type LegalPageId = (typeof legalPages)[number]['id'];
