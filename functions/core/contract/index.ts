import * as admins from './admins.ts';
import * as attachments from './attachments.ts';
import * as auth from './auth.ts';
import * as budget from './budget.ts';
import * as followup from './followup.ts';
import * as local from './local.ts';
import * as meetingPlans from './meeting-plans.ts';
import * as mfa from './mfa.ts';
import * as notices from './notices.ts';
import * as privacy from './privacy.ts';
import type { Route } from './route.ts';
import * as sketches from './sketches.ts';
import * as trail from './trail.ts';
import * as votes from './votes.ts';

/**
 * The route table, the API contract: every route by name. Anything not listed here is denied.
 * Each area's routes are also their own exports, so a handler imports just its own route.
 */
export const routes = {
  ...auth,
  ...mfa,
  ...sketches,
  ...attachments,
  ...votes,
  ...followup,
  ...local,
  ...budget,
  ...trail,
  ...admins,
  ...notices,
  ...meetingPlans,
  ...privacy,
} as const satisfies Record<string, Route>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** Where each route lives, `[method, path]` by name: all the web client needs at run time (vite defines it). */
export const routeAddresses = () =>
  Object.fromEntries(Object.entries(routes).map(([id, r]) => [id, [r.method, r.path]])) as unknown as {
    [Id in RouteId]: readonly [Routes[Id]['method'], Routes[Id]['path']];
  };

export * from './route.ts';
