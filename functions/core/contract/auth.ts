import * as z from 'zod/mini';
import * as httpMessages from '../http-messages.de.ts';
import { fieldNames } from '../messages.de.ts';
import { email } from '../sketch.ts';
import { linkRequestedSchema, meSchema, publicProfileSchema, sessionCreatedSchema } from './auth-answers.ts';
import { empty, route } from './route.ts';

/*
 * Signing in by a link mailed to the address, the session, and the alliance's public profile. What
 * a route takes and answers is built on its first read (route.ts).
 */

// ---- Requests -------------------------------------------------------------------------------------

/**
 * `z.catch(inner, undefined)`, built as z.catch builds it (the constant fallback tagged as zod's
 * util.constantCatch tags it): z.catch itself names zod's whole util namespace, 9 KB in the bundle.
 */
const droppedWhenInvalid = <T extends z.ZodMiniType>(innerType: T) =>
  new z.ZodMiniCatch({
    type: 'catch',
    innerType,
    catchValue: Object.assign(() => undefined, { '~constantCatch': true }),
  }) as z.ZodMiniCatch<T>;

/** The address to mail a link to, and where to go after signing in. */
const linkRequestBody = () =>
  z.object(
    {
      email: email(fieldNames.email),
      /** A path of the portal only, never another site; anything else is dropped, not refused. */
      next: droppedWhenInvalid(
        z.optional(z.string().check(z.regex(/^\/(?!\/)[\w\-/.?=&#%]*$/), z.maxLength(200))),
      ),
    },
    { error: httpMessages.badRequest },
  );

/**
 * The link's token: 32 random bytes in base64url as request-link makes it (some slack in the
 * length). Every malformed one gets the same words as an unknown or used one: the link is what the
 * person knows, not its token.
 */
const redeemBody = () =>
  z.object(
    {
      token: z
        .string({ error: httpMessages.linkInvalid })
        .check(
          z.minLength(20, httpMessages.linkInvalid),
          z.maxLength(100, httpMessages.linkInvalid),
          z.regex(/^[\w-]+$/, httpMessages.linkInvalid),
        ),
    },
    { error: httpMessages.badRequest },
  );

// ---- Routes ---------------------------------------------------------------------------------------

export const requestLink = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/auth/link',
  summary: 'Mails a single-use sign-in link to the address; the same answer whether or not it has an account',
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/request-link.ts',
  get body() {
    return linkRequestBody();
  },
  sendsMail: true,
  get answers() {
    return { 202: z.lazy(linkRequestedSchema) };
  },
}));

export const redeemLink = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/auth/session',
  summary: "Turns a sign-in link's token into a session (the cookie), once",
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/redeem-link.ts',
  get body() {
    return redeemBody();
  },
  get answers() {
    return { 201: z.lazy(sessionCreatedSchema) };
  },
}));

export const signOut = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/auth/session',
  summary: 'Ends the session on the server and clears its cookie',
  access: ['applicant', 'admin', 'member'],
  group: 'public',
  entry: 'functions/http/handlers/sign-out.ts',
  answers: { 204: empty },
}));

export const me = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/auth/me',
  summary: 'Who is signed in, with what roles, until when, and for which alliance (or that nobody is)',
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/me.ts',
  get answers() {
    return { 200: z.lazy(meSchema) };
  },
}));

export const getProfile = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/profile',
  summary:
    "The alliance's public profile: sub-regions, priorities, criteria and the funding rules the form checks",
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/get-profile.ts',
  get answers() {
    return { 200: z.lazy(publicProfileSchema) };
  },
}));
