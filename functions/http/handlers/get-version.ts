import { loadSketch } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { NotFoundError } from '../../core/errors.ts';
import { noSuchVersion } from '../../core/sketches.de.ts';
import { getVersion } from '../../store/sketches.ts';
import { handle } from '../stack.ts';

/** The n-th submitted version, exactly as it was submitted. */
export default handle(route.getVersion)(async ({ params, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  const version = await getVersion(sketch.id, params.n);
  if (!version) throw new NotFoundError(noSuchVersion(params.n));
  return { status: 200, body: version };
});
