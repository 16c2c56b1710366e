import * as keys from './keys.ts';
import { personHash } from './person.ts';

/*
 * Whose a stored sketch-request answer is, and its gsi2 entry by owner: shared by the write that
 * stores the answer (idempotent-answers.ts) and the migration that tags the older ones, without
 * bringing Powertools into the migration's bundle.
 */

/** The owner of a stored answer (a sketch doc, `ownerEmail`), as JSON text or as a map. */
export function answerOwner(data: unknown): string | undefined {
  let answer = data;
  if (typeof data === 'string') {
    try {
      answer = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  const owner = (answer as { ownerEmail?: unknown } | null)?.ownerEmail;
  return typeof owner === 'string' && owner ? owner : undefined;
}

/** The gsi2 entry of a stored answer: under its owner's hash, by the record's own key. */
export const answerIndex = async (owner: string, sk: string) => ({
  gsi2pk: keys.answersOf(await personHash(owner)),
  gsi2sk: sk,
});
