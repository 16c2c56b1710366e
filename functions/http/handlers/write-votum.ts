import * as z from 'zod/mini';
import { votumLetter } from '../../app/documents.ts';
import { fundingWaitItem } from '../../app/followup.ts';
import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/votes.ts';
import { ConflictError, InputError } from '../../core/errors.ts';
import { assessments, type Votum, votumDecisions, votumTransition } from '../../core/vote.ts';
import { votumMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { documentIds } from '../../store/documents.ts';
import { parse } from '../parse.ts';
import { handle } from '../stack.ts';

const body = z.object({
  decision: z.enum(votumDecisions, {
    error: 'Entscheidung: Bitte befürwortet, nicht befürwortet oder zurückgestellt wählen.',
  }),
  conditions: z.optional(z.string().check(z.trim(), z.maxLength(3000, 'Auflagen: höchstens 3000 Zeichen.'))),
  criteria: z.array(
    z.object({
      id: z.string(),
      assessment: z.enum(assessments, {
        error: 'Kriterium: Bitte erfüllt, nicht erfüllt oder nicht bewertet wählen.',
      }),
    }),
  ),
  justification: z
    .string({ error: 'Begründung: Bitte ausfüllen.' })
    .check(
      z.trim(),
      z.minLength(20, 'Begründung: Bitte mindestens 20 Zeichen eingeben.'),
      z.maxLength(5000, 'Begründung: höchstens 5000 Zeichen.'),
    ),
});

/**
 * The office writes the Votum from the steering group's outcome: the sketch is endorsed, not
 * endorsed, or deferred to the next round. Its letter is ordered in the same transaction as the
 * change, with the applicant's mail held for it; the render job makes the PDF, stores it and sends
 * the mail with it (store/documents.ts).
 */
export default handle(route.writeVotum)(async ({ params, body: raw, caller, now }) => {
  const input = parse(body, raw);
  const { profile } = config();
  const sketch = await loadSketch(params.id, caller);
  if (!sketch.outcome || sketch.status !== 'in_vote')
    throw new ConflictError(
      'Für diese Skizze liegt noch kein Ergebnis der Lenkungsgruppe vor (Umlaufverfahren oder Sitzung).',
      'no_outcome',
    );
  input.criteria.forEach((c, i) => {
    if (!profile.criteria.some((known) => known.id === c.id))
      throw new InputError(`Kriterium „${c.id}“ gibt es nicht.`, [
        { field: `criteria.${i}.id`, message: `Kriterium „${c.id}“ gibt es nicht.` },
      ]);
  });
  const votum: Votum = {
    decision: input.decision,
    ...(input.conditions ? { conditions: input.conditions } : {}),
    criteria: input.criteria,
    justification: input.justification,
    writtenBy: caller.email,
    writtenAt: now.toISOString(),
    outcome: sketch.outcome,
  };
  const vota = [...(sketch.vota ?? []), votum];
  const letter = await votumLetter(sketch, votum);
  const deferred = input.decision === 'deferred';
  const { outcome: _decided, ...rest } = sketch;
  const doc = await changeSketch({
    sketch: deferred ? rest : sketch,
    caller,
    role: 'admin',
    now,
    transition: votumTransition[input.decision],
    update: { vota },
    // An endorsement starts the wait for the NBank's decision (its reminders: core/followup.ts).
    also: input.decision === 'endorsed' ? [fundingWaitItem(sketch, caller.email, now)] : [],
    note: `Votum: ${input.decision}`,
    mail: {
      kind: 'votum',
      content: votumMail(profile, sketch.title, input.decision, sketchLink(sketch.id)),
      documents: [{ id: documentIds.votumLetter(sketch.id, vota.length), document: letter }],
    },
  });
  return { status: 200, body: doc };
});
