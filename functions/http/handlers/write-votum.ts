import { loadCriteria } from '../../alliances/criteria.ts';
import { votumLetter } from '../../app/documents.ts';
import { fundingWaitItem } from '../../app/followup.ts';
import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import { decide } from '../../app/vote-errors.ts';
import * as route from '../../core/contract/votes.ts';
import { berlinDate } from '../../core/dates.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { fileReference } from '../../core/reference.ts';
import {
  outcomeLabels,
  type Votum,
  votumCriteria,
  votumDecisionLabels,
  votumDecisionOf,
  votumTransition,
} from '../../core/vote.ts';
import * as votumMessages from '../../core/vote-texts/votum.de.ts';
import { votumMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { documentIds } from '../../store/documents.ts';
import { nextReferenceNumber } from '../../store/references.ts';
import { handle } from '../stack.ts';

/**
 * The office writes the Votum from the steering group's outcome: the decision follows from it
 * (endorsed, not endorsed, or deferred to the next round without consensus or quorum) and cannot
 * be set against it; the office adds the conditions, the justification and the assessment of every
 * criterion of the profile (all of them above the cost cap). Its letter is ordered in the same transaction as the
 * change, with the applicant's mail held for it; the render job makes the PDF, stores it and sends
 * the mail with it (store/documents.ts).
 */
export default handle(route.writeVotum)(async ({ params, body: input, caller, now }) => {
  const { profile, ALLIANCE } = config();
  const sketch = await loadSketch(params.id, caller);
  if (!sketch.outcome || sketch.status !== 'vote_closed')
    throw new ConflictError(votumMessages.noOutcome(profile.names), 'no_outcome');
  // The decision follows from the outcome; the office writes the reasons, never a contradicting decision.
  const decision = votumDecisionOf(sketch.outcome.result);
  if (input.decision && input.decision !== decision) {
    const message = votumMessages.contradicts(
      profile.names,
      votumDecisionLabels[input.decision],
      outcomeLabels[sketch.outcome.result],
    );
    throw new InputError(message, [{ field: 'decision', message }]);
  }
  const criteria = decide(() =>
    votumCriteria(
      input.criteria,
      { criteria: loadCriteria(ALLIANCE), funding: profile.funding },
      sketch.costCents,
    ),
  );
  const votum: Votum = {
    decision,
    ...(input.conditions ? { conditions: input.conditions } : {}),
    criteria,
    justification: input.justification,
    writtenBy: caller.email,
    writtenAt: now.toISOString(),
    outcome: sketch.outcome,
  };
  const vota = [...(sketch.vota ?? []), votum];
  // The file reference: the sketch's own from its first Votum on (a deferred one's next Votum keeps it).
  const year = Number(berlinDate(now).slice(0, 4));
  const reference =
    sketch.reference ?? fileReference(profile.office.referencePattern, year, await nextReferenceNumber(year));
  const letter = await votumLetter(sketch, votum, reference);
  const deferred = decision === 'deferred';
  const { outcome: _decided, ...rest } = sketch;
  const doc = await changeSketch({
    sketch: deferred ? rest : sketch,
    caller,
    role: 'admin',
    now,
    transition: votumTransition[decision],
    update: { vota, reference },
    // An endorsement starts the wait for the NBank's decision (its reminders: core/followup.ts).
    also: decision === 'endorsed' ? [fundingWaitItem(sketch, caller.email, now)] : [],
    note: votumMessages.note(decision),
    mail: {
      kind: 'votum',
      content: votumMail(profile, sketch.title, decision, sketchLink(sketch.id)),
      documents: [{ id: documentIds.votumLetter(sketch.id, vota.length), document: letter }],
    },
  });
  return { status: 200, body: doc };
});
