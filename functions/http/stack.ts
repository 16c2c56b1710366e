import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { sessionIsLive, touchedIdleUntil } from '../core/auth.ts';
import { ForbiddenError, UnauthenticatedError } from '../core/errors.ts';
import { clock } from '../platform/clock.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { tokenHash } from '../platform/secret.ts';
import { findSession, type Session, touchSession } from '../store/auth.ts';
import { readSessionCookie } from './cookies.ts';
import { toProblem } from './errors.ts';
import { mayCall, type Route } from './routes.ts';

export interface Caller extends Session {
  /** The keyed hash of the session token: the session's key in the table. */
  sessionHash: string;
}

export interface HttpRequest<R extends Route> {
  event: APIGatewayProxyEventV2;
  context: Context;
  body: unknown;
  params: Record<string, string | undefined>;
  caller: R['access'] extends 'public' ? Caller | undefined : Caller;
  now: Date;
}

export interface HttpAnswer {
  status: number;
  body?: unknown;
  /** A document to download instead of JSON (a PDF), sent base64-encoded as API Gateway wants. */
  file?: { bytes: Uint8Array; contentType: string; fileName: string };
  cookies?: string[];
  headers?: Record<string, string>;
}

type Event = APIGatewayProxyEventV2 & { body: unknown };

/** Who is asking: the live session behind the cookie, or undefined. */
async function identify(event: APIGatewayProxyEventV2, now: Date): Promise<Caller | undefined> {
  const token = readSessionCookie(event.cookies);
  if (!token) return undefined;
  const sessionHash = await tokenHash(token);
  const session = await findSession(sessionHash);
  if (!session || !sessionIsLive(session, now)) return undefined;
  const idleUntil = touchedIdleUntil(session, now);
  if (idleUntil) await touchSession(sessionHash, idleUntil);
  return { ...session, sessionHash };
}

function json(answer: HttpAnswer): APIGatewayProxyStructuredResultV2 {
  if (answer.file)
    return {
      statusCode: answer.status,
      headers: {
        'content-type': answer.file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(answer.file.fileName)}`,
        'cache-control': 'private, no-store',
      },
      body: Buffer.from(answer.file.bytes).toString('base64'),
      isBase64Encoded: true,
    };
  return {
    statusCode: answer.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...answer.headers,
    },
    ...(answer.cookies ? { cookies: answer.cookies } : {}),
    body: answer.body === undefined ? '' : JSON.stringify(answer.body),
  };
}

/**
 * The shared middy stack every route's handler is built with: logging, JSON bodies, security
 * headers, who is asking and whether they may, and errors mapped to answers in one place.
 */
export function httpHandler<R extends Route>(
  route: R,
  run: (request: HttpRequest<R>) => Promise<HttpAnswer>,
) {
  config(); // fail at start, with the variable's name, rather than on the first request
  const hasBody = route.method === 'POST' || route.method === 'PUT';
  const stack = middy<Event, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpSecurityHeaders())
    .use({
      onError: async (request) => {
        const problem = toProblem(request.error);
        if (problem.status >= 500) logger.error('request failed', { error: request.error as Error });
        request.response = json({
          status: problem.status,
          body: {
            message: problem.message,
            ...(problem.fields ? { fields: problem.fields } : {}),
            ...(problem.code ? { code: problem.code, ...problem.details } : {}),
          },
        });
      },
    });
  if (hasBody) {
    // A POST that carries nothing (an action like "accept") needs no content type; anything sent is JSON.
    const json = httpJsonBodyParser();
    stack.use({
      before: (request) => {
        const { body } = request.event;
        if (body === undefined || body === null || body === '') request.event.body = undefined;
        else return json.before?.(request);
      },
    });
  }
  return stack.handler(async (event, context) => {
    const now = clock.now();
    const caller = route.access === 'public' ? undefined : await identify(event, now);
    if (route.access !== 'public') {
      if (!caller) throw new UnauthenticatedError();
      if (!mayCall(route, caller.roles)) throw new ForbiddenError();
    }
    const answer = await run({
      event,
      context,
      body: hasBody ? (event.body ?? {}) : undefined,
      params: event.pathParameters ?? {},
      caller: caller as HttpRequest<R>['caller'],
      now,
    });
    return json(answer);
  });
}
