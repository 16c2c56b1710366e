import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as mailFeedback } from '../../functions/jobs/mail-feedback.ts';
import { handler as sendOutbox } from '../../functions/jobs/send-outbox.ts';
import { documents, dynamo } from '../../functions/platform/clients.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { type OutboxMail, outboxItem } from '../../functions/store/outbox.ts';
import { suppressionsOf } from '../../functions/store/suppressions.ts';
import { putSeat } from '../../functions/store/votes.ts';
import { ensureTable } from '../../infra/local/table.ts';
import { signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';
import { bounce, complaint, snsEvent } from '../support/ses-events.ts';

/*
 * SES's bounce and complaint events (through the feedback topic) mark the address; the outbox sends
 * nothing more to it and records why (issue 17, item 2). A table of its own, so the outbox run
 * counts only this file's mails.
 */
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  process.env.TABLE_NAME = `votum-test-feedback-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTable(dynamo(), config().TABLE_NAME);
  api = await startApi();
});
afterAll(() => api.stop());

function mailTo(to: string): OutboxMail {
  return {
    id: randomUUID(),
    to,
    kind: 'sketch-submitted',
    subject: 'Projektskizze eingereicht',
    text: 'Guten Tag,\n\nIhre Projektskizze ist eingegangen.',
    html: '<p>Guten Tag,</p><p>Ihre Projektskizze ist eingegangen.</p>',
    createdAt: new Date().toISOString(),
  };
}

async function received(to: string): Promise<unknown[]> {
  const response = await fetch(`${inject('mailboxUrl')}/store`);
  const { emails } = (await response.json()) as { emails: { destination: { to: string[] } }[] };
  return emails.filter((mail) => mail.destination.to.includes(to));
}

describe('bounce and complaint events', () => {
  it('mark a hard-bouncing and a complaining address, not a transient bounce, and the outbox skips the marked ones', async () => {
    // Prepare
    const hard = uniqueEmail('hard');
    const soft = uniqueEmail('soft');
    const annoyed = uniqueEmail('annoyed');
    const mails = [mailTo(hard), mailTo(soft), mailTo(annoyed)];
    // Act: the events arrive (the address as SES writes it, in any case), then the outbox job runs
    const marked = await mailFeedback(
      snsEvent(bounce(hard.toUpperCase(), 'Permanent'), bounce(soft, 'Transient'), complaint(annoyed)),
    );
    for (const mail of mails)
      await documents().send(new TransactWriteCommand({ TransactItems: [outboxItem(mail)] }));
    const run = await sendOutbox();
    // Assess
    expect(marked).toEqual({ marked: 2 });
    const marks = await suppressionsOf([hard, soft, annoyed]);
    expect([...marks.keys()].sort()).toEqual([annoyed, hard].sort());
    expect(marks.get(hard)).toMatchObject({ reason: 'bounce', detail: 'NoEmail' });
    expect(marks.get(annoyed)).toMatchObject({ reason: 'complaint', detail: 'abuse' });
    expect(run).toMatchObject({ sent: 1, suppressed: 2, failed: 0 });
    expect(await received(soft)).toHaveLength(1);
    expect(await received(hard)).toEqual([]);
    expect(await received(annoyed)).toEqual([]);
    const { Item } = await documents().send(
      new GetCommand({ TableName: config().TABLE_NAME, Key: keys.mail(mails[0]?.id ?? '') }),
    );
    expect(Item).toMatchObject({ status: 'suppressed', suppressedBecause: 'bounce: NoEmail' });
    expect(Item).not.toHaveProperty('gsi1pk');
    expect(Item).not.toHaveProperty('text');
    expect(await sendOutbox()).toMatchObject({ due: 0, suppressed: 0 });
  });

  it('mark nothing for a message that is not an SES event', async () => {
    // Prepare
    const event = snsEvent({ eventType: 'Delivery', delivery: {} });
    // Act
    const result = await mailFeedback(event);
    // Assess
    expect(result).toEqual({ marked: 0 });
  });
});

describe('the office', () => {
  it('sees on the seats which addresses mail no longer reaches, and why', async () => {
    // Prepare
    const adminEmail = uniqueEmail('office');
    await addAdmin(adminEmail, 'Test', new Date());
    const office = await passSecondFactor(await signIn(api.url, adminEmail));
    const member = uniqueEmail('member');
    const deputy = uniqueEmail('deputy');
    await putSeat({
      id: `seat-${randomUUID().slice(0, 8)}`,
      institution: 'IHK Hannover',
      member: { name: 'Mitglied', email: member },
      deputies: [{ name: 'Vertretung', email: deputy }],
      active: true,
    });
    await mailFeedback(snsEvent(bounce(member, 'Permanent')));

    // Act
    const seats = await office.call<{ undeliverable: { address: string; reason: string }[] }>(
      'GET',
      '/api/admin/seats',
    );

    // Assess (the answer is checked against the contract by the caller)
    expect(seats.status).toBe(200);
    expect(seats.body.undeliverable).toEqual([
      { address: member, reason: 'bounce', detail: 'NoEmail', at: '2026-03-02T09:00:00.000Z' },
    ]);
  });
});
