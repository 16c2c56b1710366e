import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../core/errors.ts';
import * as httpMessages from '../core/http-messages.de.ts';
import type { Role, TransitionRule } from '../core/lifecycle.ts';
import { statementsMissing } from '../core/local.ts';
import { nextStep, readableNote, type SketchDoc } from '../core/sketch-doc.ts';
import type { MailContent } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import { documentOrderItem, type NewDocument } from '../store/documents.ts';
import { type OutboxMail, outboxItem } from '../store/outbox.ts';
import {
  getEvents,
  getSketch,
  replaceSketch,
  type SketchRecord,
  type TransactItem,
} from '../store/sketches.ts';
import type { Caller } from './caller.ts';
import { deliverNow } from './outbox.ts';
import { sketchTransition } from './transition.ts';
import { sketchViewer } from './visibility.ts';

/*
 * The shell around a sketch shared by its handlers: load it for whoever asks, answer it as a
 * document, and store a change with its audit event and mail in one transaction.
 */

const notYours = () => new NotFoundError(httpMessages.sketchNotFound);

/**
 * The sketch if the caller owns it, or (unless `ownerOnly`) is an admin or acts for a seat in its
 * vote; else 404, so ids reveal nothing.
 */
export async function loadSketch(
  id: string | undefined,
  caller: Caller,
  { ownerOnly = false } = {},
): Promise<SketchRecord> {
  const sketch = id ? await getSketch(id) : undefined;
  if (!sketch) throw notYours();
  // A sketch kept after its applicant's erasure (a retention duty) is locked: only the office reads it.
  if (sketch.ownerEmail === caller.email && !sketch.locked) return sketch;
  if (ownerOnly) throw notYours();
  if (caller.roles.includes('admin')) return sketch;
  // Members of the steering group read the sketches put to their seat, before and after the decision.
  if (caller.roles.includes('member') && (await sketchViewer(sketch, caller)).seatIds.length > 0)
    return sketch;
  throw notYours();
}

/** Whom the caller acts as on this sketch: its applicant when they own it, else the office. */
export const actingRole = (sketch: SketchRecord, caller: Caller): Role =>
  sketch.ownerEmail === caller.email ? 'applicant' : 'admin';

export const sketchLink = (id: string, page: '' | '/bearbeiten' = '') =>
  `${config().PUBLIC_URL}/skizzen/${encodeURIComponent(id)}${page}`;

export async function toDoc(record: SketchRecord): Promise<SketchDoc> {
  const {
    submitKey: _key,
    title: _t,
    organisation: _o,
    subRegionIds: _r,
    priorityIds: _p,
    costCents: _c,
    esfCents: _e,
    trail: _trail,
    pseudonymisedAt: _pseudonymised,
    locked: _locked,
    draftOpenSteps: _steps,
    ...doc
  } = record;
  return {
    ...doc,
    events: (await getEvents(record.id)).map((event) =>
      event.note ? { ...event, note: readableNote(event.note) } : event,
    ),
    nextStep: nextStep({
      status: record.status,
      returned: record.returned,
      statementsComplete: statementsMissing(config().profile, record).length === 0,
      names: config().profile.names,
    }),
  };
}

export interface SketchCommit {
  sketch: SketchRecord;
  caller: Caller;
  role: Role;
  now: Date;
  /** A lifecycle transition (core/transitions.ts; some record a fact and keep the state, e.g. a local statement). */
  transition: TransitionRule;
  update?: Partial<SketchRecord>;
  note?: string;
  /** The mails this change causes, stored with it and sent right after. */
  mails?: OutboxMail[];
  also?: TransactItem[];
}

/**
 * Stores a change of a sketch: the new record (if nobody changed it meanwhile), its audit event,
 * its mails and whatever else belongs to it in one transaction, then sends the mails. The one
 * write path for every change of a sketch's state; answers the record as it now is.
 */
export async function commitSketchChange(change: SketchCommit): Promise<SketchRecord> {
  const { sketch, caller, role, transition } = change;
  const { record, items } = sketchTransition({
    sketch,
    transition,
    role,
    actor: caller.email,
    at: change.now,
    ...(change.update ? { update: change.update } : {}),
    ...(change.note ? { note: change.note } : {}),
  });
  const mails = change.mails ?? [];
  await replaceSketch(sketch.id, sketch.version, [
    ...items,
    ...mails.map(outboxItem),
    ...(change.also ?? []),
  ]);
  // A mail that carries a document is held until the render job has made it, and sent by that job.
  for (const mail of mails) if (!mail.documentIds?.length) await deliverNow(mail.id, change.now);
  return record;
}

export interface SketchChange extends Omit<SketchCommit, 'mails'> {
  /** The mail to the applicant this change causes, with the documents it carries (ordered with it). */
  mail?: { kind: string; content: MailContent; documents?: { id: string; document: NewDocument }[] };
}

/** A change of a sketch with at most one mail, to its applicant; answers the sketch as a document. */
export async function changeSketch({ mail, ...change }: SketchChange): Promise<SketchDoc> {
  const mailId = randomUUID();
  const documents = mail?.documents ?? [];
  const updated = await commitSketchChange({
    ...change,
    ...(mail
      ? {
          mails: [
            {
              id: mailId,
              to: change.sketch.ownerEmail,
              kind: mail.kind,
              sketchId: change.sketch.id,
              createdAt: change.now.toISOString(),
              ...mail.content,
              ...(documents.length ? { documentIds: documents.map((d) => d.id) } : {}),
            },
          ],
        }
      : {}),
    also: [...(change.also ?? []), ...documents.map((d) => documentOrderItem(d.id, d.document, [mailId]))],
  });
  return toDoc(updated);
}
