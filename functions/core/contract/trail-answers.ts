import * as z from 'zod/mini';
import { trailBreaks } from '../trail.ts';
import { instant } from './common.ts';

/* What the API answers about a trail's check (core/trail.ts `TrailCheck`), built by a function as in followup-answers.ts. */

/** Unchanged, or where the chain first breaks: the event's position (from 1), its time and why. */
export const trailCheckSchema = () =>
  z.strictObject({
    ok: z.boolean(),
    /** How many events the trail holds. */
    length: z.int(),
    position: z.optional(z.int()),
    /** Absent where the break is after the last stored event (events at the end are gone). */
    at: z.optional(instant),
    reason: z.optional(z.enum(trailBreaks)),
  });

export type TrailCheckAnswer = z.output<ReturnType<typeof trailCheckSchema>>;
