import * as attachmentMessages from '../core/attachment-messages.de.ts';
import { attachmentInput } from '../core/attachments.de.ts';
import {
  type AttachmentKind,
  type AttachmentMeta,
  attachmentKindLabels,
  attachmentsEditable,
  followUpAttachmentKinds,
  kindOffered,
  sketchAttachmentKindsOf,
  someAttachmentsEditable,
} from '../core/attachments.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import type { SketchStatus } from '../core/lifecycle.ts';
import { statusLabels } from '../core/messages.de.ts';
import { config } from '../platform/config.ts';
import { getAttachment, sketchAccess } from '../store/attachments.ts';
import type { Caller } from './caller.ts';
import { loadSketch } from './sketches.ts';

/*
 * Who may do what with a sketch's attachments, shared by the attachment handlers: its owner, the
 * admins and the members of a vote on it read them; only its owner changes them, and only while the sketch is a draft or submitted.
 */

export interface AttachmentScope {
  sketchId: string;
  ownerEmail: string;
  status: SketchStatus;
}

/**
 * The sketch for an attachment route, or 404 for anyone who may not read it (ids reveal nothing).
 * `change`: also the owner only (an admin, who can see the sketch, gets 403) and only while editable.
 */
export async function attachmentScope(
  sketchId: string | undefined,
  caller: Caller,
  use: 'read' | 'change',
): Promise<AttachmentScope> {
  const sketch = sketchId ? await sketchAccess(sketchId) : undefined;
  const isOwner = sketch?.ownerEmail === caller.email;
  if (!sketchId || !sketch) throw new NotFoundError(httpMessages.sketchNotFound);
  // Members of the steering group read the attachments of the sketches in their votes.
  if (!isOwner && !caller.roles.includes('admin')) {
    if (use === 'change' || !caller.roles.includes('member'))
      throw new NotFoundError(httpMessages.sketchNotFound);
    await loadSketch(sketchId, caller);
  }
  if (use === 'change') {
    if (!isOwner) throw new ForbiddenError(attachmentMessages.ownerOnly);
    if (!someAttachmentsEditable(sketch.status))
      throw new ConflictError(attachmentMessages.notEditable(statusLabels[sketch.status]), 'not_editable');
  }
  return { sketchId, ...sketch };
}

/** A kind the profile's process has: no local alliance's statement where it has no local step (400 naming `kind`). */
export function mustBeOffered(kind: AttachmentKind): void {
  const { profile } = config();
  if (kindOffered(profile, kind)) return;
  const message = attachmentInput.kindNotOffered(attachmentKindLabels[kind], [
    ...sketchAttachmentKindsOf(profile),
    ...followUpAttachmentKinds,
  ]);
  throw new InputError(message, [{ field: 'kind', message }]);
}

/** A change of an attachment of `kind`: the sketch's own files before the vote, follow-up files after it. */
export function mustBeEditable(scope: AttachmentScope, kind: AttachmentKind): void {
  if (!attachmentsEditable(scope.status, kind))
    throw new ConflictError(
      attachmentMessages.notEditableKind(kind, statusLabels[scope.status]),
      'not_editable',
    );
}

/** One attachment of the sketch in scope, or 404. */
export async function findAttachment(
  scope: AttachmentScope,
  id: string | undefined,
): Promise<AttachmentMeta> {
  const meta = id ? await getAttachment(scope.sketchId, id) : undefined;
  if (!meta) throw new NotFoundError(attachmentMessages.notFound);
  return meta;
}
