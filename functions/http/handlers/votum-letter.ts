import { NotFoundError } from '../../core/errors.ts';
import * as route from '../routes.ts';
import { loadSketch } from '../sketches.ts';
import { httpHandler } from '../stack.ts';
import { votumLetter } from '../votum.ts';

/** The latest Votum letter of a sketch, for its applicant or the office. */
export const handler = httpHandler(route.votumLetter, async ({ params, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  const votum = sketch.vota?.at(-1);
  if (!votum) throw new NotFoundError('Zu dieser Skizze gibt es noch kein Votum.');
  const letter = await votumLetter(sketch, votum);
  return {
    status: 200,
    file: { bytes: letter.bytes, contentType: 'application/pdf', fileName: letter.fileName },
  };
});
