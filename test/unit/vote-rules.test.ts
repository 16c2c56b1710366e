import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import {
  type AppliedRule,
  type Ballot,
  type BallotChoice,
  ballotChoices,
  ballotsFor,
  type Counts,
  castBallot,
  handOver,
  initialSeatState,
  meetingAttendance,
  meetingDecision,
  outcomeFor,
  type Presence,
  recuse,
  ruleFor,
  type Seat,
  takeBack,
  type Vote,
  VoteError,
  voteOutcomes,
  votumCriteria,
  votumDecisionOf,
} from '../../functions/core/vote.ts';

/*
 * The rules of procedure as data, checked against a reference written out here: whatever happens
 * in a vote or a meeting, the outcome is the profile's rule applied to the final ballots or counts,
 * and no recused seat's view holds a choice on that sketch.
 */

const profile = checkedProfile('leine-weser');
const rules = profile.steeringGroup;
const during = new Date('2026-11-24T12:00:00.000Z');
const seatCount = 5;
const seats: Seat[] = Array.from({ length: seatCount }, (_, i) => ({
  id: `seat-${i + 1}`,
  institution: `Institution ${i + 1}`,
  member: { name: `Mitglied ${i + 1}`, email: `mitglied-${i + 1}@example.org` },
  // The last seat has two deputies, as Leine-Weser's universities' seat.
  deputies: Array.from({ length: i === seatCount - 1 ? 2 : 1 }, (_, d) => ({
    name: `Vertretung ${i + 1}.${d + 1}`,
    email: `vertretung-${i + 1}-${d + 1}@example.org`,
  })),
  active: true,
}));
const voteSeats = seats.map(({ active: _a, ...seat }) => seat);
const vote: Vote = {
  id: 'v1',
  sketchIds: ['a', 'b'],
  seats: voteSeats,
  deadline: '2026-11-26',
  openedAt: '2026-11-23T09:00:00.000Z',
  openedBy: 'office@example.org',
  status: 'open',
  remindersSent: [],
  revision: 1,
};

/** The rule as the strategy and the profile state it, written out independently of the core. */
function reference(counts: Counts, present: number, eligible: number, rule: AppliedRule) {
  const cast = counts.approve + counts.object + (rule.abstentions === 'cast' ? counts.abstain : 0);
  const quorum =
    eligible > 0 && (rule.quorumBasis === 'present' ? present : cast) / eligible >= rule.quorumBp / 10_000;
  const failed = rule.withoutConsensus === 'not_endorsed' ? 'not_endorsed' : 'no_consensus';
  if (rule.rule === 'consensus') {
    if (counts.object > 0) return failed;
    if (!quorum) return 'no_quorum';
    return counts.approve >= rule.minApprovals ? 'endorsed' : failed;
  }
  if (rule.rule === 'no_objection') {
    if (counts.object > 0) return 'not_endorsed';
    if (!quorum) return 'no_quorum';
    return counts.approve >= rule.minApprovals ? 'endorsed' : 'not_endorsed';
  }
  if (!quorum) return 'no_quorum';
  return counts.approve >= rule.minApprovals && counts.approve > cast / 2 ? 'endorsed' : 'not_endorsed';
}

const anyRule: fc.Arbitrary<AppliedRule> = fc.record({
  rule: fc.constantFrom('consensus' as const, 'majority' as const, 'no_objection' as const),
  minApprovals: fc.integer({ min: 0, max: 3 }),
  withoutConsensus: fc.constantFrom('not_endorsed' as const, 'next_meeting' as const),
  abstentions: fc.constantFrom('not_cast' as const, 'cast' as const),
  quorumBasis: fc.constantFrom('present' as const, 'voting' as const),
  quorumBp: fc.integer({ min: 0, max: 10_000 }),
});

type Command =
  | {
      kind: 'vote';
      seat: number;
      sketch: 'a' | 'b';
      by: 'member' | 'deputy' | 'office';
      choice: BallotChoice;
    }
  | { kind: 'handOver'; seat: number; deputy: number; office: boolean }
  | { kind: 'takeBack'; seat: number }
  | { kind: 'recuse'; seat: number; sketch: 'a' | 'b' }
  | { kind: 'close' };

const seatNo = fc.integer({ min: 1, max: seatCount });
const sketch = fc.constantFrom('a' as const, 'b' as const);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('vote' as const),
    seat: seatNo,
    sketch,
    by: fc.constantFrom('member' as const, 'deputy' as const, 'office' as const),
    choice: fc.constantFrom(...ballotChoices),
  }),
  fc.record({
    kind: fc.constant('handOver' as const),
    seat: seatNo,
    deputy: fc.nat(1),
    office: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('takeBack' as const), seat: seatNo }),
  fc.record({ kind: fc.constant('recuse' as const), seat: seatNo, sketch }),
  fc.constant({ kind: 'close' as const }),
);

describe('random sequences of ballots, hand-overs, take-backs, recusals, office acts and closes', () => {
  it('end with each outcome equal to the rule applied to the final ballots, and no recused seat seeing a choice', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        // Prepare
        let current = vote;
        const states = new Map(voteSeats.map((s) => [s.id, initialSeatState(s.id)]));
        const ballots = new Map<string, Ballot>();
        // Act
        for (const c of commands) {
          if (c.kind === 'close') {
            current = { ...current, status: 'closed' };
            continue;
          }
          const seat = voteSeats[c.seat - 1]!;
          const state = states.get(seat.id) ?? initialSeatState(seat.id);
          try {
            if (c.kind === 'vote') {
              const email =
                c.by === 'member' ? seat.member.email : (seat.deputies[0]?.email ?? seat.member.email);
              const key = `${c.sketch}#${seat.id}`;
              const office =
                c.by === 'office' ? { by: 'office@example.org', because: 'per Telefon' } : undefined;
              const cast = castBallot(
                current,
                state,
                ballots.get(key),
                { sketchId: c.sketch, seatId: seat.id, choice: c.choice, reason: 'Grund' },
                email,
                during,
                office,
              );
              // the ballot is always the holder's, recorded by the office only where it said why
              expect(cast.ballot.castAs).toBe(state.holder);
              expect(Boolean(cast.ballot.recordedBecause)).toBe(c.by === 'office');
              ballots.set(key, cast.ballot);
              states.set(seat.id, cast.state);
            } else if (c.kind === 'handOver') {
              const deputy = seat.deputies[c.deputy]?.email;
              const office = c.office ? { by: 'office@example.org', because: 'Mitglied krank' } : undefined;
              states.set(seat.id, handOver(current, state, seat.member.email, during, rules, deputy, office));
            } else if (c.kind === 'takeBack') {
              states.set(seat.id, takeBack(current, state, seat.member.email, during));
            } else {
              const holder = state.holder === 'deputy' ? state.deputyEmail : seat.member.email;
              const next = recuse(
                current,
                state,
                c.sketch,
                { email: holder ?? seat.member.email, admin: false },
                during,
              );
              ballots.delete(`${c.sketch}#${seat.id}`);
              states.set(seat.id, next);
            }
          } catch (error) {
            if (!(error instanceof VoteError)) throw error;
          }
        }
        // Assess: the outcome is the circulation rule applied to the final ballots
        const finalStates = [...states.values()];
        const finalBallots = [...ballots.values()];
        const rule = ruleFor(rules, 'circulation');
        for (const outcome of voteOutcomes(current, finalStates, finalBallots, rules)) {
          const recused = finalStates
            .filter((s) => s.recusedSketchIds.includes(outcome.sketchId))
            .map((s) => s.seatId);
          const counted = finalBallots.filter(
            (b) => b.sketchId === outcome.sketchId && !recused.includes(b.seatId),
          );
          const counts: Counts = { approve: 0, object: 0, abstain: 0 };
          for (const b of counted) counts[b.choice] += 1;
          expect(outcome.counts).toEqual(counts);
          expect(outcome.result).toBe(reference(counts, counted.length, seatCount - recused.length, rule));
          // no recused seat's view holds a choice on that sketch, before or after the close
          for (const seatId of recused) {
            const viewer = { admin: false, seatIds: [seatId] };
            expect(
              ballotsFor(finalBallots, finalStates, viewer).some((b) => b.sketchId === outcome.sketchId),
            ).toBe(false);
            expect(outcomeFor(outcome, viewer).voted).toEqual([]);
          }
          // the office sees every choice
          expect(outcomeFor(outcome, { admin: true, seatIds: [] }).voted).toHaveLength(counted.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('random meetings', () => {
  const presence = fc.constantFrom<Presence>('member', 'deputy', 'absent');
  it('are refused when the counts exceed the seats present and not recused, else decided by the rule', () => {
    fc.assert(
      fc.property(
        fc.array(presence, { minLength: seatCount, maxLength: seatCount }),
        fc.subarray(seats.map((s) => s.id)),
        fc.record({ approve: fc.nat(6), object: fc.nat(6), abstain: fc.nat(6) }),
        anyRule,
        (presences, recused, counts, rule) => {
          // Prepare
          const input = presences.map((p, i) => ({
            seatId: seats[i]!.id,
            presence: p,
            ...(p === 'deputy' ? { deputy: seats[i]!.deputies[0]!.email } : {}),
          }));
          const attendance = meetingAttendance(input, seats, rules);
          const present = attendance.filter(
            (a) => a.presence !== 'absent' && !recused.includes(a.seat.id),
          ).length;
          // Act
          let decided: ReturnType<typeof meetingDecision> | undefined;
          let refused: VoteError | undefined;
          try {
            decided = meetingDecision(
              attendance,
              { sketchId: 'a', ...counts, recusedSeatIds: recused },
              0,
              rule,
            );
          } catch (error) {
            if (!(error instanceof VoteError)) throw error;
            refused = error;
          }
          // Assess
          const total = counts.approve + counts.object + counts.abstain;
          if (total > present) {
            expect(refused?.field).toBe('decisions.0.approve');
            return;
          }
          expect(decided?.result).toBe(reference(counts, present, seatCount - recused.length, rule));
          // the Votum follows: endorsed only where the meeting endorsed
          expect(votumDecisionOf(decided!.result) === 'endorsed').toBe(decided?.result === 'endorsed');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('name people, not addresses, and refuse a deputy the seat does not have', () => {
    // Act
    const attendance = meetingAttendance(
      [
        { seatId: 'seat-5', presence: 'deputy', deputy: 'vertretung-5-2@example.org' },
        { seatId: 'seat-1', presence: 'member' },
      ],
      seats,
      rules,
    );
    const unnamed = () => meetingAttendance([{ seatId: 'seat-5', presence: 'deputy' }], seats, rules);
    const stranger = () =>
      meetingAttendance(
        [{ seatId: 'seat-1', presence: 'deputy', deputy: 'fremd@example.org' }],
        seats,
        rules,
      );
    // Assess
    expect(attendance.find((a) => a.seat.id === 'seat-5')?.name).toBe('Vertretung 5.2');
    expect(attendance.find((a) => a.seat.id === 'seat-1')?.name).toBe('Mitglied 1');
    expect(attendance.find((a) => a.seat.id === 'seat-2')).toMatchObject({ presence: 'absent' });
    expect(unnamed).toThrow(/mehrere Stellvertretungen/);
    expect(stranger).toThrow(/nicht als Stellvertretung benannt/);
  });
});

describe('the Votum checklist', () => {
  it('holds every criterion of the profile, and above the cost cap wants each one assessed', () => {
    // Act
    const below = votumCriteria([{ id: 'verstetigung', assessment: 'met' }], profile, 40_000_000);
    const above = () => votumCriteria([{ id: 'verstetigung', assessment: 'met' }], profile, 60_000_000);
    const unknown = () => votumCriteria([{ id: 'gibt-es-nicht', assessment: 'met' }], profile, 0);
    // Assess
    expect(below.map((c) => c.id)).toEqual(profile.criteria.map((c) => c.id));
    expect(below.find((c) => c.id === 'verstetigung')?.assessment).toBe('met');
    expect(below.filter((c) => c.assessment === 'not_assessed')).toHaveLength(profile.criteria.length - 1);
    expect(above).toThrow(/Kostenobergrenze/);
    expect(unknown).toThrow(/gibt es nicht/);
  });
});
