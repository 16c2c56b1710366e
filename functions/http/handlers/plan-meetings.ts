import { randomUUID } from 'node:crypto';
import * as route from '../../core/contract/meeting-plans.ts';
import { InputError } from '../../core/errors.ts';
import { meetingPlanMessages as m } from '../../core/meetings.de.ts';
import { type MeetingPlan, planProblems } from '../../core/meetings.ts';
import { putPlan } from '../../store/meeting-plans.ts';
import { handle } from '../stack.ts';

/** The office plans meetings, each with the submission deadline before it. */
export default handle(route.planMeetings)(async ({ body, caller, now }) => {
  const fields = body.meetings.flatMap((meeting, i) =>
    planProblems(meeting).map(() => ({
      field: `meetings.${i}.submissionDeadline`,
      message: m.deadlineNotBefore(),
    })),
  );
  if (fields.length) throw new InputError(m.deadlineNotBefore(), fields);
  const plans: MeetingPlan[] = body.meetings.map((meeting) => ({
    id: randomUUID(),
    date: meeting.date,
    ...(meeting.place ? { place: meeting.place } : {}),
    submissionDeadline: meeting.submissionDeadline,
    plannedBy: caller.email,
    plannedAt: now.toISOString(),
  }));
  for (const plan of plans) await putPlan(plan);
  return { status: 201, body: { items: plans } };
});
