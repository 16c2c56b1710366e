/*
 * The tamper-evident audit trail (issue 13, item 6). Every event of a sketch's trail and of a
 * vote's trail carries its position (`seq`, from 1), the hash of its predecessor (`prevHash`; the
 * first event's is `genesis`) and its own hash (`hash`): SHA-256, hex, over the canonical form of
 * the event with `seq` and `prevHash` but without `hash`. The record the trail belongs to keeps the
 * head (the last hash and the length), so removing events at the end shows too.
 *
 * An auditor recomputes it without us: sort the event's fields by name, write them as JSON without
 * whitespace (`canonical`), SHA-256 the UTF-8 bytes. Pure: the hash function is given (node:crypto
 * in the shell; this module also runs in the browser).
 */

/** The fields the chain adds to an event. */
export interface Linked {
  seq: number;
  prevHash: string;
  hash: string;
}

/** Where a trail ends: the hash of its last event and how many it has. */
export interface TrailHead {
  hash: string;
  length: number;
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export type HashText = (text: string) => string;

/** The predecessor of the first event. */
export const genesis = /* @__PURE__ */ '0'.repeat(64);

/**
 * The canonical form: JSON with every object's keys sorted (by code unit, as JS sorts strings),
 * no whitespace, fields whose value is undefined left out (DynamoDB does not store them).
 */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not a finite number');
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol')
      throw new Error(`${typeof value} has no canonical form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  // sort() without a comparator orders strings by code unit, as `<` does; faster than a comparator
  // (the export of a 250-entry trail spent a tenth of its time here).
  const fields = value as Record<string, unknown>;
  let text = '';
  for (const key of Object.keys(fields).sort()) {
    const field = fields[key];
    if (field === undefined) continue;
    text += `${text ? ',' : ''}${JSON.stringify(key)}:${canonical(field)}`;
  }
  return `{${text}}`;
}

/*
 * Personal data in the trail (issue 16). Events linked with a `salt` (every event written since)
 * are hashed in their *digest form*: each personal field (`personalTrailFields`) enters the hash
 * only as its salted digest, SHA-256 of `<salt>:<canonical value>`, collected under `digests`; the
 * salt itself is not hashed. Pseudonymising such an event removes its personal fields and its salt
 * and stores their digests instead: the hashed form stays the same, the chain verifies, and without
 * the salt nobody can test a guessed name or address against a digest.
 * Events linked before (no salt) are hashed whole; pseudonymising one cannot keep its hash
 * computable, so it is *sealed* (`sealedAt`): its content is no longer checked, its position and
 * links still are (docs/architecture.md says what that proves).
 */

/** The fields of a trail event that name or describe a person. */
export const personalTrailFields = [
  'actor',
  'actingFor',
  'by',
  'note',
  'comment',
  'reason',
  'email',
  'holder',
  'name',
  'recordedBy',
] as const;

/** Fields added when an event is pseudonymised: not part of what its hash covers. */
const pseudonymMarks = ['salt', 'pseudonymisedAt', 'sealedAt'];

const isDigestForm = (event: Record<string, unknown>) =>
  typeof event.salt === 'string' || (typeof event.digests === 'object' && event.digests !== null);

const digestOf = (salt: string, value: unknown, sha256: HashText) => sha256(`${salt}:${canonical(value)}`);

/** What is hashed of a stored event: all of it but its own hash (personal fields as digests in the digest form). */
export function hashedForm(event: object, sha256?: HashText): string {
  const { hash: _own, ...rest } = event as Record<string, unknown>;
  if (!isDigestForm(rest)) return canonical(rest);
  if (!sha256) throw new Error('the digest form needs the hash function');
  const salt = typeof rest.salt === 'string' ? rest.salt : '';
  const digests: Record<string, string> = { ...(rest.digests as Record<string, string> | undefined) };
  const content: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(rest)) {
    if (pseudonymMarks.includes(field) || field === 'digests') continue;
    if ((personalTrailFields as readonly string[]).includes(field)) {
      if (value !== undefined) digests[field] = digestOf(salt, value, sha256);
    } else content[field] = value;
  }
  return canonical({ ...content, digests });
}

/** An event's hashed form (`hashedForm`). */
export type FormOf = (event: Record<string, unknown>) => string;

/**
 * `hashedForm` worked out once per event, however often it is asked for: the export checks the
 * trail and then writes each event's form, and the forms (canonical JSON and a digest per personal
 * field) are most of its work. Keyed by the event object, so only for events that do not change.
 */
export function formsOnce(sha256: HashText): FormOf {
  const forms = new Map<object, string>();
  return (event) => {
    let form = forms.get(event);
    if (form === undefined) {
      form = hashedForm(event, sha256);
      forms.set(event, form);
    }
    return form;
  };
}

/**
 * The event as the next one of the trail that ends at `head` (none yet: the first). With a `salt`
 * (random, from the shell), in the digest form, so its personal fields can later be pseudonymised.
 */
export function link<E extends object>(
  event: E,
  head: TrailHead | undefined,
  sha256: HashText,
  salt?: string,
): Omit<E, keyof Linked> & Linked {
  const { seq: _s, prevHash: _p, hash: _h, ...content } = event as Record<string, unknown>;
  const chained = {
    ...content,
    ...(salt ? { salt } : {}),
    seq: (head?.length ?? 0) + 1,
    prevHash: head?.hash ?? genesis,
  };
  return { ...chained, hash: sha256(hashedForm(chained, sha256)) } as Omit<E, keyof Linked> & Linked;
}

/**
 * A stored event without its personal fields: in the digest form their digests stay (the hash still
 * verifies); an event from before is sealed. Undefined when it holds nothing personal.
 */
export function pseudonymiseEvent(
  event: Record<string, unknown>,
  sha256: HashText,
  at: string,
): Record<string, unknown> | undefined {
  const personal = personalTrailFields.filter((f) => event[f] !== undefined);
  if (!personal.length) return undefined;
  const rest = Object.fromEntries(
    Object.entries(event).filter(([k]) => !(personalTrailFields as readonly string[]).includes(k)),
  );
  if (!isDigestForm(event)) return { ...rest, sealedAt: at };
  const salt = typeof event.salt === 'string' ? event.salt : '';
  const digests: Record<string, string> = { ...(event.digests as Record<string, string> | undefined) };
  for (const field of personal) digests[field] = digestOf(salt, event[field], sha256);
  const { salt: _salt, ...kept } = rest;
  return { ...kept, digests, pseudonymisedAt: at };
}

/** The head of a trail whose last event is `event`. */
export const headOf = (event: Linked): TrailHead => ({ hash: event.hash, length: event.seq });

/** Events in order, each linked to the one before: what a migration writes onto events stored without a chain. */
export function linkAll<E extends object>(
  events: readonly E[],
  sha256: HashText,
): (Omit<E, keyof Linked> & Linked)[] {
  const linked: (Omit<E, keyof Linked> & Linked)[] = [];
  for (const event of events) {
    const before = linked.at(-1);
    linked.push(link(event, before ? headOf(before) : undefined, sha256));
  }
  return linked;
}

/**
 * Why a trail does not verify, at its first broken event:
 * - `unchained`: the event has no hash (written before the chain, and no migration linked it);
 * - `altered`: its content does not give its hash;
 * - `link`: it does not name its predecessor's hash (the predecessor was altered or replaced);
 * - `missing`: its position is not the next one (an event before it is gone, or doubled);
 * - `head`: the record's head is not the last event (events at the end are gone, or added).
 */
export const trailBreaks = ['unchained', 'altered', 'link', 'missing', 'head'] as const;
export type TrailBreak = (typeof trailBreaks)[number];

export type TrailCheck =
  | { ok: true; length: number }
  | { ok: false; length: number; position: number; at?: string; reason: TrailBreak };

const isLinked = (event: Record<string, unknown>): boolean =>
  Number.isSafeInteger(event.seq) && typeof event.prevHash === 'string' && typeof event.hash === 'string';
const atOf = (event: Record<string, unknown> | undefined) =>
  typeof event?.at === 'string' ? { at: event.at } : {};

/**
 * Checks a trail: its events as stored (in the order of their keys, by time) and the head its
 * record keeps. Answers ok, or the first broken event: its position (from 1) and time.
 */
export function verifyTrail(
  stored: readonly Record<string, unknown>[],
  head: TrailHead | undefined,
  sha256: HashText,
  formOf: FormOf = (event) => hashedForm(event, sha256),
): TrailCheck {
  const length = stored.length;
  const broken = (position: number, reason: TrailBreak, event?: Record<string, unknown>): TrailCheck => ({
    ok: false,
    length,
    position,
    ...atOf(event),
    reason,
  });
  const unchained = stored.findIndex((e) => !isLinked(e));
  if (unchained >= 0) return broken(unchained + 1, 'unchained', stored[unchained]);
  // The chain, not the clock, orders the events: two Lambdas' clocks may disagree by a little.
  const events = [...stored].sort((a, b) => (a.seq as number) - (b.seq as number));
  let before = genesis;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i + 1) return broken(i + 1, 'missing', event);
    if (event.prevHash !== before) return broken(i + 1, 'link', event);
    // A sealed event (pseudonymised before the digest form) keeps its place and links, not its content.
    const sealed = typeof event.sealedAt === 'string' && !isDigestForm(event);
    if (!sealed && sha256(formOf(event)) !== event.hash) return broken(i + 1, 'altered', event);
    before = event.hash as string;
  }
  if (!head) return length === 0 ? { ok: true, length } : broken(length, 'head', events.at(-1));
  if (head.length > length) return broken(length + 1, 'head');
  if (head.length !== length || head.hash !== before) return broken(length, 'head', events.at(-1));
  return { ok: true, length };
}
