import type { AllianceProfile } from './profile.ts';
import type { Totals } from './sketch-fields.ts';

/*
 * The profile's funding rules on a cost plan (DOMAIN.md, section 7 of the sketch): the funding rate
 * and when a total above the cap needs a written justification. Pure; the form, the server's
 * completeness check and the views read them from here, so a profile change needs no code change.
 */

type FundingRules = Pick<
  AllianceProfile['funding'],
  'totalCostCapCents' | 'capJustification' | 'maxFundingRateOfPersonnelBp'
>;

/** The most the ESF may fund of a plan under the profile's rate: all of it where no rate applies. */
export function maxFundingCents(sum: Pick<Totals, 'costCents' | 'personnelCents'>, f: FundingRules): number {
  return f.maxFundingRateOfPersonnelBp === undefined
    ? sum.costCents
    : Math.floor((sum.personnelCents * f.maxFundingRateOfPersonnelBp) / 10_000);
}

/**
 * The most the ESF could fund had the project kept to the cap: the same plan scaled down to the
 * cap, under the same rate. Funding above it is what the excess over the cap adds.
 */
export function fundingAtCapCents(
  sum: Pick<Totals, 'costCents' | 'personnelCents'>,
  f: FundingRules,
): number {
  if (sum.costCents <= f.totalCostCapCents) return maxFundingCents(sum, f);
  return Math.floor((maxFundingCents(sum, f) * f.totalCostCapCents) / sum.costCents);
}

/**
 * Whether the plan needs a justification for its total: above the cap always (`above_cap`), or only
 * when the excess raises the funding (`above_cap_raising_funding`, Leine-Weser's chapter 5: „und
 * dies zu einer höheren Fördersumme führen würde“) — that is, when more ESF is requested than the
 * plan kept to the cap could receive.
 */
export function capJustificationNeeded(
  sum: Pick<Totals, 'costCents' | 'personnelCents'>,
  esfCents: number,
  f: FundingRules,
): boolean {
  if (sum.costCents <= f.totalCostCapCents) return false;
  if (f.capJustification === 'above_cap') return true;
  return esfCents > fundingAtCapCents(sum, f);
}
