import * as z from 'zod/mini';
import { sketchStatuses } from '../lifecycle.ts';
import { localVerdicts } from '../local.ts';
import { draftSchema } from '../sketch-full.ts';
import { instant, isoDate, list } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/*
 * What the local step's routes answer (contract/local.ts): a statement, a local alliance's
 * account, the workspace's list and its read-only sketch. Built by functions, not at load (the
 * routes wrap them in `z.lazy`, see followup-answers.ts). Strict, so that a field of another
 * sub-region or the applicant's address fails the contract test.
 */

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

function build() {
  /** One local alliance's statement on a sketch, for one sub-region (core/local.ts). */
  const localStatementSchema = () =>
    z.strictObject({
      subRegionId: z.string(),
      verdict: z.enum(localVerdicts),
      note: z.string(),
      givenAt: instant,
      givenBy: z.string(),
    });

  /** An account of a local alliance as the office keeps it. */
  const localAccountSchema = () =>
    z.strictObject({
      id: z.string(),
      subRegionId: z.string(),
      name: z.string(),
      email: z.string(),
      active: z.boolean(),
    });

  const localAccountListSchema = () => list(localAccountSchema());

  /** A sketch as the workspace lists it: enough to find it and to spot a duplicate, never the owner's address. */
  const localSketchRow = () =>
    z.strictObject({
      id: z.string(),
      status: z.enum(sketchStatuses),
      submittedAt: z.optional(instant),
      title: z.string(),
      organisation: z.string(),
      subRegionIds: z.array(z.string()),
      /** The runtime as the sketch gives it (a project's period). */
      start: z.optional(isoDate),
      end: z.optional(isoDate),
      localStatements: z.array(localStatementSchema()),
    });

  /**
   * The workspace, one section a page at a time: the sub-regions the caller speaks for, and the
   * sketches past the draft that touch one of them, newest submission first (the page splits the
   * open ones into due and given); `cursor` asks for the next page.
   */
  const localSketchListSchema = () =>
    z.strictObject({
      subRegionIds: z.array(z.string()),
      items: z.array(localSketchRow()),
      cursor: z.optional(z.string()),
    });

  /** One sketch for a local alliance: read-only, with the statements given so far. */
  const localSketchSchema = () =>
    z.strictObject({
      id: z.string(),
      status: z.enum(sketchStatuses),
      submittedAt: z.optional(instant),
      draft: draftSchema(),
      localStatements: z.array(localStatementSchema()),
      /** The sketch's sub-regions the caller may give the statement for. */
      mySubRegionIds: z.array(z.string()),
    });
  return {
    localStatementSchema,
    localAccountSchema,
    localAccountListSchema,
    localSketchListSchema,
    localSketchSchema,
  };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const localStatementSchema = () => schemas().localStatementSchema();
export const localAccountSchema = () => schemas().localAccountSchema();
export const localAccountListSchema = () => schemas().localAccountListSchema();
export const localSketchListSchema = () => schemas().localSketchListSchema();
export const localSketchSchema = () => schemas().localSketchSchema();

export type LocalSketchList = z.output<ReturnType<typeof localSketchListSchema>>;
export type LocalSketchDoc = z.output<ReturnType<typeof localSketchSchema>>;
