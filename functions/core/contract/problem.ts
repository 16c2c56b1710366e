import * as z from 'zod/mini';
import { conflictCodes } from './conflicts.ts';

/*
 * The one shape of every error answer (4xx, 5xx): a German sentence for people, the fields it
 * concerns for a form, and for a 409 its code and what the page needs to act on it (for example
 * the current version after a conflicting save).
 */
/** Why a 403 refuses, where the page can do something about it. */
export const refusalCodes = ['second_factor_required'] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export const fieldError = z.strictObject({ field: z.string(), message: z.string() });

export const problem = z.looseObject({
  message: z.string(),
  fields: z.optional(z.array(fieldError)),
  code: z.optional(z.enum([...conflictCodes, ...refusalCodes])),
});

export type Problem = z.output<typeof problem>;

/** The error statuses any route may answer, and when. */
export const problemStatuses = {
  400: 'Bad input: `fields` names each field in German',
  401: 'Not signed in, or the session ended',
  403: 'Signed in, but the role is missing (`second_factor_required`: an admin route before the second factor)',
  404: 'Not there, or not yours (ids reveal nothing)',
  409: 'Conflicts with the current state: see `code`',
  415: 'Not JSON',
  422: 'The Idempotency-Key was used before with other content',
  429: 'Too many requests: try again shortly',
  500: 'Failed on our side: a German sentence, never a stack trace',
} as const;
