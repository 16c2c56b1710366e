import { documentFile } from '../../app/documents.ts';
import { loadSketch } from '../../app/sketches.ts';
import * as route from '../../core/contract/votes.ts';
import { documentMessages } from '../../core/documents.de.ts';
import { documentIds, getDocument } from '../../store/documents.ts';
import { handle } from '../stack.ts';

/**
 * The record of a circulation decision on a sketch, for its applicant or the office: of the vote
 * named, else of the circulation vote whose outcome the sketch holds.
 */
export default handle(route.circulationRecord)(async ({ params, query, caller }) => {
  const sketch = await loadSketch(params.id, caller);
  const voteId = query.vote ?? (sketch.outcome?.source === 'circulation' ? sketch.outcome.voteId : undefined);
  const record = voteId ? await getDocument(documentIds.circulationRecord(sketch.id, voteId)) : undefined;
  return { status: 200, file: documentFile(record, documentMessages.noCirculationRecord) };
});
