import { randomBytes, randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import { ConflictError } from '../core/errors.ts';
import { privacyTexts as t } from '../core/privacy.de.ts';
import {
  erasureConfirmedKind,
  isPseudonym,
  pseudonymAddress,
  pseudonymiseApplicant,
  retentionOf,
  type SketchRetention,
  sketchRetentionDue,
} from '../core/retention.ts';
import { pseudonymiseEvent } from '../core/trail.ts';
import { erasureConfirmedMail } from '../mail/templates.de.ts';
import { config } from '../platform/config.ts';
import { deleteObjects, objectKeys, readObject } from '../store/attachments.ts';
import { isAdmin } from '../store/auth.ts';
import { documentIds, getDocument } from '../store/documents.ts';
import * as prefix from '../store/key-prefixes.ts';
import * as keys from '../store/keys.ts';
import { outboxItem } from '../store/outbox.ts';
import { personHash } from '../store/person.ts';
import {
  type DueItem,
  deleteIfStillDue,
  deleteItems,
  dueRetention,
  getItem,
  logRetention,
  mailItemsTo,
  moveSketchRetention,
  putItem,
  sessionItemsOf,
  sketchIdsOf,
  sketchPartition,
  storedAnswersOf,
} from '../store/retention.ts';
import { getSketch, writeChange } from '../store/sketches.ts';
import { sha256 } from '../store/trail.ts';
import { holdsSeat, listSeats } from '../store/votes.ts';

/*
 * Privacy (issue 16): the retention job's work, the person's export and the erasure on request.
 * All of it finds what belongs to a sketch by its partition and what belongs to a person by the
 * indexes by address (their sketches, mails, sessions), never by reading the table.
 */

type Item = Record<string, unknown>;
const storageKeys = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt']);
const withoutKeys = (item: Item): Item =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !storageKeys.has(k)));
const skOf = (item: Item) => String(item.sk);
const record = (value: unknown): Item =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Item) : {};

/** Replaces every occurrence of the given texts (names, addresses) anywhere in a value. */
function scrub(value: unknown, secrets: readonly string[], replacement: string): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const secret of secrets) out = out.split(secret).join(replacement);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, replacement));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, replacement)]));
  return value;
}

/** What names or reaches the applicant in a sketch's partition: its owner and the contact of every version. */
function personalTexts(items: readonly Item[]): string[] {
  const texts = new Set<string>();
  for (const item of items) {
    if (typeof item.ownerEmail === 'string' && !isPseudonym(item.ownerEmail)) texts.add(item.ownerEmail);
    const applicant = record(record(item.draft ?? item.sketch).applicant);
    for (const field of ['contactName', 'contactEmail', 'contactPhone', 'street'])
      if (typeof applicant[field] === 'string') texts.add(applicant[field] as string);
  }
  // Short texts (initials, "–") would replace parts of ordinary words.
  return [...texts].filter((x) => x.length >= 4 && x !== 'pseudonymisiert' && !isPseudonym(x));
}

export interface Removed {
  items: number;
  files: number;
}

/** The files of a sketch's attachments, checked and pending. */
const fileKeys = (items: readonly Item[]) =>
  items
    .filter((i) => skOf(i).startsWith(prefix.attachment))
    .flatMap((i) => [
      objectKeys.pending(String(i.sketchId), String(i.id)),
      objectKeys.stored(String(i.sketchId), String(i.id)),
    ]);

/** The Votum letters of a sketch (the decision itself stays on its record). */
function letterKeys(sketch: Item) {
  const count = Array.isArray(sketch.vota) ? sketch.vota.length : 0;
  return Array.from({ length: count }, (_, i) =>
    keys.document(documentIds.votumLetter(String(sketch.id), i + 1)),
  );
}

/** The mails to the owner about this sketch. */
async function mailsAbout(owner: string, sketchId: string): Promise<Item[]> {
  if (isPseudonym(owner)) return [];
  return (await mailItemsTo(owner)).filter((m) => m.sketchId === sketchId);
}

/** Deletes a sketch with everything of it: a draft never submitted. */
export async function deleteSketch(sketchId: string): Promise<Removed> {
  const items = await sketchPartition(sketchId);
  const sketch = items.find((i) => i.sk === 'SKETCH');
  const files = fileKeys(items);
  await deleteObjects(files);
  const mails = sketch ? await mailsAbout(String(sketch.ownerEmail), sketchId) : [];
  const letters = sketch ? letterKeys(sketch) : [];
  await deleteItems([...items, ...mails, ...letters, keys.retention(sketchId)] as {
    pk: unknown;
    sk: unknown;
  }[]);
  return { items: items.length + mails.length + letters.length, files: files.length / 2 };
}

/**
 * Pseudonymises a sketch: the applicant's contact (record, every version, deadlines) replaced, the
 * owner's address by one that reaches nobody, the audit trail's personal fields by their digests
 * (the chain still verifies), the attachments, the Votum letters and the mails to the owner about
 * it deleted. What stays: title, organisation, the figures, the states and the decisions.
 */
export async function pseudonymiseSketch(sketchId: string, now: Date): Promise<Removed> {
  const items = await sketchPartition(sketchId);
  const sketch = items.find((i) => i.sk === 'SKETCH');
  if (!sketch) return { items: 0, files: 0 };
  const owner = String(sketch.ownerEmail);
  const address = isPseudonym(owner) ? owner : pseudonymAddress(randomBytes(16).toString('hex'));
  const secrets = personalTexts(items);
  const at = now.toISOString();
  const files = fileKeys(items);
  await deleteObjects(files);
  const mails = await mailsAbout(owner, sketchId);
  const letters = letterKeys(sketch);
  const attachments = items.filter((i) => skOf(i).startsWith(prefix.attachment));
  await deleteItems([...attachments, ...mails, ...letters] as { pk: unknown; sk: unknown }[]);
  let rewritten = 0;
  for (const item of items) {
    const sk = skOf(item);
    let next: Item | undefined;
    if (sk === 'SKETCH') {
      const { gsi2pk: _g, gsi2sk: _s, returned: _r, ...rest } = item;
      const draft = record(rest.draft);
      next = scrub(
        {
          ...rest,
          ownerEmail: address,
          ...(rest.draft
            ? { draft: { ...draft, applicant: pseudonymiseApplicant(draft.applicant, address) } }
            : {}),
          pseudonymisedAt: at,
        },
        secrets,
        t.pseudonym,
      ) as Item;
    } else if (sk.startsWith(prefix.sketchVersion)) {
      const version = record(item.sketch);
      next = scrub(
        { ...item, sketch: { ...version, applicant: pseudonymiseApplicant(version.applicant, address) } },
        secrets,
        t.pseudonym,
      ) as Item;
    } else if (sk.startsWith(prefix.sketchEvent)) {
      const { pk, sk: eventSk, ...event } = item;
      const pseudonymised = pseudonymiseEvent(event, sha256, at);
      next = pseudonymised ? { pk, sk: eventSk, ...pseudonymised } : undefined;
    } else if (sk.startsWith(prefix.deadline)) {
      next = scrub(item, [...secrets, owner], address) as Item;
    }
    if (next && JSON.stringify(next) !== JSON.stringify(item)) {
      await putItem(next);
      rewritten += 1;
    }
  }
  return { items: rewritten + attachments.length + mails.length + letters.length, files: attachments.length };
}

export interface RetentionRun {
  deleted: number;
  pseudonymised: number;
  sessions: number;
  uploads: number;
  moved: number;
}

/** One due item handled; what it did. */
async function expire(item: DueItem, now: Date, run: RetentionRun): Promise<void> {
  const retention = config().profile.retention;
  const at = now.toISOString();
  if (item.kind === 'session') {
    if (await deleteIfStillDue(item, item.gsi1sk)) run.sessions += 1;
    return;
  }
  if (item.kind === 'upload') {
    const meta = await getItem(item);
    if (meta?.status === 'pending') {
      await deleteObjects([objectKeys.pending(String(meta.sketchId), String(meta.id))]);
      if (await deleteIfStillDue(item, item.gsi1sk)) run.uploads += 1;
    }
    return;
  }
  const sketchId = item.sketchId ?? '';
  const sketch = await getSketch(sketchId);
  const kind = sketch ? retentionOf(sketch.status) : undefined;
  // The sketch moved on (or is gone): the period its new state starts was written with that change.
  if (!sketch || kind !== item.kind) {
    await deleteIfStillDue(keys.retention(sketchId), item.gsi1sk);
    return;
  }
  if (kind === 'draft') {
    const due = sketchRetentionDue('draft', sketch.updatedAt, retention);
    if (due > now) {
      await moveSketchRetention(sketchId, due, item.gsi1sk);
      run.moved += 1;
      return;
    }
  }
  const neverSubmitted = kind === 'draft' && !sketch.submittedAt;
  const removed = neverSubmitted ? await deleteSketch(sketchId) : await pseudonymiseSketch(sketchId, now);
  if (!neverSubmitted) await deleteIfStillDue(keys.retention(sketchId), item.gsi1sk);
  if (neverSubmitted) run.deleted += 1;
  else run.pseudonymised += 1;
  await logRetention({
    at,
    action: neverSubmitted ? 'deleted' : 'pseudonymised',
    kind: kind as SketchRetention,
    sketchId,
    ...removed,
  });
}

/** The retention job's work: everything due by `now`, in batches, until nothing due is left. */
export async function runRetention(
  now: Date,
  onError: (item: DueItem, error: unknown) => void,
): Promise<RetentionRun> {
  const run: RetentionRun = { deleted: 0, pseudonymised: 0, sessions: 0, uploads: 0, moved: 0 };
  const tried = new Set<string>();
  for (;;) {
    const due = (await dueRetention(now, 50)).filter((item) => !tried.has(`${item.pk}|${item.sk}`));
    if (!due.length) break;
    for (const item of due) {
      tried.add(`${item.pk}|${item.sk}`);
      try {
        await expire(item, now, run);
      } catch (error) {
        onError(item, error);
      }
    }
  }
  if (run.sessions || run.uploads)
    await logRetention({
      at: now.toISOString(),
      action: 'deleted',
      kind: run.sessions ? 'session' : 'upload',
      items: run.sessions + run.uploads,
      files: run.uploads,
    });
  return run;
}

// ---------------------------------------------------------------------------------------------
// The export: everything about one person, as a ZIP of JSON and the files.

const emailPattern = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;

/**
 * Addresses of other people (the office's staff, members) replaced: the export holds only the
 * person's own (their account's, and the contact addresses they typed into their sketches).
 */
function othersRedacted(value: unknown, own: ReadonlySet<string>): unknown {
  if (typeof value === 'string')
    return value.replace(emailPattern, (found) => (own.has(found.toLowerCase()) ? found : t.otherPerson));
  if (Array.isArray(value)) return value.map((v) => othersRedacted(v, own));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, othersRedacted(v, own)]));
  return value;
}

const fileSafe = (name: string) => name.replace(/[^A-Za-z0-9äöüÄÖÜß._-]+/g, '_').slice(0, 80) || 'datei';

/** The person's data: their sketches (every version, events, decisions, deadlines, files), mails, sign-ins, seats. */
export async function exportPerson(email: string, now: Date): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  const sketches = [];
  for (const id of await sketchIdsOf(email)) {
    const items = await sketchPartition(id);
    const sketch = items.find((i) => i.sk === 'SKETCH');
    if (!sketch || sketch.ownerEmail !== email) continue;
    const part = (p: string) => items.filter((i) => skOf(i).startsWith(p)).map(withoutKeys);
    const attachments = part(prefix.attachment).filter((a) => a.status === 'ready');
    for (const a of attachments) {
      const bytes = await readObject(objectKeys.stored(id, String(a.id)));
      if (bytes)
        files[`skizzen/${id}/anlagen/${String(a.id).slice(0, 8)}-${fileSafe(String(a.fileName))}`] = bytes;
    }
    for (const [n] of letterKeys(sketch).entries()) {
      const letter = await getDocument(documentIds.votumLetter(id, n + 1));
      if (letter?.status === 'issued') files[`skizzen/${id}/votum-${n + 1}.pdf`] = letter.bytes;
    }
    sketches.push({
      sketch: withoutKeys(sketch),
      versions: part(prefix.sketchVersion),
      // Who acted is the person themselves or a role: the office's staff are other people.
      events: part(prefix.sketchEvent)
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map((e) => ({
          at: e.at,
          transition: e.transition,
          from: e.from,
          to: e.to,
          role: e.role,
          ...(e.actor === email ? { actor: email } : {}),
          ...(typeof e.note === 'string' ? { note: e.note } : {}),
        })),
      deadlines: part(prefix.deadline),
      attachments: attachments.map(
        ({ id: aid, kind, fileName, size, contentType, createdAt, checkedAt }) => ({
          id: aid,
          kind,
          fileName,
          size,
          contentType,
          createdAt,
          checkedAt,
        }),
      ),
    });
  }
  const mails = (await mailItemsTo(email)).map((m) => ({
    id: m.id,
    kind: m.kind,
    subject: m.subject,
    createdAt: m.createdAt,
    ...(m.sentAt ? { sentAt: m.sentAt } : {}),
    status: m.status,
    ...(typeof m.text === 'string' ? { text: m.text } : { bodyDroppedAt: m.bodyDroppedAt }),
    ...(m.sketchId ? { sketchId: m.sketchId } : {}),
  }));
  const signIns = (await sessionItemsOf(email)).map((s) => ({
    createdAt: s.createdAt,
    idleUntil: s.idleUntil,
    absoluteUntil: s.absoluteUntil,
    roles: s.roles,
  }));
  const seats = (await listSeats()).flatMap((seat) => {
    const held =
      seat.member?.email === email
        ? 'member'
        : seat.deputies?.some((d) => d.email === email)
          ? 'deputy'
          : undefined;
    return held ? [{ seatId: seat.id, institution: seat.institution, as: held }] : [];
  });
  const own = new Set([email.toLowerCase()]);
  for (const { sketch, versions } of sketches)
    for (const typed of [sketch.draft, ...versions.map((v) => v.sketch)]) {
      const contact = record(record(typed).applicant).contactEmail;
      if (typeof contact === 'string') own.add(contact.toLowerCase());
    }
  const data = othersRedacted(
    {
      about: t.exportAbout(config().profile.name, now.toISOString()),
      person: email,
      exportedAt: now.toISOString(),
      sketches,
      mails,
      signIns,
      seats,
    },
    own,
  );
  files['daten.json'] = encoder.encode(`${JSON.stringify(data, null, 2)}\n`);
  files['LIESMICH.txt'] = encoder.encode(t.readme);
  return zipSync(files, { level: 6, mtime: now });
}

// ---------------------------------------------------------------------------------------------
// Erasure on request (Art. 17 DSGVO), by the office.

/** States in which a retention duty keeps a sketch: the funded project's documents (ESF). */
const keptByDuty = new Set(['endorsed', 'funded', 'running', 'report_due', 'closed']);

export interface ErasureResult {
  deleted: number;
  pseudonymised: number;
  mails: number;
  signIns: number;
  files: number;
  kept: { sketchId: string; title: string; until: string }[];
}

/**
 * Erases a person's data, except what a retention duty keeps (then locked: the applicant can no
 * longer change it, and it is listed in the answer and the mail). The confirmation mail is stored
 * after their mails are deleted and left to the outbox job (every minute), which sends it and in the
 * same update replaces its recipient with the pseudonym address and drops its body
 * (`pseudonymOnceSent`): until it is sent, that one outbox item still holds the address. Sending it
 * here would bring SES into this function for one rare mail.
 */
export async function erasePerson(
  email: string,
  reason: string,
  by: string,
  now: Date,
): Promise<ErasureResult> {
  if (await isAdmin(email)) throw new ConflictError(t.erasure.isAdmin, 'is_admin');
  if (await holdsSeat(email)) throw new ConflictError(t.erasure.holdsSeat, 'holds_seat');
  const at = now.toISOString();
  const person = await personHash(email);
  const result: ErasureResult = { deleted: 0, pseudonymised: 0, mails: 0, signIns: 0, files: 0, kept: [] };
  const retention = config().profile.retention;
  for (const id of await sketchIdsOf(email)) {
    const sketch = await getSketch(id);
    if (!sketch || sketch.ownerEmail !== email) continue;
    if (keptByDuty.has(sketch.status)) {
      const until = sketchRetentionDue('funded', sketch.updatedAt, retention).toISOString();
      await putItem({
        ...(await getItem(keys.sketch(id))),
        locked: { at, reason: t.erasure.lockReason },
      });
      result.kept.push({ sketchId: id, title: sketch.title, until });
      continue;
    }
    const removed = sketch.submittedAt ? await pseudonymiseSketch(id, now) : await deleteSketch(id);
    if (sketch.submittedAt) {
      await deleteItems([keys.retention(id)]);
      result.pseudonymised += 1;
    } else result.deleted += 1;
    result.files += removed.files;
  }
  const mails = await mailItemsTo(email);
  const sessions = await sessionItemsOf(email);
  const answers = await storedAnswersOf(email);
  await deleteItems([...mails, ...sessions, ...answers] as { pk: unknown; sk: unknown }[]);
  result.mails = mails.length;
  result.signIns = sessions.length;
  await logRetention({
    at,
    action: 'erased',
    kind: 'request',
    items: result.deleted + result.pseudonymised + result.mails + result.signIns,
    files: result.files,
    by,
    reason,
    person,
    kept: result.kept.map((k) => k.sketchId),
  });
  // The confirmation: once sent, its record (subject, kind, time) is what stays of the mails to them.
  const { profile } = config();
  await writeChange([
    outboxItem({
      id: randomUUID(),
      to: email,
      kind: erasureConfirmedKind,
      createdAt: at,
      ...erasureConfirmedMail(profile, result.kept, config().PUBLIC_URL),
      pseudonymOnceSent: pseudonymAddress(person),
    }),
  ]);
  return result;
}
