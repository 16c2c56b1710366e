import { escapeHtml } from '../mail/format.ts';
import { sendMail } from '../mail/send.ts';
import type { MailContent } from '../mail/templates.de.ts';
import { logger } from '../platform/logger.ts';
import { seal, unseal } from '../platform/seal.ts';
import { getDocument } from '../store/documents.ts';
import { claimMail, linkSlot, markMailFailed, markMailSent, type OutboxMail } from '../store/outbox.ts';

/*
 * Sending the outbox's mails: whoever sends (the handler right after its change, the sendOutbox
 * job, the render job for a mail held for its document) claims the mail's lease, sends it through
 * SES and marks it sent, or failed and due again after a back-off.
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

export type DeliveryResult = 'sent' | 'skipped' | 'failed';

/**
 * Sends one outbox mail. A conditional lease makes sure that of two senders (the handler and the
 * job, or two job runs) only one sends; a failure leaves the mail due again after a back-off.
 */
export async function deliver(id: string, now: Date): Promise<DeliveryResult> {
  const mail = await claimMail(id, now);
  if (!mail) return 'skipped';
  try {
    const messageId = await sendMail(await unsealed(mail), await attachmentsOf(mail));
    await markMailSent(id, now, messageId);
    logger.info('mail sent', { mailId: id, kind: mail.kind, attempts: mail.attempts });
    return 'sent';
  } catch (error) {
    const retryAt = new Date(now.getTime() + retryDelayMs(mail.attempts));
    logger.warn('mail not sent, will retry', {
      mailId: id,
      kind: mail.kind,
      attempts: mail.attempts,
      error: redact(error),
    });
    await markMailFailed(id, retryAt, redact(error));
    return 'failed';
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
