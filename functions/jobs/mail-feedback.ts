import type { SNSEvent } from 'aws-lambda';
import { recordMailFeedback } from '../app/mail-feedback.ts';

/**
 * SES's bounce and complaint events, from the feedback topic (infra/aws/mail.ts). A message that is
 * not JSON is passed on as it is and marks nothing; a failed write fails the invocation, which
 * Lambda retries and then puts in the job failures queue.
 */
export async function handler(event: SNSEvent): Promise<{ marked: number }> {
  const messages = event.Records.map((record) => {
    try {
      return JSON.parse(record.Sns.Message) as unknown;
    } catch {
      return record.Sns.Message;
    }
  });
  const marked = await recordMailFeedback(messages);
  return { marked: marked.length };
}
