import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { adminListLink, adminSketchLink, officeMail } from '../app/notices.ts';
import { deliverNow } from '../app/outbox.ts';
import { submissionsMail } from '../mail/templates.de.ts';
import { documents } from '../platform/clients.ts';
import { clock } from '../platform/clock.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { isTransactionConflict } from '../store/errors.ts';
import { doneNoticeItem, dueNotices } from '../store/notices.ts';
import { outboxItem } from '../store/outbox.ts';

/** A transaction holds at most 100 items: the digest mail and up to this many notices. */
const batch = 50;

export interface DigestRun {
  mails: number;
  submissions: number;
}

/**
 * The office's daily digest of submissions and resubmissions (when it chose the digest): reads
 * only the notices that are due (a query on the sparse index, O(due)), stores one mail with them
 * and takes them out in one transaction, then sends the mail. Nothing due: one empty query.
 */
export async function handler(): Promise<DigestRun> {
  const { profile } = config();
  const run: DigestRun = { mails: 0, submissions: 0 };
  // Bounded: a notice another run just took may linger in the index for a moment.
  for (let round = 0; round < 20; round++) {
    const now = clock.now();
    const due = await dueNotices(now, batch);
    if (due.length === 0) break;
    const mail = officeMail(
      'submission-digest',
      submissionsMail(
        profile,
        due.map((n) => ({ ...n, link: adminSketchLink(n.sketchId) })),
        adminListLink(),
      ),
      now,
    );
    try {
      await documents().send(
        new TransactWriteCommand({ TransactItems: [outboxItem(mail), ...due.map(doneNoticeItem)] }),
      );
    } catch (error) {
      // Another run took these notices first: the next query finds what is left.
      if (due.some((_, i) => isTransactionConflict(error, i + 1))) continue;
      throw error;
    }
    await deliverNow(mail.id, now);
    run.mails += 1;
    run.submissions += due.length;
    if (due.length < batch) break;
  }
  if (run.mails > 0) logger.info('submission digest sent', { ...run });
  return run;
}
