import { checkSketchTrail } from '../../app/trail.ts';
import * as route from '../../core/contract/trail.ts';
import { handle } from '../stack.ts';

/** The office checks a sketch's audit trail: unchanged, or its first broken event. */
export default handle(route.checkSketchTrail)(async ({ params }) => {
  const { check } = await checkSketchTrail(params.id);
  return { status: 200, body: check };
});
