import type { Role } from '../core/lifecycle.ts';

/** Who may call a route: nobody signed in needed, or any of these roles. */
export type Access = 'public' | readonly Role[];

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway v2 path, with {param} placeholders. */
  path: `/api/${string}`;
  access: Access;
  /** The handler module, relative to the project root; it exports `handler`. */
  entry: `functions/http/handlers/${string}.ts`;
  /** Whether the handler sends mail: drives the SES grant in CDK (every function reads the signing secret). */
  sendsMail?: boolean;
  /**
   * What the handler does with the attachments bucket, driving its S3 grants in CDK: `read` presigns
   * downloads, `write` presigns uploads, checks, moves and deletes files. Absent: no S3 access.
   */
  attachments?: 'read' | 'write';
}

const signedIn: readonly Role[] = ['applicant', 'admin', 'member'];

/**
 * The route table: drives the CDK HTTP API routes, the local adapter and the access tests.
 * Anything not listed here is denied.
 */
export const routes = {
  requestLink: {
    method: 'POST',
    path: '/api/auth/link',
    access: 'public',
    entry: 'functions/http/handlers/request-link.ts',
    sendsMail: true,
  },
  redeemLink: {
    method: 'POST',
    path: '/api/auth/session',
    access: 'public',
    entry: 'functions/http/handlers/redeem-link.ts',
  },
  signOut: {
    method: 'DELETE',
    path: '/api/auth/session',
    access: signedIn,
    entry: 'functions/http/handlers/sign-out.ts',
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    access: signedIn,
    entry: 'functions/http/handlers/me.ts',
  },
  getProfile: {
    method: 'GET',
    path: '/api/profile',
    access: 'public',
    entry: 'functions/http/handlers/get-profile.ts',
  },
  createSketch: {
    method: 'POST',
    path: '/api/sketches',
    access: ['applicant'],
    entry: 'functions/http/handlers/create-sketch.ts',
    sendsMail: true,
  },
  getSketch: {
    method: 'GET',
    path: '/api/sketches/{id}',
    access: ['applicant', 'admin', 'member'],
    entry: 'functions/http/handlers/get-sketch.ts',
  },
  saveDraft: {
    method: 'PUT',
    path: '/api/sketches/{id}/draft',
    access: ['applicant'],
    entry: 'functions/http/handlers/save-draft.ts',
  },
  submitSketch: {
    method: 'POST',
    path: '/api/sketches/{id}/submit',
    access: ['applicant'],
    entry: 'functions/http/handlers/submit-sketch.ts',
    sendsMail: true,
  },
  withdrawSketch: {
    method: 'POST',
    path: '/api/sketches/{id}/withdraw',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/withdraw-sketch.ts',
    sendsMail: true,
  },
  getVersion: {
    method: 'GET',
    path: '/api/sketches/{id}/versions/{n}',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/get-version.ts',
  },
  mySketches: {
    method: 'GET',
    path: '/api/my/sketches',
    access: ['applicant'],
    entry: 'functions/http/handlers/my-sketches.ts',
  },
  listSketches: {
    method: 'GET',
    path: '/api/admin/sketches',
    access: ['admin'],
    entry: 'functions/http/handlers/list-sketches.ts',
  },
  returnSketch: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/return',
    access: ['admin'],
    entry: 'functions/http/handlers/return-sketch.ts',
    sendsMail: true,
  },
  confirmEndorsement: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/endorsement',
    access: ['admin'],
    entry: 'functions/http/handlers/confirm-endorsement.ts',
  },
  acceptSketch: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/accept',
    access: ['admin'],
    entry: 'functions/http/handlers/accept-sketch.ts',
    sendsMail: true,
  },
  createAttachment: {
    method: 'POST',
    path: '/api/sketches/{id}/attachments',
    access: ['applicant'],
    entry: 'functions/http/handlers/create-attachment.ts',
    attachments: 'write',
  },
  checkAttachment: {
    method: 'POST',
    path: '/api/sketches/{id}/attachments/{aid}/check',
    access: ['applicant'],
    entry: 'functions/http/handlers/check-attachment.ts',
    attachments: 'write',
  },
  listAttachments: {
    method: 'GET',
    path: '/api/sketches/{id}/attachments',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/list-attachments.ts',
  },
  downloadAttachment: {
    method: 'GET',
    path: '/api/sketches/{id}/attachments/{aid}',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/download-attachment.ts',
    attachments: 'read',
  },
  deleteAttachment: {
    method: 'DELETE',
    path: '/api/sketches/{id}/attachments/{aid}',
    access: ['applicant'],
    entry: 'functions/http/handlers/delete-attachment.ts',
    attachments: 'write',
  },
  listSeats: {
    method: 'GET',
    path: '/api/admin/seats',
    access: ['admin'],
    entry: 'functions/http/handlers/list-seats.ts',
  },
  putSeat: {
    method: 'PUT',
    path: '/api/admin/seats/{id}',
    access: ['admin'],
    entry: 'functions/http/handlers/put-seat.ts',
  },
  openVote: {
    method: 'POST',
    path: '/api/admin/votes',
    access: ['admin'],
    entry: 'functions/http/handlers/open-vote.ts',
    sendsMail: true,
  },
  listVotes: {
    method: 'GET',
    path: '/api/admin/votes',
    access: ['admin'],
    entry: 'functions/http/handlers/list-votes.ts',
  },
  getVote: {
    method: 'GET',
    path: '/api/votes/{id}',
    access: ['admin', 'member'],
    entry: 'functions/http/handlers/get-vote.ts',
  },
  myVotes: {
    method: 'GET',
    path: '/api/my/votes',
    access: ['member'],
    entry: 'functions/http/handlers/my-votes.ts',
  },
  castBallot: {
    method: 'POST',
    path: '/api/votes/{id}/ballots',
    access: ['member'],
    entry: 'functions/http/handlers/cast-ballot.ts',
    sendsMail: true,
  },
  handOver: {
    method: 'POST',
    path: '/api/votes/{id}/seats/{seatId}/handover',
    access: ['member'],
    entry: 'functions/http/handlers/hand-over.ts',
    sendsMail: true,
  },
  takeBack: {
    method: 'DELETE',
    path: '/api/votes/{id}/seats/{seatId}/handover',
    access: ['member'],
    entry: 'functions/http/handlers/take-back.ts',
  },
  recuseSeat: {
    method: 'POST',
    path: '/api/votes/{id}/recusals',
    access: ['member', 'admin'],
    entry: 'functions/http/handlers/recuse-seat.ts',
  },
  closeVote: {
    method: 'POST',
    path: '/api/admin/votes/{id}/close',
    access: ['admin'],
    entry: 'functions/http/handlers/close-vote.ts',
    sendsMail: true,
  },
  extendVote: {
    method: 'POST',
    path: '/api/admin/votes/{id}/extend',
    access: ['admin'],
    entry: 'functions/http/handlers/extend-vote.ts',
    sendsMail: true,
  },
  remindVote: {
    method: 'POST',
    path: '/api/admin/votes/{id}/remind',
    access: ['admin'],
    entry: 'functions/http/handlers/remind-vote.ts',
    sendsMail: true,
  },
  recordMeeting: {
    method: 'POST',
    path: '/api/admin/meetings',
    access: ['admin'],
    entry: 'functions/http/handlers/record-meeting.ts',
  },
  listMeetings: {
    method: 'GET',
    path: '/api/admin/meetings',
    access: ['admin'],
    entry: 'functions/http/handlers/list-meetings.ts',
  },
  meetingMinutes: {
    method: 'GET',
    path: '/api/admin/meetings/{id}/minutes',
    access: ['admin'],
    entry: 'functions/http/handlers/meeting-minutes.ts',
  },
  writeVotum: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/votum',
    access: ['admin'],
    entry: 'functions/http/handlers/write-votum.ts',
    sendsMail: true,
  },
  votumLetter: {
    method: 'GET',
    path: '/api/sketches/{id}/votum/letter',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/votum-letter.ts',
  },
  getBudget: {
    method: 'GET',
    path: '/api/admin/budget',
    access: ['admin'],
    entry: 'functions/http/handlers/get-budget.ts',
  },
  budgetCheck: {
    method: 'GET',
    path: '/api/admin/sketches/{id}/budget-check',
    access: ['admin'],
    entry: 'functions/http/handlers/budget-check.ts',
  },
  /** `{file}` is `sketches.csv`, `ballots.csv`, `decisions.csv` or `budget.csv`. */
  exportCsv: {
    method: 'GET',
    path: '/api/admin/exports/{file}',
    access: ['admin'],
    entry: 'functions/http/handlers/export-csv.ts',
  },
  // After the Votum (issue 5): funding decision, reports, deadlines and their calendar.
  getFollowUp: {
    method: 'GET',
    path: '/api/sketches/{id}/followup',
    access: ['applicant', 'admin'],
    entry: 'functions/http/handlers/get-followup.ts',
  },
  reportFunding: {
    method: 'POST',
    path: '/api/sketches/{id}/funding-decision',
    access: ['applicant'],
    entry: 'functions/http/handlers/report-funding.ts',
    sendsMail: true,
  },
  confirmFunding: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/funding-decision/confirm',
    access: ['admin'],
    entry: 'functions/http/handlers/confirm-funding.ts',
    sendsMail: true,
  },
  changeEnd: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/end',
    access: ['admin'],
    entry: 'functions/http/handlers/change-end.ts',
    sendsMail: true,
  },
  addReport: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/reports',
    access: ['admin'],
    entry: 'functions/http/handlers/add-report.ts',
    sendsMail: true,
  },
  submitReport: {
    method: 'POST',
    path: '/api/sketches/{id}/reports/{rid}/submit',
    access: ['applicant'],
    entry: 'functions/http/handlers/submit-report.ts',
    sendsMail: true,
  },
  reviewReport: {
    method: 'POST',
    path: '/api/admin/sketches/{id}/reports/{rid}/review',
    access: ['admin'],
    entry: 'functions/http/handlers/review-report.ts',
    sendsMail: true,
  },
  listDeadlines: {
    method: 'GET',
    path: '/api/admin/deadlines',
    access: ['admin'],
    entry: 'functions/http/handlers/list-deadlines.ts',
  },
  calendarFeedStatus: {
    method: 'GET',
    path: '/api/admin/calendar',
    access: ['admin'],
    entry: 'functions/http/handlers/calendar-feed-status.ts',
  },
  createCalendarFeed: {
    method: 'POST',
    path: '/api/admin/calendar',
    access: ['admin'],
    entry: 'functions/http/handlers/create-calendar-feed.ts',
  },
  revokeCalendarFeed: {
    method: 'DELETE',
    path: '/api/admin/calendar',
    access: ['admin'],
    entry: 'functions/http/handlers/revoke-calendar-feed.ts',
  },
  /** Public: a calendar app sends no cookie; the token in the path is the credential (its hash is stored). */
  calendarFeed: {
    method: 'GET',
    path: '/api/calendar/{token}/fristen.ics',
    access: 'public',
    entry: 'functions/http/handlers/calendar-feed.ts',
  },
} as const satisfies Record<string, Route>;

export type RouteId = keyof typeof routes;

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}

/** Whether a caller holding `roles` may call `route` (the only place access is decided). */
export function mayCall(route: Route, roles: readonly Role[]): boolean {
  if (route.access === 'public') return true;
  return route.access.some((role) => roles.includes(role));
}
