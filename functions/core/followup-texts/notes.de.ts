import { formatDate } from '../dates.ts';
import { type FundingOutcomeCode, fundingOutcomeWords } from './words.de.ts';
export const fundingReported = (outcome: FundingOutcomeCode) =>
  `Förderentscheidung gemeldet: ${fundingOutcomeWords[outcome]}`;
export const fundingConfirmed = (outcome: FundingOutcomeCode) =>
  `Förderentscheidung bestätigt: ${fundingOutcomeWords[outcome]}`;
export const endChanged = (from: string, to: string, note: string | undefined) =>
  `Projektende ${formatDate(from)} → ${formatDate(to)}${note ? `: ${note}` : ''}`;
export const reportAgreed = (label: string, due: string) => `${label} bis ${formatDate(due)}`;
export const interimLabel = (n: number) => `Zwischenbericht ${n}`;
export const reportSubmitted = (label: string) => `${label} eingereicht`;
export const reportReviewed = (label: string, accepted: boolean, note: string | undefined) =>
  `${label}: ${accepted ? 'angenommen' : 'nachgefordert'}${note ? ` – ${note}` : ''}`;
export const movedByConfirmation = 'Förderentscheidung bestätigt';
export const movedByEndChange = 'Projektende geändert';
