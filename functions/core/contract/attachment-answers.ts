import * as z from 'zod/mini';
import { attachmentKinds, followUpAttachmentKinds } from '../attachments.ts';
import { instant } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/*
 * What the API answers about a sketch's attachments: the attachment, and the presigned POST an
 * upload goes to. Defined here once; core/attachments.ts's types are derived from them. Built by
 * functions, not at load: the routes wrap them in `z.lazy` (see followup-answers.ts).
 */

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

function build() {
  /** An attachment: pending from the upload's start, ready once its content is checked. */
  const attachmentSchema = () =>
    z.strictObject({
      id: z.string(),
      sketchId: z.string(),
      kind: z.enum([...attachmentKinds, ...followUpAttachmentKinds]),
      /** The name the applicant's file had, cleaned (no path, no control characters). */
      fileName: z.string(),
      /** Bytes: as declared while pending, as stored once checked. */
      size: z.int(),
      /** As declared while pending; the type detected from the content once checked. */
      contentType: z.string(),
      status: z.enum(['pending', 'ready']),
      /** Who uploaded it: the sketch's owner. */
      uploadedBy: z.string(),
      createdAt: instant,
      checkedAt: z.optional(instant),
    });

  /** What the browser presigned-POSTs to: the URL and the form fields to send before the file. */
  const uploadTicketSchema = () =>
    z.strictObject({ url: z.string(), fields: z.record(z.string(), z.string()) });

  /** A started upload: the pending attachment (its id is what the check asks for) and where to send the file. */
  const uploadStartedSchema = () =>
    z.strictObject({ attachment: attachmentSchema(), upload: uploadTicketSchema() });
  return { attachmentSchema, uploadTicketSchema, uploadStartedSchema };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const attachmentSchema = () => schemas().attachmentSchema();
export const uploadTicketSchema = () => schemas().uploadTicketSchema();
export const uploadStartedSchema = () => schemas().uploadStartedSchema();

export type AttachmentMeta = z.output<ReturnType<typeof attachmentSchema>>;
export type UploadTicket = z.output<ReturnType<typeof uploadTicketSchema>>;
