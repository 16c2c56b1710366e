import * as route from '../routes.ts';
import { loadSketch, toDoc } from '../sketches.ts';
import { httpHandler } from '../stack.ts';

/** One sketch with its audit trail and next step, for its applicant or an admin. */
export const handler = httpHandler(route.getSketch, async ({ params, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  return { status: 200, body: await toDoc(sketch) };
});
