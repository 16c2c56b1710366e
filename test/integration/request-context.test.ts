import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getProfile } from '../../functions/core/contract/auth.ts';
import { handle, httpGroup, type RouteHandler } from '../../functions/http/stack.ts';
import { logger } from '../../functions/platform/logger.ts';

/*
 * What every request of a function group gets from the shared stack, whatever its route does: the
 * Logger's request context on each line it logs (the request id of this request, never the one
 * before), and the security headers on its answer.
 */

const event = (): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /api/profile',
    rawPath: '/api/profile',
    rawQueryString: '',
    headers: { host: 'votum.test' },
    requestContext: { http: { method: 'GET', path: '/api/profile' } },
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const context = (awsRequestId: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'votum-public',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:000000000000:function:votum-public',
  memoryLimitInMB: '512',
  awsRequestId,
  logGroupName: '/aws/lambda/votum-public',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

// A route whose handler logs a line, as any handler may.
const group = httpGroup([
  handle(getProfile)(async () => {
    logger.info('profile read');
    return { status: 200, body: {} as never };
  }) as unknown as RouteHandler<never>,
]);

let lines: Record<string, unknown>[];
beforeEach(() => {
  lines = [];
  logger.setLogLevel('INFO');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
});

describe('the shared stack', () => {
  it("puts each request's own context on the lines it logs", async () => {
    // Act
    await group(event() as never, context('request-1'));
    await group(event() as never, context('request-2'));

    // Assess
    expect(lines.map((line) => [line.message, line.function_request_id, line.function_name])).toEqual([
      ['profile read', 'request-1', 'votum-public'],
      ['profile read', 'request-2', 'votum-public'],
    ]);
  });

  it('answers with the security headers', async () => {
    // Act
    const answer = await group(event() as never, context('request-3'));

    // Assess
    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toMatchObject({
      'Content-Security-Policy': expect.stringContaining("frame-ancestors 'none'"),
      'Strict-Transport-Security': expect.stringContaining('max-age='),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  });
});
