import { followUpDoc, loadFollowUp } from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { handle } from '../stack.ts';

/** What follows the Votum for one project: the decision against the sketch, deadlines and reports. */
export default handle(route.getFollowUp)(async ({ params, caller, now }) => {
  const followUp = await loadFollowUp(params.id, caller);
  return { status: 200, body: followUpDoc(followUp, now) };
});
