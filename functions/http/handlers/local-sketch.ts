import { loadLocalSketch, localSketchDoc } from '../../app/local.ts';
import * as route from '../../core/contract/local.ts';
import { handle } from '../stack.ts';

/** One sketch of the caller's sub-regions, read-only, for its statement. */
export default handle(route.localSketch)(async ({ params, caller }) => {
  const { sketch, mine } = await loadLocalSketch(params.id, caller);
  return { status: 200, body: localSketchDoc(sketch, mine) };
});
