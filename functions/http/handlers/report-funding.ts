import {
  commitFollowUp,
  followUpDoc,
  getFollowUpAfter,
  loadFollowUp,
  mailTo,
  mustAllow,
  mustBeAttached,
  officeFollowUpLink,
  projectOf,
  requestedOf,
  retrying,
} from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { berlinDate } from '../../core/dates.ts';
import {
  decisionLines,
  fundingDeadlineId,
  fundingDecisionDue,
  fundingDifferences,
  fundingReported,
  newDeadline,
  reportedDecision,
} from '../../core/followup.ts';
import * as followUpNotes from '../../core/followup-texts/notes.de.ts';
import * as transitions from '../../core/transitions.ts';
import { fundingReportedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The applicant reports the NBank's decision (approved with amount and runtime, or rejected),
 * optionally with the copy of the notice attached. The wait for it ends; the office is asked to
 * confirm, with the differences from the sketch in its mail.
 */
export default handle(route.reportFunding)(async ({ params, body: input, caller, now }) => {
  const { profile } = config();
  const sketch = await retrying(async () => {
    const { sketch, deadlines } = await loadFollowUp(params.id, caller, { ownerOnly: true });
    mustAllow(sketch, transitions.reportFunding, 'applicant');
    if (input.attachmentId) await mustBeAttached(sketch.id, input.attachmentId, 'funding_decision');
    const decision = reportedDecision(input, caller.email, now);
    const wait = deadlines.find((d) => d.id === fundingDeadlineId);
    // A sketch endorsed before the wait was armed has none: it gets one, already answered.
    const current =
      wait ??
      newDeadline({
        sketchId: sketch.id,
        id: fundingDeadlineId,
        kind: 'funding_decision',
        due: fundingDecisionDue(berlinDate(now), profile.reports),
        project: projectOf(sketch),
        by: caller.email,
        now,
      });
    const differences = fundingDifferences(requestedOf(sketch), decision)?.lines ?? [];
    return commitFollowUp({
      sketch,
      caller,
      role: 'applicant',
      now,
      transition: transitions.reportFunding,
      update: { fundingDecision: decision },
      note: followUpNotes.fundingReported(decision.outcome),
      deadlines: [{ deadline: fundingReported(current), expected: wait ? wait.revision : 'new' }],
      mails: [
        mailTo(
          profile.office.email,
          'funding-reported',
          sketch.id,
          fundingReportedMail(
            profile,
            sketch,
            decisionLines(profile.names, decision),
            differences,
            officeFollowUpLink(sketch.id),
          ),
          now,
        ),
      ],
    });
  });
  return { status: 200, body: followUpDoc(await getFollowUpAfter(sketch), now) };
});
