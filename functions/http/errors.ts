import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { TransitionError } from '../core/lifecycle.ts';
import { statusLabels } from '../core/messages.de.ts';
import type { FieldError } from '../core/sketch.ts';

export interface Problem {
  status: number;
  message: string;
  fields?: FieldError[];
  code?: string;
  details?: Record<string, unknown>;
}

/** Status codes middy's own middlewares throw, in the words users read. */
const middyMessages: Record<number, string> = {
  400: httpMessages.badRequest,
  415: httpMessages.unsupportedMediaType,
  422: httpMessages.invalidJson,
};

/**
 * The one place where errors become HTTP answers. Unknown errors are a 500 with a generic German
 * message: never a stack trace, never the internals.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof InputError) return { status: 400, message: error.message, fields: error.fields };
  if (error instanceof UnauthenticatedError)
    return { status: 401, message: error.message || httpMessages.unauthenticated };
  if (error instanceof ForbiddenError)
    return {
      status: 403,
      message: error.message || httpMessages.forbidden,
      ...(error.code ? { code: error.code } : {}),
    };
  if (error instanceof UnsupportedMediaTypeError)
    return { status: 415, message: httpMessages.unsupportedMediaType };
  if (error instanceof NotFoundError) return { status: 404, message: error.message || httpMessages.notFound };
  if (error instanceof ConflictError)
    return {
      status: 409,
      message: error.message || httpMessages.conflict,
      ...(error.code ? { code: error.code } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  if (error instanceof TransitionError)
    return {
      status: 409,
      message: httpMessages.wrongStatus(statusLabels[error.from]),
      code: 'wrong_status',
    };
  // Powertools idempotency, told apart by name so routes without it do not bundle it.
  const name = (error as { name?: unknown }).name;
  if (name === 'IdempotencyValidationError')
    return { status: 422, message: httpMessages.idempotencyKeyReused };
  if (name === 'IdempotencyAlreadyInProgressError')
    return { status: 409, message: httpMessages.requestInProgress };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status: status === 422 ? 400 : status,
      message: middyMessages[status] ?? httpMessages.badRequest,
    };
  }
  return { status: 500, message: httpMessages.internal };
}
