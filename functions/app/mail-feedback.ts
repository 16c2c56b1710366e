import { type Suppression, suppressionsOf } from '../core/mail-feedback.ts';
import { logger } from '../platform/logger.ts';
import { putSuppression, suppressionsOf as storedSuppressions } from '../store/suppressions.ts';

/**
 * Marks the addresses SES reported as permanently bouncing or complaining: the outbox sends them
 * nothing more (app/outbox.ts) and the office sees the mark on the person. Answers what it marked.
 */
export async function recordMailFeedback(messages: readonly unknown[]): Promise<Suppression[]> {
  const marked = messages.flatMap(suppressionsOf);
  for (const suppression of marked) await putSuppression(suppression);
  // Counts only: the addresses are personal data and stay out of the logs.
  logger.info('mail feedback', {
    events: messages.length,
    bounces: marked.filter((s) => s.reason === 'bounce').length,
    complaints: marked.filter((s) => s.reason === 'complaint').length,
  });
  return marked;
}

/** The marks among these addresses (the office's views of people), in the order given. */
export async function undeliverableAmong(addresses: readonly string[]): Promise<Suppression[]> {
  const marks = await storedSuppressions(addresses);
  const seen = new Set<string>();
  return addresses.flatMap((address) => {
    const mark = marks.get(address.toLowerCase());
    if (!mark || seen.has(mark.address)) return [];
    seen.add(mark.address);
    return [mark];
  });
}
