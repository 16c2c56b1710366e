import * as route from '../../core/contract/followup.ts';
import { calendarOf, revokeCalendarFeed } from '../../store/followup.ts';
import { handle } from '../stack.ts';

/** Revokes the admin's calendar feed: its address answers 404 from now on. */
export default handle(route.revokeCalendarFeed)(async ({ caller }) => {
  const current = await calendarOf(caller.email);
  if (current) await revokeCalendarFeed(caller.email, current.hash);
  return { status: 204 };
});
