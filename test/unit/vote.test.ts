import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { dueAt } from '../../functions/core/dates.ts';
import {
  type AppliedRule,
  type Ballot,
  type BallotChoice,
  ballotChoices,
  castBallot,
  type DecisionRule,
  handOver,
  initialSeatState,
  isComplete,
  nextDueAt,
  recuse,
  reminderRecipients,
  remindersDue,
  type SeatState,
  takeBack,
  tally,
  type Vote,
  VoteError,
  type VoteSeat,
  voteOutcomes,
} from '../../functions/core/vote.ts';

const profile = loadProfile('leine-weser');
const seats: VoteSeat[] = Array.from({ length: 13 }, (_, i) => ({
  id: `seat-${i + 1}`,
  institution: `Institution ${i + 1}`,
  member: { name: `Mitglied ${i + 1}`, email: `mitglied-${i + 1}@example.org` },
  deputies: [{ name: `Vertretung ${i + 1}`, email: `vertretung-${i + 1}@example.org` }],
}));
const openVote = (over: Partial<Vote> = {}): Vote => ({
  id: 'v1',
  sketchIds: ['a', 'b'],
  seats,
  deadline: '2026-11-26',
  openedAt: '2026-11-23T09:00:00.000Z',
  openedBy: 'office@example.org',
  status: 'open',
  remindersSent: [],
  revision: 1,
  ...over,
});
/** A circulation rule as a profile states it: consensus needs one approval, the others none. */
const applied = (rule: DecisionRule, quorumBp: number): AppliedRule => ({
  rule,
  minApprovals: rule === 'consensus' ? 1 : 0,
  withoutConsensus: 'next_meeting',
  abstentions: 'not_cast',
  quorumBasis: 'present',
  quorumBp,
});
const during = new Date('2026-11-24T12:00:00.000Z');
const member = (n: number) => `mitglied-${n}@example.org`;
const deputy = (n: number) => `vertretung-${n}@example.org`;

describe('a ballot', () => {
  it('is cast by the member, or only by the deputy while the vote is handed over', () => {
    // Prepare
    const vote = openVote();
    const state = initialSeatState('seat-3');
    // Act
    const handed = handOver(vote, state, member(3), during, profile.steeringGroup);
    const byMember = () =>
      castBallot(
        vote,
        handed,
        undefined,
        { sketchId: 'a', seatId: 'seat-3', choice: 'approve' },
        member(3),
        during,
      );
    const byDeputy = castBallot(
      vote,
      handed,
      undefined,
      { sketchId: 'a', seatId: 'seat-3', choice: 'approve' },
      deputy(3),
      during,
    );
    // Assess
    expect(byMember).toThrow(/an die Stellvertretung übergeben/);
    expect(byDeputy.ballot).toMatchObject({
      castBy: deputy(3),
      castAs: 'deputy',
      seatId: 'seat-3',
      revision: 1,
    });
    expect(() => takeBack(vote, byDeputy.state, member(3), during)).toThrow(/bereits abgestimmt/);
    expect(takeBack(vote, handed, member(3), during).holder).toBe('member');
  });

  it('needs a reason for an objection, and counts as changed with a higher revision', () => {
    // Prepare
    const vote = openVote();
    const state = initialSeatState('seat-1');
    const first = castBallot(
      vote,
      state,
      undefined,
      { sketchId: 'a', seatId: 'seat-1', choice: 'approve' },
      member(1),
      during,
    );
    // Act
    const noReason = () =>
      castBallot(
        vote,
        first.state,
        first.ballot,
        { sketchId: 'a', seatId: 'seat-1', choice: 'object', reason: ' ' },
        member(1),
        during,
      );
    const changed = castBallot(
      vote,
      first.state,
      first.ballot,
      { sketchId: 'a', seatId: 'seat-1', choice: 'object', reason: 'Kosten zu hoch' },
      member(1),
      during,
    );
    // Assess
    expect(noReason).toThrow('Begründung: Bitte begründen Sie Ihren Einwand.');
    expect(changed.ballot).toMatchObject({ choice: 'object', reason: 'Kosten zu hoch', revision: 2 });
  });

  it('is refused after the end of the deadline day in Berlin, and on a closed vote', () => {
    // Prepare
    const vote = openVote();
    const lastMinute = new Date(dueAt(vote.deadline).getTime() - 1);
    const tooLate = dueAt(vote.deadline);
    const input = { sketchId: 'a', seatId: 'seat-1', choice: 'approve' as const };
    // Act & Assess
    expect(
      castBallot(vote, initialSeatState('seat-1'), undefined, input, member(1), lastMinute).ballot.at,
    ).toBe(lastMinute.toISOString());
    expect(() => castBallot(vote, initialSeatState('seat-1'), undefined, input, member(1), tooLate)).toThrow(
      /Die Abstimmung ist beendet \(Frist: 26\.11\.2026\)/,
    );
    expect(() =>
      castBallot(
        { ...vote, status: 'closed' },
        initialSeatState('seat-1'),
        undefined,
        input,
        member(1),
        during,
      ),
    ).toThrow(VoteError);
  });

  it('is refused on a sketch the seat is recused from, and a recusal drops the seat’s earlier vote', () => {
    // Prepare
    const vote = openVote();
    const voted = castBallot(
      vote,
      initialSeatState('seat-5'),
      undefined,
      { sketchId: 'b', seatId: 'seat-5', choice: 'approve' },
      member(5),
      during,
    );
    // Act
    const recused = recuse(vote, voted.state, 'b', { email: member(5), admin: false }, during);
    // Assess
    expect(recused.votedSketchIds).toEqual([]);
    expect(() =>
      castBallot(
        vote,
        recused,
        undefined,
        { sketchId: 'b', seatId: 'seat-5', choice: 'approve' },
        member(5),
        during,
      ),
    ).toThrow(/befangen/);
    expect(() => recuse(vote, recused, 'b', { email: 'office@example.org', admin: true }, during)).toThrow(
      /bereits/,
    );
  });
});

describe('reminders', () => {
  it('are due at the profile’s offsets, once each, to the current holder of seats with something left to do', () => {
    // Prepare: deadline 10.12.; Leine-Weser reminds 7 and 2 days before
    const vote = openVote({ deadline: '2026-12-10' });
    const states: SeatState[] = seats.map((s) => initialSeatState(s.id));
    states[0] = { ...states[0]!, votedSketchIds: ['a', 'b'] };
    states[2] = { ...states[2]!, holder: 'deputy' };
    states[4] = { ...states[4]!, recusedSketchIds: ['b'], votedSketchIds: ['a'] };
    // Act
    const before = remindersDue(vote, profile, new Date('2026-12-02T22:59:59.000Z'));
    const onDay = remindersDue(vote, profile, new Date('2026-12-02T23:00:00.000Z'));
    const afterSent = remindersDue(
      { ...vote, remindersSent: [7] },
      profile,
      new Date('2026-12-08T23:00:00.000Z'),
    );
    const recipients = reminderRecipients(vote, states).map((r) => r.to.email);
    // Assess
    expect(before).toEqual([]);
    expect(onDay).toEqual([7]);
    expect(afterSent).toEqual([2]);
    expect(recipients).toHaveLength(11);
    expect(recipients).not.toContain(member(1));
    expect(recipients).not.toContain(member(5));
    expect(recipients).toContain(deputy(3));
    expect(recipients).not.toContain(member(3));
    expect(nextDueAt(vote, profile).toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(nextDueAt({ ...vote, remindersSent: [7, 2] }, profile)).toEqual(dueAt('2026-12-10'));
  });
});

describe('the tally', () => {
  const ballots = (choices: BallotChoice[]) =>
    choices.map((choice, i) => ({ seatId: `seat-${i + 1}`, choice, castAs: 'member' as const }));

  it('under consensus: endorsed without objection and with the quorum; one objection means no consensus', () => {
    // Act
    const allApprove = tally('a', seats, [], ballots(Array(13).fill('approve')), applied('consensus', 5000));
    const oneObjects = tally(
      'b',
      seats,
      ['seat-13'],
      ballots([...Array(11).fill('approve'), 'object']),
      applied('consensus', 5000),
    );
    const fewVoted = tally('a', seats, [], ballots(Array(6).fill('approve')), applied('consensus', 5000));
    const halfVoted = tally(
      'a',
      seats,
      ['seat-13'],
      ballots(Array(6).fill('approve')),
      applied('consensus', 5000),
    );
    // Assess
    expect(allApprove).toMatchObject({
      result: 'endorsed',
      counts: { approve: 13, object: 0, abstain: 0 },
      eligible: 13,
    });
    expect(oneObjects).toMatchObject({ result: 'no_consensus', recusedSeatIds: ['seat-13'], eligible: 12 });
    expect(fewVoted).toMatchObject({
      result: 'no_quorum',
      quorumMet: false,
      silentSeatIds: seats.slice(6).map((s) => s.id),
    });
    expect(halfVoted).toMatchObject({ result: 'endorsed', quorumMet: true });
  });

  it('under majority and no-objection', () => {
    // Act & Assess
    expect(
      tally(
        'a',
        seats,
        [],
        ballots(['approve', 'approve', 'object', 'abstain', 'approve', 'object', 'approve']),
        applied('majority', 5000),
      ).result,
    ).toBe('endorsed');
    expect(
      tally(
        'a',
        seats,
        [],
        ballots(['approve', 'object', 'abstain', 'abstain', 'abstain', 'abstain', 'abstain']),
        applied('majority', 5000),
      ).result,
    ).toBe('not_endorsed');
    expect(tally('a', seats, [], [], applied('no_objection', 0)).result).toBe('endorsed');
    expect(tally('a', seats, [], ballots(['object']), applied('no_objection', 0)).result).toBe(
      'not_endorsed',
    );
  });

  const rules = fc.constantFrom('consensus' as const, 'majority' as const, 'no_objection' as const);
  const casting = fc.array(fc.option(fc.constantFrom(...ballotChoices), { nil: undefined }), {
    minLength: 13,
    maxLength: 13,
  });
  const recusals = fc.subarray(seats.map((s) => s.id));

  it('counts each eligible ballot once, never a recused seat, whatever the order', () => {
    fc.assert(
      fc.property(
        casting,
        recusals,
        rules,
        fc.integer({ min: 0, max: 10_000 }),
        (choices, recused, rule, quorumBp) => {
          const cast = choices.flatMap((choice, i) =>
            choice ? [{ seatId: `seat-${i + 1}`, choice, castAs: 'member' as const }] : [],
          );
          const outcome = tally('a', seats, recused, cast, applied(rule, quorumBp));
          const reversed = tally('a', seats, recused, [...cast].reverse(), applied(rule, quorumBp));
          const counted = cast.filter((b) => !recused.includes(b.seatId));
          expect(outcome.counts.approve + outcome.counts.object + outcome.counts.abstain).toBe(
            counted.length,
          );
          expect(outcome.eligible).toBe(13 - recused.length);
          expect(outcome.voted.some((v) => recused.includes(v.seatId))).toBe(false);
          expect(outcome.voted.length + outcome.silentSeatIds.length).toBe(outcome.eligible);
          expect(reversed.result).toBe(outcome.result);
          if (rule === 'consensus')
            expect(outcome.result === 'endorsed').toBe(
              outcome.counts.object === 0 && outcome.quorumMet && outcome.counts.approve >= 1,
            );
        },
      ),
    );
  });

  it('never turns a decision into an endorsement when an approval becomes an objection', () => {
    fc.assert(
      fc.property(casting, recusals, rules, fc.nat(12), (choices, recused, rule, flip) => {
        if (choices[flip] !== 'approve') return;
        const cast = (list: typeof choices) =>
          list.flatMap((choice, i) =>
            choice ? [{ seatId: `seat-${i + 1}`, choice, castAs: 'member' as const }] : [],
          );
        const before = tally('a', seats, recused, cast(choices), applied(rule, 5000));
        const worse = choices.map((c, i) => (i === flip ? ('object' as const) : c));
        const after = tally('a', seats, recused, cast(worse), applied(rule, 5000));
        if (before.result !== 'endorsed') expect(after.result).not.toBe('endorsed');
      }),
    );
  });
});

describe('random sequences of vote, hand over, take back, recuse and close', () => {
  type Command =
    | { kind: 'vote'; seat: number; sketch: 'a' | 'b'; by: 'member' | 'deputy'; choice: BallotChoice }
    | { kind: 'handOver' | 'takeBack'; seat: number }
    | { kind: 'recuse'; seat: number; sketch: 'a' | 'b'; admin: boolean }
    | { kind: 'close' };
  const seat = fc.integer({ min: 1, max: 4 });
  const sketch = fc.constantFrom('a' as const, 'b' as const);
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({
      kind: fc.constant('vote' as const),
      seat,
      sketch,
      by: fc.constantFrom('member' as const, 'deputy' as const),
      choice: fc.constantFrom(...ballotChoices),
    }),
    fc.record({ kind: fc.constantFrom('handOver' as const, 'takeBack' as const), seat }),
    fc.record({ kind: fc.constant('recuse' as const), seat, sketch, admin: fc.boolean() }),
    fc.constant({ kind: 'close' as const }),
  );

  it('keep one ballot per seat and sketch, cast only by the holder, none after a recusal or the close', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        // Prepare: a vote of four seats, as the shell stores it
        let vote = openVote({ seats: seats.slice(0, 4) });
        const states = new Map(vote.seats.map((s) => [s.id, initialSeatState(s.id)]));
        const ballots = new Map<string, Ballot>();
        let everDeputyVoted = new Set<string>();
        // Act
        for (const c of commands) {
          if (c.kind === 'close') {
            vote = { ...vote, status: 'closed' };
            continue;
          }
          const seatId = `seat-${c.seat}`;
          const state = states.get(seatId)!;
          const holderBefore = state.holder;
          try {
            if (c.kind === 'vote') {
              const key = `${c.sketch}#${seatId}`;
              const email = c.by === 'member' ? member(c.seat) : deputy(c.seat);
              const { ballot, state: next } = castBallot(
                vote,
                state,
                ballots.get(key),
                { sketchId: c.sketch, seatId, choice: c.choice, reason: 'Grund' },
                email,
                during,
              );
              // Assess (per step): only the holder votes, never when closed or recused
              expect(vote.status).toBe('open');
              expect(c.by).toBe(holderBefore);
              expect(state.recusedSketchIds).not.toContain(c.sketch);
              ballots.set(key, ballot);
              states.set(seatId, next);
              if (c.by === 'deputy') everDeputyVoted = new Set([...everDeputyVoted, seatId]);
            } else if (c.kind === 'recuse') {
              const next = recuse(
                vote,
                state,
                c.sketch,
                {
                  email: c.admin
                    ? 'office@example.org'
                    : holderBefore === 'member'
                      ? member(c.seat)
                      : deputy(c.seat),
                  admin: c.admin,
                },
                during,
              );
              ballots.delete(`${c.sketch}#${seatId}`);
              states.set(seatId, next);
            } else {
              const next =
                c.kind === 'handOver'
                  ? handOver(vote, state, member(c.seat), during, profile.steeringGroup)
                  : takeBack(vote, state, member(c.seat), during);
              if (c.kind === 'takeBack') expect(everDeputyVoted.has(seatId)).toBe(false);
              states.set(seatId, next);
            }
          } catch (error) {
            if (!(error instanceof VoteError)) throw error;
          }
        }
        // Assess (at the end): the stored ballots agree with the seats' states and the tally
        for (const [seatId, state] of states) {
          for (const sketchId of vote.sketchIds) {
            const ballot = ballots.get(`${sketchId}#${seatId}`);
            expect(Boolean(ballot)).toBe(state.votedSketchIds.includes(sketchId));
            if (state.recusedSketchIds.includes(sketchId)) expect(ballot).toBeUndefined();
          }
        }
        const outcomes = voteOutcomes(
          vote,
          [...states.values()],
          [...ballots.values()],
          profile.steeringGroup,
        );
        for (const outcome of outcomes) {
          const total = outcome.counts.approve + outcome.counts.object + outcome.counts.abstain;
          expect(total).toBe([...ballots.values()].filter((b) => b.sketchId === outcome.sketchId).length);
        }
        expect(isComplete(vote, [...states.values()])).toBe(
          [...states.values()].every((s) =>
            vote.sketchIds.every((id) => s.recusedSketchIds.includes(id) || s.votedSketchIds.includes(id)),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});
