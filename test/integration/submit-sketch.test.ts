import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo, ses } from '../../functions/platform/clients.ts';
import { config } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { keys } from '../../functions/store/keys.ts';
import { type Caller, mailsTo, signIn, startApi, uniqueEmail, validSketch } from '../support/api.ts';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => {
  ses().middlewareStack.remove('sesOutage');
  dynamo().middlewareStack.remove('dynamoFault');
});

/** SES answers every send with a service error, as during an outage (injected at the SDK's middleware stack). */
function sesOutage() {
  ses().middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $fault: 'server' });
    },
    { step: 'initialize', name: 'sesOutage' },
  );
}

async function sketchItems(id: string) {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sketch(id).pk },
    }),
  );
  return Items ?? [];
}

async function outboxFor(email: string) {
  const { Items } = await documents().send(
    new QueryCommand({
      TableName: config().TABLE_NAME,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `MAILTO#${email}` },
    }),
  );
  return Items ?? [];
}

const submit = (caller: Caller, body: unknown, key = crypto.randomUUID()) =>
  caller.call<{ id: string; status: string; message?: string; fields?: unknown }>(
    'POST',
    '/api/sketches',
    body,
    {
      'idempotency-key': key,
    },
  );

describe('submitting a sketch', () => {
  it('stores the sketch with its audit event and mails the applicant a German confirmation with the content', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    // Act
    const answer = await submit(applicant, validSketch());
    // Assess
    expect(answer.status).toBe(201);
    const items = await sketchItems(answer.body.id);
    expect(items.map((i) => i.sk).sort()).toEqual([expect.stringMatching(/^EVENT#/), 'SKETCH']);
    expect(items.find((i) => i.sk === 'SKETCH')).toMatchObject({
      ...validSketch(),
      status: 'submitted',
      ownerEmail: email,
    });
    expect(items.find((i) => i.sk !== 'SKETCH')).toMatchObject({
      transition: 'submit',
      from: 'draft',
      to: 'submitted',
      actor: email,
    });
    const [mail] = (await mailsTo(email)).filter((m) => m.subject.startsWith('Projektskizze eingereicht'));
    expect(mail?.subject).toBe(`Projektskizze eingereicht: ${validSketch().title}`);
    expect(mail?.body.text).toContain(validSketch().summary);
    expect(mail?.body.html).toContain('Bildungswerk Weserbergland e. V.');
    expect(mail?.body.text).toContain(`http://votum.test/skizzen/${answer.body.id}`);
  });

  it('refuses bad input with German messages naming each field, and stores nothing', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    // Act
    const answer = await submit(applicant, {
      ...validSketch(),
      title: ' ',
      contactEmail: 'anna@',
      summary: 'zu kurz',
    });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([
      { field: 'title', message: 'Projekttitel: Bitte ausfüllen.' },
      {
        field: 'contactEmail',
        message:
          'E-Mail der Ansprechperson: Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@example.org).',
      },
      { field: 'summary', message: 'Kurzbeschreibung: Bitte mindestens 20 Zeichen eingeben.' },
    ]);
    expect((await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted')).toEqual([]);
  });

  it('refuses a body that is not JSON, and a submit without Idempotency-Key, with 4xx and a German message', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    // Act
    const notJson = await applicant.call('POST', '/api/sketches', '{"title":', {
      'idempotency-key': crypto.randomUUID(),
    });
    const noKey = await applicant.call('POST', '/api/sketches', validSketch());
    const unknownField = await submit(applicant, { ...validSketch(), budget: 5 });
    // Assess
    expect(notJson).toMatchObject({
      status: 400,
      body: { message: 'Die Anfrage enthält kein gültiges JSON.' },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/Idempotency-Key/);
    expect(unknownField.status).toBe(400);
  });

  it('with the same Idempotency-Key twice creates one sketch and one mail, and answers the same', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    const key = crypto.randomUUID();
    // Act
    const first = await submit(applicant, validSketch(), key);
    const second = await submit(applicant, validSketch(), key);
    // Assess
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect((await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted')).toHaveLength(1);
  });

  it('with the same Idempotency-Key for other content is refused', async () => {
    // Prepare
    const applicant = await signIn(api.url, uniqueEmail());
    const key = crypto.randomUUID();
    await submit(applicant, validSketch(), key);
    // Act
    const changed = await submit(applicant, { ...validSketch(), title: 'Ein ganz anderes Projekt' }, key);
    // Assess
    expect(changed.status).toBe(422);
    expect(changed.body.message).toMatch(/bereits für andere Daten verwendet/);
  });

  it('stores nothing at all when DynamoDB fails the transaction', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand') {
          throw Object.assign(new Error('Internal Server Error'), {
            name: 'InternalServerError',
            $fault: 'server',
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'dynamoFault' },
    );
    // Act
    const answer = await submit(applicant, validSketch());
    // Assess
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe(
      'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
    );
    expect(JSON.stringify(answer.body)).not.toMatch(/InternalServerError|at /);
    expect((await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted')).toEqual([]);
  });
});

describe('the confirmation mail when SES is down', () => {
  it('stays in the outbox, and the job sends it later exactly once', async () => {
    // Prepare
    const email = uniqueEmail();
    const applicant = await signIn(api.url, email);
    sesOutage();
    // Act: submit during the outage
    const answer = await submit(applicant, validSketch());
    // Assess: the sketch is stored, the mail waits
    expect(answer.status).toBe(201);
    const [pending] = (await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted');
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('Service Unavailable'),
    });
    expect((await mailsTo(email)).filter((m) => m.subject.startsWith('Projektskizze'))).toEqual([]);

    // Act: SES is back; the mail is due again after its back-off, then the job runs twice at the same time, and once more
    ses().middlewareStack.remove('sesOutage');
    const { clock } = await import('../../functions/platform/clock.ts');
    clock.advance(3 * 60_000);
    try {
      await Promise.all([sendOutbox(), sendOutbox()]);
      await sendOutbox();
    } finally {
      clock.reset();
    }
    // Assess
    const delivered = (await mailsTo(email)).filter((m) => m.subject.startsWith('Projektskizze'));
    expect(delivered).toHaveLength(1);
    const [sent] = (await outboxFor(email)).filter((m) => m.kind === 'sketch-submitted');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent?.gsi1pk).toBeUndefined();
  });
});

describe('the office', () => {
  it('sees submitted sketches in a list; applicants may not', async () => {
    // Prepare
    const adminEmail = uniqueEmail('office');
    await addAdmin(adminEmail, 'Test', new Date());
    const admin = await signIn(api.url, adminEmail);
    const applicant = await signIn(api.url, uniqueEmail());
    const created = await submit(applicant, {
      ...validSketch(),
      title: 'Sichtbar in der Liste der Koordinierungsstelle',
    });
    // Act
    const list = await admin.call<{ items: Array<{ id: string; title: string; status: string }> }>(
      'GET',
      '/api/admin/sketches?status=submitted&limit=100',
    );
    const denied = await applicant.call('GET', '/api/admin/sketches');
    // Assess
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: created.body.id,
        title: 'Sichtbar in der Liste der Koordinierungsstelle',
        status: 'submitted',
      }),
    );
    expect(denied.status).toBe(403);
  });

  it('can open any sketch; another applicant cannot', async () => {
    // Prepare
    const adminEmail = uniqueEmail('office');
    await addAdmin(adminEmail, 'Test', new Date());
    const admin = await signIn(api.url, adminEmail);
    const owner = await signIn(api.url, uniqueEmail());
    const stranger = await signIn(api.url, uniqueEmail('fremd'));
    const { body } = await submit(owner, validSketch());
    // Act
    const byAdmin = await admin.call('GET', `/api/sketches/${body.id}`);
    const byOwner = await owner.call('GET', `/api/sketches/${body.id}`);
    const byStranger = await stranger.call('GET', `/api/sketches/${body.id}`);
    // Assess
    expect(byAdmin).toMatchObject({ status: 200, body: { title: validSketch().title } });
    expect(byOwner.status).toBe(200);
    expect(byStranger.status).toBe(404);
  });

  it('gets a clear error for a bad list query', async () => {
    // Prepare
    const adminEmail = uniqueEmail('office');
    await addAdmin(adminEmail, 'Test', new Date());
    const admin = await signIn(api.url, adminEmail);
    // Act
    const badStatus = await admin.call('GET', '/api/admin/sketches?status=unbekannt');
    const badCursor = await admin.call('GET', '/api/admin/sketches?cursor=abc');
    // Assess
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.fields).toEqual([{ field: 'status', message: 'Status: unbekannter Wert.' }]);
    expect(badCursor.status).toBe(400);
  });
});
