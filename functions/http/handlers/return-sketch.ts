import * as z from 'zod/mini';
import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { sketchReturnedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const label = 'Hinweis für den Antragsteller';
const body = z.object({
  note: z
    .string({ error: `${label}: Bitte ausfüllen.` })
    .check(
      z.trim(),
      z.minLength(10, `${label}: Bitte mindestens 10 Zeichen eingeben.`),
      z.maxLength(3000, `${label}: Bitte höchstens 3000 Zeichen eingeben.`),
    ),
});

/** The office returns a submitted sketch for revision; the applicant gets the note by mail. */
export default handle(route.returnSketch)(async ({ params, body: raw, caller, now }) => {
  const { note } = parse(body, raw);
  const sketch = await loadSketch(params.id, caller);
  const doc = await changeSketch({
    sketch,
    caller,
    role: 'admin',
    now,
    transition: 'return',
    update: { returned: { note, at: now.toISOString(), by: caller.email } },
    note,
    mail: {
      kind: 'sketch-returned',
      content: sketchReturnedMail(config().profile, sketch.title, note, sketchLink(sketch.id, '/bearbeiten')),
    },
  });
  return { status: 200, body: doc };
});
