import { calendarOf } from '../../store/followup.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** Whether the admin has a calendar feed (its address is shown only once, when it is made). */
export const handler = httpHandler(route.calendarFeedStatus, async ({ caller }) => {
  const current = await calendarOf(caller.email);
  return { status: 200, body: current ? { active: true, createdAt: current.createdAt } : { active: false } };
});
