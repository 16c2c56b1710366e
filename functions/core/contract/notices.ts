import * as z from 'zod/mini';
import { noticeMessages as m } from '../notices.de.ts';
import { submissionNoticeModes } from '../notices.ts';
import { route, unchecked } from './route.ts';

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`): an answer's shape is built only from source. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/*
 * The office's choice how it hears of submissions and resubmissions: a mail for each, or a daily
 * digest (functions/jobs/submission-digest.ts). Body and answers built on first read (route.ts).
 */

const setting = () =>
  z.strictObject({
    mode: z.enum(submissionNoticeModes),
    changedBy: z.optional(z.string()),
    changedAt: z.optional(z.string()),
  });

export const getSubmissionNotices = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/settings/submission-notices',
  summary: 'How the office hears of submissions: a mail for each, or a daily digest',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/get-submission-notices.ts',
  get answers() {
    return { 200: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? setting : unchecked) };
  },
}));

export const putSubmissionNotices = /* @__PURE__ */ route(() => ({
  method: 'PUT',
  path: '/api/admin/settings/submission-notices',
  summary: 'Sets how the office hears of submissions: a mail for each, or a daily digest',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/put-submission-notices.ts',
  get body() {
    return z.object({ mode: z.enum(submissionNoticeModes, { error: m.mode }) });
  },
  get answers() {
    return { 200: z.lazy(process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? setting : unchecked) };
  },
}));
