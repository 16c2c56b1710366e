import { budgetColumnLabels, unassignedName } from './budget.de.ts';
import * as texts from './budget-texts/texts.de.ts';
import type { Budget, BudgetLine, BudgetWarning } from './contract/budget-answers.ts';
import { berlinDate } from './dates.ts';
import type { SketchStatus } from './lifecycle.ts';
import { formatEuro } from './money.ts';
import { type FundingPeriod, type PriorProject, periodOn, profilePeriod } from './periods.ts';
import type { AllianceProfile } from './profile.ts';

/*
 * The virtual ESF budget of the profile's period, per sub-region and in total (DOMAIN.md, "After
 * the Votum"; issue 5, item 4). Pure: the shell passes the profile and the sketches' facts.
 *
 * What each column counts, per sketch (its ESF amount is split across its sub-regions by its
 * shares, largest remainder, so every column adds up to the cent across the lines and the total):
 * - fair share: the period's budget split by the sub-regions' `budgetShareBp`, largest remainder.
 * - requested: the ESF requested by every sketch that has been submitted and not turned down or
 *   given up: submitted, ready for the vote, in the vote, deferred, endorsed and everything after
 *   an approval. Not counted: drafts (also a sketch returned for revision, until it is submitted
 *   again), withdrawn, not endorsed, rejected by the NBank.
 * - endorsed: the ESF requested by sketches with a positive Votum: endorsed, funded, running,
 *   report due, closed.
 * - approved: the amount of a confirmed funding decision that approves (whatever the state).
 * - spent: the amount reported as spent in the final report.
 * - committed: what a sketch binds of the budget: the spent amount once it is closed with one; else
 *   the approved amount once a funding decision approved it (it replaces the endorsed amount, so a
 *   smaller approval frees budget); else the ESF requested once it is endorsed; else nothing.
 * - available: fair share − committed (negative when a sub-region is overdrawn).
 * Requests still in the procedure are not subtracted: they are a claim, not a commitment; the
 * warnings before an endorsement or a confirmed funding decision are where they meet the budget.
 */

/** States whose ESF request counts as requested. */
export const requestedStatuses: readonly SketchStatus[] = [
  'submitted',
  'ready_for_vote',
  'in_vote',
  'vote_closed',
  'deferred',
  'endorsed',
  'funded',
  'running',
  'report_due',
  'closed',
];
/** States after a positive Votum (and not rejected by the NBank). */
export const endorsedStatuses: readonly SketchStatus[] = [
  'endorsed',
  'funded',
  'running',
  'report_due',
  'closed',
];

/** What the budget needs to know of one sketch. */
export interface BudgetSketch {
  id: string;
  status: SketchStatus;
  /** ESF requested in the sketch as submitted. */
  esfCents: number;
  /** Its sub-regions with their share of its budget, in basis points (`space.subRegions`). */
  shares: { subRegionId: string; shareBp: number }[];
  /** The amount of a confirmed funding decision that approves it. */
  approvedCents?: number | undefined;
  /** The amount the final report gives as spent. */
  spentCents?: number | undefined;
  /** The day it was (last) submitted: it decides the funding period it counts in. */
  submittedOn?: string | undefined;
}

const amountColumns = [
  'fairShareCents',
  'requestedCents',
  'endorsedCents',
  'approvedCents',
  'spentCents',
  'committedCents',
  'availableCents',
] as const;
export type BudgetColumn = (typeof amountColumns)[number];
export const budgetColumns: readonly BudgetColumn[] = amountColumns;

// The shapes the API answers are defined once, in contract/budget-answers.ts; these are their types.
export type { Budget, BudgetCheck, BudgetLine, BudgetWarning } from './contract/budget-answers.ts';
/** The columns' German names, for the page and the CSV alike. */
export { budgetColumnLabels, unassignedName };

/**
 * Splits `total` into whole parts proportional to `weights` by the largest-remainder method: each
 * part is rounded down, and the cents left over go one each to the largest remainders (the
 * earlier weight first on a tie), so the parts add up to `total` exactly. BigInt, because
 * cents × basis points can pass 2^53.
 */
export function splitByShares(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`not a whole amount: ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError(`cannot split by the weights ${weights.join(', ')}`);
  if (total < 0) return splitByShares(-total, weights).map((part) => -part || 0);
  const whole = BigInt(total);
  const divisor = BigInt(sum);
  const exact = weights.map((w) => whole * BigInt(w));
  const parts = exact.map((x) => x / divisor);
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x % divisor }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** What a sketch binds of the budget (see "committed" above). */
export function committedOf(sketch: BudgetSketch): number {
  if (sketch.status === 'closed' && sketch.spentCents !== undefined) return sketch.spentCents;
  if (sketch.approvedCents !== undefined) return sketch.approvedCents;
  return endorsedStatuses.includes(sketch.status) ? sketch.esfCents : 0;
}

const emptyAmounts = (): Record<BudgetColumn, number> => ({
  fairShareCents: 0,
  requestedCents: 0,
  endorsedCents: 0,
  approvedCents: 0,
  spentCents: 0,
  committedCents: 0,
  availableCents: 0,
});

/**
 * An amount of one sketch per line index: its shares in the profile's sub-regions, the rest (shares
 * in sub-regions the profile does not know, or no shares at all) at `unassigned`.
 */
function splitAmount(
  regionIds: readonly string[],
  sketch: Pick<BudgetSketch, 'shares'>,
  amount: number,
  unassigned: number,
): Map<number, number> {
  const byLine = new Map<number, number>();
  const shares = sketch.shares.filter((s) => Number.isSafeInteger(s.shareBp) && s.shareBp > 0);
  if (amount === 0) return byLine;
  if (shares.length === 0) return byLine.set(unassigned, amount);
  const parts = splitByShares(
    amount,
    shares.map((s) => s.shareBp),
  );
  shares.forEach((share, i) => {
    const index = regionIds.indexOf(share.subRegionId);
    const line = index === -1 ? unassigned : index;
    byLine.set(line, (byLine.get(line) ?? 0) + (parts[i] ?? 0));
  });
  return byLine;
}

function overdrawnWarnings(
  lines: readonly BudgetLine[],
  total: BudgetLine,
  budgetCents: number,
): BudgetWarning[] {
  const warnings: BudgetWarning[] = [];
  for (const line of lines) {
    const over = line.committedCents - line.fairShareCents;
    if (over > 0)
      warnings.push({
        ...(line.subRegionId ? { subRegionId: line.subRegionId } : {}),
        overCents: over,
        message: texts.overdrawn(
          line.name,
          formatEuro(line.committedCents),
          formatEuro(over),
          formatEuro(line.fairShareCents),
          texts.fairShare,
        ),
      });
  }
  const over = total.committedCents - budgetCents;
  if (over > 0)
    warnings.push({
      overCents: over,
      message: texts.overdrawn(
        texts.total,
        formatEuro(total.committedCents),
        formatEuro(over),
        formatEuro(budgetCents),
        texts.budget,
      ),
    });
  return warnings;
}

/**
 * The sketches that count in `period`: those submitted on a day that falls in it (periodOn; a
 * sketch without a submission day counts in the first period).
 */
export function sketchesOfPeriod<S extends Pick<BudgetSketch, 'submittedOn'>>(
  sketches: readonly S[],
  periods: readonly FundingPeriod[],
  period: FundingPeriod,
): S[] {
  return sketches.filter(
    (s) =>
      (s.submittedOn ? periodOn(periods, s.submittedOn) : periodOn(periods, '0000-01-01'))?.id === period.id,
  );
}

/**
 * The budget of one period per sub-region and in total from every sketch's facts (already those
 * of the period: sketchesOfPeriod) and the projects approved before the portal was used, which
 * count as requested, endorsed, approved and committed. Without a period: the profile's.
 */
export function computeBudget(
  profile: AllianceProfile,
  sketches: readonly BudgetSketch[],
  period: FundingPeriod = profilePeriod(profile),
  prior: readonly PriorProject[] = [],
): Budget {
  const { budgetCents } = period;
  const fair = splitByShares(
    budgetCents,
    profile.subRegions.map((r) => period.shares.find((s) => s.subRegionId === r.id)?.shareBp ?? 0),
  );
  const lines: BudgetLine[] = profile.subRegions.map((region, i) => ({
    subRegionId: region.id,
    name: region.name,
    ...emptyAmounts(),
    fairShareCents: fair[i] ?? 0,
  }));
  const regionIds = profile.subRegions.map((r) => r.id);
  const unassigned = lines.length;
  const extra: BudgetLine = { name: unassignedName, ...emptyAmounts() };
  const lineAt = (index: number) => (index === unassigned ? extra : lines[index]);
  let counted = 0;
  for (const sketch of sketches) {
    const amounts: [BudgetColumn, number][] = [
      ['requestedCents', requestedStatuses.includes(sketch.status) ? sketch.esfCents : 0],
      ['endorsedCents', endorsedStatuses.includes(sketch.status) ? sketch.esfCents : 0],
      ['approvedCents', sketch.approvedCents ?? 0],
      ['spentCents', sketch.spentCents ?? 0],
      ['committedCents', committedOf(sketch)],
    ];
    if (amounts.some(([, amount]) => amount !== 0)) counted += 1;
    for (const [column, amount] of amounts)
      for (const [index, part] of splitAmount(regionIds, sketch, amount, unassigned)) {
        const line = lineAt(index);
        if (line) line[column] += part;
      }
  }
  for (const project of prior)
    for (const { subRegionId, amountCents } of project.amounts) {
      const index = regionIds.indexOf(subRegionId);
      const line = lineAt(index === -1 ? unassigned : index);
      if (!line) continue;
      for (const column of ['requestedCents', 'endorsedCents', 'approvedCents', 'committedCents'] as const)
        line[column] += amountCents;
    }
  const shown = amountColumns.some((c) => extra[c] !== 0) ? [...lines, extra] : lines;
  for (const line of shown) line.availableCents = line.fairShareCents - line.committedCents;
  const total: BudgetLine = { name: texts.total, ...emptyAmounts() };
  for (const line of shown) for (const column of amountColumns) total[column] += line[column];
  return {
    period: { id: period.id, start: period.start, end: period.end },
    budgetCents,
    lines: shown,
    total,
    sketchCount: counted,
    priorCount: prior.length,
    warnings: overdrawnWarnings(shown, total, budgetCents),
  };
}

/**
 * German warnings for the admin before `amountCents` of `sketch` is committed (an endorsement: its
 * ESF request; a confirmed funding decision: the approved amount): one per sub-region whose fair
 * share it would exceed, and one when it would exceed the budget. What the sketch already binds is
 * replaced, not added. Exactly the fair share is fine; one cent more warns.
 */
export function budgetWarnings(budget: Budget, sketch: BudgetSketch, amountCents: number): BudgetWarning[] {
  const regions = budget.lines.filter((l) => l.subRegionId !== undefined);
  // The same split as computeBudget's, over the budget's own sub-region lines.
  const regionIds = regions.map((l) => l.subRegionId as string);
  const unassigned = regions.length;
  const before = splitAmount(regionIds, sketch, committedOf(sketch), unassigned);
  const after = splitAmount(regionIds, sketch, amountCents, unassigned);
  const warnings: BudgetWarning[] = [];
  regions.forEach((line, index) => {
    const committed = line.committedCents - (before.get(index) ?? 0) + (after.get(index) ?? 0);
    const over = committed - line.fairShareCents;
    if (over > 0 && (after.get(index) ?? 0) > 0)
      warnings.push({
        subRegionId: line.subRegionId as string,
        overCents: over,
        message: texts.wouldOverdraw(
          line.name,
          formatEuro(committed),
          formatEuro(over),
          formatEuro(line.fairShareCents),
          texts.fairShare,
        ),
      });
  });
  const outside = after.get(unassigned) ?? 0;
  if (outside > 0) warnings.push({ overCents: outside, message: texts.unassigned(formatEuro(outside)) });
  const committed = budget.total.committedCents - committedOf(sketch) + amountCents;
  const over = committed - budget.budgetCents;
  if (over > 0)
    warnings.push({
      overCents: over,
      message: texts.wouldOverdraw(
        texts.total,
        formatEuro(committed),
        formatEuro(over),
        formatEuro(budget.budgetCents),
        texts.budget,
      ),
    });
  return warnings;
}

// ---- Reading a stored sketch -------------------------------------------------------------------

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const cents = (value: unknown): number | undefined =>
  Number.isSafeInteger(value) ? (value as number) : undefined;

/** The approved amount of a funding decision (`approvedCents`; `amountCents` as first drafted). */
export const approvedAmount = (decision: Record<string, unknown>): number | undefined =>
  cents(decision.approvedCents) ?? cents(decision.amountCents);

/** A sketch as stored, as far as the budget reads it; the follow-up's fields may be absent. */
export interface BudgetRecord {
  id: string;
  status: SketchStatus;
  esfCents?: number | undefined;
  draft?: unknown;
  /** The NBank's decision as reported and confirmed (issue 5, item 1). */
  fundingDecision?: unknown;
  /** The final report (issue 5, item 2). */
  finalReport?: unknown;
  /** When it was last submitted (ISO instant): decides its period. */
  submittedAt?: unknown;
}

/**
 * The budget's facts of a stored sketch, read tolerantly: the shares from the submitted content
 * (`draft.space.subRegions`), the approved amount only from a confirmed decision that approves,
 * the spent amount from the final report.
 */
export function budgetSketch(stored: BudgetRecord): BudgetSketch {
  const subRegions = record(record(stored.draft).space).subRegions;
  const shares = (Array.isArray(subRegions) ? subRegions : []).flatMap((s) => {
    const { id, shareBp } = record(s);
    return typeof id === 'string' && Number.isSafeInteger(shareBp)
      ? [{ subRegionId: id, shareBp: shareBp as number }]
      : [];
  });
  const decision = record(stored.fundingDecision);
  const approved =
    decision.confirmedAt && decision.outcome === 'approved' ? approvedAmount(decision) : undefined;
  const spent = cents(record(stored.finalReport).spentCents);
  const submittedOn =
    typeof stored.submittedAt === 'string' ? berlinDate(new Date(stored.submittedAt)) : undefined;
  return {
    id: stored.id,
    ...(submittedOn ? { submittedOn } : {}),
    status: stored.status,
    esfCents: cents(stored.esfCents) ?? 0,
    shares,
    ...(approved !== undefined ? { approvedCents: approved } : {}),
    ...(spent !== undefined ? { spentCents: spent } : {}),
  };
}
