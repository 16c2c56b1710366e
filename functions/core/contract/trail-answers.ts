import * as z from 'zod/mini';
import { trailBreaks } from '../trail.ts';
import { instant } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/* What the API answers about a trail's check (core/trail.ts `TrailCheck`), built by a function as in followup-answers.ts. */

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

function build() {
  /** Unchanged, or where the chain first breaks: the event's position (from 1), its time and why. */
  const trailCheckSchema = () =>
    z.strictObject({
      ok: z.boolean(),
      /** How many events the trail holds. */
      length: z.int(),
      position: z.optional(z.int()),
      /** Absent where the break is after the last stored event (events at the end are gone). */
      at: z.optional(instant),
      reason: z.optional(z.enum(trailBreaks)),
    });
  return { trailCheckSchema };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const trailCheckSchema = () => schemas().trailCheckSchema();

export type TrailCheckAnswer = z.output<ReturnType<typeof trailCheckSchema>>;
