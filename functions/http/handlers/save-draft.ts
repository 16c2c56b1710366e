import * as z from 'zod/mini';
import * as route from '../../core/contract/sketches.ts';
import { NotFoundError } from '../../core/errors.ts';
import { sketchDraft } from '../../core/sketch-full.ts';
import { saveDraft } from '../../store/sketches.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const body = z.object({
  version: z
    .int({ error: 'version: Bitte die Fassung angeben, auf der die Änderung beruht.' })
    .check(z.gte(1)),
  draft: sketchDraft,
});

/**
 * Autosave: stores the draft as typed, if nobody saved since the version the page holds. A second
 * tab's save gets 409 `version_conflict` with the current version instead of overwriting.
 */
export default handle(route.saveDraft)(async ({ params, body: raw, caller, now }) => {
  const { version, draft } = parse(body, raw);
  const saved = params.id
    ? await saveDraft(params.id, caller.email, version, draft, now.toISOString())
    : undefined;
  if (!saved) throw new NotFoundError('Diese Projektskizze gibt es nicht, oder Sie dürfen sie nicht sehen.');
  return { status: 200, body: saved };
});
