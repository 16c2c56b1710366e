import { listAttachments } from '../../store/attachments.ts';
import { attachmentScope } from '../attachments.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** The checked attachments of a sketch, oldest first, for its owner or an admin. */
export const handler = httpHandler(route.listAttachments, async ({ params, caller }) => {
  const scope = await attachmentScope(params.id, caller, 'read');
  const items = (await listAttachments(scope.sketchId)).filter((a) => a.status === 'ready');
  return { status: 200, body: { items } };
});
