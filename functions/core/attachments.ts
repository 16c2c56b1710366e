import { maxAttachmentBytes, maxAttachmentsPerSketch } from './attachment-limits.ts';
import * as attachmentMessages from './attachment-messages.de.ts';
import { attachmentKindLabels } from './attachments.de.ts';
import type { SketchStatus } from './lifecycle.ts';
import { hasLocalStep } from './local.ts';
import { formatWhole } from './money.ts';
import type { AllianceProfile } from './profile.ts';
import type { FieldError } from './sketch.ts';

/*
 * Attachments of a sketch (DOMAIN.md: the local alliance's statement, the draft NBank application,
 * the applicant's cost plan): what may be attached, how large, in which formats, and the German
 * words for it. Pure: the API, the store and the web component share it; the bytes are judged in
 * attachment-content.ts, so the web bundle does not carry the content sniffer.
 */

/** The files of the sketch itself: the ones its form offers. */
export const attachmentKinds = ['endorsement_statement', 'nbank_draft', 'cost_plan'] as const;
/** Files after the Votum (core/followup.ts): the NBank's notice, a report or the NBank Sachbericht. */
export const followUpAttachmentKinds = ['funding_decision', 'report'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number] | (typeof followUpAttachmentKinds)[number];

/** The sketch's own kinds in the profile's process: the local alliance's statement only where it has the local step. */
export const sketchAttachmentKindsOf = (
  profile: Pick<AllianceProfile, 'localStatements'>,
): (typeof attachmentKinds)[number][] =>
  attachmentKinds.filter((kind) => kind !== 'endorsement_statement' || hasLocalStep(profile));
/** Whether the profile's process has attachments of this kind at all. */
export const kindOffered = (profile: Pick<AllianceProfile, 'localStatements'>, kind: AttachmentKind) =>
  kind !== 'endorsement_statement' || hasLocalStep(profile);

export { attachmentKindLabels, maxAttachmentBytes, maxAttachmentsPerSketch };
/** How long a presigned upload may be used, and how long a pending attachment is kept without a check. */
export const uploadWindowSeconds = 10 * 60;
export const pendingLifetimeSeconds = 24 * 60 * 60;
/** How long a download link (presigned GET) works after the API handed it out. */
export const downloadWindowSeconds = 60;

/**
 * The formats accepted, by the type detected from the content (never the name or what the browser
 * claims). Macro-enabled Office files (docm, xlsm) are detected as their own types and refused.
 */
export const allowedTypes = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: 'docx',
    label: 'Word (DOCX)',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'Excel (XLSX)' },
  'application/vnd.oasis.opendocument.text': { ext: 'odt', label: 'OpenDocument-Text (ODT)' },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: 'ods', label: 'OpenDocument-Tabelle (ODS)' },
  'image/png': { ext: 'png', label: 'Bild (PNG)' },
  'image/jpeg': { ext: 'jpg', label: 'Bild (JPEG)' },
} as const;
export type AllowedType = keyof typeof allowedTypes;

export function isAllowedType(mime: string | undefined): mime is AllowedType {
  return mime !== undefined && Object.hasOwn(allowedTypes, mime);
}

/**
 * The file input's `accept`: only a hint for the browser's picker; the content decides. Built in a
 * pure call, so a bundle that does not read it leaves it out (a bare call at load stays in each).
 */
export const acceptAttribute = /* @__PURE__ */ (() =>
  [...Object.keys(allowedTypes), ...Object.values(allowedTypes).map((t) => `.${t.ext}`), '.jpeg'].join(
    ',',
  ))();

/** While a sketch is in these states its owner may add and remove attachments. */
export const attachmentsEditableIn: readonly SketchStatus[] = ['draft', 'submitted'];
/** Per kind: the sketch's own files before the vote; the notice while the decision is awaited; reports while it runs. */
const editableByKind: Record<AttachmentKind, readonly SketchStatus[]> = {
  endorsement_statement: attachmentsEditableIn,
  nbank_draft: attachmentsEditableIn,
  cost_plan: attachmentsEditableIn,
  funding_decision: ['endorsed'],
  report: ['running'],
};
/** Whether the owner may change attachments (of `kind`; without it, of the sketch's own kinds) now. */
export const attachmentsEditable = (status: SketchStatus, kind?: AttachmentKind) =>
  (kind ? editableByKind[kind] : attachmentsEditableIn).includes(status);
/** Whether the owner may change attachments of any kind now. */
export const someAttachmentsEditable = (status: SketchStatus) =>
  Object.values(editableByKind).some((states) => states.includes(status));

// The shapes the API answers are defined once, in contract/attachment-answers.ts; these are their types.
export type { AttachmentMeta, UploadTicket } from './contract/attachment-answers.ts';

export { attachmentMessages };

/** The field that errors about attachments name (docs/api.md). */
export const attachmentsField = 'attachments';

export const attachmentProblem = (message: string): FieldError[] => [{ field: attachmentsField, message }];

/**
 * A file name as it may be shown and stored: the last path segment, without control or bidi
 * characters, whitespace collapsed, at most 200 characters (keeping the extension).
 */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = last.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const name = cleaned.replace(/\s+/g, ' ').trim();
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 200 - ext.length) + ext;
}

/** Why a file of this size cannot be attached, before anything is uploaded; undefined when it can. */
export function sizeProblem(fileName: string, size: number): string | undefined {
  if (size <= 0) return attachmentMessages.empty(fileName);
  if (size > maxAttachmentBytes) return attachmentMessages.tooLarge(fileName);
  return undefined;
}

export type UploadVerdict = { ok: true; contentType: AllowedType } | { ok: false; message: string };

/**
 * Judges an uploaded file by what is stored: its real size and the type detected from its first
 * bytes. The size is checked again here because the local S3 server does not enforce the upload
 * policy's size range (docs/architecture.md); in AWS S3 refuses a larger upload itself.
 */
export function judgeUpload(fileName: string, size: number, detected: string | undefined): UploadVerdict {
  const tooBig = sizeProblem(fileName, size);
  if (tooBig) return { ok: false, message: tooBig };
  if (!isAllowedType(detected)) return { ok: false, message: attachmentMessages.notAllowedType(fileName) };
  return { ok: true, contentType: detected };
}

/** Whether another attachment may be started when `current` are already there (pending ones included). */
export const roomForAnother = (current: number) => current < maxAttachmentsPerSketch;

/** RFC 5987 / RFC 6266: the UTF-8 name for browsers, an ASCII fallback for the rest. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "1,4 MB", "820 KB", "12 Bytes": sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const tenths = Math.round((bytes * 10) / (1024 * 1024));
  return `${formatWhole(Math.floor(tenths / 10))}${tenths % 10 ? `,${tenths % 10}` : ''} MB`;
}
