import * as z from 'zod/mini';
import * as m from '../budget-texts/messages.de.ts';
import * as pl from '../budget-texts/period-labels.de.ts';
import * as pm from '../budget-texts/period-messages.de.ts';
import { isValidDate } from '../dates.ts';
import { exportFiles } from '../exports.ts';
import {
  budgetCheckSchema,
  budgetSchema,
  periodListSchema,
  periodSchema,
  priorProjectSchema,
} from './budget-answers.ts';
import { coercedNumber, id, sketchParams } from './common.ts';
import { empty, file, route } from './route.ts';

/*
 * The budget of the profile's period, the check before an amount is committed, and the office's
 * CSV exports. What a route takes and answers is built on its first read (route.ts); a query and the
 * path parameters are objects the reference lists field by field.
 */

/** The amount to check, in cents; without it, the ESF the sketch requests. */
const budgetCheckQuery = () =>
  z.object({
    amountCents: z.optional(
      coercedNumber({ error: m.amountCents }).check(
        z.multipleOf(1, m.amountWhole),
        z.gte(0, m.amountNegative),
        z.lte(10_000_000_000, m.amountTooHigh),
      ),
    ),
  });

/** Which period's budget (`2024-2027`); without it, the period today falls in. */
const budgetQuery = () => z.object({ period: z.optional(id(pl.period)) });

const dateField = (name: string) =>
  z.string({ error: pm.date(name) }).check(z.refine(isValidDate, pm.validDate(name)));
const centsField = (name: string) =>
  z.int(pm.cents(name)).check(z.gte(0, pm.negative(name)), z.lte(100_000_000_000, pm.tooHigh(name)));
const text = (name: string, max: number) =>
  z.string({ error: pm.text(name) }).check(z.trim(), z.maxLength(max, pm.tooLong(name, max)));
const subRegionId = () =>
  z.string({ error: pm.subRegion() }).check(z.minLength(1, pm.subRegion()), z.maxLength(64, pm.subRegion()));

/** A new period: its dates, total and the sub-regions' shares (checked against the others in core/periods.ts). */
const periodBody = () =>
  z.object({
    start: dateField(pl.start),
    end: dateField(pl.end),
    budgetCents: centsField(pl.budgetCents),
    shares: z
      .array(
        z.object({
          subRegionId: subRegionId(),
          shareBp: z.int(pm.shareBp()).check(z.gte(0, pm.shareBp()), z.lte(10_000, pm.shareBp())),
        }),
        { error: pm.sharesMissing() },
      )
      .check(z.minLength(1, pm.sharesMissing()), z.maxLength(50, pm.sharesMissing())),
  });
export type PeriodRequest = z.output<ReturnType<typeof periodBody>>;

/** A project approved before the portal was used, with its ESF per sub-region. */
const priorProjectBody = () =>
  z.object({
    title: text(pl.title, 300).check(z.minLength(1, pm.required(pl.title))),
    organisation: z.optional(text(pl.organisation, 300)),
    approvedOn: z.optional(dateField(pl.approvedOn)),
    amounts: z
      .array(z.object({ subRegionId: subRegionId(), amountCents: centsField(pl.amount) }), {
        error: pm.amountsMissing(),
      })
      .check(
        z.minLength(1, pm.amountsMissing()),
        z.maxLength(50, pm.amountsMissing()),
        z.refine((amounts) => amounts.some((a) => a.amountCents > 0), pm.amountsMissing()),
      ),
    note: z.optional(text(pl.note, 2000)),
  });
export type PriorProjectRequest = z.output<ReturnType<typeof priorProjectBody>>;

const periodParams = () => z.strictObject({ periodId: id(pl.period) });
const priorParams = () => z.strictObject({ periodId: id(pl.period), projectId: id(pl.priorProject) });

/** The whole last segment ("budget.csv"), as API Gateway matches a parameter by segment. */
const exportParams = () => z.strictObject({ file: z.enum(exportFiles, { error: m.unknownExport }) });

/** `contacts=true`: with the applicants' contact details and who cast a ballot; without, none. */
const exportQuery = () =>
  z.object({
    contacts: z._default(
      z.pipe(
        z.enum(['true', 'false'], { error: m.contacts }),
        z.transform((value) => value === 'true'),
      ),
      false,
    ),
  });

export const getBudget = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/budget',
  summary:
    'The budget of a funding period (default: the current one) per sub-region and in total, with what is overdrawn',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/get-budget.ts',
  get query() {
    return budgetQuery();
  },
  get answers() {
    return { 200: z.lazy(budgetSchema) };
  },
}));

export const listPeriods = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/periods',
  summary: 'The funding periods, oldest first, each with the projects approved before the portal was used',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-periods.ts',
  get answers() {
    return { 200: z.lazy(periodListSchema) };
  },
}));

export const openPeriod = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/periods',
  summary: 'Opens a new funding period with its dates, total and shares per sub-region',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/open-period.ts',
  get body() {
    return periodBody();
  },
  get answers() {
    return { 201: z.lazy(periodSchema) };
  },
}));

export const recordPriorProject = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/periods/{periodId}/prior-projects',
  summary: 'Records a project approved before the portal was used, with its ESF per sub-region',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/record-prior-project.ts',
  get params() {
    return periodParams();
  },
  get body() {
    return priorProjectBody();
  },
  get answers() {
    return { 201: z.lazy(priorProjectSchema) };
  },
}));

export const deletePriorProject = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/admin/periods/{periodId}/prior-projects/{projectId}',
  summary: 'Removes a prior project recorded by mistake',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/delete-prior-project.ts',
  get params() {
    return priorParams();
  },
  answers: { 204: empty },
}));

export const budgetCheck = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/sketches/{id}/budget-check',
  summary: 'What committing an amount for a sketch would overdraw (default: the ESF it requests)',
  access: ['admin'],
  group: 'review',
  entry: 'functions/http/handlers/budget-check.ts',
  get params() {
    return sketchParams();
  },
  get query() {
    return budgetCheckQuery();
  },
  get answers() {
    return { 200: z.lazy(budgetCheckSchema) };
  },
}));

export const exportCsv = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/exports/{file}',
  summary:
    'A CSV export for Excel with German settings: sketches, ballots, decisions or the budget; contact details only on request',
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/export-csv.ts',
  get params() {
    return exportParams();
  },
  get query() {
    return exportQuery();
  },
  answers: { 200: file('text/csv; charset=utf-8') },
}));
