import * as z from 'zod/mini';
import { sketchStatuses } from '../lifecycle.ts';
import { paramLabels } from '../messages.de.ts';
import { text } from '../sketch.ts';
import { draftSchema, sketchSections } from '../sketch-full.ts';
import {
  listMessages,
  openStepsNotSteps,
  returnNoteLabel,
  submitMessages,
  versionNumber,
  versionToSave,
  versionToSubmit,
  withdrawMessages,
} from '../sketches.de.ts';
import { coercedNumber, id, pageQuery, sketchParams } from './common.ts';
import { route } from './route.ts';
import {
  mySketches as mySketchesAnswer,
  savedDraft,
  sketchDoc,
  sketchPage,
  sketchVersion,
} from './sketch-docs.ts';

/*
 * A sketch's routes: the applicant's draft, autosave, submit and withdrawal, its versions, the
 * applicant's status page, and the office's list and checks (return, accept; the local alliances' statements are contract/local.ts). Every
 * export of this module is a route (index.ts gathers them); the documents they answer are in
 * ./sketch-docs.ts.
 *
 * What a route takes is built on its first read (route.ts), not when a bundle loads. The draft is
 * the form's own draft schema (sketch-full.ts): one definition drives the form and the API.
 */

/** The version a change is based on (a save, a submit): what keeps a second tab from overwriting. */
const version = (message: string) => z.int({ error: message }).check(z.gte(1, message));

/**
 * The steps the form's own checks (core/draft-check.ts `openSteps`) find open in the draft it sends:
 * stored beside the draft, so get-sketch can answer them and the form's step list shows where the
 * applicant stands before the form has loaded its checks. Only the applicant's own form reads it,
 * as a hint; the submit checks the draft itself.
 */
const openSteps = () =>
  z.optional(
    z.array(z.enum(sketchSections, { error: openStepsNotSteps }), { error: openStepsNotSteps }).check(
      z.maxLength(sketchSections.length, openStepsNotSteps),
      z.refine((steps) => new Set(steps).size === steps.length, openStepsNotSteps),
    ),
  );

const createBody = () => z.object({ draft: z._default(draftSchema(), {}), openSteps: openSteps() });

const saveBody = () =>
  z.object({ version: version(versionToSave), draft: draftSchema(), openSteps: openSteps() });

/** The version submitted and, on a resubmission, the applicant's note on what changed (for the office). */
const submitBody = () =>
  z.object({
    version: version(versionToSubmit),
    changeNote: z.optional(
      z
        .string({ error: submitMessages.changeNoteNotText })
        .check(z.trim(), z.maxLength(2000, submitMessages.changeNoteTooLong)),
    ),
  });

const withdrawBody = () =>
  z.object({
    reason: z.optional(
      z
        .string({ error: withdrawMessages.reasonNotText })
        .check(z.trim(), z.maxLength(1000, withdrawMessages.reasonTooLong)),
    ),
  });

const returnBody = () => z.object({ note: text(returnNoteLabel, 10, 3000) });

const filterValue = (label: string) =>
  z.optional(
    z
      .string()
      .check(z.maxLength(100, listMessages.invalid(label)), z.regex(/^[\w-]+$/, listMessages.invalid(label))),
  );

/** Built in the list's route definition: a bundle without that route builds none of it. */
const listQuery = () =>
  z.object({
    // `returned`: the drafts the office gave back for revision (the only drafts the office sees).
    status: z.optional(z.enum([...sketchStatuses, 'returned'], { error: listMessages.status })),
    subRegion: filterValue(listMessages.subRegion),
    priority: filterValue(listMessages.priority),
    ...pageQuery(),
  });

export const createSketch = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches',
  summary:
    'Starts a draft (empty, or with what the form has so far) and mails its owner the link to resume it.',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/create-sketch.ts',
  sendsMail: true,
  idempotent: true,
  get body() {
    return createBody();
  },
  answers: { 201: sketchDoc },
}));

export const getSketch = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}',
  summary:
    'One sketch with its draft, audit trail and next step: for its applicant, the office, or a member voting on it.',
  access: ['applicant', 'admin', 'member'],
  group: 'applicant',
  entry: 'functions/http/handlers/get-sketch.ts',
  get params() {
    return sketchParams();
  },
  answers: { 200: sketchDoc },
}));

export const saveDraft = /* @__PURE__ */ route(() => ({
  method: 'PUT',
  path: '/api/sketches/{id}/draft',
  summary: 'Autosave: stores the draft as typed, unless it was saved since the version it is based on.',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/save-draft.ts',
  get params() {
    return sketchParams();
  },
  get body() {
    return saveBody();
  },
  answers: { 200: savedDraft },
  conflicts: ['version_conflict', 'not_editable'],
}));

export const submitSketch = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches/{id}/submit',
  summary:
    "Submits the stored draft once it meets every rule of the alliance's profile; the applicant gets the full record by mail.",
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/submit-sketch.ts',
  get params() {
    return sketchParams();
  },
  sendsMail: true,
  idempotent: true,
  get body() {
    return submitBody();
  },
  answers: { 200: sketchDoc },
  conflicts: ['version_conflict', 'not_editable', 'wrong_status'],
}));

export const withdrawSketch = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches/{id}/withdraw',
  summary:
    'Withdraws a sketch before its Votum, by its applicant or the office; the applicant is told by mail.',
  access: ['applicant', 'admin'],
  group: 'applicant',
  entry: 'functions/http/handlers/withdraw-sketch.ts',
  get params() {
    return sketchParams();
  },
  sendsMail: true,
  get body() {
    return withdrawBody();
  },
  answers: { 200: sketchDoc },
  conflicts: ['wrong_status', 'version_conflict'],
}));

export const getVersion = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}/versions/{n}',
  summary: 'The n-th submitted version of a sketch, exactly as it was submitted.',
  access: ['applicant', 'admin'],
  group: 'applicant',
  entry: 'functions/http/handlers/get-version.ts',
  get params() {
    return z.strictObject({
      id: id(paramLabels.sketch),
      n: coercedNumber({ error: versionNumber }).check(
        z.int(versionNumber),
        z.gte(1, versionNumber),
        z.lte(9999, versionNumber),
      ),
    });
  },
  answers: { 200: sketchVersion },
}));

export const mySketches = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/my/sketches',
  summary:
    "The applicant's status page: every sketch of theirs, newest first, with its next step, and the last 50 mails to them.",
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/my-sketches.ts',
  answers: { 200: mySketchesAnswer },
}));

export const listSketches = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/sketches',
  summary:
    'Sketches past the draft for the office, newest submission first, filtered by status, sub-region and priority, a page at a time.',
  access: ['admin'],
  group: 'review',
  entry: 'functions/http/handlers/list-sketches.ts',
  get query() {
    return listQuery();
  },
  answers: { 200: sketchPage },
}));

export const returnSketch = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/return',
  summary: 'The office returns a submitted sketch for revision; the applicant gets the note by mail.',
  access: ['admin'],
  group: 'review',
  entry: 'functions/http/handlers/return-sketch.ts',
  get params() {
    return sketchParams();
  },
  sendsMail: true,
  get body() {
    return returnBody();
  },
  answers: { 200: sketchDoc },
  conflicts: ['wrong_status', 'version_conflict'],
}));

export const acceptSketch = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/sketches/{id}/accept',
  summary:
    'The office finds a submitted sketch complete, every local statement the profile asks for in: it is ready for the vote; the applicant is told by mail.',
  access: ['admin'],
  group: 'review',
  entry: 'functions/http/handlers/accept-sketch.ts',
  get params() {
    return sketchParams();
  },
  sendsMail: true,
  answers: { 200: sketchDoc },
  conflicts: ['statements_missing', 'wrong_status', 'version_conflict'],
}));
