import { randomUUID } from 'node:crypto';
import type { LocalSketchDoc } from '../core/contract/local-answers.ts';
import { ConflictError, InputError, NotFoundError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import { localMessages as m } from '../core/local.de.ts';
import {
  type LocalStatement,
  type LocalVerdict,
  mayLocalSee,
  noteRequired,
  statementRefusal,
} from '../core/local.ts';
import { statusLabels } from '../core/messages.de.ts';
import * as transitions from '../core/transitions.ts';
import { localStatementMail } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import { getSketch, type SketchRecord } from '../store/sketches.ts';
import { type Caller, callerSubRegions } from './caller.ts';
import { commitSketchChange, sketchLink } from './sketches.ts';

/*
 * The local alliances' workspace (core/local.ts has the rules): a sketch as a local alliance may
 * read it, and its statement, stored with its audit event and its two mails in one transaction.
 */

/** The sketch if it touches one of the caller's sub-regions and is past the draft; else 404, so ids reveal nothing. */
export async function loadLocalSketch(
  id: string,
  caller: Caller,
): Promise<{ sketch: SketchRecord; mine: string[] }> {
  const [sketch, mine] = await Promise.all([getSketch(id), callerSubRegions(caller)]);
  if (!sketch || !mayLocalSee(sketch, mine)) throw new NotFoundError(httpMessages.sketchNotFound);
  return { sketch, mine };
}

/** What a local alliance reads of a sketch: the draft and the statements, never the owner's address or the trail. */
export const localSketchDoc = (sketch: SketchRecord, mine: readonly string[]): LocalSketchDoc => ({
  id: sketch.id,
  status: sketch.status,
  ...(sketch.submittedAt ? { submittedAt: sketch.submittedAt } : {}),
  draft: sketch.draft,
  localStatements: sketch.localStatements ?? [],
  mySubRegionIds: sketch.subRegionIds.filter((id) => mine.includes(id)),
});

export interface StatementInput {
  subRegionId: string;
  verdict: LocalVerdict;
  note: string;
}

/** Records a local alliance's statement for one sub-region: state kept, event, mails to applicant and office. */
export async function giveStatement(
  id: string,
  input: StatementInput,
  caller: Caller,
  now: Date,
): Promise<LocalSketchDoc> {
  const { sketch, mine } = await loadLocalSketch(id, caller);
  const refusal = statementRefusal(sketch, input.subRegionId, mine);
  if (refusal === 'not_yours')
    throw new InputError(httpMessages.validationFailed, [
      { field: 'subRegionId', message: m.refusals.notYours },
    ]);
  if (refusal === 'wrong_status')
    throw new ConflictError(m.refusals.notOpen(statusLabels[sketch.status]), 'wrong_status');
  if (refusal === 'statement_given') throw new ConflictError(m.refusals.given, 'statement_given');
  if (noteRequired(input.verdict) && input.note.length < 10)
    throw new InputError(httpMessages.validationFailed, [{ field: 'note', message: m.fields.noteRequired }]);

  const profile = config().profile;
  const alliance =
    profile.subRegions.find((r) => r.id === input.subRegionId)?.localAlliance ?? input.subRegionId;
  const statement: LocalStatement = { ...input, givenAt: now.toISOString(), givenBy: caller.email };
  const content = (link: string) =>
    localStatementMail(
      profile,
      { title: sketch.title, alliance, verdict: m.verdictsInline[input.verdict], note: input.note },
      link,
    );
  const mail = (to: string, link: string) => ({
    id: randomUUID(),
    to,
    kind: 'local-statement',
    sketchId: sketch.id,
    createdAt: now.toISOString(),
    ...content(link),
  });
  const updated = await commitSketchChange({
    sketch,
    caller,
    role: 'local',
    now,
    transition: transitions.localStatement,
    update: { localStatements: [...(sketch.localStatements ?? []), statement] },
    note: `${alliance}: ${m.verdicts[input.verdict]}`,
    mails: [
      mail(sketch.ownerEmail, sketchLink(sketch.id)),
      mail(
        profile.office.email,
        `${config().PUBLIC_URL}/verwaltung/skizzen/${encodeURIComponent(sketch.id)}`,
      ),
    ],
  });
  return localSketchDoc(updated, mine);
}
