import {
  commitFollowUp,
  expectedResults,
  findDeadline,
  followUpDoc,
  getFollowUpAfter,
  loadFollowUp,
  mailTo,
  mustAllow,
  mustBeAttached,
  officeFollowUpLink,
  retrying,
} from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { InputError } from '../../core/errors.ts';
import { reportContent, reportSubmitted } from '../../core/followup.ts';
import * as followUpNotes from '../../core/followup-texts/notes.de.ts';
import * as httpMessages from '../../core/http-messages.de.ts';
import * as transitions from '../../core/transitions.ts';
import { reportSubmittedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The applicant hands in a report: the short form (course, results against the sketch's indicators,
 * continuation) or the NBank Sachbericht attached. Its reminders stop; the office is asked to review.
 */
export default handle(route.submitReport)(async ({ params, body: input, caller, now }) => {
  const { profile } = config();
  const sketch = await retrying(async () => {
    const followUp = await loadFollowUp(params.id, caller, { ownerOnly: true });
    const { sketch } = followUp;
    mustAllow(sketch, transitions.submitReport, 'applicant');
    const deadline = findDeadline(followUp, params.rid);
    if (input.attachmentId) await mustBeAttached(sketch.id, input.attachmentId, 'report');
    const decided = reportContent(input, expectedResults(sketch), deadline.kind);
    if ('problems' in decided) throw new InputError(httpMessages.validationFailed, decided.problems);
    return commitFollowUp({
      sketch,
      caller,
      role: 'applicant',
      now,
      transition: transitions.submitReport,
      // The budget reads what the final report gives as spent from the sketch (core/budget.ts).
      ...(deadline.kind === 'final_report'
        ? {
            update: {
              finalReport: {
                ...(decided.content.spentCents !== undefined
                  ? { spentCents: decided.content.spentCents }
                  : {}),
                submittedAt: now.toISOString(),
              },
            },
          }
        : {}),
      note: followUpNotes.reportSubmitted(deadline.label),
      deadlines: [
        {
          deadline: reportSubmitted(deadline, decided.content, caller.email, now),
          expected: deadline.revision,
        },
      ],
      mails: [
        mailTo(
          profile.office.email,
          'report-submitted',
          sketch.id,
          reportSubmittedMail(profile, sketch, deadline.label, officeFollowUpLink(sketch.id)),
          now,
        ),
      ],
    });
  });
  return { status: 200, body: followUpDoc(await getFollowUpAfter(sketch), now) };
});
