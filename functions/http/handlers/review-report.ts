import {
  commitFollowUp,
  type FollowUpChange,
  findDeadline,
  followUpDoc,
  followUpLink,
  getFollowUpAfter,
  loadFollowUp,
  mailTo,
  mustAllow,
  retrying,
} from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { berlinDate, formatDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { cancelled, dueAfterMore, isOpen, reportReviewed } from '../../core/followup.ts';
import * as followUpInput from '../../core/followup-texts/input.de.ts';
import * as followUpLabels from '../../core/followup-texts/labels.de.ts';
import * as followUpNotes from '../../core/followup-texts/notes.de.ts';
import * as transitions from '../../core/transitions.ts';
import { projectClosedMail, reportReviewedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The office accepts a report, or asks for more with a note (the report is open again, due on the
 * same date while it is ahead, else on the date given or in two weeks). Accepting the final report
 * closes the project; interim reports still open are then no longer expected.
 */
export default handle(route.reviewReport)(async ({ params, body: input, caller, now }) => {
  const today = berlinDate(now);
  if (input.due && input.due < today) {
    const message = followUpInput.inThePast(followUpLabels.newDue, formatDate(input.due));
    throw new InputError(message, [{ field: 'due', message }]);
  }
  const { profile } = config();
  const sketch = await retrying(async () => {
    const followUp = await loadFollowUp(params.id, caller);
    const { sketch, deadlines } = followUp;
    const deadline = findDeadline(followUp, params.rid);
    const closes = input.decision === 'accepted' && deadline.kind === 'final_report';
    mustAllow(sketch, closes ? transitions.close : transitions.reviewReport, 'admin');
    const due = input.decision === 'more' ? dueAfterMore(deadline.due, input.due, today) : undefined;
    const reviewed = reportReviewed(
      deadline,
      { decision: input.decision, note: input.note, due },
      caller.email,
      now,
    );
    const changed: FollowUpChange['deadlines'] = [{ deadline: reviewed, expected: deadline.revision }];
    if (closes)
      for (const other of deadlines)
        if (other.id !== deadline.id && isOpen(other))
          changed.push({ deadline: cancelled(other), expected: other.revision });
    return commitFollowUp({
      sketch,
      caller,
      role: 'admin',
      now,
      transition: closes ? transitions.close : transitions.reviewReport,
      ...(closes && sketch.finalReport
        ? { update: { finalReport: { ...sketch.finalReport, acceptedAt: now.toISOString() } } }
        : {}),
      note: followUpNotes.reportReviewed(deadline.label, input.decision === 'accepted', input.note),
      deadlines: changed,
      mails: [
        mailTo(
          sketch.ownerEmail,
          closes ? 'project-closed' : 'report-reviewed',
          sketch.id,
          closes
            ? projectClosedMail(profile, sketch.title, followUpLink(sketch.id))
            : reportReviewedMail(
                profile,
                sketch.title,
                {
                  label: deadline.label,
                  decision: input.decision,
                  note: input.note,
                  ...(due ? { due } : {}),
                },
                followUpLink(sketch.id),
              ),
          now,
        ),
      ],
    });
  });
  return { status: 200, body: followUpDoc(await getFollowUpAfter(sketch), now) };
});
