import { agendaCandidates } from '../../app/meetings.ts';
import * as route from '../../core/contract/meeting-plans.ts';
import { agendaOf } from '../../core/meetings.ts';
import { listPlans } from '../../store/meeting-plans.ts';
import { handle } from '../stack.ts';

/** The planned meetings by date; a plan not yet invited to shows the agenda it would have now. */
export default handle(route.listMeetingPlans)(async () => {
  const [plans, candidates] = await Promise.all([listPlans(), agendaCandidates()]);
  return {
    status: 200,
    body: {
      items: plans.map((plan) => ({
        ...plan,
        agendaNow: plan.invitation ? plan.invitation.agenda : agendaOf(candidates, plan.submissionDeadline),
      })),
    },
  };
});
