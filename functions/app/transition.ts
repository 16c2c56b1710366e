import { randomUUID } from 'node:crypto';
import { after, auditEvent, type Role, type TransitionRule } from '../core/lifecycle.ts';
import { retentionOf, sketchRetentionDue } from '../core/retention.ts';
import { headOf } from '../core/trail.ts';
import { config } from '../platform/config.ts';
import { localEntryItems } from '../store/local.ts';
import { sketchRetentionItem } from '../store/retention.ts';
import {
  eventItem,
  newSketchItem,
  type SketchRecord,
  sketchPutItem,
  type TransactItem,
} from '../store/sketches.ts';
import { linkEvent } from '../store/trail.ts';

/*
 * The one transition builder: every change of a sketch's state becomes the same items for one
 * transaction — the record at its next version (conditional on the version it was read at, or on
 * not existing yet) and its audit event. The caller adds the change's mails and whatever else
 * belongs to it and writes them together, so no state changes without its event, and no event is
 * written for a change that was not stored. The event is linked onto the sketch's hash chain
 * (core/trail.ts) and the record keeps the chain's new head: the record's version condition makes
 * the chain as serial as the record. A record from before the chain (no head yet) starts one; the
 * `trailChain` migration links its earlier events in front of it. A change that shows the sketch
 * to a sub-region's local alliance, or hides it again, writes its entries in that list
 * (store/local.ts `localEntryItems`).
 */

export interface SketchTransition {
  /** The sketch as read; absent for a sketch that is being created. */
  sketch: SketchRecord | undefined;
  /** A lifecycle transition (core/transitions.ts), or the creation. */
  transition: TransitionRule | 'create';
  role: Role;
  actor: string;
  /** Whom the actor acts for, when it is someone else (the office for a seat, a deputy for a member). */
  actingFor?: string;
  at: Date;
  /** What else changes on the record (for `create`: the whole new record). */
  update?: Partial<SketchRecord>;
  note?: string;
}

export interface Transitioned {
  record: SketchRecord;
  items: TransactItem[];
}

export function sketchTransition(change: SketchTransition): Transitioned {
  const { sketch, transition, role, actor } = change;
  const at = change.at.toISOString();
  if (transition === 'create' || !sketch) {
    const created = change.update as SketchRecord;
    const event = linkEvent(
      auditEvent({
        sketchId: created.id,
        transition: 'create',
        from: null,
        to: created.status,
        actor,
        role,
        at,
      }),
      undefined,
    );
    const record: SketchRecord = { ...created, trail: headOf(event) };
    return {
      record,
      items: [newSketchItem(record), eventItem(event, randomUUID()), ...retentionItems(record, at)],
    };
  }
  const status = after(sketch.status, transition, role);
  const event = linkEvent(
    auditEvent({
      sketchId: sketch.id,
      transition: transition.name,
      from: sketch.status,
      to: status,
      actor,
      role,
      at,
      ...(change.actingFor ? { actingFor: change.actingFor } : {}),
      ...(change.note ? { note: change.note } : {}),
    }),
    sketch.trail,
  );
  const record: SketchRecord = {
    ...sketch,
    ...change.update,
    status,
    version: sketch.version + 1,
    updatedAt: at,
    trail: headOf(event),
  };
  return {
    record,
    items: [
      sketchPutItem(record, sketch.version),
      eventItem(event, randomUUID()),
      ...(status !== sketch.status ? retentionItems(record, at) : []),
      ...localEntryItems(sketch, record),
    ],
  };
}

/**
 * The retention period a state starts (core/retention.ts), written with the change that enters it:
 * a draft's (moved on by later saves, see jobs/retention.ts), a decision's, a closed project's.
 */
function retentionItems(record: SketchRecord, at: string): TransactItem[] {
  const kind = retentionOf(record.status);
  if (!kind) return [];
  return [sketchRetentionItem(record.id, kind, sketchRetentionDue(kind, at, config().profile.retention))];
}
