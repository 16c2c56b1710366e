import * as validation from './validation-messages.de.ts';

/*
 * The validation messages of the schemas (sketch.ts, sketch-full.ts): a module of their own, so the
 * form's chunk carries these and not the whole catalogue (messages.de.ts re-exports them).
 */

export { validation };

/**
 * What one item of a sketch's lists is called, so an error inside it says which one ("Arbeitspaket
 * 2 – Ende (Projektmonat): …"): by the list's path in the sketch.
 */
export const listItemNames: Record<string, string> = {
  'applicant.partners': 'Partner',
  'project.activities': 'Arbeitspaket',
  'project.results': 'Ergebnis',
  'space.subRegions': 'Teilraum',
  'finance.costs': 'Kostenzeile',
  'finance.thirdParty': 'Drittmittel',
};
