import { agendaCandidates } from '../../app/meetings.ts';
import * as route from '../../core/contract/meeting-plans.ts';
import { agendaOf } from '../../core/meetings.ts';
import { listPlans } from '../../store/meeting-plans.ts';
import { handle } from '../stack.ts';

/**
 * The planned meetings by date; a plan not yet invited to shows the agenda it would have now. The
 * candidates are read once, up to the latest deadline of those plans (none when all are invited).
 */
export default handle(route.listMeetingPlans)(async () => {
  const plans = await listPlans();
  const latest = plans
    .filter((plan) => !plan.invitation)
    .reduce<string | undefined>(
      (max, plan) => (max && max > plan.submissionDeadline ? max : plan.submissionDeadline),
      undefined,
    );
  const candidates = latest ? await agendaCandidates(latest) : [];
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
