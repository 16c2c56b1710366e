import * as z from 'zod/mini';
import { adminMessages as m } from '../admins.de.ts';
import { email, text } from '../sketch.ts';
import { id, instant, list } from './common.ts';
import { empty, route, unchecked } from './route.ts';

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`): an answer's shape is built only from source. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * The office's access management (Verwaltung → Zugänge): the admin list (who may open the office's
 * pages) and the live sessions of an account, which the office can end. Every change of the list is
 * an audit event (answered with the list) and a security log line. What a route takes and answers is
 * built on its first read (route.ts).
 */

/** An address in a path or query: what `email` accepts, at most 254 characters, lower case. */
const byEmail = () => z.strictObject({ email: email(m.email) });
const sessionParams = () => z.strictObject({ id: id(m.sessionId) });

const adminSchema = () =>
  z.strictObject({
    email: z.string(),
    name: z.string(),
    /** When the person was put on the list (absent for entries made before the list had a route). */
    addedAt: z.optional(instant),
  });

/** A change of the admin list, as its audit event keeps it: what, whom, by whom, when. */
const adminEventSchema = () =>
  z.strictObject({
    action: z.enum(['admin_added', 'admin_removed']),
    email: z.string(),
    by: z.string(),
    at: instant,
  });

const adminsSchema = () =>
  z.strictObject({
    items: z.array(adminSchema()),
    /** The latest changes of the list, newest first (at most 20). */
    events: z.array(adminEventSchema()),
  });

/** A live session of an account: its own id (not its key), when it began and until when it lasts. */
const sessionSchema = () =>
  z.strictObject({
    id: z.string(),
    roles: z.array(z.enum(['applicant', 'member', 'admin', 'local'])),
    createdAt: instant,
    idleUntil: instant,
    absoluteUntil: instant,
    /** The session this request came with. */
    current: z.boolean(),
  });

export const listAdmins = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/admins',
  summary: "The office's admin list and its latest changes",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-admins.ts',
  get answers() {
    return { 200: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? adminsSchema : unchecked) };
  },
}));

export const addAdmin = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/admins',
  summary: 'Puts a person on the admin list (an audit event); the role holds from their next sign-in',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/add-admin.ts',
  get body() {
    return z.object({ email: email(m.email), name: text(m.name, 2, 200) });
  },
  get answers() {
    return { 201: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? adminSchema : unchecked) };
  },
  conflicts: ['already'],
}));

export const removeAdmin = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/admin/admins/{email}',
  summary: 'Takes a person off the admin list (an audit event); their next request is no admin’s',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/remove-admin.ts',
  get params() {
    return byEmail();
  },
  answers: { 204: empty },
  conflicts: ['self_removal', 'last_admin'],
}));

export const listSessions = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/sessions',
  summary: 'The live sessions of an account, newest first',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-sessions.ts',
  get query() {
    return byEmail();
  },
  get answers() {
    return {
      200: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? () => list(sessionSchema()) : unchecked),
    };
  },
}));

export const endSession = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/admin/sessions/{id}',
  summary: "Ends one of an account's sessions: its next request is signed out",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/end-session.ts',
  get params() {
    return sessionParams();
  },
  get query() {
    return byEmail();
  },
  answers: { 204: empty },
}));

export type AdminEntry = z.output<ReturnType<typeof adminSchema>>;
export type AdminEvent = z.output<ReturnType<typeof adminEventSchema>>;
export type SessionEntry = z.output<ReturnType<typeof sessionSchema>>;
