import { attachmentScope, findAttachment, mustBeEditable } from '../../app/attachments.ts';
import { detectContentType, sniffBytes } from '../../core/attachment-content.ts';
import * as attachmentMessages from '../../core/attachment-messages.de.ts';
import { attachmentProblem, judgeUpload } from '../../core/attachments.ts';
import * as route from '../../core/contract/attachments.ts';
import { InputError } from '../../core/errors.ts';
import {
  deleteAttachmentItem,
  deleteObjects,
  getAttachment,
  markReady,
  objectKeys,
  promoteUpload,
  readUploadHead,
} from '../../store/attachments.ts';
import { handle } from '../stack.ts';

/**
 * Checks an upload by its content: reads its first bytes and its size from S3, tells its type from
 * the bytes (not the name), and either keeps it (copied to its final key, status `ready`) or throws
 * it away with a German message naming the file. Asking again for a checked attachment answers it.
 */
export default handle(route.checkAttachment)(async ({ params, caller, now }) => {
  const scope = await attachmentScope(params.id, caller, 'change');
  const meta = await findAttachment(scope, params.aid);
  if (meta.status === 'ready') return { status: 200, body: meta };
  mustBeEditable(scope, meta.kind);

  const pendingKey = objectKeys.pending(scope.sketchId, meta.id);
  const storedKey = objectKeys.stored(scope.sketchId, meta.id);
  const refuse = async (message: string, objects: string[]) => {
    await deleteObjects(objects);
    await deleteAttachmentItem(scope.sketchId, meta.id);
    throw new InputError(message, attachmentProblem(message));
  };

  const upload = await readUploadHead(pendingKey, sniffBytes);
  if (!upload) return refuse(attachmentMessages.missingUpload(meta.fileName), []);
  const verdict = judgeUpload(meta.fileName, upload.size, detectContentType(upload.head));
  if (!verdict.ok) return refuse(verdict.message, [pendingKey]);

  const kept =
    upload.etag !== undefined &&
    (await promoteUpload(pendingKey, storedKey, upload.etag, verdict.contentType, meta.fileName));
  if (!kept) return refuse(attachmentMessages.changedDuringCheck(meta.fileName), [pendingKey, storedKey]);
  await deleteObjects([pendingKey]);

  const stored = { size: upload.size, contentType: verdict.contentType, checkedAt: now.toISOString() };
  if (!(await markReady(meta, stored))) {
    // Another check of the same upload finished first: answer what it stored.
    const current = await getAttachment(scope.sketchId, meta.id);
    if (current) return { status: 200, body: current };
  }
  return { status: 200, body: { ...meta, ...stored, status: 'ready' } };
});
