import { attachmentScope, findAttachment, mustBeEditable } from '../../app/attachments.ts';
import * as route from '../../core/contract/attachments.ts';
import { deleteAttachmentItem, deleteObjects, objectKeys } from '../../store/attachments.ts';
import { handle } from '../stack.ts';

/**
 * Removes an attachment, file first, then its metadata: a failure in between leaves it listed
 * without its file, and deleting it again finishes the job; never a file that nobody sees any more.
 */
export default handle(route.deleteAttachment)(async ({ params, caller }) => {
  const scope = await attachmentScope(params.id, caller, 'change');
  const meta = await findAttachment(scope, params.aid);
  mustBeEditable(scope, meta.kind);
  await deleteObjects([
    objectKeys.stored(scope.sketchId, meta.id),
    objectKeys.pending(scope.sketchId, meta.id),
  ]);
  await deleteAttachmentItem(scope.sketchId, meta.id);
  return { status: 204 };
});
