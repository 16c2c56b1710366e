/** The states of a sketch (DOMAIN.md, "The lifecycle"). */
export const sketchStatuses = [
  'draft',
  'submitted',
  'ready_for_vote',
  'in_vote',
  /** The steering group decided (a circulation closed, or a meeting): the office writes the Votum. */
  'vote_closed',
  'endorsed',
  'not_endorsed',
  'deferred',
  'withdrawn',
  'funded',
  'rejected',
  'running',
  'report_due',
  'closed',
] as const;
export type SketchStatus = (typeof sketchStatuses)[number];

/** `local`: a local alliance, speaking for its sub-regions (core/local.ts). */
export type Role = 'applicant' | 'admin' | 'member' | 'local';

/** What may happen to a sketch, with who may do it and from where to where. */
export const transitions = {
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'] },
  return: { from: ['submitted'], to: 'draft', by: ['admin'] },
  /** A local alliance states whether it supports the sketch (core/local.ts); the state stays. */
  localStatement: { from: ['submitted'], to: 'submitted', by: ['local'] },
  accept: { from: ['submitted'], to: 'ready_for_vote', by: ['admin'] },
  withdraw: {
    from: ['draft', 'submitted', 'ready_for_vote', 'in_vote', 'vote_closed', 'deferred'],
    to: 'withdrawn',
    by: ['applicant', 'admin'],
  },
  /** An admin opens a circulation vote on it (a deferred sketch in its next round). */
  openVote: { from: ['ready_for_vote', 'deferred'], to: 'in_vote', by: ['admin'] },
  /**
   * The steering group decided: a circulation closed, or a meeting decided (directly, in a later
   * round, or after a circulation without consensus). The sketch waits for the office's Votum.
   */
  decide: {
    from: ['ready_for_vote', 'in_vote', 'vote_closed', 'deferred'],
    to: 'vote_closed',
    by: ['admin'],
  },
  /**
   * The Votum, written by an admin from the outcome. A deferred sketch stays `deferred` (its Votum
   * readable) until the next round opens a vote on it or a meeting decides.
   */
  endorse: { from: ['vote_closed'], to: 'endorsed', by: ['admin'] },
  notEndorse: { from: ['vote_closed'], to: 'not_endorsed', by: ['admin'] },
  defer: { from: ['vote_closed'], to: 'deferred', by: ['admin'] },
  /**
   * After the Votum (functions/core/followup.ts). The applicant reports the NBank's decision (the
   * state waits for the office); the office confirms it: approved → running, rejected → rejected.
   */
  reportFunding: { from: ['endorsed'], to: 'endorsed', by: ['applicant'] },
  confirmFunding: { from: ['endorsed'], to: 'running', by: ['admin'] },
  confirmRejection: { from: ['endorsed'], to: 'rejected', by: ['admin'] },
  /** While it runs: interim reports agreed, reports handed in and reviewed, the end corrected. */
  addReport: { from: ['running'], to: 'running', by: ['admin'] },
  submitReport: { from: ['running'], to: 'running', by: ['applicant'] },
  reviewReport: { from: ['running'], to: 'running', by: ['admin'] },
  changeEnd: { from: ['running'], to: 'running', by: ['admin'] },
  /** The office accepted the final report: the project is closed. */
  close: { from: ['running'], to: 'closed', by: ['admin'] },
} as const satisfies Record<string, { from: readonly SketchStatus[]; to: SketchStatus; by: readonly Role[] }>;
export type Transition = keyof typeof transitions;

export class TransitionError extends Error {
  override name = 'TransitionError';
  readonly transition: Transition;
  readonly from: SketchStatus;
  constructor(transition: Transition, from: SketchStatus) {
    super(`transition ${transition} is not allowed from ${from}`);
    this.transition = transition;
    this.from = from;
  }
}

/** The state after `transition`, or a TransitionError when the sketch is not in a state that allows it. */
export function next(from: SketchStatus, transition: Transition, role: Role): SketchStatus {
  const rule = transitions[transition];
  const fromOk = (rule.from as readonly SketchStatus[]).includes(from);
  const roleOk = (rule.by as readonly Role[]).includes(role);
  if (!fromOk || !roleOk) throw new TransitionError(transition, from);
  return rule.to;
}

/** One recorded transition: who, acting for whom, when, from which state (DOMAIN.md). */
export interface AuditEvent {
  sketchId: string;
  /**
   * A transition, the creation, or (in trails written before the local alliances' workspace) the
   * office's confirmation of their endorsement, which the statements replaced.
   */
  transition: Transition | 'create' | 'confirm_endorsement';
  from: SketchStatus | null;
  to: SketchStatus;
  actor: string;
  actingFor: string;
  role: Role;
  at: string;
  note?: string;
}

export function auditEvent(input: Omit<AuditEvent, 'actingFor'> & { actingFor?: string }): AuditEvent {
  return { ...input, actingFor: input.actingFor ?? input.actor };
}
