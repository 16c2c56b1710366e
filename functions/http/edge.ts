import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError } from '../core/errors.ts';

/**
 * The header CloudFront adds to every request it forwards to the API (infra/aws/web.ts), with a
 * secret only CloudFront and the functions know. CloudFront replaces a viewer's header of this
 * name, so a browser cannot supply it; a request to the execute-api address directly lacks it.
 */
export const edgeHeader = 'x-votum-edge';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Refuses (403) a request that did not come through CloudFront: the API's own execute-api address
 * stays reachable (CloudFront needs it, see docs/architecture.md), but not what it serves. Compared
 * in constant time. Without `expected` (the local server, tests) every request passes: there is no
 * CloudFront in front.
 */
export function throughEdgeOnly(
  expected: string | undefined,
): MiddlewareObj<APIGatewayProxyEventV2, unknown> {
  const want = expected === undefined ? undefined : digest(expected);
  return {
    before: (request) => {
      if (want === undefined) return;
      const got = request.event.headers?.[edgeHeader];
      if (got === undefined || !timingSafeEqual(digest(got), want)) throw new ForbiddenError();
    },
  };
}
