/**
 * The form's checks, a chunk of their own (./sketch-check.ts). One loader for every page that loads
 * them, so a page opened after another has loaded them finds them at once (./chunk.ts).
 */
export const loadChecks = () => import('./sketch-check.ts');
