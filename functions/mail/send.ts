import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import type { MailContent } from './templates.de.ts';

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
): Promise<string> {
  const { SES_CONFIGURATION_SET, profile } = config();
  const sent = await ses().send(
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
