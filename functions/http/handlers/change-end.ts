import {
  commitFollowUp,
  followUpDoc,
  followUpLink,
  getFollowUpAfter,
  loadFollowUp,
  mailTo,
  mustAllow,
  projectEnd,
  retrying,
} from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { finalReportDue, finalReportId, moveDue } from '../../core/followup.ts';
import * as followUpErrors from '../../core/followup-texts/errors.de.ts';
import * as followUpInput from '../../core/followup-texts/input.de.ts';
import * as followUpNotes from '../../core/followup-texts/notes.de.ts';
import * as transitions from '../../core/transitions.ts';
import { endChangedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The office corrects the project's end (e.g. after an NBank change notice): every deadline that
 * follows from it moves (the final report), its reminders armed again for the new date.
 */
export default handle(route.changeEnd)(async ({ params, body: input, caller, now }) => {
  const { profile } = config();
  const sketch = await retrying(async () => {
    const { sketch, deadlines } = await loadFollowUp(params.id, caller);
    mustAllow(sketch, transitions.changeEnd, 'admin');
    const decision = sketch.fundingDecision;
    const end = projectEnd(sketch);
    if (!end || !decision) throw new ConflictError(followUpErrors.notConfirmed, 'not_confirmed');
    if (decision.start && input.end < decision.start) {
      const message = followUpInput.endBeforeStart;
      throw new InputError(message, [{ field: 'end', message }]);
    }
    if (input.end === end) return sketch;
    const due = finalReportDue(input.end, profile.reports);
    const final = deadlines.find((d) => d.id === finalReportId);
    const change = {
      from: end,
      to: input.end,
      at: now.toISOString(),
      by: caller.email,
      ...(input.note ? { note: input.note } : {}),
    };
    return commitFollowUp({
      sketch,
      caller,
      role: 'admin',
      now,
      transition: transitions.changeEnd,
      update: {
        fundingDecision: {
          ...decision,
          end: input.end,
          endChanges: [...(decision.endChanges ?? []), change],
        },
      },
      note: followUpNotes.endChanged(end, input.end, input.note),
      deadlines: final
        ? [
            {
              deadline: moveDue(final, due, {
                by: caller.email,
                now,
                reason: followUpNotes.movedByEndChange,
              }),
              expected: final.revision,
            },
          ]
        : [],
      mails: [
        mailTo(
          sketch.ownerEmail,
          'end-changed',
          sketch.id,
          endChangedMail(
            profile,
            sketch.title,
            { from: end, to: input.end, finalReportDue: due, note: input.note },
            followUpLink(sketch.id),
          ),
          now,
        ),
      ],
    });
  });
  return { status: 200, body: followUpDoc(await getFollowUpAfter(sketch), now) };
});
