import * as z from 'zod/mini';
import { erasureConfirmedKind } from './retention.ts';

/*
 * What SES tells about a mail after it left (its event publishing format, through the feedback
 * topic): a bounce or a complaint. A permanent bounce and a complaint mark the address, so nothing
 * more is sent to it; a transient bounce (mailbox full, greylisting) marks nothing.
 */

// Built in pure calls: a bundle that imports this module for its types or helpers builds neither.
const recipient = /* @__PURE__ */ (() => z.object({ emailAddress: z.string() }))();
/** The sent mail the event is about: its tags as SES publishes them (ours: `kind`, app/outbox.ts). */
const sentMail = /* @__PURE__ */ (() =>
  z.optional(z.object({ tags: z.optional(z.record(z.string(), z.array(z.string()))) })))();

const sesEvent = /* @__PURE__ */ (() =>
  z.union([
    z.object({
      eventType: z.literal('Bounce'),
      bounce: z.object({
        bounceType: z.string(),
        bounceSubType: z.optional(z.string()),
        bouncedRecipients: z.array(recipient),
        timestamp: z.string(),
      }),
      mail: sentMail,
    }),
    z.object({
      eventType: z.literal('Complaint'),
      complaint: z.object({
        complainedRecipients: z.array(recipient),
        complaintFeedbackType: z.optional(z.string()),
        timestamp: z.string(),
      }),
      mail: sentMail,
    }),
  ]))();

export type SuppressionReason = 'bounce' | 'complaint';

/** An address no more mail goes to, and why. */
export interface Suppression {
  address: string;
  reason: SuppressionReason;
  /** SES's word for it (bounce subtype or complaint feedback type), for the office. */
  detail: string;
  at: string;
}

/** The addresses one SES event marks ([] for a transient bounce or an event of another kind). */
export function suppressionsOf(message: unknown): Suppression[] {
  const parsed = sesEvent.safeParse(message);
  if (!parsed.success) return [];
  const event = parsed.data;
  // The last mail to an erased person: a mark would store their address again (core/retention.ts).
  if (event.mail?.tags?.kind?.includes(erasureConfirmedKind)) return [];
  if (event.eventType === 'Bounce') {
    if (event.bounce.bounceType !== 'Permanent') return [];
    return event.bounce.bouncedRecipients.map((r) => ({
      address: r.emailAddress.toLowerCase(),
      reason: 'bounce',
      detail: event.bounce.bounceSubType ?? 'General',
      at: event.bounce.timestamp,
    }));
  }
  return event.complaint.complainedRecipients.map((r) => ({
    address: r.emailAddress.toLowerCase(),
    reason: 'complaint',
    detail: event.complaint.complaintFeedbackType ?? 'abuse',
    at: event.complaint.timestamp,
  }));
}
