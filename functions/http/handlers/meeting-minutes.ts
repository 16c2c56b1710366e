import { documentFile } from '../../app/documents.ts';
import * as route from '../../core/contract/votes.ts';
import { documentIds, getDocument } from '../../store/documents.ts';
import { handle } from '../stack.ts';

/** The minutes of a meeting as PDF, as they were made when the meeting was recorded. */
export default handle(route.meetingMinutes)(async ({ params }) => {
  const minutes = params.id ? await getDocument(documentIds.minutes(params.id)) : undefined;
  return { status: 200, file: documentFile(minutes, 'Diese Sitzung gibt es nicht.') };
});
