import { actingRole, changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import * as transitions from '../../core/transitions.ts';
import { sketchWithdrawnMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** Withdraws a sketch before its Votum, by its applicant or the office; the applicant is told. */
export default handle(route.withdrawSketch)(async ({ params, body, caller, now }) => {
  const { reason } = body;
  const sketch = await loadSketch(params.id, caller);
  const role = actingRole(sketch, caller);
  const title = sketch.title;
  const doc = await changeSketch({
    sketch,
    caller,
    role,
    now,
    transition: transitions.withdraw,
    update: { withdrawn: { at: now.toISOString(), by: caller.email, ...(reason ? { reason } : {}) } },
    ...(reason ? { note: reason } : {}),
    mail: {
      kind: 'sketch-withdrawn',
      content: sketchWithdrawnMail(
        config().profile,
        title,
        role === 'admin' ? 'admin' : 'applicant',
        reason,
        sketchLink(sketch.id),
      ),
    },
  });
  return { status: 200, body: doc };
});
