import type { Role } from '../core/lifecycle.ts';

/** Who may call a route: nobody signed in needed, or any of these roles. */
export type Access = 'public' | readonly Role[];

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway v2 path, with {param} placeholders. */
  path: `/api/${string}`;
  access: Access;
  /** The handler module, relative to the project root; it exports `handler`. */
  entry: `functions/http/handlers/${string}.ts`;
  /** Whether the handler sends mail or uses the signing secret: drives IAM grants in CDK. */
  sendsMail?: boolean;
}

const signedIn: readonly Role[] = ['applicant', 'admin', 'member'];

/**
 * The route table: drives the CDK HTTP API routes, the local adapter and the access tests.
 * Anything not listed here is denied.
 */
export const routes = {
  requestLink: {
    method: 'POST',
    path: '/api/auth/link',
    access: 'public',
    entry: 'functions/http/handlers/request-link.ts',
    sendsMail: true,
  },
  redeemLink: {
    method: 'POST',
    path: '/api/auth/session',
    access: 'public',
    entry: 'functions/http/handlers/redeem-link.ts',
  },
  signOut: {
    method: 'DELETE',
    path: '/api/auth/session',
    access: signedIn,
    entry: 'functions/http/handlers/sign-out.ts',
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    access: signedIn,
    entry: 'functions/http/handlers/me.ts',
  },
  submitSketch: {
    method: 'POST',
    path: '/api/sketches',
    access: ['applicant'],
    entry: 'functions/http/handlers/submit-sketch.ts',
    sendsMail: true,
  },
  getSketch: {
    method: 'GET',
    path: '/api/sketches/{id}',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/get-sketch.ts',
  },
  listSketches: {
    method: 'GET',
    path: '/api/admin/sketches',
    access: ['admin'],
    entry: 'functions/http/handlers/list-sketches.ts',
  },
} as const satisfies Record<string, Route>;

export type RouteId = keyof typeof routes;

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}

/** Whether a caller holding `roles` may call `route` (the only place access is decided). */
export function mayCall(route: Route, roles: readonly Role[]): boolean {
  if (route.access === 'public') return true;
  return route.access.some((role) => roles.includes(role));
}
