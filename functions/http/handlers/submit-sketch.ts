import { randomUUID } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import * as z from 'zod/mini';
import { InputError } from '../../core/errors.ts';
import { auditEvent, next } from '../../core/lifecycle.ts';
import { de } from '../../core/messages.de.ts';
import { type SketchInput, sketchInput } from '../../core/sketch.ts';
import { deliverNow, outboxItem } from '../../mail/outbox.ts';
import { sketchSubmittedMail } from '../../mail/templates.de.ts';
import { dynamo } from '../../platform/clients.ts';
import { config } from '../../platform/config.ts';
import { createSketch, eventItem, type Sketch } from '../../store/sketches.ts';
import { parse } from '../parse.ts';
import { routes } from '../routes.ts';
import { httpHandler } from '../stack.ts';

const idempotencyKey = z.string().check(z.minLength(8), z.maxLength(100));

interface Submission {
  owner: string;
  key: string;
  sketch: SketchInput;
  now: string;
}

const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[owner, key]',
  payloadValidationJmesPath: 'sketch',
  expiresAfterSeconds: 24 * 3600,
  throwOnNoIdempotencyKey: true,
});

/**
 * Stores the sketch, its audit event and the confirmation mail in one transaction, then sends the
 * mail. Wrapped by Powertools idempotency: the same owner and Idempotency-Key store nothing new and
 * get the first answer again; the same key with other content is refused.
 */
const submit = makeIdempotent(
  async ({ owner, sketch: input, now }: Submission) => {
    const { profile, PUBLIC_URL } = config();
    const status = next('draft', 'submit', 'applicant');
    const sketch: Sketch = {
      ...input,
      id: randomUUID(),
      ownerEmail: owner,
      status,
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
      version: 1,
    };
    const mailId = randomUUID();
    await createSketch(sketch, [
      eventItem(
        auditEvent({
          sketchId: sketch.id,
          transition: 'submit',
          from: 'draft',
          to: status,
          actor: owner,
          role: 'applicant',
          at: now,
        }),
        randomUUID(),
      ),
      outboxItem({
        id: mailId,
        to: owner,
        kind: 'sketch-submitted',
        sketchId: sketch.id,
        createdAt: now,
        ...sketchSubmittedMail(profile, sketch, `${PUBLIC_URL}/skizzen/${sketch.id}`),
      }),
    ]);
    await deliverNow(mailId, new Date(now));
    return { id: sketch.id, status: sketch.status, submittedAt: now };
  },
  {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: config().TABLE_NAME,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      expiryAttr: 'expiresAt',
      awsSdkV3Client: dynamo(),
    }),
    config: idempotency,
  },
);

export const handler = httpHandler(routes.submitSketch, async ({ event, context, body, caller, now }) => {
  idempotency.registerLambdaContext(context);
  const key = idempotencyKey.safeParse(event.headers['idempotency-key']);
  if (!key.success) throw new InputError(de.http.idempotencyKeyMissing);
  const sketch = parse(sketchInput, body);
  const created = await submit({ owner: caller.email, key: key.data, sketch, now: now.toISOString() });
  return { status: 201, body: created, headers: { location: `/api/sketches/${created.id}` } };
});
