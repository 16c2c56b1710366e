import { randomUUID } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { deliverNow } from '../../app/outbox.ts';
import { sketchLink, toDoc } from '../../app/sketches.ts';
import { sketchTransition } from '../../app/transition.ts';
import * as route from '../../core/contract/sketches.ts';
import { sketchFacts } from '../../core/sketch-doc.ts';
import type { SketchDraft, SketchSection } from '../../core/sketch-full.ts';
import { draftCreatedMail } from '../../mail/templates.de.ts';
import { config } from '../../platform/config.ts';
import { sketchRequestsPersistence } from '../../store/idempotent-answers.ts';
import { outboxItem } from '../../store/outbox.ts';
import { type SketchRecord, writeChange } from '../../store/sketches.ts';
import { idempotencyKeyOf } from '../idempotency.ts';
import { handle } from '../stack.ts';

const idempotency = new IdempotencyConfig({
  eventKeyJmesPath: '[owner, key]',
  // The same key with another draft is a client's mistake, not a retry: 422, as docs/api.md says.
  payloadValidationJmesPath: 'draft',
  expiresAfterSeconds: 24 * 3600,
  throwOnNoIdempotencyKey: true,
});

/**
 * Starts a draft and mails its owner the link to resume it. Idempotent per owner and
 * Idempotency-Key, so a double click or a retried request starts one draft, not two.
 */
const create = makeIdempotent(
  async ({
    owner,
    draft,
    openSteps,
    now,
  }: {
    owner: string;
    key: string;
    draft: SketchDraft;
    openSteps: SketchSection[] | undefined;
    now: string;
  }) => {
    const record: SketchRecord = {
      id: randomUUID(),
      ownerEmail: owner,
      status: 'draft',
      version: 1,
      createdAt: now,
      updatedAt: now,
      draft,
      submissions: [],
      ...sketchFacts(draft),
      ...(openSteps ? { draftOpenSteps: openSteps } : {}),
    };
    const mailId = randomUUID();
    const created = sketchTransition({
      sketch: undefined,
      transition: 'create',
      role: 'applicant',
      actor: owner,
      at: new Date(now),
      update: record,
    });
    await writeChange([
      ...created.items,
      outboxItem({
        id: mailId,
        to: owner,
        kind: 'draft-created',
        sketchId: record.id,
        createdAt: now,
        ...draftCreatedMail(config().profile, sketchLink(record.id, '/bearbeiten')),
      }),
    ]);
    await deliverNow(mailId, new Date(now));
    return toDoc(record);
  },
  {
    // One partition for both sketch requests' records, each answer indexed by its owner, so an
    // erasure finds and deletes theirs (store/idempotent-answers.ts, app/privacy.ts).
    persistenceStore: sketchRequestsPersistence(),
    config: idempotency,
  },
);

export default handle(route.createSketch)(async ({ event, context, body, caller, now }) => {
  idempotency.registerLambdaContext(context);
  const key = idempotencyKeyOf(event);
  const doc = await create({
    owner: caller.email,
    key,
    draft: body.draft,
    openSteps: body.openSteps,
    now: now.toISOString(),
  });
  return { status: 201, body: doc, headers: { location: `/api/sketches/${doc.id}` } };
});
