import type { ConflictCode } from './contract/conflicts.ts';
import type { RefusalCode } from './contract/problem.ts';
import type { FieldError } from './sketch.ts';

/*
 * Domain errors. The HTTP layer maps them to status codes in one place (http/errors.ts); their
 * messages are German because users read them.
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly fields: FieldError[];
  constructor(message: string, fields: FieldError[] = []) {
    super(message);
    this.fields = fields;
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  /** Why, when the page can act on it (`second_factor_required`: to the verification page). */
  readonly code: RefusalCode | undefined;
  constructor(message?: string, code?: RefusalCode) {
    super(message);
    this.code = code;
  }
}

export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

/** A change that does not say it sends JSON. */
export class UnsupportedMediaTypeError extends Error {
  override name = 'UnsupportedMediaTypeError';
}

/** The request does not fit the current state; `code` lets the page react, `details` says how. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  readonly code: ConflictCode | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(message?: string, code?: ConflictCode, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
