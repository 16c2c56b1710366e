import { runRetention } from '../app/privacy.ts';
import { clock } from '../platform/clock.ts';
import { logger } from '../platform/logger.ts';

/**
 * Deletes or pseudonymises what the profile's retention says has expired (functions/app/privacy.ts):
 * drafts never submitted, sketches decided against, funded projects after the ESF years, sign-in
 * records, uploads never checked, files in S3 included. Finds them by a query on the due index
 * (gsi1 RETENTION_DUE), never by reading sketches or sessions.
 */
export async function handler(): Promise<Awaited<ReturnType<typeof runRetention>>> {
  const run = await runRetention(clock.now(), (item, error) =>
    // The next run sees it again; the log names the item's kind, never its content.
    logger.warn('retention item not handled this run', {
      kind: item.kind,
      error: String(error).slice(0, 300),
    }),
  );
  logger.info('retention', { ...run });
  return run;
}
