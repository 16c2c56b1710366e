import { documentFile } from '../../app/documents.ts';
import * as route from '../../core/contract/votes.ts';
import * as meetingMessages from '../../core/vote-texts/meeting.de.ts';
import { documentIds, getDocument } from '../../store/documents.ts';
import { handle } from '../stack.ts';

/** The minutes of a meeting as PDF, as they were made when the meeting was recorded. */
export default handle(route.meetingMinutes)(async ({ params }) => {
  const minutes = await getDocument(documentIds.minutes(params.id));
  return { status: 200, file: documentFile(minutes, meetingMessages.notFound) };
});
