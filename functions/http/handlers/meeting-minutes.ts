import { NotFoundError } from '../../core/errors.ts';
import { documentIds, getDocument } from '../../store/documents.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** The minutes of a meeting as PDF, as they were made when the meeting was recorded. */
export const handler = httpHandler(route.meetingMinutes, async ({ params }) => {
  const minutes = params.id ? await getDocument(documentIds.minutes(params.id)) : undefined;
  if (!minutes) throw new NotFoundError('Diese Sitzung gibt es nicht.');
  return { status: 200, file: minutes };
});
