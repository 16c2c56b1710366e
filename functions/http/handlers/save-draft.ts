import * as route from '../../core/contract/sketches.ts';
import { NotFoundError } from '../../core/errors.ts';
import * as httpMessages from '../../core/http-messages.de.ts';
import { saveDraft } from '../../store/sketches.ts';
import { handle } from '../stack.ts';

/**
 * Autosave: stores the draft as typed (with the steps the form's checks found open in it), if nobody
 * saved since the version the page holds. A second tab's save gets 409 `version_conflict` with the
 * current version instead of overwriting.
 */
export default handle(route.saveDraft)(async ({ params, body, caller, now }) => {
  const saved = await saveDraft(
    params.id,
    caller.email,
    body.version,
    body.draft,
    now.toISOString(),
    body.openSteps,
  );
  if (!saved) throw new NotFoundError(httpMessages.sketchNotFound);
  return { status: 200, body: saved };
});
