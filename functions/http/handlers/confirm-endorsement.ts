import { changeSketch, loadSketch, toDoc } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { ConflictError } from '../../core/errors.ts';
import { de } from '../../core/messages.de.ts';
import { sketchMessages } from '../../core/sketches.de.ts';
import { handle } from '../stack.ts';

/** The office confirms that the local alliance endorses the sketch (recorded, state unchanged). */
export default handle(route.confirmEndorsement)(async ({ params, body, caller, now }) => {
  const { note } = body;
  const sketch = await loadSketch(params.id, caller);
  if (sketch.endorsement) return { status: 200, body: await toDoc(sketch) };
  if (sketch.status !== 'submitted' && sketch.status !== 'ready_for_vote')
    throw new ConflictError(
      sketchMessages.refusals.endorsementWrongStatus(de.status[sketch.status]),
      'wrong_status',
    );
  const doc = await changeSketch({
    sketch,
    caller,
    role: 'admin',
    now,
    transition: 'confirm_endorsement',
    update: {
      endorsement: { confirmedAt: now.toISOString(), confirmedBy: caller.email, ...(note ? { note } : {}) },
    },
    ...(note ? { note } : {}),
  });
  return { status: 200, body: doc };
});
