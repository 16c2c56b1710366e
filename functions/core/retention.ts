import { addMonths, berlinDate, dueAt } from './dates.ts';
import type { SketchStatus } from './lifecycle.ts';
import type { AllianceProfile } from './profile.ts';

/*
 * Retention (issue 16): how long each kind of personal data is kept, from the profile's `retention`,
 * tied to the event that starts the period. Pure: the job (functions/jobs/retention.ts) and the
 * transition builder ask here when something is due; the privacy notice quotes the same numbers.
 */

export type Retention = AllianceProfile['retention'];

/**
 * What happens to a sketch when its period is over, by the state it is in:
 * - `draft`: a draft (never submitted: deleted; returned and abandoned: pseudonymised), months after its last change;
 * - `decided`: withdrawn, not endorsed or not funded: pseudonymised, months after that decision;
 * - `funded`: closed after the final report: pseudonymised at the end of the year plus the ESF years.
 */
export type SketchRetention = 'draft' | 'decided' | 'funded';

const byStatus: Partial<Record<SketchStatus, SketchRetention>> = {
  draft: 'draft',
  withdrawn: 'decided',
  not_endorsed: 'decided',
  rejected: 'decided',
  closed: 'funded',
};

/** The retention a sketch falls under in `status`; none while the procedure is under way. */
export const retentionOf = (status: SketchStatus): SketchRetention | undefined => byStatus[status];

/**
 * When a sketch's period ends, from the instant of the event that started it: the end of the
 * day in Berlin that many months later (a day the month lacks becomes its last: 31.01. + 1 → 28./29.02.),
 * or, for funded projects, the end of 31 December of that year plus `fundedYears`.
 */
export function sketchRetentionDue(kind: SketchRetention, eventAt: string, retention: Retention): Date {
  const day = berlinDate(new Date(eventAt));
  switch (kind) {
    case 'draft':
      return dueAt(addMonths(day, retention.draftMonths));
    case 'decided':
      return dueAt(addMonths(day, retention.decidedMonths));
    case 'funded':
      return dueAt(`${Number(day.slice(0, 4)) + retention.fundedYears}-12-31`);
  }
}

/** When a sign-in record (a session and its times) is deleted: `signInDays` after it began. */
export const signInRecordUntil = (createdAt: string, retention: Retention): Date =>
  new Date(Date.parse(createdAt) + retention.signInDays * 86_400_000);

/** When an upload never checked is deleted, object and metadata: `pendingUploadHours` after it began. */
export const pendingUploadUntil = (createdAt: string, retention: Retention): Date =>
  new Date(Date.parse(createdAt) + retention.pendingUploadHours * 3_600_000);

/** The applicant's fields that name or reach a person: what pseudonymisation replaces. */
export const applicantPersonalFields = [
  'street',
  'contactName',
  'contactRole',
  'contactEmail',
  'contactPhone',
] as const;

/** An address that cannot reach anyone (the `.invalid` top-level domain), standing for an erased one. */
export const pseudonymAddress = (digest: string) => `${digest.slice(0, 16)}@pseudonym.invalid`;

/**
 * The kind of the mail that confirms an erasure on request (app/privacy.ts), the last mail to a
 * person whose data is gone: once it is sent or suppressed nothing may hold their address, so a
 * bounce or complaint about it marks nothing (core/mail-feedback.ts), and suppressing it removes the
 * address's mark (store/outbox.ts `markMailSuppressed`).
 */
export const erasureConfirmedKind = 'erasure-confirmed';

export const isPseudonym = (email: string) => email.endsWith('@pseudonym.invalid');

/** A sketch's applicant section without what names or reaches a person; organisation and place stay. */
export function pseudonymiseApplicant(applicant: unknown, address: string): unknown {
  if (!applicant || typeof applicant !== 'object') return applicant;
  return {
    ...(applicant as Record<string, unknown>),
    street: 'pseudonymisiert',
    contactName: 'pseudonymisiert',
    contactRole: 'pseudonymisiert',
    contactEmail: address,
    contactPhone: '000000',
  };
}
