import * as z from 'zod/mini';
import { type BudgetColumn, budgetColumns } from '../budget.ts';
import { isoDate } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/*
 * What the API answers about the budget: the budget per sub-region and in total, and the warnings
 * before an amount is committed. Each shape is defined here once; the types of core/budget.ts (and
 * the page's) are derived from it. Built by functions, as in followup-answers.ts: the routes wrap
 * them in `z.lazy`, so only the tests and the API reference build them.
 */

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

function build() {
  /** Every amount column of a line, in cents. */
  const amounts = () =>
    Object.fromEntries(budgetColumns.map((column) => [column, z.int()])) as Record<
      BudgetColumn,
      ReturnType<typeof z.int>
    >;

  /** One line of the budget: a sub-region, the amounts no sub-region takes, or the total. */
  const budgetLineSchema = () =>
    z.strictObject({
      /** The sub-region; absent on the total and on the line of amounts no sub-region of the profile takes. */
      subRegionId: z.optional(z.string()),
      name: z.string(),
      ...amounts(),
    });

  const budgetWarningSchema = () =>
    z.strictObject({
      /** The sub-region concerned; absent for the whole budget. */
      subRegionId: z.optional(z.string()),
      /** By how much the fair share (or the budget) is or would be exceeded. */
      overCents: z.int(),
      message: z.string(),
    });

  const budgetSchema = () =>
    z.strictObject({
      period: z.strictObject({ id: z.string(), start: isoDate, end: isoDate }),
      budgetCents: z.int(),
      /** One line per sub-region, in the profile's order, and one for amounts that fit none, if any. */
      lines: z.array(budgetLineSchema()),
      total: budgetLineSchema(),
      /** How many sketches count in at least one column. */
      sketchCount: z.int(),
      /** How many projects approved before the portal was used count in it. */
      priorCount: z.int(),
      /** Where the committed amounts already exceed a fair share or the budget. */
      warnings: z.array(budgetWarningSchema()),
    });

  /** What committing `amountCents` for a sketch would overdraw. */
  const budgetCheckSchema = () =>
    z.strictObject({ sketchId: z.string(), amountCents: z.int(), warnings: z.array(budgetWarningSchema()) });

  /** A project approved before the portal was used, as the office recorded it. */
  const priorProjectSchema = () =>
    z.strictObject({
      id: z.string(),
      periodId: z.string(),
      title: z.string(),
      organisation: z.optional(z.string()),
      approvedOn: z.optional(isoDate),
      amounts: z.array(z.strictObject({ subRegionId: z.string(), amountCents: z.int() })),
      note: z.optional(z.string()),
      recordedBy: z.string(),
      recordedAt: z.string(),
    });

  /** A funding period: its dates, total and shares per sub-region. */
  const periodSchema = () =>
    z.strictObject({
      id: z.string(),
      start: isoDate,
      end: isoDate,
      budgetCents: z.int(),
      shares: z.array(z.strictObject({ subRegionId: z.string(), shareBp: z.int() })),
      openedBy: z.string(),
      openedAt: z.string(),
    });

  /** The periods, oldest first, each with its prior projects; `current` is the one today falls in. */
  const periodListSchema = () =>
    z.strictObject({
      items: z.array(
        z.extend(periodSchema(), { current: z.boolean(), prior: z.array(priorProjectSchema()) }),
      ),
    });
  return {
    budgetLineSchema,
    budgetWarningSchema,
    budgetSchema,
    budgetCheckSchema,
    priorProjectSchema,
    periodSchema,
    periodListSchema,
  };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const budgetLineSchema = () => schemas().budgetLineSchema();
export const budgetWarningSchema = () => schemas().budgetWarningSchema();
export const budgetSchema = () => schemas().budgetSchema();
export const budgetCheckSchema = () => schemas().budgetCheckSchema();
export const priorProjectSchema = () => schemas().priorProjectSchema();
export const periodSchema = () => schemas().periodSchema();
export const periodListSchema = () => schemas().periodListSchema();

export type BudgetLine = z.output<ReturnType<typeof budgetLineSchema>>;
export type BudgetWarning = z.output<ReturnType<typeof budgetWarningSchema>>;
export type Budget = z.output<ReturnType<typeof budgetSchema>>;
export type BudgetCheck = z.output<ReturnType<typeof budgetCheckSchema>>;
