import * as z from 'zod/mini';
import { attachmentInput as m } from '../attachments.de.ts';
import { attachmentKinds, cleanFileName, followUpAttachmentKinds } from '../attachments.ts';
import { paramLabels } from '../messages.de.ts';
import { attachmentSchema, uploadStartedSchema } from './attachment-answers.ts';
import { id, list, sketchParams } from './common.ts';
import { empty, redirect, route } from './route.ts';

/*
 * A sketch's attachments: an upload starts here and goes straight to S3 (a presigned POST), the
 * check judges it by its content, downloads are redirects to S3. What a route takes and answers is
 * built on its first read (route.ts).
 */

const kinds = [...attachmentKinds, ...followUpAttachmentKinds] as const;
const fileNameMax = 1000;

/** What the browser sends to start an upload: what the file says of itself; its content is judged after the upload. */
const uploadBody = () =>
  z.strictObject(
    {
      kind: z.enum(kinds, { error: m.kind(kinds) }),
      /** Cleaned to the name as shown and stored (cleanFileName): a name that is only a path is none. */
      fileName: z.pipe(
        z
          .string({ error: m.fileNameMissing })
          .check(z.maxLength(fileNameMax, m.fileNameTooLong(fileNameMax))),
        z.pipe(z.transform(cleanFileName), z.string().check(z.minLength(1, m.fileNameMissing))),
      ),
      /** As the browser claims it: the presigned POST's policy requires it; the content decides later. */
      contentType: z
        .string({ error: m.contentTypeMissing })
        .check(z.regex(/^[\w.+-]{1,63}\/[\w.+-]{1,63}$/, m.contentTypeInvalid)),
      /** Bytes; too large or empty is refused by the handler, naming the file. */
      size: z.int(m.size).check(z.nonnegative(m.sizeInvalid)),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? m.body(issue.keys) : m.body()) },
  );
export type UploadRequest = z.output<ReturnType<typeof uploadBody>>;

const attachmentParams = () =>
  z.strictObject({ id: id(paramLabels.sketch), aid: id(paramLabels.attachment) });

export const createAttachment = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches/{id}/attachments',
  summary:
    'Starts an upload: a pending attachment and the presigned POST the browser sends the file to (10 MB at most)',
  access: ['applicant'],
  group: 'attachments',
  entry: 'functions/http/handlers/create-attachment.ts',
  get params() {
    return sketchParams();
  },
  get body() {
    return uploadBody();
  },
  attachments: 'write',
  get answers() {
    return { 201: z.lazy(uploadStartedSchema) };
  },
  conflicts: ['not_editable'],
}));

export const checkAttachment = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/sketches/{id}/attachments/{aid}/check',
  summary:
    'Checks an uploaded file by its content and keeps it, or throws it away saying why; again answers the same',
  access: ['applicant'],
  group: 'attachments',
  entry: 'functions/http/handlers/check-attachment.ts',
  get params() {
    return attachmentParams();
  },
  attachments: 'write',
  get answers() {
    return { 200: z.lazy(attachmentSchema) };
  },
  conflicts: ['not_editable'],
}));

export const listAttachments = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}/attachments',
  summary: "A sketch's checked attachments, oldest first",
  access: ['applicant', 'admin'],
  group: 'attachments',
  entry: 'functions/http/handlers/list-attachments.ts',
  get params() {
    return sketchParams();
  },
  get answers() {
    return { 200: z.lazy(() => list(attachmentSchema())) };
  },
}));

export const downloadAttachment = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/sketches/{id}/attachments/{aid}',
  summary: 'Downloads a checked attachment: a redirect to S3 that works for a minute',
  access: ['applicant', 'admin'],
  group: 'attachments',
  entry: 'functions/http/handlers/download-attachment.ts',
  get params() {
    return attachmentParams();
  },
  attachments: 'read',
  answers: { 302: redirect },
}));

export const deleteAttachment = /* @__PURE__ */ route(() => ({
  method: 'DELETE',
  path: '/api/sketches/{id}/attachments/{aid}',
  summary: 'Removes an attachment, its file first',
  access: ['applicant'],
  group: 'attachments',
  entry: 'functions/http/handlers/delete-attachment.ts',
  get params() {
    return attachmentParams();
  },
  attachments: 'write',
  answers: { 204: empty },
  conflicts: ['not_editable'],
}));
