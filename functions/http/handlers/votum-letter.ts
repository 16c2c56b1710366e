import { documentFile } from '../../app/documents.ts';
import { loadSketch } from '../../app/sketches.ts';
import * as route from '../../core/contract/votes.ts';
import * as votumMessages from '../../core/vote-texts/votum.de.ts';
import { documentIds, getDocument } from '../../store/documents.ts';
import { handle } from '../stack.ts';

/** The latest Votum letter of a sketch, for its applicant or the office: the one that was mailed. */
export default handle(route.votumLetter)(async ({ params, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  const n = sketch.vota?.length ?? 0;
  const letter = n > 0 ? await getDocument(documentIds.votumLetter(sketch.id, n)) : undefined;
  return { status: 200, file: documentFile(letter, votumMessages.noLetter) };
});
