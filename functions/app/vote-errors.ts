import { ConflictError, InputError } from '../core/errors.ts';
import { VoteError } from '../core/vote.ts';

/** The core's refusals as answers: a missing reason is bad input, everything else a conflict with the vote's state. */
export function asAnswerError(error: unknown): unknown {
  if (!(error instanceof VoteError)) return error;
  if (error.code === 'reason_missing')
    return new InputError(error.message, [{ field: 'reason', message: error.message }]);
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
