import { NotFoundError } from '../../core/errors.ts';
import { getSketch } from '../../store/sketches.ts';
import { routes } from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** One sketch, for its applicant or an admin. Others get 404, so ids reveal nothing. */
export const handler = httpHandler(routes.getSketch, async ({ params, caller }) => {
  const sketch = params.id ? await getSketch(params.id) : undefined;
  const allowed = sketch && (caller.roles.includes('admin') || sketch.ownerEmail === caller.email);
  if (!sketch || !allowed)
    throw new NotFoundError('Diese Projektskizze gibt es nicht, oder Sie dürfen sie nicht sehen.');
  return { status: 200, body: sketch };
});
