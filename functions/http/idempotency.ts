import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { InputError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';

const idempotencyKey = z.string().check(z.minLength(8), z.maxLength(100));

/** The request's Idempotency-Key header, or a clear 400 when it is missing or malformed. */
export function idempotencyKeyOf(event: APIGatewayProxyEventV2): string {
  const key = idempotencyKey.safeParse(event.headers['idempotency-key']);
  if (!key.success) throw new InputError(httpMessages.idempotencyKeyMissing);
  return key.data;
}
