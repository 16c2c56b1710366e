import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo, ses } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import * as keys from '../../functions/store/keys.ts';
import { type OutboxMail, outboxItem } from '../../functions/store/outbox.ts';
import { putSuppression } from '../../functions/store/suppressions.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { uniqueEmail } from '../support/api.ts';

/*
 * Mail exactly once as far as SES allows (issue 14, item 8): a sender dies after SES accepted a mail
 * but before the outbox marked it sent, in the middle of a burst; the next run sends every mail and
 * none twice. Faults are injected at the SDK clients' middleware stacks. A table of its own, so the
 * runs count only this file's mails; the bodies' retention is tested here too (it is the same job).
 */
beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-outbox-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
});

const sesEndpoint = process.env.AWS_ENDPOINT_URL_SESV2;
afterEach(() => {
  ses().middlewareStack.remove('lostAnswer');
  dynamo().middlewareStack.remove('crashBeforeMark');
  process.env.AWS_ENDPOINT_URL_SESV2 = sesEndpoint;
  clock.reset();
});

/** The runtime dies right after SES accepted the `nth` mail of a run: the update that marks it sent never runs. */
function crashBeforeMark(nth: number) {
  let marks = 0;
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { UpdateExpression?: string };
      if (
        context.commandName === 'UpdateItemCommand' &&
        input.UpdateExpression?.startsWith('SET #status = :sent')
      ) {
        marks += 1;
        if (marks === nth) throw new Error('runtime killed');
      }
      return next(args);
    },
    { step: 'initialize', name: 'crashBeforeMark' },
  );
}

/** SES accepts the mail, but its answer never arrives (the connection drops after the request went out). */
function lostAnswer() {
  ses().middlewareStack.add(
    (next) => async (args) => {
      await next(args);
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    },
    { step: 'deserialize', name: 'lostAnswer' },
  );
}

/** What the local SES server received for `to`. */
async function received(to: string): Promise<{ subject: string; body: { text?: string } }[]> {
  const response = await fetch(`${inject('mailboxUrl')}/store`);
  const { emails } = (await response.json()) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
  };
  return emails.filter((mail) => mail.destination.to.includes(to));
}

function mailTo(to: string, n: number): OutboxMail {
  return {
    id: randomUUID(),
    to,
    kind: 'sketch-submitted',
    subject: `Projektskizze ${n} eingereicht`,
    text: `Guten Tag,\n\nIhre Projektskizze ${n} ist eingegangen.`,
    html: `<p>Guten Tag,</p><p>Ihre Projektskizze ${n} ist eingegangen.</p>`,
    createdAt: clock.now().toISOString(),
  };
}

/** A burst of mails, one per recipient, stored as the handlers store them. */
async function burst(size: number): Promise<OutboxMail[]> {
  const mails = Array.from({ length: size }, (_, n) => mailTo(uniqueEmail('burst'), n + 1));
  for (const mail of mails)
    await documents().send(new TransactWriteCommand({ TransactItems: [outboxItem(mail)] }));
  return mails;
}

async function stored(id: string) {
  const { Item } = await documents().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: keys.mail(id), ConsistentRead: true }),
  );
  return Item;
}

/** Past the lease (2 minutes) and the first back-off, as a restarted runtime finds the outbox. */
const restartLater = () => clock.advance(5 * 60_000);

describe('a burst of mails when the runtime dies after SES accepted one of them', () => {
  it('sends every mail exactly once: the next run finds the unconfirmed one in SES and only marks it', async () => {
    // Prepare
    clock.set(new Date('2026-03-02T09:00:00Z'));
    const mails = await burst(6);
    crashBeforeMark(3);
    // Act: the run dies at the third mail; the runtime restarts and runs the job again, twice
    const crashed = await sendOutbox().catch((error: unknown) => error);
    dynamo().middlewareStack.remove('crashBeforeMark');
    const afterCrash = await Promise.all(mails.map(async (mail) => (await stored(mail.id))?.status));
    restartLater();
    const again = await sendOutbox();
    const once = await sendOutbox();
    // Assess: each mail reached SES exactly once; the third was confirmed, not sent again
    expect(String(crashed)).toContain('runtime killed');
    expect(afterCrash.sort()).toEqual(['pending', 'pending', 'pending', 'sending', 'sent', 'sent']);
    expect(again).toMatchObject({ sent: 3, confirmed: 1, failed: 0 });
    expect(once).toMatchObject({ due: 0, sent: 0 });
    for (const mail of mails) {
      expect(await received(mail.to)).toHaveLength(1);
      const item = await stored(mail.id);
      expect(item).toMatchObject({ status: 'sent', messageId: expect.any(String) });
      expect(item).not.toHaveProperty('possibleDuplicate');
      expect(item).not.toHaveProperty('leaseUntil');
    }
  });

  it("sends a mail whose SES answer was lost once: the next run finds it arrived and doesn't send it again", async () => {
    // Prepare
    clock.set(new Date('2026-03-02T10:00:00Z'));
    const mails = await burst(3);
    lostAnswer();
    // Act
    const first = await sendOutbox();
    ses().middlewareStack.remove('lostAnswer');
    const waiting = await stored(mails[0]?.id ?? '');
    restartLater();
    const second = await sendOutbox();
    // Assess
    expect(first).toMatchObject({ sent: 0, failed: 3 });
    expect(waiting).toMatchObject({
      status: 'sending',
      lastError: expect.stringContaining('socket hang up'),
    });
    expect(second).toMatchObject({ sent: 0, confirmed: 3 });
    for (const mail of mails) expect(await received(mail.to)).toHaveLength(1);
  });

  it('sends again, marked as a possible duplicate, when whether the attempt arrived cannot be known (as in AWS)', async () => {
    // Prepare: the runtime dies after SES accepted; the sender then cannot ask SES (as in AWS)
    clock.set(new Date('2026-03-02T11:00:00Z'));
    const [mail] = await burst(1);
    crashBeforeMark(1);
    await sendOutbox().catch(() => undefined);
    dynamo().middlewareStack.remove('crashBeforeMark');
    delete process.env.AWS_ENDPOINT_URL_SESV2;
    // Act
    restartLater();
    const run = await sendOutbox();
    // Assess: the documented rule: sent again and recorded as a possible duplicate
    expect(run).toMatchObject({ sent: 1, confirmed: 0 });
    expect(await received(mail?.to ?? '')).toHaveLength(2);
    expect(await stored(mail?.id ?? '')).toMatchObject({
      status: 'sent',
      attempts: 2,
      possibleDuplicate: true,
    });
  });
});

describe("a sent mail's body", () => {
  it("is dropped after the profile's retention; the record keeps subject, recipient, time and status", async () => {
    // Prepare
    // Earlier than the other tests' mails, so only this one is due in this table.
    clock.set(new Date('2025-01-06T09:00:00Z'));
    const [mail] = await burst(1);
    await sendOutbox();
    const days = config().profile.retention.mailBodyDays;
    // Act: a day before the retention ends, then a day after
    clock.advance((days - 1) * 86_400_000);
    const early = await sendOutbox();
    const kept = await stored(mail?.id ?? '');
    clock.advance(2 * 86_400_000);
    const late = await sendOutbox();
    const dropped = await stored(mail?.id ?? '');
    const later = await sendOutbox();
    // Assess
    expect(early.bodiesDropped).toBe(0);
    expect(kept).toMatchObject({ text: mail?.text, html: mail?.html });
    expect(late.bodiesDropped).toBe(1);
    expect(dropped).not.toHaveProperty('text');
    expect(dropped).not.toHaveProperty('html');
    expect(dropped).not.toHaveProperty('gsi1pk');
    expect(dropped).toMatchObject({
      subject: mail?.subject,
      to: mail?.to,
      status: 'sent',
      sentAt: '2025-01-06T09:00:00.000Z',
      bodyDroppedAt: expect.any(String),
    });
    expect(later.bodiesDropped).toBe(0);
  });
});

/** SES refuses every mail (as when the sender's identity is not verified). */
function sesRefuses() {
  ses().middlewareStack.add(
    () => async () => {
      throw Object.assign(new Error('Email address is not verified.'), {
        name: 'MessageRejected',
        $metadata: { httpStatusCode: 400 },
      });
    },
    { step: 'initialize', name: 'sesRefuses' },
  );
}

describe('a mail SES keeps refusing', () => {
  afterEach(() => void ses().middlewareStack.remove('sesRefuses'));

  it('shows its wait in every run that tries it, for the OutboxAge alarm', async () => {
    // Prepare: later than the other tests' mails, which are sent by then
    clock.set(new Date('2027-05-03T09:00:00Z'));
    await sendOutbox();
    const [mail] = await burst(1);
    sesRefuses();
    // Act: the first try, then the tries after each back-off (2, 4, 8, 16 minutes)
    const runs = [await sendOutbox()];
    for (const minutes of [2, 4, 8, 16]) {
      clock.advance(minutes * 60_000);
      runs.push(await sendOutbox());
    }
    const idle = await sendOutbox();
    ses().middlewareStack.remove('sesRefuses');
    clock.advance(32 * 60_000);
    const delivered = await sendOutbox();
    // Assess: each try reports how long the mail has waited; a run that tries nothing reports 0
    expect(runs.map((run) => [run.failed, run.oldestUnsentMinutes])).toEqual([
      [1, 0],
      [1, 2],
      [1, 6],
      [1, 14],
      [1, 30],
    ]);
    expect(idle).toMatchObject({ due: 0, oldestUnsentMinutes: 0 });
    expect(delivered).toMatchObject({ sent: 1, oldestUnsentMinutes: 0 });
    expect(await received(mail?.to ?? '')).toHaveLength(1);
  });
});

/** An erasure's confirmation as functions/app/privacy.ts stores it: the record keeps a pseudonym once sent. */
async function confirmationTo(to: string): Promise<OutboxMail> {
  const mail = { ...mailTo(to, 1), kind: 'erasure-confirmed', pseudonymOnceSent: 'abc@pseudonym.invalid' };
  await documents().send(new TransactWriteCommand({ TransactItems: [outboxItem(mail)] }));
  return mail;
}

/** The record as the erasure leaves it: the pseudonym for the recipient, no body, in no index. */
function expectScrubbed(item: Record<string, unknown> | undefined) {
  expect(item).toMatchObject({ status: 'sent', to: 'abc@pseudonym.invalid', kind: 'erasure-confirmed' });
  for (const field of ['text', 'html', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'pseudonymOnceSent'])
    expect(item, field).not.toHaveProperty(field);
}

describe("an erasure's confirmation", () => {
  afterEach(() => void ses().middlewareStack.remove('sesRefuses'));

  it('keeps its address while SES refuses it, and loses it in the retry that sends it', async () => {
    // Prepare: later than the other tests' mails, which are sent by then
    clock.set(new Date('2027-07-05T09:00:00Z'));
    await sendOutbox();
    const to = uniqueEmail('geloescht');
    const mail = await confirmationTo(to);
    sesRefuses();
    // Act: the first run fails; after its back-off (2 minutes) the next run sends it
    const refused = await sendOutbox();
    const waiting = await stored(mail.id);
    ses().middlewareStack.remove('sesRefuses');
    clock.advance(3 * 60_000);
    const retried = await sendOutbox();
    // Assess
    expect(refused).toMatchObject({ failed: 1, sent: 0 });
    expect(waiting).toMatchObject({ status: 'pending', to, pseudonymOnceSent: 'abc@pseudonym.invalid' });
    expect(retried).toMatchObject({ sent: 1 });
    expect(await received(to)).toHaveLength(1);
    expectScrubbed(await stored(mail.id));
  });

  it('loses its address when a later run finds that the attempt of a dead sender arrived', async () => {
    // Prepare
    clock.set(new Date('2027-07-06T09:00:00Z'));
    await sendOutbox();
    const to = uniqueEmail('geloescht');
    const mail = await confirmationTo(to);
    crashBeforeMark(1);
    // Act: the run dies after SES accepted it; the restarted runtime's run confirms it
    await sendOutbox().catch(() => undefined);
    dynamo().middlewareStack.remove('crashBeforeMark');
    const unconfirmed = await stored(mail.id);
    restartLater();
    const run = await sendOutbox();
    // Assess
    expect(unconfirmed).toMatchObject({ status: 'sending', to });
    expect(run).toMatchObject({ sent: 0, confirmed: 1 });
    expect(await received(to)).toHaveLength(1);
    expectScrubbed(await stored(mail.id));
  });

  it('loses its address, unsent, when the address is marked as bouncing', async () => {
    // Prepare
    clock.set(new Date('2027-07-07T09:00:00Z'));
    await sendOutbox();
    const to = uniqueEmail('geloescht');
    await putSuppression({ address: to, reason: 'bounce', detail: 'NoEmail', at: clock.now().toISOString() });
    const mail = await confirmationTo(to);
    // Act
    const run = await sendOutbox();
    // Assess
    expect(run).toMatchObject({ sent: 0, suppressed: 1 });
    expect(await received(to)).toEqual([]);
    const item = await stored(mail.id);
    expect(item).toMatchObject({ status: 'suppressed', to: 'abc@pseudonym.invalid' });
    for (const field of ['text', 'html', 'gsi1pk', 'gsi2pk', 'pseudonymOnceSent'])
      expect(item, field).not.toHaveProperty(field);
  });
});
