import { listMeetings } from '../../store/votes.ts';
import { routes } from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** The recorded meetings, newest first. */
export const handler = httpHandler(routes.listMeetings, async () => ({
  status: 200,
  body: { items: await listMeetings(100) },
}));
