import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { proseProfile } from '../../alliances/prose.ts';
import { adminListLink, adminSketchLink, officeMail, ownerMail } from '../../app/notices.ts';
import { commitSketchChange, loadSketch, sketchLink, toDoc } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { berlinDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import * as httpMessages from '../../core/http-messages.de.ts';
import { noticeMessages as m } from '../../core/notices.de.ts';
import { nextDigestAt } from '../../core/notices.ts';
import { fieldErrors } from '../../core/sketch.ts';
import { sketchFacts } from '../../core/sketch-doc.ts';
import { sketchSchema } from '../../core/sketch-full.ts';
import * as transitions from '../../core/transitions.ts';
import { sketchSubmittedMail, submissionsMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { sketchRequestsPersistence } from '../../store/idempotent-answers.ts';
import { submissionNoticeItem, submissionNoticeSetting } from '../../store/notices.ts';
import { staleError, versionItem } from '../../store/sketches.ts';
import { idempotencyKeyOf } from '../idempotency.ts';
import { type Caller, handle } from '../stack.ts';

const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[owner, id, key]',
  payloadValidationJmesPath: 'version',
  expiresAfterSeconds: 24 * 3600,
  throwOnNoIdempotencyKey: true,
});

interface Submission {
  owner: string;
  id: string;
  key: string;
  version: number;
  changeNote?: string | undefined;
  caller: Caller;
  now: string;
}

/**
 * Checks the stored draft against every rule of the profile, then stores the submitted version,
 * the new state, the audit event and the confirmation mail (the full record) in one transaction.
 * A retry with the same Idempotency-Key answers the same without storing anything again.
 */
const submit = makeIdempotent(
  async ({ id, version, changeNote, caller, now }: Submission) => {
    // The goals and districts the rules check and the steps' notes the confirmation lists.
    const { profile: running, ALLIANCE } = config();
    const profile = proseProfile(running, ALLIANCE);
    const sketch = await loadSketch(id, caller, { ownerOnly: true });
    if (sketch.version !== version || sketch.status !== 'draft') throw staleError(sketch, version);
    const checked = sketchSchema(profile, berlinDate(new Date(now))).safeParse(sketch.draft);
    if (!checked.success) throw new InputError(httpMessages.validationFailed, fieldErrors(checked.error));
    const n = sketch.submissions.length + 1;
    const at = new Date(now);
    // A note on what changed belongs to a resubmission; the office reads it (mail or digest).
    const note = n > 1 && changeNote ? changeNote : undefined;
    const notice = {
      sketchId: id,
      at: now,
      title: checked.data.project.title,
      organisation: checked.data.applicant.organisation,
      n,
      ...(note ? { changeNote: note } : {}),
    };
    const { mode } = await submissionNoticeSetting();
    const record = await commitSketchChange({
      sketch,
      caller,
      role: 'applicant',
      now: at,
      transition: transitions.submit,
      update: {
        draft: checked.data,
        ...sketchFacts(checked.data),
        submittedAt: now,
        submissions: [...sketch.submissions, { n, submittedAt: now, ...(note ? { changeNote: note } : {}) }],
      },
      ...(note ? { note: m.changeNoteEvent(note) } : {}),
      mails: [
        ownerMail(
          sketch,
          'sketch-submitted',
          sketchSubmittedMail(profile, checked.data, { n, at: now }, sketchLink(id)),
          at,
        ),
        ...(mode === 'each'
          ? [
              officeMail(
                'submission',
                submissionsMail(profile, [{ ...notice, link: adminSketchLink(id) }], adminListLink()),
                at,
                id,
              ),
            ]
          : []),
      ],
      also: [
        versionItem(id, n, now, checked.data),
        ...(mode === 'digest' ? [submissionNoticeItem(notice, nextDigestAt(at))] : []),
      ],
    });
    return toDoc(record);
  },
  {
    // One partition for both sketch requests' records, each answer indexed by its owner, so an
    // erasure finds and deletes theirs (store/idempotent-answers.ts, app/privacy.ts).
    persistenceStore: sketchRequestsPersistence(),
    config: idempotency,
  },
);

export default handle(route.submitSketch)(async ({ event, context, params, body, caller, now }) => {
  idempotency.registerLambdaContext(context);
  const key = idempotencyKeyOf(event);
  const doc = await submit({
    owner: caller.email,
    id: params.id,
    key,
    version: body.version,
    changeNote: body.changeNote,
    caller,
    now: now.toISOString(),
  });
  return { status: 200, body: doc };
});
