import { proseProfile } from '../../alliances/prose.ts';
import { votumLetterGivenUp } from '../../app/documents.ts';
import { actingRole, loadSketch, toDoc } from '../../app/sketches.ts';
import { sketchSeenBy, sketchViewer } from '../../app/visibility.ts';
import * as route from '../../core/contract/sketches.ts';
import { berlinDate } from '../../core/dates.ts';
import { openSteps } from '../../core/draft-check.ts';
import { normalizeDraft } from '../../core/form-draft.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** One sketch with its audit trail and next step, for its applicant or an admin. */
export default handle(route.getSketch)(async ({ params, caller, now }) => {
  const sketch = await loadSketch(params.id, caller);
  // Choices on the decision as the caller may see them (app/visibility.ts).
  const [doc, letterFailed] = await Promise.all([
    toDoc(sketchSeenBy(sketch, await sketchViewer(sketch, caller))),
    votumLetterGivenUp(sketch),
  ]);
  // The applicant's form shows each step's state at once, before it loads its own checks.
  const editing = sketch.status === 'draft' && actingRole(sketch, caller) === 'applicant';
  const steps = editing
    ? openSteps(
        normalizeDraft(sketch.draft),
        proseProfile(config().profile, config().ALLIANCE),
        berlinDate(now),
      )
    : undefined;
  return {
    status: 200,
    body: {
      ...doc,
      ...(steps ? { openSteps: steps } : {}),
      ...(letterFailed ? { letterFailed: true as const } : {}),
    },
  };
});
