/*
 * Every reason a request can conflict with the current state (HTTP 409, the answer's `code`): one
 * union the handlers throw with and the web client reacts to. German messages come with each error;
 * the code is for pages that act on it (reload, show the current version, ask again).
 */
export const conflictCodes = [
  // any change of a sketch
  'version_conflict',
  'not_editable',
  'wrong_status',
  // the office's checks: a local alliance's statement still due
  'statements_missing',
  // the local step (contract/local.ts)
  'statement_given',
  'no_local_step',
  // votes and meetings
  'vote_conflict',
  'closed',
  'no_seats',
  'no_seat',
  'no_sketch',
  'not_holder',
  'not_member',
  'no_deputy',
  'already',
  'not_handed',
  'deputy_voted',
  'recused',
  'deadline_past',
  'no_outcome',
  'in_vote',
  // after the Votum
  'followup_conflict',
  'not_reported',
  'not_confirmed',
  'already_confirmed',
  'not_a_report',
  'not_submitted',
  'report_closed',
  // documents and the calendar feed
  'document_pending',
  'document_failed',
  'calendar_conflict',
  // the office's access management (Verwaltung → Zugänge)
  'self_removal',
  'last_admin',
  // erasure on request (Verwaltung → Datenschutz): admins and seat holders are taken off first
  'is_admin',
  'holds_seat',
  // a repeat of a request still being handled (Idempotency-Key)
  'in_progress',
] as const;

export type ConflictCode = (typeof conflictCodes)[number];
