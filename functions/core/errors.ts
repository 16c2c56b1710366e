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
}

export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

export class ConflictError extends Error {
  override name = 'ConflictError';
}
