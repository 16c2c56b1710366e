import * as z from 'zod/mini';
import { privacyTexts as t } from '../privacy.de.ts';
import { email, text } from '../sketch.ts';
import { instant } from './common.ts';
import { file, route, unchecked } from './route.ts';

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`): an answer's shape is built only from source. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * Privacy (issue 16): the person's own data as a ZIP (the group `dataExport`), the office's erasure
 * on request and what retention and erasures did (`privacy`). What a route takes and answers is built
 * on its first read (route.ts).
 */

const erasureSchema = () =>
  z.strictObject({
    deleted: z.int(),
    pseudonymised: z.int(),
    mails: z.int(),
    signIns: z.int(),
    files: z.int(),
    /** Sketches a retention duty keeps: locked, listed, pseudonymised when the duty ends. */
    kept: z.array(z.strictObject({ sketchId: z.string(), title: z.string(), until: instant })),
  });

/** What retention or an erasure did: never the deleted content, the person only as a keyed hash. */
const logEntrySchema = () =>
  z.strictObject({
    at: instant,
    action: z.enum(['deleted', 'pseudonymised', 'erased', 'locked']),
    kind: z.enum(['draft', 'decided', 'funded', 'session', 'upload', 'request']),
    sketchId: z.optional(z.string()),
    items: z.int(),
    files: z.int(),
    by: z.optional(z.string()),
    reason: z.optional(z.string()),
    person: z.optional(z.string()),
    kept: z.optional(z.array(z.string())),
  });

export const exportMyData = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/me/data.zip',
  summary:
    'Everything the portal holds about the caller (sketches with every version, decisions, files, mails, sign-ins) as a ZIP of JSON and files',
  access: ['applicant', 'member', 'admin'],
  group: 'dataExport',
  entry: 'functions/http/handlers/export-my-data.ts',
  answers: { 200: file('application/zip') },
  attachments: 'read',
}));

export const erasePerson = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/erasures',
  summary:
    "Erases a person's data on request, except what a retention duty keeps (locked and listed); stores their confirmation mail, which the outbox job sends within minutes",
  access: ['admin'],
  group: 'privacy',
  entry: 'functions/http/handlers/erase-person.ts',
  get body() {
    return z.strictObject({
      email: email(t.fields.email),
      confirmEmail: email(t.fields.confirmEmail),
      reason: text(t.fields.reason, 5, 1000),
    });
  },
  get answers() {
    return { 200: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? erasureSchema : unchecked) };
  },
  conflicts: ['is_admin', 'holds_seat'],
  attachments: 'write',
}));

export const retentionLog = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/retention-log',
  summary: 'What retention and erasures did, newest first (at most 100; never the deleted content)',
  access: ['admin'],
  group: 'privacy',
  entry: 'functions/http/handlers/retention-log.ts',
  get answers() {
    return {
      200: z.lazy(
        process.env.VOTUM_BUNDLED_ALLIANCE === undefined
          ? () => z.strictObject({ items: z.array(logEntrySchema()) })
          : unchecked,
      ),
    };
  },
}));

export type ErasureAnswer = z.output<ReturnType<typeof erasureSchema>>;
export type RetentionLogItem = z.output<ReturnType<typeof logEntrySchema>>;
