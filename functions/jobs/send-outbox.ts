import { deliver, dropDueMailBodies } from '../app/outbox.ts';
import { clock } from '../platform/clock.ts';
import { logger } from '../platform/logger.ts';
import { dueMailIds } from '../store/outbox.ts';
import { jobLogFields } from './jobs.ts';

const batch = 50;

export interface OutboxRun {
  due: number;
  sent: number;
  /** Left unconfirmed by a sender that died, found to have arrived: marked sent, not sent again. */
  confirmed: number;
  failed: number;
  skipped: number;
  /** Not sent: the address is marked as bouncing or complaining (the mail records why). */
  suppressed: number;
  /**
   * Minutes the oldest mail this run tried and could not send has waited since it was written (0:
   * none). A mail that keeps failing is tried at least hourly (the back-off's cap), so the OutboxAge
   * alarm, the maximum over an hour, sees it; counted from the mails in hand, so a run reads no more
   * than what is due.
   */
  oldestUnsentMinutes: number;
  /** Sent mails whose text and HTML were dropped, past the profile's retention. */
  bodiesDropped: number;
}

/**
 * Sends every mail that is due, one batch at a time, until none is left or only failures remain;
 * then drops the bodies of sent mails past the profile's retention.
 */
export async function handler(): Promise<OutboxRun> {
  const now = clock.now();
  const run: OutboxRun = {
    due: 0,
    sent: 0,
    confirmed: 0,
    failed: 0,
    skipped: 0,
    suppressed: 0,
    oldestUnsentMinutes: 0,
    bodiesDropped: 0,
  };
  const tried = new Set<string>();
  let oldestUnsent = Number.POSITIVE_INFINITY;
  const unsent = (createdAt: string) => {
    oldestUnsent = Math.min(oldestUnsent, Date.parse(createdAt));
  };
  for (;;) {
    const ids = (await dueMailIds(now, batch)).filter((id) => !tried.has(id));
    if (ids.length === 0) break;
    run.due += ids.length;
    for (const id of ids) {
      tried.add(id);
      run[await deliver(id, now, unsent)] += 1;
    }
  }
  run.bodiesDropped = await dropDueMailBodies(now);
  if (Number.isFinite(oldestUnsent))
    run.oldestUnsentMinutes = Math.max(0, Math.floor((now.getTime() - oldestUnsent) / 60_000));
  if (run.due > 0 || run.bodiesDropped > 0) logger.info('outbox run', { ...run });
  // The OutboxAge alarm's metric (infra/aws/stack.ts) reads this field.
  if (run.oldestUnsentMinutes > 0)
    logger.warn('mail waiting in the outbox', { [jobLogFields.outboxAgeMinutes]: run.oldestUnsentMinutes });
  return run;
}
