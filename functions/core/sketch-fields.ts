import { costCategoryLabels, sketchLabels } from './sketch.de.ts';
import type { Sketch } from './sketch-full.ts';

/*
 * What the sketch's fields are called, how long they may be and what its cost plan adds up to:
 * used by the schema (sketch-full.ts), the documents, the mails and the form. Kept apart from the
 * schema so that code which only shows a sketch loads no zod schema (building it costs start-up
 * time in every function and size in every page).
 */

export { sketchLabels };

export const costCategories = ['personnel', 'material', 'services', 'travel', 'flat_rate'] as const;
export type CostCategory = (typeof costCategories)[number];
export { costCategoryLabels };

/** The contact person's form of address; a draft without one (older ones) reads as `neutral`. */
export const formsOfAddress = ['neutral', 'frau', 'herr'] as const;
export type FormOfAddress = (typeof formsOfAddress)[number];

/** Length limits the form shows as counters; the schema enforces them. */
export const limits = {
  title: 150,
  summary: 1500,
  situation: 4000,
  goals: 3000,
  targetGroups: 2000,
  activityDescription: 1500,
  spatialRationale: 2000,
  continuation: 3000,
  modelCharacter: 3000,
  capJustification: 3000,
  statement: 3000,
  short: 200,
} as const;

/** The sums the plan is checked against; all in cents. */
export interface Totals {
  costCents: number;
  personnelCents: number;
  byCategory: Record<CostCategory, number>;
  byYear: Record<number, number>;
  financingCents: number;
  thirdPartyCents: number;
  /** ESF requested as a share of personnel costs, in basis points (0 without personnel costs). */
  esfOfPersonnelBp: number;
}

export function totals(
  finance: Pick<Sketch['finance'], 'costs' | 'esfCents' | 'ownCents' | 'thirdParty'>,
): Totals {
  const byCategory = Object.fromEntries(costCategories.map((c) => [c, 0])) as Record<CostCategory, number>;
  const byYear: Record<number, number> = {};
  let costCents = 0;
  for (const line of finance.costs) {
    costCents += line.amountCents;
    byCategory[line.category] += line.amountCents;
    byYear[line.year] = (byYear[line.year] ?? 0) + line.amountCents;
  }
  const thirdPartyCents = finance.thirdParty.reduce((sum, t) => sum + t.amountCents, 0);
  const personnelCents = byCategory.personnel;
  return {
    costCents,
    personnelCents,
    byCategory,
    byYear,
    financingCents: finance.esfCents + finance.ownCents + thirdPartyCents,
    thirdPartyCents,
    esfOfPersonnelBp: personnelCents === 0 ? 0 : Math.ceil((finance.esfCents * 10_000) / personnelCents),
  };
}
