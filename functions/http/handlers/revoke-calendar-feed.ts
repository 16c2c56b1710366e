import { calendarOf, revokeCalendarFeed } from '../../store/followup.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** Revokes the admin's calendar feed: its address answers 404 from now on. */
export const handler = httpHandler(route.revokeCalendarFeed, async ({ caller }) => {
  const current = await calendarOf(caller.email);
  if (current) await revokeCalendarFeed(caller.email, current.hash);
  return { status: 204 };
});
