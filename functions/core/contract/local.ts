import * as z from 'zod/mini';
import { localMessages as m } from '../local.de.ts';
import { localSections, localVerdicts } from '../local.ts';
import { email, text } from '../sketch.ts';
import { id, pageQuery, sketchParams } from './common.ts';
import {
  localAccountListSchema,
  localAccountSchema,
  localSketchListSchema,
  localSketchSchema,
} from './local-answers.ts';
import { route } from './route.ts';

/*
 * The local step's routes (core/local.ts): the office keeps the local alliances' accounts per
 * sub-region; a local alliance, signed in without a password like the members, reads the sketches
 * that touch its sub-regions and gives its statement. Where the profile has no local step these
 * answer nothing (409 `no_local_step`, or empty lists). Every export is a route (index.ts).
 */

const accountId = () =>
  z.string({ error: m.fields.account }).check(z.regex(/^[a-z0-9-]{1,60}$/, m.fields.account));

const accountBody = () =>
  z.object({
    subRegionId: id(m.fields.subRegion),
    name: text(m.fields.nameLabel, 2, 200),
    email: email(m.fields.emailLabel),
    active: z._default(z.boolean({ error: m.fields.active }), true),
  });

const statementBody = () =>
  z.object({
    subRegionId: id(m.fields.subRegion),
    verdict: z.enum(localVerdicts, { error: m.fields.verdict }),
    note: z._default(
      z.string({ error: m.fields.noteNotText }).check(z.trim(), z.maxLength(3000, m.fields.noteTooLong)),
      '',
    ),
  });

const workspaceQuery = () =>
  z.object({
    section: z._default(z.enum(localSections, { error: m.fields.section }), 'open'),
    ...pageQuery(),
  });

export const listLocalAccounts = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/local-accounts',
  summary:
    "The local alliances' accounts (active or not), by sub-region; empty where the profile has no local step.",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-local-accounts.ts',
  get answers() {
    return { 200: z.lazy(localAccountListSchema) };
  },
}));

export const putLocalAccount = /* @__PURE__ */ route(() => ({
  method: 'PUT',
  path: '/api/admin/local-accounts/{id}',
  summary: "Creates or changes a local alliance's account for one sub-region; it signs in by emailed link.",
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/put-local-account.ts',
  get params() {
    return z.strictObject({ id: accountId() });
  },
  get body() {
    return accountBody();
  },
  get answers() {
    return { 200: z.lazy(localAccountSchema) };
  },
  conflicts: ['no_local_step'],
}));

export const localSketches = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/local/sketches',
  summary:
    "A local alliance's workspace, a page at a time: the sketches past the draft that touch its sub-regions, with their statements; those open for statements or the earlier ones.",
  access: ['local'],
  group: 'local',
  entry: 'functions/http/handlers/local-sketches.ts',
  get query() {
    return workspaceQuery();
  },
  get answers() {
    return { 200: z.lazy(localSketchListSchema) };
  },
}));

export const localSketch = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/local/sketches/{id}',
  summary: 'One sketch touching the caller’s sub-regions, read-only, with the statements given so far.',
  access: ['local'],
  group: 'local',
  entry: 'functions/http/handlers/local-sketch.ts',
  get params() {
    return sketchParams();
  },
  get answers() {
    return { 200: z.lazy(localSketchSchema) };
  },
}));

export const giveStatement = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/local/sketches/{id}/statements',
  summary:
    'A local alliance gives its statement on a submitted sketch for one of its sub-regions; the applicant and the office get it by mail.',
  access: ['local'],
  group: 'local',
  entry: 'functions/http/handlers/give-statement.ts',
  get params() {
    return sketchParams();
  },
  sendsMail: true,
  get body() {
    return statementBody();
  },
  get answers() {
    return { 200: z.lazy(localSketchSchema) };
  },
  conflicts: ['wrong_status', 'statement_given', 'version_conflict'],
}));
