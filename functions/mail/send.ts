import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { atLoad, ses } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import type { MailContent } from './templates.de.ts';

const mailer = /* @__PURE__ */ atLoad(ses);

/** The header that names the outbox attempt a mail went out with. */
export const attemptHeader = 'X-Votum-Attempt';

/** A file a mail carries (the Votum letter), as stored. */
export interface MailAttachment {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Sends one mail through SES, from the alliance with the office as reply-to; answers SES's
 * message id. One attempt (see platform/clients.ts): the outbox decides when to try again.
 */
export async function sendMail(
  mail: MailContent & { to: string; kind: string },
  attachments: readonly MailAttachment[] = [],
  attemptId?: string,
): Promise<string> {
  const { SES_CONFIGURATION_SET, profile } = config();
  const sent = await mailer().send(
    new SendEmailCommand({
      FromEmailAddress: `${profile.name} <${profile.mailFrom}>`,
      ReplyToAddresses: [profile.office.email],
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            Html: { Data: mail.html, Charset: 'UTF-8' },
          },
          // The outbox's attempt, so a later sender can ask whether this one arrived (attemptOutcome).
          ...(attemptId ? { Headers: [{ Name: attemptHeader, Value: attemptId }] } : {}),
          ...(attachments.length
            ? {
                Attachments: attachments.map((file) => ({
                  FileName: file.fileName,
                  ContentType: file.contentType,
                  ContentDisposition: 'ATTACHMENT' as const,
                  ContentTransferEncoding: 'BASE64' as const,
                  RawContent: file.bytes,
                })),
              }
            : {}),
        },
      },
      ConfigurationSetName: SES_CONFIGURATION_SET,
      EmailTags: [{ Name: 'kind', Value: mail.kind }],
    }),
  );
  return sent.MessageId ?? '';
}

/** What can be known of an attempt whose sender died (or lost SES's answer) before marking the mail. */
export type AttemptOutcome =
  | { known: 'sent'; messageId: string }
  | { known: 'not_sent' }
  | { known: 'nothing' };

/**
 * Whether an earlier attempt reached SES. SES answers a send with its MessageId and offers no look-up
 * by anything of ours, so in AWS nothing can be known (`nothing`; the outbox's rule decides, see
 * app/outbox.ts). The local SES server keeps every mail with its headers: there it is known.
 */
export async function attemptOutcome(attemptId: string): Promise<AttemptOutcome> {
  // A deployed bundle (infra/aws/functions.ts defines the alliance) sends through SES in AWS: esbuild
  // folds this test and leaves the local server's look-up out of every bundle that sends mail.
  if (process.env.VOTUM_BUNDLED_ALLIANCE !== undefined) return { known: 'nothing' };
  const local = process.env.AWS_ENDPOINT_URL_SESV2;
  if (!local) return { known: 'nothing' };
  const response = await fetch(`${local.replace(/\/+$/, '')}/store`);
  if (!response.ok) return { known: 'nothing' };
  const { emails } = (await response.json()) as {
    emails: { messageId: string; headers?: { name: string; value: string }[] }[];
  };
  const sent = emails.find((mail) =>
    mail.headers?.some((h) => h.name === attemptHeader && h.value === attemptId),
  );
  return sent ? { known: 'sent', messageId: sent.messageId } : { known: 'not_sent' };
}
