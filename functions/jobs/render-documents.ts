import { loadCriteria } from '../alliances/criteria.ts';
import { deliverNow } from '../app/outbox.ts';
import { renderDocument } from '../documents/render.ts';
import { clock } from '../platform/clock.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import {
  issueDocument,
  type OrderedDocument,
  orderedDocuments,
  recordRenderFailure,
} from '../store/documents.ts';
import { releaseMailItem } from '../store/outbox.ts';
import { jobLogFields } from './jobs.ts';

const batch = 10;
/** Tries of one document before it is given up (a poison item must not fail every run forever). */
export const maxRenderTries = 5;

export interface RenderRun {
  issued: number;
  /** Issued by another run first (the stream and the schedule both wake this job). */
  skipped: number;
  failed: number;
  /** Failed for the last allowed time: given up, recorded on the document, alarmed. */
  gaveUp: number;
}

/**
 * Renders the ordered documents (the Votum letter, a meeting's minutes) as PDF, stores each and
 * releases the mails held for it in one transaction, then sends those mails. Woken by the insert of
 * an order (DynamoDB stream) and every minute by the schedule, which finds what a wake-up missed;
 * the event is not read: the sparse index of ordered documents says what is to do.
 */
export async function handler(): Promise<RenderRun> {
  return renderOrdered();
}

/**
 * The job's work, for the documents `only` selects (all, for the job). Tests that run under another
 * alliance's profile on the shared test table render their own documents only, not the others'.
 */
export async function renderOrdered(only?: (document: OrderedDocument) => boolean): Promise<RenderRun> {
  // The Votum letter's justification follows the profile's criteria.
  const { profile: running, ALLIANCE } = config();
  const profile = { ...running, criteria: loadCriteria(ALLIANCE) };
  const run: RenderRun = { issued: 0, skipped: 0, failed: 0, gaveUp: 0 };
  const failedIds = new Set<string>();
  for (;;) {
    const ordered = (await orderedDocuments(only ? 100 : batch)).filter(
      (d) => !failedIds.has(d.id) && (only?.(d) ?? true),
    );
    if (ordered.length === 0) break;
    for (const document of ordered) {
      try {
        const bytes = await renderDocument(document.order, profile, document.issuedAt);
        const now = clock.now();
        if (!(await issueDocument(document, bytes, (mailId) => releaseMailItem(mailId, now)))) {
          run.skipped += 1;
          continue;
        }
        run.issued += 1;
        for (const mailId of document.mailIds) await deliverNow(mailId, now);
      } catch (error) {
        failedIds.add(document.id);
        const message = String(error).slice(0, 500);
        const gaveUp = await recordRenderFailure(document.id, message, maxRenderTries).catch(() => false);
        if (gaveUp) {
          run.gaveUp += 1;
          // The JobGaveUp alarm counts this field (infra/aws/stack.ts).
          logger.error('document given up after its tries', {
            documentId: document.id,
            [jobLogFields.gaveUp]: true,
            tries: maxRenderTries,
            error: message,
          });
        } else {
          run.failed += 1;
          logger.error('document not rendered, the next run tries again', {
            documentId: document.id,
            error: message,
          });
        }
      }
    }
  }
  if (run.issued + run.skipped + run.failed + run.gaveUp > 0) logger.info('documents rendered', { ...run });
  // A failure must reach the error alarm (and the stream's retry), not only the log.
  if (run.failed > 0) throw new Error(`${run.failed} document(s) not rendered: see the log`);
  return run;
}
