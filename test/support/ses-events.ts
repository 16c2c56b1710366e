import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

/*
 * SES's event-publishing messages as the feedback topic delivers them to Lambda (their documented
 * shapes), for the tests of functions/jobs/mail-feedback.ts.
 */

/** The SNS event Lambda gets for these messages. */
export function snsEvent(...messages: object[]): SNSEvent {
  return {
    Records: messages.map((message) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:eu-central-1:123456789012:feedback:1',
      Sns: {
        Type: 'Notification',
        MessageId: randomUUID(),
        TopicArn: 'arn:aws:sns:eu-central-1:123456789012:feedback',
        Subject: '',
        Message: JSON.stringify(message),
        Timestamp: '2026-03-02T09:00:00.000Z',
        SignatureVersion: '1',
        Signature: '',
        SigningCertUrl: '',
        UnsubscribeUrl: '',
        MessageAttributes: {},
      },
    })),
  };
}

/** The event's `mail`: the sent mail with its tags (the outbox tags each mail with its `kind`). */
const sentMail = (address: string, kind: string) => ({
  timestamp: '2026-03-02T08:59:58.000Z',
  messageId: randomUUID(),
  destination: [address],
  tags: { 'ses:operation': ['SendEmail'], 'ses:configuration-set': ['votum'], kind: [kind] },
});

export const bounce = (
  address: string,
  bounceType: 'Permanent' | 'Transient',
  kind = 'sketch-submitted',
) => ({
  eventType: 'Bounce',
  bounce: {
    bounceType,
    bounceSubType: bounceType === 'Permanent' ? 'NoEmail' : 'MailboxFull',
    bouncedRecipients: [{ emailAddress: address, action: 'failed', status: '5.1.1' }],
    timestamp: '2026-03-02T09:00:00.000Z',
    feedbackId: randomUUID(),
  },
  mail: sentMail(address, kind),
});

export const complaint = (address: string, kind = 'sketch-submitted') => ({
  eventType: 'Complaint',
  complaint: {
    complainedRecipients: [{ emailAddress: address }],
    complaintFeedbackType: 'abuse',
    timestamp: '2026-03-02T09:05:00.000Z',
    feedbackId: randomUUID(),
  },
  mail: sentMail(address, kind),
});
