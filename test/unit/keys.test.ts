import { describe, expect, it } from 'vitest';
import * as keys from '../../functions/store/keys.ts';
import { prefix } from '../../functions/store/keys.ts';

/*
 * The loads rely on how sort keys sort: a range (`sk < …`, `gsi…sk <= …`) or a prefix
 * (`begins_with`) must take exactly the items it means. DynamoDB orders string keys by their UTF-8
 * bytes, so these compare bytes, not JavaScript strings.
 */

const bytes = (key: string) => Buffer.from(key, 'utf8');
const sortsBefore = (a: string, b: string) => Buffer.compare(bytes(a), bytes(b)) < 0;
const sorted = (sks: string[]) => [...sks].sort((a, b) => Buffer.compare(bytes(a), bytes(b)));

const vote = 'c0ffee00-0000-4000-8000-000000000001';
const sketch = 'c0ffee00-0000-4000-8000-000000000002';
const seat = 'lw-hildesheim';
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

describe("a vote's partition", () => {
  const head = keys.vote(vote).sk;
  const seats = [keys.voteSeat(vote, seat).sk, keys.voteSeat(vote, 'zz-last').sk];
  const ballots = [keys.ballot(vote, sketch, seat).sk, keys.ballot(vote, 'ffff', 'zz').sk];
  const trail = [
    keys.voteTrail(vote, at(0), '00000000-0000-4000-8000-000000000000').sk,
    keys.voteTrail(vote, at(59), 'ffffffff-ffff-4fff-bfff-ffffffffffff').sk,
  ];

  it('puts the head, the seats and the ballots before the bound of the load, and the whole trail after it', () => {
    // Act
    const loaded = [head, ...seats, ...ballots, ...trail].filter((sk) =>
      sortsBefore(sk, keys.voteLoadBefore),
    );

    // Assess
    expect(loaded).toEqual([head, ...seats, ...ballots]);
    for (const sk of trail) expect(sk.startsWith(prefix.voteTrail)).toBe(true);
  });

  it("keeps the trail's head out of the load and out of the trail's own prefixes", () => {
    // Act
    const head = keys.voteTrailHead(vote).sk;

    // Assess: after the load's bound, and neither a trail entry nor a legacy one
    expect(sortsBefore(head, keys.voteLoadBefore)).toBe(false);
    expect(head.startsWith(prefix.voteTrail)).toBe(false);
    expect(head.startsWith(prefix.legacyVoteEvent)).toBe(false);
  });

  it('keeps the trail in order of time, whatever the ids', () => {
    // Act
    const order = sorted([
      keys.voteTrail(vote, at(30), 'aaaa').sk,
      keys.voteTrail(vote, at(5), 'zzzz').sk,
      keys.voteTrail(vote, at(12), '0000').sk,
    ]);

    // Assess
    expect(order).toEqual([
      keys.voteTrail(vote, at(5), 'zzzz').sk,
      keys.voteTrail(vote, at(12), '0000').sk,
      keys.voteTrail(vote, at(30), 'aaaa').sk,
    ]);
  });

  it("keeps a trail written before the migration inside the load's range, where the load leaves it out", () => {
    // Prepare: how versions before the voteTrail migration wrote an entry
    const legacy = `EVENT#${at(1)}#11111111-1111-4111-8111-111111111111`;

    // Act
    const inRange = sortsBefore(legacy, keys.voteLoadBefore);
    const taken = [head, prefix.voteSeat, prefix.ballot].some((p) => legacy.startsWith(p));

    // Assess: read by the load until migrated (the reason for the migration), never taken as a seat or ballot
    expect(legacy.startsWith(prefix.legacyVoteEvent)).toBe(true);
    expect(inRange).toBe(true);
    expect(taken).toBe(false);
  });
});

describe("a sketch's partition", () => {
  const record = keys.sketch(sketch).sk;
  const events = [keys.sketchEvent(sketch, at(0), 'b').sk, keys.sketchEvent(sketch, at(1), 'a').sk];
  const versions = [2, 10, 1, 1000].map((n) => keys.sketchVersion(sketch, n).sk);
  const attachments = [keys.attachment(sketch, 'a1').sk, keys.attachment(sketch, 'z9').sk];
  const deadlines = [keys.deadline(sketch, 'funding').sk, keys.deadline(sketch, 'final').sk];
  const all = [record, ...events, ...versions, ...attachments, ...deadlines];

  it.each([
    ['the audit events', prefix.sketchEvent, events],
    ['the submitted versions', prefix.sketchVersion, versions],
    ['the attachments', prefix.attachment, attachments],
    ['the deadlines', prefix.deadline, deadlines],
  ])('gives %s, and nothing else, to their prefix', (_, start, expected) => {
    // Act
    const taken = all.filter((sk) => sk.startsWith(start));

    // Assess
    expect(taken).toEqual(expected);
    expect(taken).not.toContain(record);
  });

  it('orders the audit events by time and the versions by number', () => {
    // Act
    const order = sorted([...versions, ...events]);

    // Assess
    expect(order).toEqual([...events, ...[1, 2, 10, 1000].map((n) => keys.sketchVersion(sketch, n).sk)]);
  });
});

describe('the bound of the due queries', () => {
  it('takes every key of its instant, whatever its id, and none of the next', () => {
    // Prepare
    const now = new Date(at(10));
    const next = new Date(now.getTime() + 1);

    // Act
    const due = [
      keys.byTime(now, 'ffffffff-ffff-4fff-bfff-ffffffffffff'),
      keys.byTime(now, `${sketch}#final`),
      keys.byTime(at(9), 'x'),
    ];

    // Assess
    for (const key of due) expect(sortsBefore(key, keys.upTo(now))).toBe(true);
    expect(sortsBefore(keys.upTo(now), keys.byTime(next, ''))).toBe(true);
  });

  it('takes every key of a calendar day up to its end', () => {
    // Act
    const onTheDay = keys.byTime('2026-03-31', `${sketch}#final`);
    const dayAfter = keys.byTime('2026-04-01', `${sketch}#final`);

    // Assess
    expect(sortsBefore(onTheDay, keys.upTo('2026-03-31'))).toBe(true);
    expect(sortsBefore(keys.upTo('2026-03-31'), dayAfter)).toBe(true);
  });
});

describe('the idempotency records of the sketch requests', () => {
  it("lie in a partition named like Powertools names a function's, under the idempotency prefix", () => {
    // Act
    const partition = keys.idempotentSketchRequests;

    // Assess
    expect(partition).toBe(keys.idempotency('sketch-requests'));
    expect(partition.startsWith(prefix.idempotency)).toBe(true);
  });
});
