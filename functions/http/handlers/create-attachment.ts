import { randomUUID } from 'node:crypto';
import { attachmentScope, mustBeEditable, mustBeOffered } from '../../app/attachments.ts';
import * as attachmentMessages from '../../core/attachment-messages.de.ts';
import {
  type AttachmentMeta,
  attachmentProblem,
  pendingLifetimeSeconds,
  roomForAnother,
  sizeProblem,
} from '../../core/attachments.ts';
import * as route from '../../core/contract/attachments.ts';
import { InputError } from '../../core/errors.ts';
import { listAttachments, objectKeys, presignUpload, putPendingAttachment } from '../../store/attachments.ts';
import { handle } from '../stack.ts';

/**
 * Starts an upload: stores the attachment as pending and answers a presigned POST the browser sends
 * the file with, straight to S3 (the file never passes through Lambda). Then the browser asks for
 * the check (check-attachment.ts).
 */
export default handle(route.createAttachment)(async ({ params, body: input, caller, now }) => {
  mustBeOffered(input.kind);
  const scope = await attachmentScope(params.id, caller, 'change');
  mustBeEditable(scope, input.kind);
  const tooBig = sizeProblem(input.fileName, input.size);
  if (tooBig) throw new InputError(tooBig, attachmentProblem(tooBig));

  // Pending uploads count until they expire, so ten unchecked starts cannot be turned into more.
  const pendingSince = now.getTime() - pendingLifetimeSeconds * 1000;
  const current = (await listAttachments(scope.sketchId)).filter(
    (a) => a.status === 'ready' || Date.parse(a.createdAt) > pendingSince,
  );
  if (!roomForAnother(current.length))
    throw new InputError(attachmentMessages.tooMany, attachmentProblem(attachmentMessages.tooMany));

  const attachment: AttachmentMeta = {
    id: randomUUID(),
    sketchId: scope.sketchId,
    kind: input.kind,
    fileName: input.fileName,
    size: input.size,
    contentType: input.contentType,
    status: 'pending',
    uploadedBy: caller.email,
    createdAt: now.toISOString(),
  };
  await putPendingAttachment(attachment, now);
  const upload = await presignUpload(objectKeys.pending(scope.sketchId, attachment.id), input.contentType);
  return { status: 201, body: { attachment, upload } };
});
