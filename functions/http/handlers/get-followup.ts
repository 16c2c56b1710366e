import { followUpDoc, loadFollowUp } from '../followup.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** What follows the Votum for one project: the decision against the sketch, deadlines and reports. */
export const handler = httpHandler(route.getFollowUp, async ({ params, caller, now }) => {
  const followUp = await loadFollowUp(params.id, caller);
  return { status: 200, body: followUpDoc(followUp, now) };
});
