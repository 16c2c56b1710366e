import { ConflictError, InputError } from '../core/errors.ts';
import { VoteError } from '../core/vote.ts';

/** The core's refusals as answers: bad input a 400 naming its field, everything else a conflict with the vote's state. */
export function asAnswerError(error: unknown): unknown {
  if (!(error instanceof VoteError)) return error;
  if (error.code === 'invalid')
    return new InputError(error.message, [{ field: error.field ?? '', message: error.message }]);
  return new ConflictError(error.message, error.code);
}

/** Runs a decision of the core, turning its refusals into answers. */
export function decide<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    throw asAnswerError(error);
  }
}
