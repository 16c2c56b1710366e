import { votumLetterGivenUp } from '../../app/documents.ts';
import { loadSketch, toDoc } from '../../app/sketches.ts';
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
  return { status: 200, body: { ...doc, ...(letterFailed ? { letterFailed: true as const } : {}) } };
});
