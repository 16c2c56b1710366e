import { randomUUID } from 'node:crypto';
import { deadlinesLink, followUpLink, officeFollowUpLink } from '../app/followup.ts';
import { deliverNow } from '../app/outbox.ts';
import { berlinDate, daysBetween } from '../core/dates.ts';
import { type Deadline, dueActions, markDone, missingText, type ReportRules } from '../core/followup.ts';
import { type DigestEntry, deadlineReminderMail, escalationDigestMail } from '../mail/templates.de.ts';
import { clock } from '../platform/clock.ts';
import { config } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { deadlinePut, dueDeadlines, getDeadline, recordJobRun, writeIfUnchanged } from '../store/followup.ts';
import { type OutboxMail, outboxItem } from '../store/outbox.ts';

/*
 * Reminders and escalations of the deadlines after the Votum. Finds them by a query on the sparse
 * due index (a deadline is in it only while a reminder or its escalation is left, keyed by when the
 * next one is due), never by reading sketches. Each mail is written in one transaction with the
 * deadline's new state, conditional on the revision read: of two runs at the same time only one
 * sends it, and a run that dies halfway leaves the rest for the next one.
 */

export const jobId = 'followUpDeadlines';
/** Deadlines read per query; a run goes on until nothing due is left that it has not tried. */
const batch = 100;
/** Escalations per digest: each is one item of the digest's transaction (at most 100). */
const digestSize = 50;

export interface FollowUpRun {
  runId: string;
  /** Items the due queries read, and the read capacity they consumed (where reported). */
  read: number;
  capacity: number;
  due: number;
  reminded: number;
  escalated: number;
  digests: number;
  /** Another run (or a request) changed the deadline first: nothing sent here. */
  skipped: number;
  failed: number;
}

function reminderMail(deadline: Deadline, now: Date): OutboxMail {
  const { profile } = config();
  const funding = deadline.kind === 'funding_decision';
  return {
    id: randomUUID(),
    to: deadline.project.ownerEmail,
    kind: funding ? 'funding-reminder' : 'report-reminder',
    sketchId: deadline.sketchId,
    createdAt: now.toISOString(),
    ...deadlineReminderMail(
      profile,
      {
        label: deadline.label,
        title: deadline.project.title,
        due: deadline.due,
        daysLeft: daysBetween(berlinDate(now), deadline.due),
        missing: missingText(deadline),
        funding,
      },
      followUpLink(deadline.sketchId),
    ),
  };
}

function digestMail(deadlines: Deadline[], now: Date): OutboxMail {
  const { profile } = config();
  const today = berlinDate(now);
  const entries: DigestEntry[] = deadlines.map((d) => ({
    label: d.label,
    title: d.project.title,
    organisation: d.project.organisation,
    due: d.due,
    daysOverdue: Math.max(0, daysBetween(d.due, today)),
    link: officeFollowUpLink(d.sketchId),
  }));
  return {
    id: randomUUID(),
    to: profile.office.email,
    kind: 'deadline-digest',
    createdAt: now.toISOString(),
    ...escalationDigestMail(profile, entries, deadlinesLink()),
  };
}

/**
 * One digest for these escalations, each deadline marked as escalated in the same transaction.
 * The deadlines are read again first (a racing run may have reminded or escalated them meanwhile),
 * and again after a lost race: two runs at the same time end with one digest naming all of them.
 */
async function escalate(candidates: Deadline[], rules: ReportRules, now: Date): Promise<number> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await Promise.all(candidates.map((d) => getDeadline(d.sketchId, d.id)));
    const pending = current.filter(
      (d): d is Deadline => d !== undefined && dueActions(d, rules, now).escalate,
    );
    if (pending.length === 0) return 0;
    const mail = digestMail(pending, now);
    const written = await writeIfUnchanged([
      ...pending.map((d) => deadlinePut(markDone(d, ['escalate']), rules, d.revision)),
      outboxItem(mail),
    ]);
    if (written) {
      await deliverNow(mail.id, now);
      return pending.length;
    }
  }
  return 0;
}

export async function handler(): Promise<FollowUpRun> {
  const now = clock.now();
  const rules = config().profile.reports;
  const run: FollowUpRun = {
    runId: randomUUID(),
    read: 0,
    capacity: 0,
    due: 0,
    reminded: 0,
    escalated: 0,
    digests: 0,
    skipped: 0,
    failed: 0,
  };
  const toEscalate: Deadline[] = [];
  // A deadline whose escalation is still ahead of it in the index after its reminder may come again.
  const seen = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    // Paging on from where the last page stopped: a deadline written meanwhile is not read twice.
    const page = await dueDeadlines(now, batch, start);
    run.read += page.read;
    run.capacity += page.capacity;
    start = page.next;
    for (const deadline of page.items) {
      const ref = `${deadline.sketchId}#${deadline.id}`;
      if (seen.has(ref)) continue;
      seen.add(ref);
      run.due += 1;
      try {
        const plan = dueActions(deadline, rules, now);
        if (plan.reminders.length > 0) {
          // Several reminders due at once (the job was down, or the due date moved): one mail.
          const mail = reminderMail(deadline, now);
          const next = markDone(
            deadline,
            plan.reminders.map((a) => a.key),
          );
          if (await writeIfUnchanged([deadlinePut(next, rules, deadline.revision), outboxItem(mail)])) {
            run.reminded += 1;
            await deliverNow(mail.id, now);
          } else run.skipped += 1;
        }
        // Escalated below, all in one digest, whoever sent the reminder.
        if (plan.escalate) toEscalate.push(deadline);
      } catch (error) {
        run.failed += 1;
        logger.warn('deadline not handled this run', {
          sketchId: deadline.sketchId,
          deadlineId: deadline.id,
          error: String(error).slice(0, 300),
        });
      }
    }
  } while (start);
  for (let i = 0; i < toEscalate.length; i += digestSize) {
    try {
      const escalated = await escalate(toEscalate.slice(i, i + digestSize), rules, now);
      run.escalated += escalated;
      if (escalated > 0) run.digests += 1;
    } catch (error) {
      run.failed += 1;
      logger.warn('digest not sent this run', { error: String(error).slice(0, 300) });
    }
  }
  const { runId, ...counts } = run;
  await recordJobRun({
    id: runId,
    job: jobId,
    startedAt: now.toISOString(),
    finishedAt: clock.now().toISOString(),
    counts,
  });
  logger.info('follow-up deadlines', { ...run });
  return run;
}
