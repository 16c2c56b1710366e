import { loadSketch, toDoc } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { handle } from '../stack.ts';

/** One sketch with its audit trail and next step, for its applicant or an admin. */
export default handle(route.getSketch)(async ({ params, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  return { status: 200, body: await toDoc(sketch) };
});
