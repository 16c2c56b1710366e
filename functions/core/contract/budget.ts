import * as z from 'zod/mini';
import { budgetMessages as m } from '../budget.de.ts';
import { exportFiles } from '../exports.ts';
import { budgetCheckSchema, budgetSchema } from './budget-answers.ts';
import { sketchParams } from './common.ts';
import { file, route } from './route.ts';

/*
 * The budget of the profile's period, the check before an amount is committed, and the office's
 * CSV exports. The bodies and answers are wrapped in `z.lazy` (see followup.ts): built when first used;
 * a query and the path parameters are objects the reference lists field by field, built at load.
 */

/** The amount to check, in cents; without it, the ESF the sketch requests. */
const budgetCheckQuery = z.object({
  amountCents: z.optional(
    z.coerce
      .number({ error: m.amountCents })
      .check(
        z.multipleOf(1, m.amountWhole),
        z.gte(0, m.amountNegative),
        z.lte(10_000_000_000, m.amountTooHigh),
      ),
  ),
});

/** The whole last segment ("budget.csv"), as API Gateway matches a parameter by segment. */
const exportParams = z.strictObject({ file: z.enum(exportFiles, { error: m.unknownExport }) });

export const getBudget = route({
  method: 'GET',
  path: '/api/admin/budget',
  summary: "The budget of the profile's period per sub-region and in total, with what is overdrawn",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/get-budget.ts',
  answers: { 200: z.lazy(budgetSchema) },
});

export const budgetCheck = route({
  method: 'GET',
  path: '/api/admin/sketches/{id}/budget-check',
  summary: 'What committing an amount for a sketch would overdraw (default: the ESF it requests)',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/budget-check.ts',
  params: sketchParams,
  query: budgetCheckQuery,
  answers: { 200: z.lazy(budgetCheckSchema) },
});

export const exportCsv = route({
  method: 'GET',
  path: '/api/admin/exports/{file}',
  summary: 'A CSV export for Excel with German settings: sketches, ballots, decisions or the budget',
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/export-csv.ts',
  params: exportParams,
  answers: { 200: file('text/csv; charset=utf-8') },
});
