import type { AllianceProfile } from './profile.ts';

/*
 * Funding periods as data the office maintains (issue 15, item 3): a period has its dates, its
 * total and each sub-region's share; projects approved before the portal was used are recorded
 * per period with their amounts per sub-region, so what is available is true from the first day.
 * Pure: the shell stores and loads them (store/periods.ts).
 *
 * Data written before periods were stored has none: the profile's `funding.period`, `budgetCents`
 * and `subRegions[].budgetShareBp` are then the first period (`profilePeriod`), and the
 * `fundingPeriods` migration stores exactly that.
 */

export interface PeriodShare {
  subRegionId: string;
  /** Basis points of the period's total (10 000 = 100 %). */
  shareBp: number;
}

export interface FundingPeriod {
  /** `<start year>-<end year>` (e.g. `2024-2027`): readable in addresses, unique because periods do not overlap. */
  id: string;
  start: string;
  end: string;
  budgetCents: number;
  shares: PeriodShare[];
  /** Who opened it and when; a period taken over from the profile says `profile`. */
  openedBy: string;
  openedAt: string;
}

/** A project approved before the portal was used, as the office records it. */
export interface PriorProject {
  id: string;
  periodId: string;
  title: string;
  organisation?: string | undefined;
  /** The day it was approved, where known. */
  approvedOn?: string | undefined;
  /** The ESF approved, per sub-region (what the seed or the office's files say). */
  amounts: { subRegionId: string; amountCents: number }[];
  /** Where the figures come from, or that they are placeholders to correct. */
  note?: string | undefined;
  recordedBy: string;
  recordedAt: string;
}

export const periodIdOf = (start: string, end: string) => `${start.slice(0, 4)}-${end.slice(0, 4)}`;

/** The period the profile describes: the first period of data written before periods were stored. */
export function profilePeriod(profile: AllianceProfile): FundingPeriod {
  const { period, budgetCents } = profile.funding;
  return {
    id: periodIdOf(period.start, period.end),
    start: period.start,
    end: period.end,
    budgetCents,
    shares: profile.subRegions.map((r) => ({ subRegionId: r.id, shareBp: r.budgetShareBp })),
    openedBy: 'profile',
    openedAt: `${period.start}T00:00:00.000Z`,
  };
}

/** Periods oldest first; none stored yet → the profile's. */
export function periodsOrDefault(
  stored: readonly FundingPeriod[],
  profile: AllianceProfile,
): FundingPeriod[] {
  const list = stored.length ? [...stored] : [profilePeriod(profile)];
  return list.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The period a day falls in; a day outside every period belongs to the last period that began
 * before it (a sketch submitted after a period's end and before the next is opened), else to the
 * first period.
 */
export function periodOn<P extends Pick<FundingPeriod, 'start' | 'end'>>(
  periods: readonly P[],
  day: string,
): P | undefined {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  return (
    sorted.find((p) => p.start <= day && day <= p.end) ??
    sorted.filter((p) => p.start <= day).at(-1) ??
    sorted[0]
  );
}

/**
 * The days whose submissions count in `period` by periodOn's rule: from its start to the next
 * period's start (exclusive); the first period also takes every day before it, the last every day
 * after. So a budget reads the submissions of these days only (store/exports.ts).
 */
export function periodDays<P extends Pick<FundingPeriod, 'start' | 'end'>>(
  periods: readonly P[],
  period: P,
): { from?: string; until?: string } {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  const at = sorted.findIndex((p) => p.start === period.start);
  const next = sorted[at + 1];
  return { ...(at > 0 ? { from: period.start } : {}), ...(next ? { until: next.start } : {}) };
}

/** The total of a prior project's amounts. */
export const priorTotal = (project: Pick<PriorProject, 'amounts'>) =>
  project.amounts.reduce((sum, a) => sum + a.amountCents, 0);

/** Why a new period cannot be opened beside `existing`, as the field and its problem (texts in periods.de.ts). */
export type PeriodProblem =
  | { field: 'end'; problem: 'endBeforeStart' }
  | { field: 'start'; problem: 'overlaps'; other: FundingPeriod }
  | { field: 'shares'; problem: 'sharesSum'; sumBp: number }
  | { field: `shares.${number}.subRegionId`; problem: 'unknownRegion' | 'regionTwice'; subRegionId: string };

export function periodProblems(
  candidate: Pick<FundingPeriod, 'start' | 'end' | 'shares'>,
  existing: readonly FundingPeriod[],
  subRegionIds: readonly string[],
): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (candidate.end < candidate.start) problems.push({ field: 'end', problem: 'endBeforeStart' });
  const other = existing.find((p) => p.start <= candidate.end && candidate.start <= p.end);
  if (other) problems.push({ field: 'start', problem: 'overlaps', other });
  candidate.shares.forEach((share, i) => {
    if (!subRegionIds.includes(share.subRegionId))
      problems.push({
        field: `shares.${i}.subRegionId`,
        problem: 'unknownRegion',
        subRegionId: share.subRegionId,
      });
    else if (candidate.shares.findIndex((s) => s.subRegionId === share.subRegionId) !== i)
      problems.push({
        field: `shares.${i}.subRegionId`,
        problem: 'regionTwice',
        subRegionId: share.subRegionId,
      });
  });
  const sumBp = candidate.shares.reduce((sum, s) => sum + s.shareBp, 0);
  if (sumBp !== 10_000) problems.push({ field: 'shares', problem: 'sharesSum', sumBp });
  return problems;
}
