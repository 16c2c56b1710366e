import { attachmentScope } from '../../app/attachments.ts';
import * as route from '../../core/contract/attachments.ts';
import { listAttachments } from '../../store/attachments.ts';
import { handle } from '../stack.ts';

/** The checked attachments of a sketch, oldest first, for its owner or an admin. */
export default handle(route.listAttachments)(async ({ params, caller }) => {
  const scope = await attachmentScope(params.id, caller, 'read');
  const items = (await listAttachments(scope.sketchId)).filter((a) => a.status === 'ready');
  return { status: 200, body: { items } };
});
