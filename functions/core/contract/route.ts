import type * as z from 'zod/mini';
import type { Role } from '../lifecycle.ts';
import type { ConflictCode } from './conflicts.ts';
import type { GroupId } from './groups.ts';

/*
 * What a route is in the API contract: where it lives, who may call it, what it takes (path, query
 * and body, as zod schemas with German messages naming each field) and what it answers per status.
 * The table of these (index.ts) drives request parsing in the middy stack, the typed web client,
 * the OpenAPI document, CDK's routes and function groups, the local adapter and the access tests.
 * Pure data: no I/O.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call a route: nobody signed in needed, or any of these roles. */
export type Access = 'public' | readonly Role[];

/** An answer that is a file (a PDF, a CSV, a calendar), not JSON. */
export interface FileAnswer {
  readonly kind: 'file';
  readonly contentType: string;
}
/** A 302 to where the browser fetches the thing itself (a presigned S3 download). */
export interface RedirectAnswer {
  readonly kind: 'redirect';
}
/** No body (204, or 202 where nothing may be said). */
export interface EmptyAnswer {
  readonly kind: 'empty';
}
export type AnswerSpec = z.ZodMiniType | FileAnswer | RedirectAnswer | EmptyAnswer;

export const file = (contentType: string): FileAnswer => ({ kind: 'file', contentType });
export const redirect: RedirectAnswer = { kind: 'redirect' };
export const empty: EmptyAnswer = { kind: 'empty' };

export interface Route {
  readonly method: Method;
  /** API Gateway v2 path, with {param} placeholders; every placeholder is declared in `params`. */
  readonly path: `/api/${string}`;
  /** One line for the API reference. */
  readonly summary: string;
  readonly access: Access;
  /** The function group (one Lambda function) that serves it: moving a route is this one line. */
  readonly group: GroupId;
  /** The handler module, relative to the project root; its default export is the route's handler. */
  readonly entry: `functions/http/handlers/${string}.ts`;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  /** Needs an `Idempotency-Key` header; a repeat gets the first answer, other content 422. */
  readonly idempotent?: boolean;
  /** The answers on success, by status. Errors are the shared problem answer (problem.ts). */
  readonly answers: { readonly [status: number]: AnswerSpec };
  /** The 409 codes this route can answer with, for the client and the reference. */
  readonly conflicts?: readonly ConflictCode[];
  /** Whether the handler sends mail: drives the SES grant of its group. */
  readonly sendsMail?: boolean;
  /** What it does with the attachments bucket: drives the S3 grants of its group. */
  readonly attachments?: 'read' | 'write';
  /**
   * An admin route an admin session may call before passing its second factor (enrolling and
   * confirming it, contract/mfa.ts); every other admin route answers 403 `second_factor_required`.
   */
  readonly beforeSecondFactor?: boolean;
}

/**
 * Defines a route, keeping its literal types (the client and the handler read them). The definition
 * is a function, called at once: an area module marks each call `@__PURE__`, and a pure call whose
 * only argument is a function can be dropped, so a bundle leaves out every route it does not import,
 * with the schemas only that route uses (esbuild honours `@__NO_SIDE_EFFECTS__` on a function only
 * within its own module, so the mark is on each call).
 */
export const route = <const R extends Route>(define: () => R): R => {
  const defined = define();
  for (const key of lazyParts) {
    const get = Object.getOwnPropertyDescriptor(defined, key)?.get;
    // The first read keeps what the getter built as the property's value (it stays enumerable).
    if (get)
      Object.defineProperty(defined, key, {
        get: () => Object.defineProperty(defined, key, { value: get.call(defined) })[key],
      });
  }
  return defined;
};

/**
 * What a route takes, and its answers where they hold a schema of their own, are written as getters
 * (`get body() { return … }`): each is built when it is first read, then kept. A function group's
 * import builds none of its routes' schemas, and a cold start's first call builds only its own
 * route's (docs/benchmarks.md, twenty-second and twenty-third passes).
 */
const lazyParts = ['params', 'query', 'body', 'answers'] as const;

/**
 * Builds a schema at once, as a module's top level would, in a call marked `@__PURE__`. A zod call
 * (from another module) is never pure to esbuild, so a schema built bare at load stays in every
 * bundle that imports its module, with the texts and checks it names; built through this pure call
 * (its one argument a function, as `route`'s), it stays only where a route uses it.
 */
export const built = <T>(build: () => T): T => build();

/**
 * What an answer schema is in a deployed bundle: never built. A function never checks its own
 * answers (the contract tests do, from source), so the modules that build them (vote-docs.ts,
 * sketch-docs.ts, the public profile) swap their builder for this where infra/aws/functions.ts
 * defines VOTUM_BUNDLED_ALLIANCE, and esbuild leaves the builder out. Those modules are never loaded
 * in the browser (the web imports the contract's types only), which has no `process`.
 */
export const unchecked = (): never => {
  throw new Error(
    'An answer schema is built only where answers are checked (tests), not in a deployed bundle',
  );
};

/**
 * A builder run on its first call only: an answers module's schemas, used as
 * `process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked`. The guard
 * stays at the call site: only there does esbuild fold it and leave `build` out of a bundle.
 */
export const builtOnce = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
};

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type In<S> = S extends z.ZodMiniType ? z.input<S> : undefined;

/** What the handler gets, parsed. */
export interface Input<R extends Route> {
  params: R['params'] extends z.ZodMiniObject ? z.output<R['params']> : Record<string, never>;
  query: R['query'] extends z.ZodMiniObject ? z.output<R['query']> : Record<string, never>;
  body: Out<R['body']>;
}

/** What a client sends (before parsing: defaults may be left out). */
export interface Request<R extends Route> {
  params: R['params'] extends z.ZodMiniObject ? z.input<R['params']> : undefined;
  query: R['query'] extends z.ZodMiniObject ? z.input<R['query']> : undefined;
  body: In<R['body']>;
}

type AnswerOf<S, Status> = S extends FileAnswer
  ? { status: Status; file: { bytes: Uint8Array; fileName: string; contentType?: string } }
  : S extends RedirectAnswer
    ? { status: Status; location: string }
    : S extends EmptyAnswer
      ? { status: Status }
      : S extends z.ZodMiniType
        ? { status: Status; body: z.input<S> }
        : never;

/** What a handler may answer: one of the route's declared statuses, with its shape. */
export type HandlerAnswer<R extends Route> = {
  [Status in keyof R['answers'] & number]: AnswerOf<R['answers'][Status], Status> & {
    cookies?: string[];
    headers?: Record<string, string>;
  };
}[keyof R['answers'] & number];

/** The JSON body of a successful answer, as the client receives it. */
export type Answer<R extends Route> = {
  [Status in keyof R['answers'] & number]: R['answers'][Status] extends z.ZodMiniType
    ? z.output<R['answers'][Status]>
    : undefined;
}[keyof R['answers'] & number];

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The `{name}` placeholders of a path, in order. */
export const pathParams = (path: string): string[] =>
  [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** Whether a caller holding `roles` may call `route` (the only place access is decided). */
export function mayCall(route: Pick<Route, 'access'>, roles: readonly Role[]): boolean {
  if (route.access === 'public') return true;
  return route.access.some((role) => roles.includes(role));
}
