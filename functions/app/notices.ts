import { randomUUID } from 'node:crypto';
import type { MailContent } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import type { OutboxMail } from '../store/outbox.ts';
import type { SketchRecord } from '../store/sketches.ts';

/*
 * The mails of a step: to the sketch's owner (every step, issue 15 item 6) and to the office (each
 * submission, or its daily digest). Built here, stored with the change in its transaction.
 */

export function ownerMail(
  sketch: Pick<SketchRecord, 'id' | 'ownerEmail'>,
  kind: string,
  content: MailContent,
  at: Date,
): OutboxMail {
  return {
    id: randomUUID(),
    to: sketch.ownerEmail,
    kind,
    sketchId: sketch.id,
    createdAt: at.toISOString(),
    ...content,
  };
}

export function officeMail(kind: string, content: MailContent, at: Date, sketchId?: string): OutboxMail {
  return {
    id: randomUUID(),
    to: config().profile.office.email,
    kind,
    ...(sketchId ? { sketchId } : {}),
    createdAt: at.toISOString(),
    ...content,
  };
}

export const adminSketchLink = (id: string) =>
  `${config().PUBLIC_URL}/verwaltung/skizzen/${encodeURIComponent(id)}`;
export const adminListLink = () => `${config().PUBLIC_URL}/verwaltung`;
