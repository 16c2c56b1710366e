import { attachmentScope, findAttachment } from '../../app/attachments.ts';
import * as attachmentMessages from '../../core/attachment-messages.de.ts';
import * as route from '../../core/contract/attachments.ts';
import { NotFoundError } from '../../core/errors.ts';
import { objectKeys, presignDownload } from '../../store/attachments.ts';
import { handle } from '../stack.ts';

/**
 * Downloads a checked attachment: a redirect to a presigned GET that works for a minute, so the file
 * comes from S3 directly, under its own name and as the type its content has (both stored with it).
 */
export default handle(route.downloadAttachment)(async ({ params, caller }) => {
  const scope = await attachmentScope(params.id, caller, 'read');
  const meta = await findAttachment(scope, params.aid);
  if (meta.status !== 'ready') throw new NotFoundError(attachmentMessages.notFound);
  const url = await presignDownload(objectKeys.stored(scope.sketchId, meta.id));
  return { status: 302, location: url };
});
