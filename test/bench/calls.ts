import type * as z from 'zod/mini';
import {
  type Answer,
  type Request,
  type Route,
  type RouteId,
  type Routes,
  routes,
} from '../../functions/core/contract/index.ts';

/*
 * The requests the bench sends, named by route and typed by the contract (functions/core/contract):
 * `routeCall('submitSketch', { params: { id }, body: { version } })` takes what `Request<Routes[Id]>`
 * says the route takes, so a change of a route's schema breaks the scenario that calls it at compile
 * time. Method, path and path parameters come from the table, never from a string in the bench.
 */

/** One HTTP request as the bench sends it (to the local adapter, the bare adapter, or as an API Gateway event). */
export interface HttpCall {
  method: string;
  /** The concrete path without the query, e.g. /api/sketches/123. */
  path: string;
  pathParameters?: Record<string, string>;
  /** The query string's parameters. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** `name=value` of the session cookie. */
  cookie?: string;
  body?: unknown;
}

/** A request of route `Id`, built from the table by `routeCall`. */
export interface RouteCall<Id extends RouteId = RouteId> extends HttpCall {
  route: Id;
  /**
   * What the route asks of its libraries with this request beside its SDK calls (a passkey's
   * signature checked): the cold start's reference asks its library the same (bundles.ts).
   */
  library?: LibraryCall[];
}

/** A call of a library function the function and its reference both bundle, with its arguments. */
export interface LibraryCall {
  fn: string;
  args: unknown[];
}

/** The body a route takes: its schema's input where it declares one, else none. */
type BodyOf<R extends Route> = R extends { readonly body: z.ZodMiniType } ? Request<R>['body'] : undefined;

/**
 * `{ k: T }` where a value is needed, `{ k?: T }` where it may be left out (the stack parses a missing
 * query or body as `{}`, so an object whose fields are all optional may be), `{ k?: undefined }`
 * where none is taken.
 */
type Part<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : undefined extends T
    ? { [P in K]?: T }
    : Record<never, never> extends T
      ? { [P in K]?: T }
      : { [P in K]: T };

/** What a call of route `Id` sends: its path parameters, query and body as the contract types them. */
export type Sent<Id extends RouteId> = Part<'params', Request<Routes[Id]>['params']> &
  Part<'query', Request<Routes[Id]>['query']> &
  Part<'body', BodyOf<Routes[Id]>> & {
    /** `name=value` of the session cookie. */
    cookie?: string;
    headers?: Record<string, string>;
  };

/** A status route `Id` declares it answers on success. */
export type StatusOf<Id extends RouteId> = keyof Routes[Id]['answers'] & number;

/** The JSON answer of route `Id` as the bench reads it. */
export type Answered<Id extends RouteId> = Answer<Routes[Id]>;

/** Route `Id`'s request with these parameters: method and path from the table, placeholders filled in. */
export function routeCall<Id extends RouteId>(id: Id, sent: Sent<Id>): RouteCall<Id> {
  const { method, path } = routes[id] as Route;
  const { params, query, body, cookie, headers } = sent as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    cookie?: string;
    headers?: Record<string, string>;
  };
  const pathParameters = Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const queryStrings = Object.fromEntries(
    Object.entries(query ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
  return {
    route: id,
    method,
    path: path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = pathParameters[name];
      if (value === undefined) throw new Error(`${id}: no value for {${name}} in ${path}`);
      return encodeURIComponent(value);
    }),
    ...(params ? { pathParameters } : {}),
    ...(Object.keys(queryStrings).length ? { query: queryStrings } : {}),
    ...(cookie ? { cookie } : {}),
    ...(headers ? { headers } : {}),
    ...(body === undefined ? {} : { body }),
  };
}

/** The path with its query string, as a browser requests it. */
export function target(call: HttpCall): string {
  const query = new URLSearchParams(call.query ?? {}).toString();
  return query ? `${call.path}?${query}` : call.path;
}
