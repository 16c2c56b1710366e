import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import * as transitions from '../../core/transitions.ts';
import { sketchReturnedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** The office returns a submitted sketch for revision; the applicant gets the note by mail. */
export default handle(route.returnSketch)(async ({ params, body, caller, now }) => {
  const { note } = body;
  const sketch = await loadSketch(params.id, caller);
  const doc = await changeSketch({
    sketch,
    caller,
    role: 'admin',
    now,
    transition: transitions.return,
    update: { returned: { note, at: now.toISOString(), by: caller.email } },
    note,
    mail: {
      kind: 'sketch-returned',
      content: sketchReturnedMail(config().profile, sketch.title, note, sketchLink(sketch.id, '/bearbeiten')),
    },
  });
  return { status: 200, body: doc };
});
