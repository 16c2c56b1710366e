/** The NBank's decision in words (core/followup.ts's `fundingOutcomeLabels`). */
export const fundingOutcomeWords = { approved: 'bewilligt', rejected: 'abgelehnt' } as const;
export type FundingOutcomeCode = keyof typeof fundingOutcomeWords;
