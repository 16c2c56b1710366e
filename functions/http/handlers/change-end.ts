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
import { endChangeRequest, finalReportDue, finalReportId, moveDue } from '../../core/followup.ts';
import { endChangedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

/**
 * The office corrects the project's end (e.g. after an NBank change notice): every deadline that
 * follows from it moves (the final report), its reminders armed again for the new date.
 */
export default handle(route.changeEnd)(async ({ params, body, caller, now }) => {
  const input = parse(endChangeRequest, body);
  const { profile } = config();
  const sketch = await retrying(async () => {
    const { sketch, deadlines } = await loadFollowUp(params.id, caller);
    mustAllow(sketch, 'changeEnd', 'admin');
    const decision = sketch.fundingDecision;
    const end = projectEnd(sketch);
    if (!end || !decision)
      throw new ConflictError('Das Projekt hat keine bestätigte Bewilligung.', 'not_confirmed');
    if (decision.start && input.end < decision.start) {
      const message = 'Ende: Das Ende liegt vor dem Beginn.';
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
      transition: 'changeEnd',
      update: {
        fundingDecision: {
          ...decision,
          end: input.end,
          endChanges: [...(decision.endChanges ?? []), change],
        },
      },
      note: `Projektende ${end} → ${input.end}${input.note ? `: ${input.note}` : ''}`,
      deadlines: final
        ? [
            {
              deadline: moveDue(final, due, { by: caller.email, now, reason: 'Projektende geändert' }),
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
