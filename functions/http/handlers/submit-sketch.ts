import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { changeSketch, loadSketch, sketchLink } from '../../app/sketches.ts';
import * as route from '../../core/contract/sketches.ts';
import { berlinDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { de } from '../../core/messages.de.ts';
import { fieldErrors } from '../../core/sketch.ts';
import { sketchFacts } from '../../core/sketch-doc.ts';
import { sketchSchema } from '../../core/sketch-full.ts';
import { sketchSubmittedMail } from '../../mail/templates.de.ts';
import { dynamo } from '../../platform/clients.ts';
import { config } from '../../platform/config.ts';
import { keys } from '../../store/keys.ts';
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
  caller: Caller;
  now: string;
}

/**
 * Checks the stored draft against every rule of the profile, then stores the submitted version,
 * the new state, the audit event and the confirmation mail (the full record) in one transaction.
 * A retry with the same Idempotency-Key answers the same without storing anything again.
 */
const submit = makeIdempotent(
  async ({ id, version, caller, now }: Submission) => {
    const { profile } = config();
    const sketch = await loadSketch(id, caller, { ownerOnly: true });
    if (sketch.version !== version || sketch.status !== 'draft') throw staleError(sketch, version);
    const checked = sketchSchema(profile, berlinDate(new Date(now))).safeParse(sketch.draft);
    if (!checked.success) throw new InputError(de.http.validationFailed, fieldErrors(checked.error));
    const n = sketch.submissions.length + 1;
    return changeSketch({
      sketch,
      caller,
      role: 'applicant',
      now: new Date(now),
      transition: 'submit',
      update: {
        draft: checked.data,
        ...sketchFacts(checked.data),
        submittedAt: now,
        submissions: [...sketch.submissions, { n, submittedAt: now }],
      },
      mail: {
        kind: 'sketch-submitted',
        content: sketchSubmittedMail(profile, checked.data, { n, at: now }, sketchLink(id)),
      },
      also: [versionItem(id, n, now, checked.data)],
    });
  },
  {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: config().TABLE_NAME,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      // One partition for the sketch requests' records (store/keys.ts): they hold the answer, with
      // the applicant's data, so an erasure finds and deletes them (app/privacy.ts).
      staticPkValue: keys.idempotentSketchRequests,
      expiryAttr: 'expiresAt',
      awsSdkV3Client: dynamo(),
    }),
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
    caller,
    now: now.toISOString(),
  });
  return { status: 200, body: doc };
});
