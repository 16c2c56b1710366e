import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { ConflictError } from '../../core/errors.ts';
import { localMessages } from '../../core/local.de.ts';
import { statementsMissing } from '../../core/local.ts';
import * as transitions from '../../core/transitions.ts';
import { sketchAcceptedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/**
 * The office finds a submitted sketch complete: it is ready for the vote. Where the profile has the
 * local step, only once every sub-region's local alliance has given its statement (core/local.ts).
 */
export default handle(route.acceptSketch)(async ({ params, caller, now }) => {
  const profile = config().profile;
  const sketch = await loadSketch(params.id, caller);
  const missing = sketch.status === 'submitted' ? statementsMissing(profile, sketch) : [];
  if (missing.length)
    throw new ConflictError(
      localMessages.refusals.statementsMissing(
        missing.map((id) => profile.subRegions.find((r) => r.id === id)?.localAlliance ?? id).join(', '),
      ),
      'statements_missing',
      { subRegionIds: missing },
    );
  const doc = await changeSketch({
    sketch,
    caller,
    role: 'admin',
    now,
    transition: transitions.accept,
    mail: {
      kind: 'sketch-accepted',
      content: sketchAcceptedMail(profile, sketch.title, sketchLink(sketch.id)),
    },
  });
  return { status: 200, body: doc };
});
