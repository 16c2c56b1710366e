import { votumLetterGivenUp } from '../../app/documents.ts';
import { actingRole, loadSketch, toDoc } from '../../app/sketches.ts';
import { sketchSeenBy, sketchViewer } from '../../app/visibility.ts';
import * as route from '../../core/contract/sketches.ts';
import { handle } from '../stack.ts';

/** One sketch with its audit trail and next step, for its applicant or an admin. */
export default handle(route.getSketch)(async ({ params, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  // Choices on the decision as the caller may see them (app/visibility.ts).
  const [doc, letterFailed] = await Promise.all([
    toDoc(sketchSeenBy(sketch, await sketchViewer(sketch, caller))),
    votumLetterGivenUp(sketch),
  ]);
  /*
   * The applicant's form shows each step's state at once, before it loads its own checks: the
   * steps its checks found open when it last sent the draft (create, save). They are not checked
   * again here, which would take the whole sketch's schemas and the profile's prose into this
   * route; the form checks the draft itself on its first use and the submit checks it in full.
   */
  const editing = sketch.status === 'draft' && actingRole(sketch, caller) === 'applicant';
  const steps = editing ? sketch.draftOpenSteps : undefined;
  return {
    status: 200,
    body: {
      ...doc,
      ...(steps ? { openSteps: steps } : {}),
      ...(letterFailed ? { letterFailed: true as const } : {}),
    },
  };
});
