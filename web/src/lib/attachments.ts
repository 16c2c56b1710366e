import { type AnswerOf, call } from './api.ts';

type AttachmentList = AnswerOf<'listAttachments'>;

const inFlight = new Map<string, Promise<AttachmentList>>();

/**
 * A sketch's attachments, asked once however many parts of a page ask at the same moment (the
 * follow-up page shows the Bescheid's and the reports' files and names them in its history): one
 * request, shared; the next ask after it answered is a fresh one.
 */
export function listAttachments(sketchId: string): Promise<AttachmentList> {
  let pending = inFlight.get(sketchId);
  if (!pending) {
    pending = call('listAttachments', { params: { id: sketchId } }).finally(() => inFlight.delete(sketchId));
    inFlight.set(sketchId, pending);
  }
  return pending;
}
