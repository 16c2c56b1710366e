import { describe, expect, it } from 'vitest';
import {
  newSessionTimes,
  rolesFor,
  sessionIsLive,
  signInPolicy,
  touchedIdleUntil,
} from '../../functions/core/auth.ts';

const start = new Date('2026-11-23T08:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

describe('session policy', () => {
  it('keeps a session live until its idle deadline', () => {
    // Prepare
    const session = newSessionTimes(start);
    // Act & Assess
    expect(sessionIsLive(session, later(signInPolicy.sessionIdleMs - 1))).toBe(true);
    expect(sessionIsLive(session, later(signInPolicy.sessionIdleMs))).toBe(false);
  });

  it('pushes the idle deadline forward at most every five minutes, never past the absolute end', () => {
    // Prepare
    const session = newSessionTimes(start);
    // Act
    const soon = touchedIdleUntil(session, later(60_000));
    const afterTen = touchedIdleUntil(session, later(10 * 60_000));
    const nearEnd = touchedIdleUntil(
      { ...session, idleUntil: later(signInPolicy.sessionAbsoluteMs - 30 * 60_000).toISOString() },
      later(signInPolicy.sessionAbsoluteMs - 40 * 60_000),
    );
    // Assess
    expect(soon).toBeUndefined();
    expect(afterTen).toBe(later(10 * 60_000 + signInPolicy.sessionIdleMs).toISOString());
    expect(nearEnd).toBe(session.absoluteUntil);
  });

  it('makes every verified address an applicant and adds admin and member from the data', () => {
    // Act & Assess
    expect(rolesFor({ admin: false, member: false })).toEqual(['applicant']);
    expect(rolesFor({ admin: true, member: true })).toEqual(['applicant', 'admin', 'member']);
  });
});
