import { randomUUID } from 'node:crypto';
import { escapeHtml } from '../mail/format.ts';
import { attemptOutcome, sendMail } from '../mail/send.ts';
import type { MailContent } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { seal, unseal } from '../platform/seal.ts';
import { getDocument } from '../store/documents.ts';
import {
  bodyDropAt,
  claimMail,
  dropMailBody,
  linkSlot,
  mailBodiesDue,
  markMailFailed,
  markMailSent,
  markMailSuppressed,
  type OutboxMail,
} from '../store/outbox.ts';
import { getSuppression } from '../store/suppressions.ts';

/*
 * Sending the outbox's mails: whoever sends (the handler right after its change, the sendOutbox
 * job, the render job for a mail held for its document) claims the mail's lease, sends it through
 * SES and marks it sent, or failed and due again after a back-off.
 *
 * Exactly once as far as SES allows (docs/architecture.md, "How a mail travels"): the claim marks
 * the mail `sending` with a fresh attempt id that goes out with the mail. A sender that dies between
 * SES's acceptance and the mark leaves the mail `sending`; the lease (2 minutes, longer than any
 * function may run) runs out, and the next sender first asks what became of that attempt: arrived →
 * marked sent, not sent again; known not sent → sent; unknowable (SES in AWS has no look-up) → sent
 * again and recorded as a possible duplicate.
 *
 * A mail with `pseudonymOnceSent` (an erasure's confirmation) loses its recipient in the same
 * update that marks it sent or suppressed, whichever sender that is (store/outbox.ts `markMailSent`).
 */

const retryDelayMs = (attempts: number) => Math.min(2 ** attempts, 60) * 60_000;
/** Provider errors may quote the recipient: keep addresses out of the logs. */
const redact = (error: unknown) =>
  String(error)
    .replace(/[^\s<>"']+@[^\s<>"']+/g, '<email>')
    .slice(0, 500);

/** The stored documents a mail carries; a document not issued yet is an error (retried). */
async function attachmentsOf(mail: OutboxMail) {
  return Promise.all(
    (mail.documentIds ?? []).map(async (id) => {
      const document = await getDocument(id);
      if (document?.status !== 'issued') throw new Error(`document ${id} of mail ${mail.id} is not issued`);
      return document;
    }),
  );
}

/**
 * A mail that carries a link someone could sign in or vote with: composed around `linkSlot`, with
 * the link itself sealed beside it, so the outbox item is of no use to whoever copies the table.
 */
export async function withSealedLink(
  link: string,
  compose: (link: string) => MailContent,
): Promise<MailContent & { sealedLink: string }> {
  return { ...compose(linkSlot), sealedLink: await seal(link) };
}

/** The mail as it goes out: its sealed link, if any, unsealed into its place. */
async function unsealed(mail: OutboxMail): Promise<OutboxMail> {
  if (!mail.sealedLink) return mail;
  const link = await unseal(mail.sealedLink);
  return {
    ...mail,
    text: mail.text.replaceAll(linkSlot, link),
    html: mail.html.replaceAll(linkSlot, escapeHtml(link)),
  };
}

export type DeliveryResult = 'sent' | 'confirmed' | 'skipped' | 'failed' | 'suppressed';

/** Whether SES answered (with an error): then the attempt did not send. No answer: it may have. */
const sesAnswered = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  ('$fault' in error ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined);

/**
 * Sends one outbox mail. A conditional lease makes sure that of two senders (the handler and the
 * job, or two job runs) only one sends; a failure leaves the mail due again after a back-off. A mail
 * an earlier sender left unconfirmed is sent again only if that attempt did not arrive or cannot be
 * known to have ('confirmed': it had arrived, and is now marked sent without sending).
 */
export async function deliver(
  id: string,
  now: Date,
  /** Told when the mail stays unsent (failed, due again later), with when it was written. */
  onUnsent?: (createdAt: string) => void,
): Promise<DeliveryResult> {
  const attemptId = randomUUID();
  const claim = await claimMail(id, now, attemptId);
  if (!claim) return 'skipped';
  const { mail, unconfirmedAttempt } = claim;
  const dropAt = bodyDropAt(now, config().profile.retention.mailBodyDays);
  let possibleDuplicate = false;
  if (unconfirmedAttempt) {
    const outcome = await attemptOutcome(unconfirmedAttempt);
    if (outcome.known === 'sent') {
      await markMailSent(id, now, outcome.messageId, dropAt, { pseudonym: mail.pseudonymOnceSent });
      logger.info('mail had been sent; marked without sending again', { mailId: id, kind: mail.kind });
      return 'confirmed';
    }
    possibleDuplicate = outcome.known === 'nothing';
    if (possibleDuplicate)
      logger.warn('mail sent again after an unconfirmed attempt: possibly a duplicate', {
        mailId: id,
        kind: mail.kind,
        attempts: mail.attempts,
      });
  }
  // An address that bounced permanently or complained gets nothing more; the mail records why.
  const suppression = await getSuppression(mail.to);
  if (suppression) {
    const erased = mail.pseudonymOnceSent
      ? { pseudonym: mail.pseudonymOnceSent, address: mail.to }
      : undefined;
    await markMailSuppressed(id, now, `${suppression.reason}: ${suppression.detail}`, erased);
    logger.warn('mail not sent: its address is marked', {
      mailId: id,
      kind: mail.kind,
      reason: suppression.reason,
    });
    return 'suppressed';
  }
  let ready: [OutboxMail, Awaited<ReturnType<typeof attachmentsOf>>];
  try {
    ready = [await unsealed(mail), await attachmentsOf(mail)];
  } catch (error) {
    onUnsent?.(mail.createdAt);
    return failed(mail, now, error, true);
  }
  let messageId: string;
  try {
    messageId = await sendMail(ready[0], ready[1], attemptId);
  } catch (error) {
    onUnsent?.(mail.createdAt);
    return failed(mail, now, error, sesAnswered(error));
  }
  await markMailSent(id, now, messageId, dropAt, { possibleDuplicate, pseudonym: mail.pseudonymOnceSent });
  logger.info('mail sent', { mailId: id, kind: mail.kind, attempts: mail.attempts });
  return 'sent';
}

/** Records a failed attempt; `answered`: known not to have sent (nothing went to SES, or SES refused). */
async function failed(
  mail: OutboxMail & { attempts: number },
  now: Date,
  error: unknown,
  answered: boolean,
): Promise<DeliveryResult> {
  const retryAt = new Date(now.getTime() + retryDelayMs(mail.attempts));
  logger.warn('mail not sent, will retry', {
    mailId: mail.id,
    kind: mail.kind,
    attempts: mail.attempts,
    error: redact(error),
  });
  await markMailFailed(mail.id, retryAt, redact(error), answered);
  return 'failed';
}

/** Drops the text and HTML of sent mails past the profile's retention, found by the index (O(due)). */
export async function dropDueMailBodies(now: Date): Promise<number> {
  // The index lags its table a little: what was dropped may be listed once more, and is skipped.
  const seen = new Set<string>();
  for (;;) {
    const ids = (await mailBodiesDue(now, 100)).filter((id) => !seen.has(id));
    if (ids.length === 0) return seen.size;
    for (const id of ids) {
      seen.add(id);
      await dropMailBody(id, now);
    }
  }
}

/** Sends a mail right after its change was stored; if that fails the job sends it later. */
export async function deliverNow(id: string, now: Date): Promise<void> {
  try {
    await deliver(id, now);
  } catch (error) {
    logger.warn('mail left in the outbox', { mailId: id, error: redact(error) });
  }
}

/** Sends mails right after their transaction; the outbox job retries what fails. */
export const deliverAll = async (ids: readonly string[], now: Date) => {
  for (const id of ids) await deliverNow(id, now);
};
