import type * as z from 'zod/mini';
import { InputError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { fieldErrors } from '../core/sketch.ts';

/** Parses input with a core schema; a failure names each field in German. */
export function parse<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(httpMessages.validationFailed, fieldErrors(result.error));
  return result.data;
}
