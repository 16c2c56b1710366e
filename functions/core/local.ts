import type { SketchStatus } from './lifecycle.ts';
import type { AllianceProfile } from './profile.ts';

/*
 * The local step (DOMAIN.md, the process): where the profile has one (`localStatements.required`),
 * each sub-region's local alliance states whether it supports a sketch that touches it, before the
 * office may put the sketch to the vote. Pure rules: who sees which sketch, which statements are
 * still due, whether one may be given. The store and the handlers only apply them.
 */

export const localVerdicts = ['supports', 'supports_with_conditions', 'does_not_support'] as const;
export type LocalVerdict = (typeof localVerdicts)[number];

/** One local alliance's statement on a sketch, for one of the sketch's sub-regions. */
export interface LocalStatement {
  subRegionId: string;
  verdict: LocalVerdict;
  /** The conditions, the reasons, or what else the alliance wants the decision body to know. */
  note: string;
  givenAt: string;
  /** The account's address (the office's confirmation, for statements migrated from before the workspace). */
  givenBy: string;
}

/** An account of a local alliance, kept by the office like the seats: who speaks for a sub-region. */
export interface LocalAccount {
  id: string;
  subRegionId: string;
  name: string;
  email: string;
  active: boolean;
}

/** Whether the profile has the local step at all. */
export const hasLocalStep = (profile: Pick<AllianceProfile, 'localStatements'>): boolean =>
  profile.localStatements.required;

interface Touching {
  subRegionIds: readonly string[];
  localStatements?: readonly LocalStatement[] | undefined;
}

/** The sub-regions whose statement the sketch still needs (none without a local step). */
export function statementsMissing(
  profile: Pick<AllianceProfile, 'localStatements'>,
  sketch: Touching,
): string[] {
  if (!hasLocalStep(profile)) return [];
  const given = new Set((sketch.localStatements ?? []).map((s) => s.subRegionId));
  return [...new Set(sketch.subRegionIds)].filter((id) => !given.has(id));
}

/** The sub-regions an address speaks for: those of its active accounts. */
export const subRegionsOf = (accounts: readonly LocalAccount[], email: string): string[] => [
  ...new Set(accounts.filter((a) => a.active && a.email === email).map((a) => a.subRegionId)),
];

/**
 * What a local alliance sees: sketches past the draft that touch one of its sub-regions (a draft,
 * also one returned for revision, is the applicant's alone), withdrawn ones included as earlier
 * projects. Never a sketch of another sub-region.
 */
export function mayLocalSee(
  sketch: { status: SketchStatus; subRegionIds: readonly string[] },
  mine: readonly string[],
) {
  return sketch.status !== 'draft' && sketch.subRegionIds.some((id) => mine.includes(id));
}

/**
 * The workspace's two lists: `open`, the sketches waiting for the office's check (while
 * statements may be given, due or given already), and `earlier`, every other sketch past the draft
 * (for comparison, so that no project is funded twice). Each list is read a page at a time.
 */
export const localSections = ['open', 'earlier'] as const;
export type LocalSection = (typeof localSections)[number];

export const localSectionOf = (status: SketchStatus): LocalSection =>
  status === 'submitted' ? 'open' : 'earlier';

export type StatementRefusal = 'wrong_status' | 'not_yours' | 'statement_given';

/**
 * Whether the statement for `subRegionId` may be given now: while the sketch waits for the office's
 * check (submitted), for a sub-region of the sketch the caller speaks for, once.
 */
export function statementRefusal(
  sketch: Touching & { status: SketchStatus },
  subRegionId: string,
  mine: readonly string[],
): StatementRefusal | undefined {
  if (!mine.includes(subRegionId) || !sketch.subRegionIds.includes(subRegionId)) return 'not_yours';
  if (sketch.status !== 'submitted') return 'wrong_status';
  if ((sketch.localStatements ?? []).some((s) => s.subRegionId === subRegionId)) return 'statement_given';
  return undefined;
}

/** A note is what conditions or reasons are: required unless the alliance simply supports. */
export const noteRequired = (verdict: LocalVerdict) => verdict !== 'supports';

/**
 * The statements that stand for the office's confirmation kept before the workspace existed
 * (`endorsement`, the `localStatements` migration): one "supports" per sub-region of the sketch.
 */
export function statementsFromEndorsement(
  endorsement: { confirmedAt: string; confirmedBy: string; note?: string | undefined },
  subRegionIds: readonly string[],
): LocalStatement[] {
  return [...new Set(subRegionIds)].map((subRegionId) => ({
    subRegionId,
    verdict: 'supports',
    note: endorsement.note ?? '',
    givenAt: endorsement.confirmedAt,
    givenBy: endorsement.confirmedBy,
  }));
}
