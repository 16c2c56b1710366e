import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { ConflictError } from '../../core/errors.ts';
import { sketchMessages } from '../../core/sketches.de.ts';
import { sketchAcceptedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The office finds a submitted sketch complete: it is ready for the vote. Only with the local
 * alliance's endorsement confirmed, since a sketch without it cannot be put to the vote.
 */
export default handle(route.acceptSketch)(async ({ params, caller, now }) => {
  const sketch = await loadSketch(params.id, caller);
  if (sketch.status === 'submitted' && !sketch.endorsement)
    throw new ConflictError(sketchMessages.refusals.endorsementMissing, 'endorsement_missing');
  const doc = await changeSketch({
    sketch,
    caller,
    role: 'admin',
    now,
    transition: 'accept',
    mail: {
      kind: 'sketch-accepted',
      content: sketchAcceptedMail(config().profile, sketch.title, sketchLink(sketch.id)),
    },
  });
  return { status: 200, body: doc };
});
