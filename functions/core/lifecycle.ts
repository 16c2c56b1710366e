import * as rule from './transitions.ts';
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

/** One transition: its name (in the audit event), who may do it and from where to where. */
export interface TransitionRule {
  readonly name: Transition;
  readonly from: readonly SketchStatus[];
  readonly to: SketchStatus;
  readonly by: readonly Role[];
}

/**
 * What may happen to a sketch, with who may do it and from where to where: one export per
 * transition in ./transitions.ts (a handler imports that module as a namespace and names its own,
 * so its bundle keeps only the rules it applies), gathered here by name.
 */
export const transitions = {
  submit: rule.submit,
  return: rule.return,
  localStatement: rule.localStatement,
  accept: rule.accept,
  withdraw: rule.withdraw,
  openVote: rule.openVote,
  decide: rule.decide,
  endorse: rule.endorse,
  notEndorse: rule.notEndorse,
  defer: rule.defer,
  reportFunding: rule.reportFunding,
  confirmFunding: rule.confirmFunding,
  confirmRejection: rule.confirmRejection,
  addReport: rule.addReport,
  submitReport: rule.submitReport,
  reviewReport: rule.reviewReport,
  changeEnd: rule.changeEnd,
  close: rule.close,
} as const;
/** A transition's name, as the audit trail records it. */
export type Transition = (typeof rule)[keyof typeof rule]['name'];

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
export function after(from: SketchStatus, transition: TransitionRule, role: Role): SketchStatus {
  if (!transition.from.includes(from) || !transition.by.includes(role))
    throw new TransitionError(transition.name, from);
  return transition.to;
}

/** `after` by the transition's name (the table whole: for code that has only the name). */
export const next = (from: SketchStatus, transition: Transition, role: Role): SketchStatus =>
  after(from, transitions[transition], role);

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
