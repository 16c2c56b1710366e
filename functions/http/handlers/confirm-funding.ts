import {
  commitFollowUp,
  type FollowUpChange,
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
import { ConflictError } from '../../core/errors.ts';
import {
  type Deadline,
  decisionLines,
  type FundingDecision,
  finalReportDue,
  finalReportId,
  fundingConfirmed,
  fundingDeadlineId,
  moveDue,
  newDeadline,
} from '../../core/followup.ts';
import * as followUpErrors from '../../core/followup-texts/errors.de.ts';
import * as followUpNotes from '../../core/followup-texts/notes.de.ts';
import * as transitions from '../../core/transitions.ts';
import { fundingConfirmedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The office confirms the reported decision: approved → the project runs and its final report is
 * due one month after the approved end; rejected → the sketch is closed as not funded.
 */
export default handle(route.confirmFunding)(async ({ params, body: { note }, caller, now }) => {
  const { profile } = config();
  const sketch = await retrying(async () => {
    const { sketch, deadlines } = await loadFollowUp(params.id, caller);
    const reported = sketch.fundingDecision;
    if (reported?.status !== 'reported') throw new ConflictError(followUpErrors.notReported, 'not_reported');
    const approved = reported.outcome === 'approved';
    mustAllow(sketch, approved ? transitions.confirmFunding : transitions.confirmRejection, 'admin');
    const decision: FundingDecision = {
      ...reported,
      status: 'confirmed',
      confirmedBy: caller.email,
      confirmedAt: now.toISOString(),
    };
    const changed: FollowUpChange['deadlines'] = [];
    const wait = deadlines.find((d) => d.id === fundingDeadlineId);
    if (wait) changed.push({ deadline: fundingConfirmed(wait), expected: wait.revision });
    let finalDue: string | undefined;
    if (approved && decision.end) {
      finalDue = finalReportDue(decision.end, profile.reports);
      const existing = deadlines.find((d) => d.id === finalReportId);
      const final: Deadline = existing
        ? moveDue(existing, finalDue, { by: caller.email, now, reason: followUpNotes.movedByConfirmation })
        : newDeadline({
            sketchId: sketch.id,
            id: finalReportId,
            kind: 'final_report',
            due: finalDue,
            project: projectOf(sketch),
            by: caller.email,
            now,
          });
      changed.push({ deadline: final, expected: existing ? existing.revision : 'new' });
    }
    return commitFollowUp({
      sketch,
      caller,
      role: 'admin',
      now,
      transition: approved ? transitions.confirmFunding : transitions.confirmRejection,
      update: { fundingDecision: decision },
      note: note || followUpNotes.fundingConfirmed(decision.outcome),
      deadlines: changed,
      mails: [
        mailTo(
          sketch.ownerEmail,
          'funding-confirmed',
          sketch.id,
          fundingConfirmedMail(
            profile,
            sketch.title,
            decisionLines(profile.names, decision),
            finalDue,
            followUpLink(sketch.id),
          ),
          now,
        ),
      ],
    });
  });
  return { status: 200, body: followUpDoc(await getFollowUpAfter(sketch), now) };
});
