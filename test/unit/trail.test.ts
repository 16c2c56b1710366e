import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonical,
  genesis,
  hashedForm,
  headOf,
  type Linked,
  link,
  linkAll,
  type TrailHead,
  verifyTrail,
} from '../../functions/core/trail.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Event = Record<string, unknown>;

/** Events as the trails hold them: a time, a kind, and fields of the kinds DynamoDB gives back. */
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const event = fc.record({
  at: fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  kind: fc.constantFrom('create', 'submit', 'ballot', 'handover', 'close'),
  fields: fc.dictionary(
    fc.stringMatching(/^[a-z]{1,8}$/).filter((k) => !['at', 'kind', 'seq', 'hash'].includes(k)),
    value,
    { maxKeys: 4 },
  ),
});
const events = fc
  .array(event, { maxLength: 12 })
  .map((list) => list.map(({ fields, ...e }) => ({ ...fields, ...e })));

/** Links events one by one, as the writers do, and answers them with the head their record keeps. */
function chained(list: Event[]): { stored: (Event & Linked)[]; head: TrailHead | undefined } {
  let head: TrailHead | undefined;
  const stored = list.map((e) => {
    const linked = link(e, head, sha256);
    head = headOf(linked);
    return linked;
  });
  return { stored, head };
}

/** A value that surely has another canonical form. */
function changed(old: unknown): unknown {
  if (typeof old === 'string') return `${old}x`;
  if (typeof old === 'number') return old + 1;
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return [...old, 'x'];
  return 'x';
}

describe('the canonical form', () => {
  it('sorts keys at every depth, writes no whitespace and leaves out what is undefined', () => {
    // Prepare
    const value = { b: 1, a: { d: [1, 'x', null], c: null }, e: undefined, ä: 'ü' };

    // Act
    const form = canonical(value);

    // Assess
    expect(form).toBe('{"a":{"c":null,"d":[1,"x",null]},"b":1,"ä":"ü"}');
  });

  it('orders keys by UTF-16 code unit, index-like keys and a first undefined field included', () => {
    // Prepare: JavaScript lists index-like keys ("10", "9") first and in numeric order
    const value = { a: undefined, b: 1, B: 2, 10: 3, 9: 4, '😀': 5, ÿ: 6 };

    // Act
    const form = canonical(value);

    // Assess
    expect(form).toBe('{"10":3,"9":4,"B":2,"b":1,"ÿ":6,"😀":5}');
  });

  it('gives the hash an auditor recomputes from the stored event', () => {
    // Prepare: the first event of a sketch's trail, as stored
    const first = link(
      {
        sketchId: 's1',
        transition: 'create',
        from: null,
        to: 'draft',
        actor: 'a@example.org',
        role: 'applicant',
        at: '2026-03-02T08:00:00.000Z',
      },
      undefined,
      sha256,
    );

    // Act
    const form = hashedForm(first);

    // Assess: the form is the event's fields by name, with its position and its predecessor
    expect(form).toBe(
      `{"actor":"a@example.org","at":"2026-03-02T08:00:00.000Z","from":null,"prevHash":"${genesis}","role":"applicant","seq":1,"sketchId":"s1","to":"draft","transition":"create"}`,
    );
    expect(first.hash).toBe(sha256(form));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the hash chain', () => {
  it('verifies every trail its writers link, event by event or at once', () => {
    fc.assert(
      fc.property(events, (list) => {
        // Prepare
        const { stored, head } = chained(list);

        // Act
        const check = verifyTrail(stored, head, sha256);
        const allAtOnce = linkAll(list, sha256);

        // Assess
        expect(check).toEqual({ ok: true, length: list.length });
        expect(allAtOnce).toEqual(stored);
      }),
    );
  });

  it('verifies a trail stored in another order than its chain (two clocks that disagree)', () => {
    fc.assert(
      fc.property(events, fc.integer(), (list, seed) => {
        // Prepare
        const { stored, head } = chained(list);
        const shuffled = [...stored].sort(
          (a, b) => ((a.seq * 7919 + seed) % 13) - ((b.seq * 7919 + seed) % 13),
        );

        // Act
        const check = verifyTrail(shuffled, head, sha256);

        // Assess
        expect(check.ok).toBe(true);
      }),
    );
  });

  it('finds any single change of a stored event: a field changed, added or removed, or the event gone', () => {
    const alteration = fc.constantFrom('change', 'add', 'remove', 'delete', 'duplicate');
    fc.assert(
      fc.property(
        events.filter((l) => l.length > 0),
        fc.nat(),
        fc.nat(),
        alteration,
        (list, which, field, how) => {
          // Prepare: one stored event altered
          const { stored, head } = chained(list);
          const i = which % stored.length;
          const target = stored[i] as Event;
          const names = Object.keys(target);
          const name = names[field % names.length] as string;
          const altered: Event[] = stored.map((e) => ({ ...e }));
          if (how === 'change') altered[i] = { ...target, [name]: changed(target[name]) };
          if (how === 'add') altered[i] = { ...target, [`${name}X`]: 'x' };
          if (how === 'remove') {
            const { [name]: _gone, ...rest } = target;
            altered[i] = rest;
          }
          if (how === 'delete') altered.splice(i, 1);
          if (how === 'duplicate') altered.splice(i, 0, { ...target });

          // Act
          const check = verifyTrail(altered, head, sha256);

          // Assess: the break is found, at the altered event or the one after it
          expect(check.ok).toBe(false);
          if (!check.ok) expect([i + 1, i + 2]).toContain(check.position);
        },
      ),
    );
  });

  it('names the altered event, its position and its time, when its content changed', () => {
    fc.assert(
      fc.property(
        events.filter((l) => l.length > 0),
        fc.nat(),
        (list, which) => {
          // Prepare
          const { stored, head } = chained(list);
          const i = which % stored.length;
          const altered = stored.map((e, n) => (n === i ? { ...e, kind: `${e.kind}!` } : e));

          // Act
          const check = verifyTrail(altered, head, sha256);

          // Assess
          expect(check).toEqual({
            ok: false,
            length: list.length,
            position: i + 1,
            at: stored[i]?.at,
            reason: 'altered',
          });
        },
      ),
    );
  });

  it('finds an event rewritten with a new hash by the next one, and events gone at the end by the head', () => {
    // Prepare
    const { stored, head } = chained([
      { at: '2026-03-02T08:00:00.000Z', kind: 'open' },
      { at: '2026-03-02T08:01:00.000Z', kind: 'ballot', choice: 'approve' },
      { at: '2026-03-02T08:02:00.000Z', kind: 'close' },
    ]);
    const rewritten = [
      stored[0],
      link({ ...stored[1], choice: 'object' }, headOf(stored[0] as Linked), sha256),
      stored[2],
    ] as Event[];

    // Act
    const relinked = verifyTrail(rewritten, head, sha256);
    const cut = verifyTrail(stored.slice(0, 2), head, sha256);
    const headless = verifyTrail(stored, undefined, sha256);
    const unchained = verifyTrail(
      [{ at: '2026-03-01T00:00:00.000Z', kind: 'open' }, ...stored],
      head,
      sha256,
    );

    // Assess
    expect(relinked).toMatchObject({ ok: false, position: 3, reason: 'link' });
    expect(cut).toMatchObject({ ok: false, position: 3, reason: 'head' });
    expect(headless).toMatchObject({ ok: false, position: 3, reason: 'head' });
    expect(unchained).toMatchObject({ ok: false, position: 1, reason: 'unchained' });
    expect(verifyTrail([], undefined, sha256)).toEqual({ ok: true, length: 0 });
  });
});
