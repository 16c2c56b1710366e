import middy, { type MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type Caller, liveRoles } from '../app/caller.ts';
import { sessionIsLive, touchedIdleUntil } from '../core/auth.ts';
import { type HandlerAnswer, type Input, mayCall, type Route, routeKey } from '../core/contract/route.ts';
import {
  ForbiddenError,
  InputError,
  NotFoundError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { secondFactorRequired } from '../core/second-factor.de.ts';
import { secondFactorState, usableRoles } from '../core/second-factor.ts';
import { fieldErrors } from '../core/sketch.ts';
import { clock } from '../platform/clock.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { tokenHash } from '../platform/secret.ts';
import { type SecurityEvent, securityLog } from '../platform/security-log.ts';
import { findSession, touchSession } from '../store/auth.ts';
import { readSessionCookie } from './cookies.ts';
import { throughEdgeOnly } from './edge.ts';
import { toProblem } from './errors.ts';

export type { Caller };

/** What a handler gets: the request parsed against its route's schemas, who asks, and when. */
export interface HttpRequest<R extends Route> extends Input<R> {
  event: APIGatewayProxyEventV2;
  context: Context;
  caller: R['access'] extends 'public' ? Caller | undefined : Caller;
  now: Date;
}

/** A route's handler: its route from the contract and what it does. A module's default export. */
export interface RouteHandler<R extends Route = Route> {
  route: R;
  run: (request: HttpRequest<R>) => Promise<HandlerAnswer<R>>;
}

/**
 * Defines the handler of a route: `handle(route)(async (request) => answer)`. The function group's
 * stack (below) parses, authorises and answers. Curried so that the route fixes the types before
 * the function is checked (the answer's status stays the literal the route declares).
 */
export const handle =
  <R extends Route>(route: R) =>
  (run: (request: HttpRequest<R>) => Promise<HandlerAnswer<R>>): RouteHandler<R> => ({ route, run });

type Event = APIGatewayProxyEventV2 & { body: unknown };
type AnyAnswer = {
  status: number;
  body?: unknown;
  file?: { bytes: Uint8Array; fileName: string; contentType?: string };
  location?: string;
  cookies?: string[];
  headers?: Record<string, string>;
};

/** Who is asking: the live session behind the cookie, or undefined. */
async function identify(event: APIGatewayProxyEventV2, now: Date): Promise<Caller | undefined> {
  const token = readSessionCookie(event.cookies);
  if (!token) return undefined;
  const sessionHash = await tokenHash(token);
  const session = await findSession(sessionHash);
  if (!session || !sessionIsLive(session, now)) return undefined;
  const idleUntil = touchedIdleUntil(session, now);
  if (idleUntil) await touchSession(sessionHash, idleUntil);
  const { roles, subRegionIds } = await liveRoles(session);
  return {
    ...session,
    roles,
    ...(roles.includes('local') ? { subRegionIds } : {}),
    secondFactor: secondFactorState(roles, session.secondFactorAt),
    sessionHash,
  };
}

/**
 * The caller as the route may see it (ASVS 6.3.3): an admin session that has not passed its second
 * factor holds no admin role, except on the routes that enrol or check it; an admin route it could
 * otherwise call answers 403 `second_factor_required`, which sends the page to the verification.
 */
function authorise(route: Route, caller: Caller): Caller {
  const roles = route.beforeSecondFactor ? caller.roles : usableRoles(caller.roles, caller.secondFactor);
  if (route.access === 'public') return roles.length === caller.roles.length ? caller : { ...caller, roles };
  if (mayCall(route, roles)) return roles.length === caller.roles.length ? caller : { ...caller, roles };
  if (mayCall(route, caller.roles)) throw new ForbiddenError(secondFactorRequired, 'second_factor_required');
  throw new ForbiddenError();
}

/** The JSON text of each body made by `unchanging`, made once. */
const serialised = new WeakMap<object, string>();

/**
 * A body that is the same for every request (the public profile): a frozen deep copy, serialised
 * once here and answered as the same text (10 KB of JSON was a third of what `get-profile` spent).
 * Frozen, so nothing can change it after its text is taken.
 */
export function unchanging<T extends object>(body: T): Readonly<T> {
  const frozen = deepFreeze(structuredClone(body));
  serialised.set(frozen, JSON.stringify(frozen));
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function toResult(route: Route, answer: AnyAnswer): APIGatewayProxyStructuredResultV2 {
  const spec = route.answers[answer.status];
  if (answer.file) {
    const contentType =
      answer.file.contentType ?? (spec && 'kind' in spec && spec.kind === 'file' ? spec.contentType : '');
    return {
      statusCode: answer.status,
      headers: {
        'content-type': contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(answer.file.fileName)}`,
        'cache-control': 'private, no-store',
        ...answer.headers,
      },
      body: Buffer.from(
        answer.file.bytes.buffer,
        answer.file.bytes.byteOffset,
        answer.file.bytes.byteLength,
      ).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return {
    statusCode: answer.status,
    headers: {
      ...(answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'cache-control': 'no-store',
      ...(answer.location ? { location: answer.location } : {}),
      ...answer.headers,
    },
    ...(answer.cookies ? { cookies: answer.cookies } : {}),
    body:
      answer.body === undefined ? '' : (serialised.get(answer.body as object) ?? JSON.stringify(answer.body)),
  };
}

/** A value parsed against its route's schema (a 400 naming each field); without a schema, nothing. */
function parsed<S extends z.ZodMiniType>(schema: S | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw new InputError(httpMessages.validationFailed, fieldErrors(result.error));
  return result.data;
}

/** A route that declares no body takes none: an empty object is nothing, anything else a 400. */
function noBody(body: unknown): undefined {
  const empty =
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) throw new InputError(httpMessages.noBodyTaken);
  return undefined;
}

/** Refusals the security log records (the 400s of bad input are the user's, not an attack's). */
const refusals: Partial<Record<number, SecurityEvent>> = {
  401: 'unauthenticated',
  403: 'access_denied',
  415: 'forged_request_refused',
};

const hasBody = (route: Route) => route.method === 'POST' || route.method === 'PUT';

/**
 * Refuses a state-changing request that a browser did not send from the portal's own pages
 * (ASVS 3.5.x): the browser's `Sec-Fetch-Site` when it sends one, else `Origin` against the
 * portal's address; and the JSON content type, which a cross-site form cannot send unasked.
 */
function refuseForged(headers: Record<string, string | undefined>, siteOrigin: string): void {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  const sameSite = site !== undefined ? site === 'same-origin' : origin === siteOrigin;
  if (!sameSite) throw new ForbiddenError(httpMessages.crossSite);
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new UnsupportedMediaTypeError();
}

/**
 * The Logger's request context (function, request id, cold start) on every line a request logs.
 * Powertools' `injectLambdaContext` sets it too, but per request it also re-decides the debug
 * sampling and resets appended keys, reading the environment half a dozen times: a fifth of what
 * the stack spent per request on `get-profile` (benchmarks.md, the warm rows). Neither is used
 * here: no sample rate is configured, and no code appends keys to the logger (a request that did
 * would have to remove them again, or they would leak into the next request's lines).
 */
const requestContext: MiddlewareObj<Event, APIGatewayProxyStructuredResultV2> = {
  before: (request) => {
    logger.addContext(request.context);
  },
};

/**
 * One function group's Lambda handler: a middy stack built once (logging, JSON bodies, security
 * headers, errors mapped to answers in one place) that finds the route by API Gateway's route key,
 * checks who is asking against the route's access, parses path, query and body with the route's
 * schemas (a 400 naming each field), and runs the route's handler.
 */
export function httpGroup(handlers: readonly RouteHandler<never>[]) {
  const siteOrigin = new URL(config().PUBLIC_URL).origin; // also fails at start, naming a missing variable
  const byKey = new Map<string, RouteHandler>(
    (handlers as unknown as RouteHandler[]).map((h) => [routeKey(h.route), h]),
  );
  const jsonBody = httpJsonBodyParser();
  return middy<Event, APIGatewayProxyStructuredResultV2>()
    .use(requestContext)
    .use(httpSecurityHeaders())
    .use({
      onError: async (request) => {
        const problem = toProblem(request.error);
        if (problem.status >= 500) logger.error('request failed', { error: request.error as Error });
        const refusal =
          problem.message === httpMessages.crossSite
            ? 'forged_request_refused'
            : problem.code === 'second_factor_required'
              ? 'second_factor_required'
              : refusals[problem.status];
        if (refusal) await securityLog(refusal, { route: request.event.routeKey, status: problem.status });
        request.response = {
          statusCode: problem.status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          body: JSON.stringify({
            message: problem.message,
            ...(problem.fields ? { fields: problem.fields } : {}),
            ...(problem.code ? { code: problem.code, ...problem.details } : {}),
          }),
        };
      },
    })
    .use(throughEdgeOnly(config().EDGE_SECRET))
    .use({
      // A change must come from the portal's own pages: a same-origin request that says it sends JSON,
      // whether or not it carries a body (a cross-site form or text/plain POST can say neither).
      before: (request) => {
        const found = byKey.get(request.event.routeKey);
        if (!found || found.route.method === 'GET') return;
        refuseForged(request.event.headers ?? {}, siteOrigin);
        if (!hasBody(found.route)) return;
        const { body } = request.event;
        if (body === undefined || body === null || body === '') request.event.body = undefined;
        else return jsonBody.before?.(request);
      },
    })
    .handler(async (event, context) => {
      const found = byKey.get(event.routeKey);
      if (!found) throw new NotFoundError();
      const { route, run } = found;
      const now = clock.now();
      // A public route knows who asks when a session cookie comes along (`me` answers either way).
      const identified = await identify(event, now);
      if (route.access !== 'public' && !identified) throw new UnauthenticatedError();
      const caller = identified && authorise(route, identified);
      const answer = (await run({
        event,
        context,
        params: parsed(route.params, event.pathParameters ?? {}),
        query: parsed(route.query, event.queryStringParameters ?? {}),
        body: route.body ? parsed(route.body, event.body ?? {}) : noBody(event.body),
        caller,
        now,
      } as HttpRequest<Route>)) as AnyAnswer;
      // The second factor's own routes (/api/auth/…) log their events themselves.
      const officeRoute = route.access !== 'public' && route.access.includes('admin');
      if (caller?.roles.includes('admin') && officeRoute && !route.path.startsWith('/api/auth/')) {
        const download = Object.values(route.answers).some((spec) => 'kind' in spec && spec.kind === 'file');
        if (route.method !== 'GET' || download)
          await securityLog(download ? 'export' : 'admin_action', {
            email: caller.email,
            route: routeKey(route),
            status: answer.status,
          });
      }
      return toResult(route, answer);
    });
}
