import * as route from '../../core/contract/followup.ts';
import { calendarOf } from '../../store/followup.ts';
import { handle } from '../stack.ts';

/** Whether the admin has a calendar feed (its address is shown only once, when it is made). */
export default handle(route.calendarFeedStatus)(async ({ caller }) => {
  const current = await calendarOf(caller.email);
  return { status: 200, body: current ? { active: true, createdAt: current.createdAt } : { active: false } };
});
