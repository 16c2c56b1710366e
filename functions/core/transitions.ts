import type { Role, SketchStatus } from './lifecycle.ts';

/*
 * The transitions of a sketch (DOMAIN.md, "The lifecycle"), one export each: who may do it and from
 * where to where. A module imports them as a namespace (`import * as transitions from
 * '../core/transitions.ts'`) and passes the one it applies (lifecycle.ts `after`), so a bundle keeps
 * only its own; lifecycle.ts gathers them by name (`transitions`). Each names itself, as the audit
 * event records it.
 */

type Rule<N extends string> = {
  readonly name: N;
  readonly from: readonly SketchStatus[];
  readonly to: SketchStatus;
  readonly by: readonly Role[];
};

export const submit = {
  name: 'submit',
  from: ['draft'],
  to: 'submitted',
  by: ['applicant'],
} as const satisfies Rule<'submit'>;
const returnToApplicant = {
  name: 'return',
  from: ['submitted'],
  to: 'draft',
  by: ['admin'],
} as const satisfies Rule<'return'>;
/** A local alliance states whether it supports the sketch (core/local.ts); the state stays. */
export const localStatement = {
  name: 'localStatement',
  from: ['submitted'],
  to: 'submitted',
  by: ['local'],
} as const satisfies Rule<'localStatement'>;
export const accept = {
  name: 'accept',
  from: ['submitted'],
  to: 'ready_for_vote',
  by: ['admin'],
} as const satisfies Rule<'accept'>;
export const withdraw = {
  name: 'withdraw',
  from: ['draft', 'submitted', 'ready_for_vote', 'in_vote', 'vote_closed', 'deferred'],
  to: 'withdrawn',
  by: ['applicant', 'admin'],
} as const satisfies Rule<'withdraw'>;
/** An admin opens a circulation vote on it (a deferred sketch in its next round). */
export const openVote = {
  name: 'openVote',
  from: ['ready_for_vote', 'deferred'],
  to: 'in_vote',
  by: ['admin'],
} as const satisfies Rule<'openVote'>;
/**
 * The steering group decided: a circulation closed, or a meeting decided (directly, in a later
 * round, or after a circulation without consensus). The sketch waits for the office's Votum.
 */
export const decide = {
  name: 'decide',
  from: ['ready_for_vote', 'in_vote', 'vote_closed', 'deferred'],
  to: 'vote_closed',
  by: ['admin'],
} as const satisfies Rule<'decide'>;
/**
 * The Votum, written by an admin from the outcome. A deferred sketch stays `deferred` (its Votum
 * readable) until the next round opens a vote on it or a meeting decides.
 */
export const endorse = {
  name: 'endorse',
  from: ['vote_closed'],
  to: 'endorsed',
  by: ['admin'],
} as const satisfies Rule<'endorse'>;
export const notEndorse = {
  name: 'notEndorse',
  from: ['vote_closed'],
  to: 'not_endorsed',
  by: ['admin'],
} as const satisfies Rule<'notEndorse'>;
export const defer = {
  name: 'defer',
  from: ['vote_closed'],
  to: 'deferred',
  by: ['admin'],
} as const satisfies Rule<'defer'>;
/**
 * After the Votum (functions/core/followup.ts). The applicant reports the NBank's decision (the
 * state waits for the office); the office confirms it: approved → running, rejected → rejected.
 */
export const reportFunding = {
  name: 'reportFunding',
  from: ['endorsed'],
  to: 'endorsed',
  by: ['applicant'],
} as const satisfies Rule<'reportFunding'>;
export const confirmFunding = {
  name: 'confirmFunding',
  from: ['endorsed'],
  to: 'running',
  by: ['admin'],
} as const satisfies Rule<'confirmFunding'>;
export const confirmRejection = {
  name: 'confirmRejection',
  from: ['endorsed'],
  to: 'rejected',
  by: ['admin'],
} as const satisfies Rule<'confirmRejection'>;
/** While it runs: interim reports agreed, reports handed in and reviewed, the end corrected. */
export const addReport = {
  name: 'addReport',
  from: ['running'],
  to: 'running',
  by: ['admin'],
} as const satisfies Rule<'addReport'>;
export const submitReport = {
  name: 'submitReport',
  from: ['running'],
  to: 'running',
  by: ['applicant'],
} as const satisfies Rule<'submitReport'>;
export const reviewReport = {
  name: 'reviewReport',
  from: ['running'],
  to: 'running',
  by: ['admin'],
} as const satisfies Rule<'reviewReport'>;
export const changeEnd = {
  name: 'changeEnd',
  from: ['running'],
  to: 'running',
  by: ['admin'],
} as const satisfies Rule<'changeEnd'>;
/** The office accepted the final report: the project is closed. */
export const close = {
  name: 'close',
  from: ['running'],
  to: 'closed',
  by: ['admin'],
} as const satisfies Rule<'close'>;
export { returnToApplicant as return };
