import { describe, expect, it } from 'vitest';
import {
  auditEvent,
  next,
  sketchStatuses,
  TransitionError,
  transitions,
} from '../../functions/core/lifecycle.ts';

describe('the lifecycle', () => {
  it('lets an applicant submit a draft', () => {
    // Act & Assess
    expect(next('draft', 'submit', 'applicant')).toBe('submitted');
  });

  it('refuses a submit from any state but draft, and by anyone but the applicant', () => {
    // Prepare
    const others = sketchStatuses.filter((s) => s !== 'draft');
    // Act & Assess
    for (const from of others) expect(() => next(from, 'submit', 'applicant')).toThrow(TransitionError);
    expect(() => next('draft', 'submit', 'admin')).toThrow(TransitionError);
  });

  it('allows a withdrawal only before the Votum', () => {
    // Act
    const allowed = sketchStatuses.filter((from) => {
      try {
        next(from, 'withdraw', 'applicant');
        return true;
      } catch {
        return false;
      }
    });
    // Assess
    expect(allowed).toEqual(['draft', 'submitted', 'ready_for_vote', 'in_vote', 'vote_closed', 'deferred']);
  });

  it('says the vote is over while the Votum is awaited, and keeps a deferred sketch deferred until its next round', () => {
    // Act
    const decided = next('in_vote', 'decide', 'admin');
    const deferred = next(decided, 'defer', 'admin');
    const again = next(deferred, 'openVote', 'admin');
    const inMeeting = next(deferred, 'decide', 'admin');
    // Assess
    expect(decided).toBe('vote_closed');
    expect(deferred).toBe('deferred');
    expect(again).toBe('in_vote');
    expect(inMeeting).toBe('vote_closed');
    expect(() => next('in_vote', 'endorse', 'admin')).toThrow(TransitionError);
  });

  it('only moves between known states', () => {
    // Assess
    for (const rule of Object.values(transitions)) {
      expect(sketchStatuses).toContain(rule.to);
      for (const from of rule.from) expect(sketchStatuses).toContain(from);
    }
  });

  it('records who acted and for whom', () => {
    // Act
    const event = auditEvent({
      sketchId: 's1',
      transition: 'submit',
      from: 'draft',
      to: 'submitted',
      actor: 'a@example.org',
      role: 'applicant',
      at: '2026-11-23T10:00:00.000Z',
    });
    // Assess
    expect(event.actingFor).toBe('a@example.org');
  });
});
