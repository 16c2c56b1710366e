import type { ConflictCode } from '../../../functions/core/contract/conflicts.ts';
import type { Answer, Request, RouteId, Routes } from '../../../functions/core/contract/index.ts';
import type { RefusalCode } from '../../../functions/core/contract/problem.ts';
import type { FieldError } from '../../../functions/core/sketch.ts';
import { statusMessages } from '../../../functions/core/status-messages.de.ts';
import { texts } from '../texts.de.ts';
import { retryDelay } from './retry.ts';

/*
 * The typed client of the API contract (functions/core/contract): pages call a route by its name
 * with its typed parameters and get its typed answer. Only the routes' addresses reach the browser
 * (`knownRoutes`, added by the build from the table); the schemas stay on the server.
 */

type Addresses = Partial<{ [Id in RouteId]: readonly [string, string] }>;
/** A bundle built without web/vite.config.ts (a test's harness) defines the whole table here. */
declare const __VOTUM_ROUTES__: Addresses;
const routes: Addresses = { ...__VOTUM_ROUTES__ };

/**
 * Where the routes a module names live: the build adds this call to every module of web/src that
 * names a route (web/vite.config.ts, `routeTable`), so each chunk carries only the addresses it
 * calls, not the whole table.
 */
export function knownRoutes(table: Addresses): void {
  Object.assign(routes, table);
}

function addressOf(id: RouteId): readonly [string, string] {
  const address = routes[id];
  if (!address) throw new Error(`The route ${id} has no address in this bundle.`);
  return address;
}

/** An answer other than 2xx, in the API's words: `message` for people, `fields` for the form. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly fields: readonly FieldError[];
  /** A 409's reason (`statements_missing`, `version_conflict`, …) or a 403's, for pages that react to it. */
  readonly code: ConflictCode | RefusalCode | undefined;
  /** The whole answer, for pages that read more than the message (a version conflict's `current`). */
  readonly payload: unknown;
  constructor(
    status: number,
    message: string,
    fields: readonly FieldError[] = [],
    code?: ConflictCode | RefusalCode,
    payload?: unknown,
  ) {
    super(message);
    this.status = status;
    this.fields = fields;
    this.code = code;
    this.payload = payload;
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return statusMessages.unauthenticated;
  if (status === 403) return statusMessages.forbidden;
  if (status === 404) return statusMessages.notFound;
  if (status >= 500) return statusMessages.internal;
  return statusMessages.badRequest;
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as Partial<FieldError> | null;
  return typeof v?.field === 'string' && typeof v.message === 'string';
}

function toError(status: number, payload: unknown): ApiError {
  const p = (payload ?? {}) as { message?: unknown; fields?: unknown; code?: unknown };
  // A 429 is API Gateway's throttle (its own English message): still too busy after the retries.
  const message =
    status === 429
      ? texts.error.busy
      : typeof p.message === 'string' && p.message
        ? p.message
        : fallbackMessage(status);
  const fields = Array.isArray(p.fields) ? p.fields.filter(isFieldError) : [];
  return new ApiError(
    status,
    message,
    fields,
    typeof p.code === 'string' ? (p.code as ConflictCode | RefusalCode) : undefined,
    payload,
  );
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface RequestOptions {
  body?: unknown;
  /** Lets the request finish after the page is closed (autosave on pagehide). */
  keepalive?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Retries of a request the throttle refused (429): about 16 s of waiting in all before the error shows. */
const throttleRetries = 6;

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** One request to the API on this origin: JSON in and out, the session cookie along, errors typed. */
async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: `/api/${string}`,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  // Every change says it is JSON, body or not: the API refuses changes that do not (forged requests).
  if (method !== 'GET') headers['content-type'] = 'application/json';
  let response: Response;
  for (let attempt = 0; ; attempt += 1) {
    try {
      response = await fetch(path, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
        keepalive: options.keepalive === true,
      });
    } catch (error) {
      if ((error as { name?: unknown }).name === 'AbortError') throw error;
      throw new ApiError(0, texts.error.network);
    }
    // The stage's throttle answered before any function ran (nothing was done): try again later.
    if (response.status !== 429 || attempt >= throttleRetries) break;
    await pause(retryDelay(response.headers.get('retry-after'), attempt), options.signal);
  }
  const payload = await readJson(response);
  if (!response.ok) {
    const error = toError(response.status, payload);
    // An office page before the second factor: to the page that confirms it, and back here after.
    if (error.code === 'second_factor_required' && !window.location.pathname.startsWith('/zweiter-faktor'))
      window.location.assign(
        `/zweiter-faktor?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
      );
    throw error;
  }
  return payload as T;
}

/** Whether an error is a fetch aborted because its page went away: nothing to show then. */
export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

type Part<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : undefined extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What a call of route `Id` takes: its path parameters, query and body as the contract types them. */
export type CallArgs<Id extends RouteId> = Part<'params', Request<Routes[Id]>['params']> &
  Part<'query', Request<Routes[Id]>['query']> &
  Part<'body', Request<Routes[Id]>['body']>;

export type CallOptions = Omit<RequestOptions, 'body'>;

/** The answer of route `Id` on success, as the contract types it. */
export type AnswerOf<Id extends RouteId> = Answer<Routes[Id]>;

/** The address of route `Id` with its parameters filled in (for links: downloads, the calendar). */
export function href<Id extends RouteId>(id: Id, args: CallArgs<Id> = {} as CallArgs<Id>): `/api/${string}` {
  const [, template] = addressOf(id);
  const { params, query } = args as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(String(params?.[name])),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const q = search.toString();
  return `${path}${q ? `?${q}` : ''}` as `/api/${string}`;
}

/** Calls route `Id`: `call('getSketch', { params: { id } })` answers the sketch, typed. */
export function call<Id extends RouteId>(
  id: Id,
  args: CallArgs<Id> = {} as CallArgs<Id>,
  options: CallOptions = {},
): Promise<AnswerOf<Id>> {
  const [method] = addressOf(id);
  const { body } = args as { body?: unknown };
  return request<AnswerOf<Id>>(method as 'GET', href(id, args), {
    ...options,
    ...(body === undefined ? {} : { body }),
  });
}
