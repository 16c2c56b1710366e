import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import {
  type LocalAccount,
  mayLocalSee,
  noteRequired,
  statementRefusal,
  statementsFromEndorsement,
  statementsMissing,
  subRegionsOf,
} from '../../functions/core/local.ts';
import { parseProfile } from '../../functions/core/profile.ts';

const statement = (subRegionId: string) => ({
  subRegionId,
  verdict: 'supports' as const,
  note: '',
  givenAt: '2026-03-02T09:00:00.000Z',
  givenBy: 'lokal@example.org',
});

describe('the local step, read from the profile', () => {
  it('asks Leine-Weser for a statement per sub-region of the sketch, and the profiles without the step for none', () => {
    // Prepare
    const sketch = {
      subRegionIds: ['region-hannover', 'hildesheim'],
      localStatements: [statement('hildesheim')],
    };
    // Act
    const leineWeser = statementsMissing(loadProfile('leine-weser'), sketch);
    const nordost = statementsMissing(loadProfile('nordostniedersachsen'), sketch);
    const suedost = statementsMissing(loadProfile('suedostniedersachsen'), sketch);
    // Assess
    expect(leineWeser).toEqual(['region-hannover']);
    expect(nordost).toEqual([]);
    expect(suedost).toEqual([]);
  });

  it('needs no code change when a profile gains the step: a Nordost variant with it asks each Landkreis', () => {
    // Prepare: Nordost as it is, with the local step switched on
    const { localStatements: _, ...rest } = loadProfile('nordostniedersachsen');
    const variant = parseProfile({ ...rest, localStatements: { required: true } }, 'variant');
    // Act
    const missing = statementsMissing(variant, { subRegionIds: ['celle', 'uelzen'] });
    // Assess
    expect(missing).toEqual(['celle', 'uelzen']);
  });

  it('refuses a profile that does not say whether it has the step, naming the field', () => {
    const { localStatements: _, ...rest } = loadProfile('leine-weser');
    expect(() => parseProfile(rest, 'x.json')).toThrow(/localStatements: /);
  });
});

describe("a local alliance's reach", () => {
  const accounts: LocalAccount[] = [
    { id: 'a', subRegionId: 'hildesheim', name: 'FaReHi', email: 'a@example.org', active: true },
    { id: 'b', subRegionId: 'region-hannover', name: 'FA', email: 'a@example.org', active: false },
    { id: 'c', subRegionId: 'weserbergland-plus', name: 'FI', email: 'c@example.org', active: true },
  ];

  it('speaks for the sub-regions of its active accounts only', () => {
    expect(subRegionsOf(accounts, 'a@example.org')).toEqual(['hildesheim']);
    expect(subRegionsOf(accounts, 'nobody@example.org')).toEqual([]);
  });

  it('sees sketches past the draft that touch one of its sub-regions, never a draft or another sub-region', () => {
    expect(
      mayLocalSee({ status: 'submitted', subRegionIds: ['hildesheim', 'region-hannover'] }, ['hildesheim']),
    ).toBe(true);
    expect(mayLocalSee({ status: 'closed', subRegionIds: ['hildesheim'] }, ['hildesheim'])).toBe(true);
    expect(mayLocalSee({ status: 'draft', subRegionIds: ['hildesheim'] }, ['hildesheim'])).toBe(false);
    expect(mayLocalSee({ status: 'submitted', subRegionIds: ['region-hannover'] }, ['hildesheim'])).toBe(
      false,
    );
  });

  it('gives a statement while the sketch is submitted, for its own sub-region of the sketch, once', () => {
    // Prepare
    const sketch = { status: 'submitted' as const, subRegionIds: ['hildesheim', 'region-hannover'] };
    // Act & Assess
    expect(statementRefusal(sketch, 'hildesheim', ['hildesheim'])).toBeUndefined();
    expect(statementRefusal(sketch, 'region-hannover', ['hildesheim'])).toBe('not_yours');
    expect(statementRefusal(sketch, 'weserbergland-plus', ['weserbergland-plus'])).toBe('not_yours');
    expect(statementRefusal({ ...sketch, status: 'ready_for_vote' }, 'hildesheim', ['hildesheim'])).toBe(
      'wrong_status',
    );
    expect(
      statementRefusal({ ...sketch, localStatements: [statement('hildesheim')] }, 'hildesheim', [
        'hildesheim',
      ]),
    ).toBe('statement_given');
  });

  it('needs a note for conditions and refusals, not for plain support', () => {
    expect(noteRequired('supports')).toBe(false);
    expect(noteRequired('supports_with_conditions')).toBe(true);
    expect(noteRequired('does_not_support')).toBe(true);
  });

  it("turns the office's old tick into one support per sub-region, by whoever ticked it", () => {
    expect(
      statementsFromEndorsement(
        { confirmedAt: '2026-03-02T09:00:00.000Z', confirmedBy: 'office@example.org' },
        ['hildesheim', 'hildesheim', 'region-hannover'],
      ),
    ).toEqual([
      { ...statement('hildesheim'), givenBy: 'office@example.org' },
      { ...statement('region-hannover'), givenBy: 'office@example.org' },
    ]);
  });
});
