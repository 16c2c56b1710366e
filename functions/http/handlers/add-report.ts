import { randomUUID } from 'node:crypto';
import {
  commitFollowUp,
  followUpDoc,
  followUpLink,
  getFollowUpAfter,
  loadFollowUp,
  mailTo,
  mustAllow,
  projectOf,
  retrying,
} from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { berlinDate, formatDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { newDeadline } from '../../core/followup.ts';
import * as followUpInput from '../../core/followup-texts/input.de.ts';
import * as followUpLabels from '../../core/followup-texts/labels.de.ts';
import * as followUpNotes from '../../core/followup-texts/notes.de.ts';
import * as transitions from '../../core/transitions.ts';
import { reportAgreedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** The office agrees an interim report with the project, due on its own date; the applicant is told. */
export default handle(route.addReport)(async ({ params, body: input, caller, now }) => {
  const today = berlinDate(now);
  if (input.due < today) {
    const message = followUpInput.inThePast(followUpLabels.due, formatDate(input.due));
    throw new InputError(message, [{ field: 'due', message }]);
  }
  const { profile } = config();
  const sketch = await retrying(async () => {
    const { sketch, deadlines } = await loadFollowUp(params.id, caller);
    mustAllow(sketch, transitions.addReport, 'admin');
    const n = deadlines.filter((d) => d.kind === 'interim_report').length + 1;
    const report = newDeadline({
      sketchId: sketch.id,
      id: `interim-${randomUUID().slice(0, 8)}`,
      kind: 'interim_report',
      label: input.label ?? followUpNotes.interimLabel(n),
      due: input.due,
      project: projectOf(sketch),
      by: caller.email,
      now,
    });
    return commitFollowUp({
      sketch,
      caller,
      role: 'admin',
      now,
      transition: transitions.addReport,
      note: followUpNotes.reportAgreed(report.label, input.due),
      deadlines: [{ deadline: report, expected: 'new' }],
      mails: [
        mailTo(
          sketch.ownerEmail,
          'report-agreed',
          sketch.id,
          reportAgreedMail(profile, sketch.title, report, followUpLink(sketch.id)),
          now,
        ),
      ],
    });
  });
  return { status: 201, body: followUpDoc(await getFollowUpAfter(sketch), now) };
});
