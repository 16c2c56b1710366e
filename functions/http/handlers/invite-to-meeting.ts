import { sendInvitation } from '../../app/meetings.ts';
import * as route from '../../core/contract/meeting-plans.ts';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import { meetingPlanMessages as m } from '../../core/meetings.de.ts';
import { getPlan } from '../../store/meeting-plans.ts';
import { handle } from '../stack.ts';

/**
 * Sends the invitation to a planned meeting: the agenda (sketches ready for a decision and in by
 * its deadline) and the dossier, one PDF the render job makes, to every active seat's member and
 * deputies; once per meeting.
 */
export default handle(route.inviteToMeeting)(async ({ params, caller, now }) => {
  const plan = await getPlan(params.id);
  if (!plan) throw new NotFoundError(m.unknownPlan());
  if (plan.invitation) throw new ConflictError(m.alreadyInvited, 'already');
  const invited = await sendInvitation(plan, caller, now);
  if (invited === 'no_seats') throw new ConflictError(m.noSeats, 'no_seats');
  return { status: 200, body: invited };
});
