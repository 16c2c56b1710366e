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

export const requestLink = {
  method: 'POST',
  path: '/api/auth/link',
  access: 'public',
  entry: 'functions/http/handlers/request-link.ts',
  sendsMail: true,
} as const satisfies Route;

export const redeemLink = {
  method: 'POST',
  path: '/api/auth/session',
  access: 'public',
  entry: 'functions/http/handlers/redeem-link.ts',
} as const satisfies Route;

export const signOut = {
  method: 'DELETE',
  path: '/api/auth/session',
  access: signedIn,
  entry: 'functions/http/handlers/sign-out.ts',
} as const satisfies Route;

export const me = {
  method: 'GET',
  path: '/api/auth/me',
  access: signedIn,
  entry: 'functions/http/handlers/me.ts',
} as const satisfies Route;

export const getProfile = {
  method: 'GET',
  path: '/api/profile',
  access: 'public',
  entry: 'functions/http/handlers/get-profile.ts',
} as const satisfies Route;

export const createSketch = {
  method: 'POST',
  path: '/api/sketches',
  access: ['applicant'],
  entry: 'functions/http/handlers/create-sketch.ts',
  sendsMail: true,
} as const satisfies Route;

export const getSketch = {
  method: 'GET',
  path: '/api/sketches/{id}',
  access: ['applicant', 'admin', 'member'],
  entry: 'functions/http/handlers/get-sketch.ts',
} as const satisfies Route;

export const saveDraft = {
  method: 'PUT',
  path: '/api/sketches/{id}/draft',
  access: ['applicant'],
  entry: 'functions/http/handlers/save-draft.ts',
} as const satisfies Route;

export const submitSketch = {
  method: 'POST',
  path: '/api/sketches/{id}/submit',
  access: ['applicant'],
  entry: 'functions/http/handlers/submit-sketch.ts',
  sendsMail: true,
} as const satisfies Route;

export const withdrawSketch = {
  method: 'POST',
  path: '/api/sketches/{id}/withdraw',
  access: ['applicant', 'admin'],
  entry: 'functions/http/handlers/withdraw-sketch.ts',
  sendsMail: true,
} as const satisfies Route;

export const getVersion = {
  method: 'GET',
  path: '/api/sketches/{id}/versions/{n}',
  access: ['applicant', 'admin'],
  entry: 'functions/http/handlers/get-version.ts',
} as const satisfies Route;

export const mySketches = {
  method: 'GET',
  path: '/api/my/sketches',
  access: ['applicant'],
  entry: 'functions/http/handlers/my-sketches.ts',
} as const satisfies Route;

export const listSketches = {
  method: 'GET',
  path: '/api/admin/sketches',
  access: ['admin'],
  entry: 'functions/http/handlers/list-sketches.ts',
} as const satisfies Route;

export const returnSketch = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/return',
  access: ['admin'],
  entry: 'functions/http/handlers/return-sketch.ts',
  sendsMail: true,
} as const satisfies Route;

export const confirmEndorsement = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/endorsement',
  access: ['admin'],
  entry: 'functions/http/handlers/confirm-endorsement.ts',
} as const satisfies Route;

export const acceptSketch = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/accept',
  access: ['admin'],
  entry: 'functions/http/handlers/accept-sketch.ts',
  sendsMail: true,
} as const satisfies Route;

export const createAttachment = {
  method: 'POST',
  path: '/api/sketches/{id}/attachments',
  access: ['applicant'],
  entry: 'functions/http/handlers/create-attachment.ts',
  attachments: 'write',
} as const satisfies Route;

export const checkAttachment = {
  method: 'POST',
  path: '/api/sketches/{id}/attachments/{aid}/check',
  access: ['applicant'],
  entry: 'functions/http/handlers/check-attachment.ts',
  attachments: 'write',
} as const satisfies Route;

export const listAttachments = {
  method: 'GET',
  path: '/api/sketches/{id}/attachments',
  access: ['applicant', 'admin'],
  entry: 'functions/http/handlers/list-attachments.ts',
} as const satisfies Route;

export const downloadAttachment = {
  method: 'GET',
  path: '/api/sketches/{id}/attachments/{aid}',
  access: ['applicant', 'admin'],
  entry: 'functions/http/handlers/download-attachment.ts',
  attachments: 'read',
} as const satisfies Route;

export const deleteAttachment = {
  method: 'DELETE',
  path: '/api/sketches/{id}/attachments/{aid}',
  access: ['applicant'],
  entry: 'functions/http/handlers/delete-attachment.ts',
  attachments: 'write',
} as const satisfies Route;

export const listSeats = {
  method: 'GET',
  path: '/api/admin/seats',
  access: ['admin'],
  entry: 'functions/http/handlers/list-seats.ts',
} as const satisfies Route;

export const putSeat = {
  method: 'PUT',
  path: '/api/admin/seats/{id}',
  access: ['admin'],
  entry: 'functions/http/handlers/put-seat.ts',
} as const satisfies Route;

export const openVote = {
  method: 'POST',
  path: '/api/admin/votes',
  access: ['admin'],
  entry: 'functions/http/handlers/open-vote.ts',
  sendsMail: true,
} as const satisfies Route;

export const listVotes = {
  method: 'GET',
  path: '/api/admin/votes',
  access: ['admin'],
  entry: 'functions/http/handlers/list-votes.ts',
} as const satisfies Route;

export const getVote = {
  method: 'GET',
  path: '/api/votes/{id}',
  access: ['admin', 'member'],
  entry: 'functions/http/handlers/get-vote.ts',
} as const satisfies Route;

export const myVotes = {
  method: 'GET',
  path: '/api/my/votes',
  access: ['member'],
  entry: 'functions/http/handlers/my-votes.ts',
} as const satisfies Route;

export const castBallot = {
  method: 'POST',
  path: '/api/votes/{id}/ballots',
  access: ['member'],
  entry: 'functions/http/handlers/cast-ballot.ts',
  sendsMail: true,
} as const satisfies Route;

export const handOver = {
  method: 'POST',
  path: '/api/votes/{id}/seats/{seatId}/handover',
  access: ['member'],
  entry: 'functions/http/handlers/hand-over.ts',
  sendsMail: true,
} as const satisfies Route;

export const takeBack = {
  method: 'DELETE',
  path: '/api/votes/{id}/seats/{seatId}/handover',
  access: ['member'],
  entry: 'functions/http/handlers/take-back.ts',
} as const satisfies Route;

export const recuseSeat = {
  method: 'POST',
  path: '/api/votes/{id}/recusals',
  access: ['member', 'admin'],
  entry: 'functions/http/handlers/recuse-seat.ts',
} as const satisfies Route;

export const closeVote = {
  method: 'POST',
  path: '/api/admin/votes/{id}/close',
  access: ['admin'],
  entry: 'functions/http/handlers/close-vote.ts',
  sendsMail: true,
} as const satisfies Route;

export const extendVote = {
  method: 'POST',
  path: '/api/admin/votes/{id}/extend',
  access: ['admin'],
  entry: 'functions/http/handlers/extend-vote.ts',
  sendsMail: true,
} as const satisfies Route;

export const remindVote = {
  method: 'POST',
  path: '/api/admin/votes/{id}/remind',
  access: ['admin'],
  entry: 'functions/http/handlers/remind-vote.ts',
  sendsMail: true,
} as const satisfies Route;

export const recordMeeting = {
  method: 'POST',
  path: '/api/admin/meetings',
  access: ['admin'],
  entry: 'functions/http/handlers/record-meeting.ts',
} as const satisfies Route;

export const listMeetings = {
  method: 'GET',
  path: '/api/admin/meetings',
  access: ['admin'],
  entry: 'functions/http/handlers/list-meetings.ts',
} as const satisfies Route;

export const meetingMinutes = {
  method: 'GET',
  path: '/api/admin/meetings/{id}/minutes',
  access: ['admin'],
  entry: 'functions/http/handlers/meeting-minutes.ts',
} as const satisfies Route;

export const writeVotum = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/votum',
  access: ['admin'],
  entry: 'functions/http/handlers/write-votum.ts',
  sendsMail: true,
} as const satisfies Route;

export const votumLetter = {
  method: 'GET',
  path: '/api/sketches/{id}/votum/letter',
  access: ['applicant', 'admin'],
  entry: 'functions/http/handlers/votum-letter.ts',
} as const satisfies Route;

export const getBudget = {
  method: 'GET',
  path: '/api/admin/budget',
  access: ['admin'],
  entry: 'functions/http/handlers/get-budget.ts',
} as const satisfies Route;

export const budgetCheck = {
  method: 'GET',
  path: '/api/admin/sketches/{id}/budget-check',
  access: ['admin'],
  entry: 'functions/http/handlers/budget-check.ts',
} as const satisfies Route;

/** `{file}` is `sketches.csv`, `ballots.csv`, `decisions.csv` or `budget.csv`. */
export const exportCsv = {
  method: 'GET',
  path: '/api/admin/exports/{file}',
  access: ['admin'],
  entry: 'functions/http/handlers/export-csv.ts',
} as const satisfies Route;

// After the Votum (issue 5): funding decision, reports, deadlines and their calendar.
export const getFollowUp = {
  method: 'GET',
  path: '/api/sketches/{id}/followup',
  access: ['applicant', 'admin'],
  entry: 'functions/http/handlers/get-followup.ts',
} as const satisfies Route;

export const reportFunding = {
  method: 'POST',
  path: '/api/sketches/{id}/funding-decision',
  access: ['applicant'],
  entry: 'functions/http/handlers/report-funding.ts',
  sendsMail: true,
} as const satisfies Route;

export const confirmFunding = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/funding-decision/confirm',
  access: ['admin'],
  entry: 'functions/http/handlers/confirm-funding.ts',
  sendsMail: true,
} as const satisfies Route;

export const changeEnd = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/end',
  access: ['admin'],
  entry: 'functions/http/handlers/change-end.ts',
  sendsMail: true,
} as const satisfies Route;

export const addReport = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/reports',
  access: ['admin'],
  entry: 'functions/http/handlers/add-report.ts',
  sendsMail: true,
} as const satisfies Route;

export const submitReport = {
  method: 'POST',
  path: '/api/sketches/{id}/reports/{rid}/submit',
  access: ['applicant'],
  entry: 'functions/http/handlers/submit-report.ts',
  sendsMail: true,
} as const satisfies Route;

export const reviewReport = {
  method: 'POST',
  path: '/api/admin/sketches/{id}/reports/{rid}/review',
  access: ['admin'],
  entry: 'functions/http/handlers/review-report.ts',
  sendsMail: true,
} as const satisfies Route;

export const listDeadlines = {
  method: 'GET',
  path: '/api/admin/deadlines',
  access: ['admin'],
  entry: 'functions/http/handlers/list-deadlines.ts',
} as const satisfies Route;

export const calendarFeedStatus = {
  method: 'GET',
  path: '/api/admin/calendar',
  access: ['admin'],
  entry: 'functions/http/handlers/calendar-feed-status.ts',
} as const satisfies Route;

export const createCalendarFeed = {
  method: 'POST',
  path: '/api/admin/calendar',
  access: ['admin'],
  entry: 'functions/http/handlers/create-calendar-feed.ts',
} as const satisfies Route;

export const revokeCalendarFeed = {
  method: 'DELETE',
  path: '/api/admin/calendar',
  access: ['admin'],
  entry: 'functions/http/handlers/revoke-calendar-feed.ts',
} as const satisfies Route;

/** Public: a calendar app sends no cookie; the token in the path is the credential (its hash is stored). */
export const calendarFeed = {
  method: 'GET',
  path: '/api/calendar/{token}/fristen.ics',
  access: 'public',
  entry: 'functions/http/handlers/calendar-feed.ts',
} as const satisfies Route;
/**
 * The route table: drives the CDK HTTP API routes, the local adapter and the access tests.
 * Anything not listed here is denied. Each route is also its own export so a handler's bundle
 * holds only its own entry (an object's unused properties cannot be tree-shaken; unused exports can).
 */
export const routes = {
  requestLink,
  redeemLink,
  signOut,
  me,
  getProfile,
  createSketch,
  getSketch,
  saveDraft,
  submitSketch,
  withdrawSketch,
  getVersion,
  mySketches,
  listSketches,
  returnSketch,
  confirmEndorsement,
  acceptSketch,
  createAttachment,
  checkAttachment,
  listAttachments,
  downloadAttachment,
  deleteAttachment,
  listSeats,
  putSeat,
  openVote,
  listVotes,
  getVote,
  myVotes,
  castBallot,
  handOver,
  takeBack,
  recuseSeat,
  closeVote,
  extendVote,
  remindVote,
  recordMeeting,
  listMeetings,
  meetingMinutes,
  writeVotum,
  votumLetter,
  getBudget,
  budgetCheck,
  exportCsv,
  getFollowUp,
  reportFunding,
  confirmFunding,
  changeEnd,
  addReport,
  submitReport,
  reviewReport,
  listDeadlines,
  calendarFeedStatus,
  createCalendarFeed,
  revokeCalendarFeed,
  calendarFeed,
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
