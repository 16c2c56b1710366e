import { requestedStatuses } from '../../functions/core/budget.ts';
import type { RouteId } from '../../functions/core/contract/index.ts';
import { sketchStatuses } from '../../functions/core/lifecycle.ts';

/*
 * What each route must touch in the table by the data model, stated beside its scenario
 * (scenarios.ts): the DynamoDB requests it makes, the items it writes and, where the reads do not
 * grow with the table, the items it reads. capacity.<operation>.items fails when a call makes more
 * requests, writes more or reads more than stated: an extra Query, an extra write, or a load that
 * reads a partition's trail it does not need. Counted by sdk.ts `touchedItems` (a Get or a write is
 * one item, found or not; a Query what it scanned and at least one; a transaction each item it
 * names; a sent mail is a lease, the address's suppression and a "sent" update). Reads that grow with what the table holds
 * (lists, the vote's ballots) are bounded from the answer: one item per entry it shows.
 */

type Json = Record<string, unknown>;
export interface Touches {
  requests: number | ((answer: Json) => number);
  /** A function where what is written follows from the answer (an invitation's recipients). */
  write: number | ((answer: Json) => number);
  read?: number | ((answer: Json) => number);
  why: string;
}

const size = (answer: Json, field: string) =>
  Array.isArray(answer[field]) ? (answer[field] as unknown[]).length : 0;
const seats = 13;
/**
 * The vote's partition before its trail, as the office's answer shows it: HEAD, at most one item
 * per seat, one per ballot. A member's answer shows only their own seat's ballots: there the data
 * model's bound stands in (HEAD, a state per seat, a ballot per seat and sketch).
 */
const voteLoad = (vote: Json) => 1 + seats + size(vote, 'ballots');
const memberVoteLoad = (vote: Json) => 1 + seats + seats * size(vote, 'sketches');
/** Entries of the deadlines overview that are votes (each loaded: its seats, its sketches). */
const voteEntries = (overview: Json) =>
  [...((overview.overdue as Json[]) ?? []), ...((overview.upcoming as Json[]) ?? [])].filter((item) =>
    JSON.stringify(item).includes('vote'),
  ).length;
/** An admin's request: the session, and the admin list's entry for the address (the role). */
const admin = 2;
/**
 * Mails sent at once from the outbox (app/outbox.ts `deliver`), each: its lease (an Update), the
 * address's suppression (a Get: a bounced or complaining address gets nothing more), its "sent" (an
 * Update). The mail's Put is in the change's transaction and counted there.
 */
const mails = (n: number) => ({ requests: 3 * n, read: n, write: 2 * n });
/** A sketch's answer: the sketch and its history (the partition's events). */
const history = (answer: Json) => Math.max(1, size(answer, 'events'));
const statuses = sketchStatuses.length;
/** The sub-regions of the complete sketch (`leineWeserSketch()`): an entry in each one's list once submitted. */
const subRegions = 3;
/** The local alliances' accounts (scenarios.ts: one per sub-region and Hildesheim's second), read whole. */
const localAccounts = 4;
/** A local alliance's request: the session, and its accounts (the live `local` role). */
const local = 1 + localAccounts;
/** A Query billed for one item at least: what it read, or one if it found nothing. */
const atLeastOne = (n: number) => Math.max(1, n);
/** The agenda's candidates: one Query per state awaiting a decision (two), each billed one item at least. */
const agendaRead = (shown: number) => Math.max(2, shown + 1);
/** A whole number in the answer. */
const count = (a: Json, field: string) => (typeof a[field] === 'number' ? (a[field] as number) : 0);
/**
 * What the erasure does to one submitted sketch of the person (the scenario's: two events, one
 * version, two mails about it): the sketch, its partition, the mails to the owner; the two mails
 * deleted, four items pseudonymised, its retention period deleted. And the sketch requests' stored
 * answers (create, submit) that mention the person, deleted.
 */
const erasedSketch = { requests: 10, write: 7, answers: 2 };
/** The plans of a list of meeting plans not yet invited to: their agenda is read now. */
const uninvited = (a: Json) => ((a.items as Json[] | undefined) ?? []).filter((p) => !p.invitation);
/** The invitation in an answer of inviteToMeeting: its agenda and how many seats' people it went to. */
const invitation = (a: Json) => (a.invitation ?? {}) as { agenda?: unknown[]; recipients?: number };

export const touches: { readonly [Id in RouteId]?: Touches } = {
  getProfile: { requests: 0, write: 0, read: 0, why: 'the profile is in the bundle' },
  me: { requests: 1, write: 0, read: 1, why: 'the session' },
  requestLink: {
    requests: 1 + mails(1).requests,
    write: 3 + mails(1).write,
    read: mails(1).read,
    why: 'the token, the mail and the hourly quota in one transaction; the mail sent',
  },
  redeemLink: {
    requests: 5,
    write: 2,
    read: 2 + seats + localAccounts,
    why: "the token, the admin entry, the 13 seats (a member role), the local alliances' accounts (a local role: read whole, a handful); token spent and session made together",
  },
  signOut: { requests: 2, write: 1, read: 1, why: 'the session, deleted' },
  secondFactorStatus: {
    requests: 3,
    write: 0,
    read: admin + 1,
    why: "admin, the account's factors (none yet)",
  },
  setupTotp: {
    requests: 4,
    write: 1,
    read: admin + 1,
    why: "admin, the account's factors; the sealed secret as a challenge",
  },
  confirmTotp: {
    requests: 9,
    write: 14,
    read: admin + 3,
    why: 'admin, factors, challenge, the recovery codes to replace; TOTP, ten codes, the session passed',
  },
  verifyTotp: {
    requests: 5,
    write: 3,
    read: admin + 11,
    why: 'admin, the factors (TOTP and ten recovery codes); the step used, the session passed',
  },
  useRecoveryCode: {
    requests: 5,
    write: 3,
    read: admin + 10,
    why: 'admin, the codes left; the code used, the session passed',
  },
  renewRecoveryCodes: {
    requests: 5,
    write: 20,
    read: admin + 11 + 10,
    why: 'admin, the factors, the ten codes replaced by ten new ones',
  },
  passkeyRegistrationOptions: {
    requests: 4,
    write: 1,
    read: admin + 1,
    why: 'admin, factors; the challenge',
  },
  registerPasskey: {
    requests: 9,
    write: 14,
    read: admin + 3,
    why: 'admin, factors, challenge, the codes to replace; the passkey, ten codes, the session passed',
  },
  passkeyChallenge: {
    requests: 4,
    write: 1,
    read: admin + 11,
    why: 'admin, the factors (passkey and ten codes); the challenge',
  },
  verifyPasskey: {
    requests: 7,
    write: 4,
    read: admin + 1 + 11,
    why: "admin, the challenge (taken), the factors; the passkey's counter, the session passed",
  },
  createSketch: {
    requests: 5 + mails(1).requests,
    write: 6 + mails(1).write,
    read: 2 + mails(1).read,
    why: 'session; idempotency record (put, completed); sketch, event, its retention period, mail; the mail sent; the history',
  },
  getSketch: { requests: 3, write: 0, read: (a) => 2 + history(a), why: 'session, sketch, its history' },
  getVersion: { requests: 3, write: 0, read: 3, why: 'session, sketch, the version' },
  saveDraft: { requests: 2, write: 1, read: 1, why: 'session; the draft updated on its version' },
  submitSketch: {
    requests: 7 + mails(2).requests,
    write: 7 + subRegions + mails(2).write,
    read: (a) => 3 + history(a) + mails(2).read,
    why: "session, sketch, the office's notice setting, history; idempotency record twice; sketch, event, version, its entry in each of its three sub-regions' lists, the applicant's and the office's mail (the setting: each submission); both sent",
  },
  withdrawSketch: {
    requests: 4 + mails(1).requests,
    write: 4 + subRegions + mails(1).write,
    read: (a) => 2 + history(a) + mails(1).read,
    why: "session, sketch, history; sketch, event, its retention period (now due), its entries in its three sub-regions' lists moved to the earlier projects (the scenario's sketch: submitted), mail; the mail sent",
  },
  mySketches: {
    requests: 3,
    write: 0,
    read: (a) => 1 + Math.max(1, size(a, 'sketches')) + Math.max(1, size(a, 'mails')),
    why: "session, the owner's sketches, the mails to the address",
  },
  listSketches: {
    requests: 2 + statuses,
    write: 0,
    read: (a) => admin + statuses + size(a, 'items'),
    why: 'admin, one Query per status (the gsi1 status index), each sketch listed',
  },
  returnSketch: {
    requests: 5 + mails(1).requests,
    write: 4 + subRegions + mails(1).write,
    read: (a) => admin + 1 + history(a) + mails(1).read,
    why: "admin, sketch, history; sketch, event, its retention period, its entries in its three sub-regions' lists deleted (a draft is no local alliance's), mail; the mail sent",
  },
  acceptSketch: {
    requests: 5 + mails(1).requests,
    write: 3 + subRegions + mails(1).write,
    read: (a) => admin + 1 + history(a) + mails(1).read,
    why: "admin, sketch, history; sketch, event, its entries in its three sub-regions' lists moved to the earlier projects, mail; the mail sent",
  },
  createAttachment: {
    requests: 4,
    write: 1,
    read: 3,
    why: "session, sketch, the sketch's attachments (none yet); the new one",
  },
  checkAttachment: {
    requests: 4,
    write: 1,
    read: 3,
    why: 'session, sketch, attachment; the attachment checked',
  },
  listAttachments: {
    requests: 3,
    write: 0,
    read: (a) => 2 + Math.max(1, size(a, 'items')),
    why: 'session, sketch, each attachment',
  },
  downloadAttachment: { requests: 4, write: 0, read: admin + 2, why: 'admin, sketch, attachment' },
  deleteAttachment: { requests: 4, write: 1, read: 3, why: 'session, sketch, attachment; deleted' },
  listSeats: {
    requests: 4,
    write: 0,
    read: admin + seats + 2 * seats,
    why: "admin, the 13 seats, the suppression of each seat's member and deputy (one batch)",
  },
  putSeat: { requests: 3, write: 1, read: admin, why: 'admin; the seat' },
  openVote: {
    requests: (a) => 8 + mails(size(a, 'sketches') + seats).requests,
    write: (a) => 3 + 3 * size(a, 'sketches') + 2 * seats + mails(size(a, 'sketches') + seats).write,
    read: (a) =>
      admin + 2 * size(a, 'sketches') + seats + 1 + voteLoad(a) + mails(size(a, 'sketches') + seats).read,
    why: "admin, the sketches, the seats, the trail head; vote, trail, sketches with events and their applicant's mail, a token and mail per seat, trail head; every mail sent; the vote as answered",
  },
  listVotes: {
    requests: 4,
    write: 0,
    read: (a) =>
      admin +
      Math.max(1, size(a, 'items') + (a.cursor ? 1 : 0)) +
      ((a.items as Json[] | undefined) ?? []).reduce((n, v) => n + size(v, 'sketchIds'), 0),
    why: 'admin, a page of votes (gsi2, one more than the page when another follows), the sketches of each (titles)',
  },
  getVote: {
    requests: 4,
    write: 0,
    read: (a) => 1 + seats + memberVoteLoad(a) + size(a, 'sketches'),
    why: "session, the seats (the caller's), the vote's partition before its trail, the sketches",
  },
  myVotes: {
    requests: (a) => 5 + size(a, 'items'),
    write: 0,
    why: "session, seats, due and listed votes, their sketches, one load per vote the caller acts in (reads grow with each vote's ballots)",
  },
  castBallot: {
    requests: 7,
    write: 5,
    read: (a) => 1 + seats + 2 * memberVoteLoad(a) + 1 + size(a, 'sketches'),
    why: 'session, seats, the vote (before and after), the trail head, the sketches; seat, ballot, trail, head',
  },
  handOver: {
    requests: 8 + mails(1).requests,
    write: 6 + mails(1).write,
    read: (a) => 1 + seats + 2 * memberVoteLoad(a) + 1 + 2 * size(a, 'sketches') + mails(1).read,
    why: "session, seats, the vote twice, trail head, sketches twice; seat, trail, the deputy's token and mail, head; the mail sent",
  },
  takeBack: {
    requests: 7,
    write: 4,
    read: (a) => 1 + seats + 2 * memberVoteLoad(a) + 1 + size(a, 'sketches'),
    why: 'session, seats, the vote twice, trail head, sketches; seat, trail, head',
  },
  recuseSeat: {
    requests: 7,
    write: 4,
    read: (a) => admin + 2 * voteLoad(a) + 1 + size(a, 'sketches'),
    why: 'admin, the vote twice, trail head, sketches; seat, trail, head',
  },
  recordBallot: {
    requests: 7,
    write: 5,
    read: (a) => admin + 2 * voteLoad(a) + 1 + size(a, 'sketches'),
    why: 'admin, the vote twice, trail head, sketches; seat, ballot, trail, head',
  },
  officeHandOver: {
    requests: 8 + mails(1).requests,
    write: 6 + mails(1).write,
    read: (a) => admin + 2 * voteLoad(a) + 1 + 2 * size(a, 'sketches') + mails(1).read,
    why: "admin, the vote twice, trail head, sketches twice; seat, trail, the deputy's token and mail, head; the mail sent",
  },
  closeVote: {
    requests: (a) => 8 + mails(1 + size(a, 'sketches')).requests,
    write: (a) => 1 + seats + 4 * size(a, 'sketches') + 3 + mails(1 + size(a, 'sketches')).write,
    read: (a) => admin + 2 * voteLoad(a) + 1 + 2 * size(a, 'sketches') + mails(1 + size(a, 'sketches')).read,
    why: "admin, the vote twice, trail head, sketches twice; vote, a check per seat, each sketch with its event, record and applicant's mail, trail, the office's mail, head; every mail sent",
  },
  extendVote: {
    requests: 8 + mails(seats).requests,
    write: 29 + mails(seats).write,
    read: (a) => admin + 2 * voteLoad(a) + 1 + 2 * size(a, 'sketches') + mails(seats).read,
    why: 'admin, the vote twice, trail head, sketches twice; vote, trail, a token and mail per seat, head; 13 mails sent',
  },
  remindVote: {
    requests: 6 + mails(seats).requests,
    write: 29 + mails(seats).write,
    // Its answer is no vote: the bench's ballot vote on three sketches, by the data model's bound.
    read: admin + 1 + seats + 3 * seats + 1 + 3 + mails(seats).read,
    why: 'admin, the vote, trail head, sketches; vote, trail, a token and mail per seat, head; 13 mails sent',
  },
  recordMeeting: {
    requests: 5 + mails(2).requests,
    write: 8 + mails(2).write,
    read: admin + seats + 2 + mails(2).read,
    why: "admin, seats, the two sketches; meeting, sketches with events and their applicant's mail, the minutes ordered; both mails sent",
  },
  listMeetings: {
    requests: 4,
    write: 0,
    read: (a) => admin + Math.max(1, size(a, 'items')) + 3,
    why: 'admin, each meeting (gsi2), the sketches they decided (a batch)',
  },
  meetingMinutes: { requests: 3, write: 0, read: admin + 1, why: 'admin, the document' },
  writeVotum: {
    requests: 7,
    write: 6,
    read: (a) => admin + 2 + history(a),
    why: "admin, sketch, meeting, history; the year's file reference counter (an atomic add); sketch, event, mail (held), deadline, letter ordered",
  },
  votumLetter: { requests: 3, write: 0, read: 3, why: 'session, sketch, the document' },
  circulationRecord: { requests: 4, write: 0, read: admin + 2, why: 'admin, sketch, the document' },
  getBudget: {
    requests: admin + 2 + requestedStatuses.length,
    write: 0,
    why: "admin, the periods, the period's prior projects, one Query per status whose request counts (reads the sketches submitted in the period: grows with the period's submissions)",
  },
  budgetCheck: {
    requests: admin + 1 + 2 + requestedStatuses.length,
    write: 0,
    why: "admin, the sketch, the periods, its period's prior projects, one Query per status whose request counts (the period's submissions: grows with them)",
  },
  getFollowUp: {
    requests: 3,
    write: 0,
    read: (a) => 2 + Math.max(1, size(a, 'deadlines')),
    why: 'session, sketch, its deadlines',
  },
  reportFunding: {
    requests: 5 + mails(1).requests,
    write: 4 + mails(1).write,
    read: 4 + mails(1).read,
    why: 'session, sketch, deadlines twice; sketch, event, mail, deadline; the mail sent',
  },
  confirmFunding: {
    requests: 6 + mails(1).requests,
    write: 5 + mails(1).write,
    read: admin + 4 + mails(1).read,
    why: 'admin, sketch, deadlines twice; sketch, event, mail, two deadlines; the mail sent',
  },
  changeEnd: {
    requests: 6 + mails(1).requests,
    write: 4 + mails(1).write,
    read: admin + 5 + mails(1).read,
    why: 'admin, sketch, deadlines twice; sketch, event, mail, deadline; the mail sent',
  },
  addReport: {
    requests: 6 + mails(1).requests,
    write: 4 + mails(1).write,
    read: admin + 6 + mails(1).read,
    why: 'admin, sketch, deadlines twice; sketch, event, mail, deadline; the mail sent',
  },
  submitReport: {
    requests: 5 + mails(1).requests,
    write: 4 + mails(1).write,
    read: 6 + mails(1).read,
    why: 'session, sketch, deadlines twice; sketch, event, mail, deadline; the mail sent',
  },
  reviewReport: {
    requests: 6 + mails(1).requests,
    write: 5 + mails(1).write,
    read: admin + 5 + mails(1).read,
    why: 'admin, sketch, deadlines twice; sketch, event, its retention period (the last report accepted), mail, deadline; the mail sent',
  },
  listDeadlines: {
    requests: (a) => 5 + 2 * voteEntries(a),
    write: 0,
    why: 'admin, open deadlines (gsi2), due votes (gsi1), each vote loaded, the job run (grows with the votes)',
  },
  calendarFeedStatus: { requests: 3, write: 0, read: admin + 1, why: "admin, the admin's feed" },
  createCalendarFeed: {
    requests: 4,
    write: 3,
    read: admin + 1,
    why: 'admin, the feed before; new feed, its pointer, the old one deleted',
  },
  revokeCalendarFeed: { requests: 4, write: 2, read: admin + 1, why: 'admin, the feed; both deleted' },
  calendarFeed: {
    requests: 60,
    write: 0,
    why: "the feed's token, admin, open deadlines, due votes, each vote loaded (grows with the votes; the request count bounds it)",
  },
  exportCsv: {
    requests: admin + (statuses - 1),
    write: 0,
    why: 'admin, one Query per status past the draft, all exported (grows with the table)',
  },
  // Funding periods (PERIODS, read whole: a handful) and prior projects (a partition per period).
  listPeriods: {
    requests: (a) => admin + 1 + size(a, 'items'),
    write: 0,
    read: (a) =>
      admin +
      atLeastOne(size(a, 'items')) +
      ((a.items as Json[] | undefined) ?? []).reduce((n, p) => n + atLeastOne(size(p, 'prior')), 0),
    why: 'admin, the periods, the prior projects of each',
  },
  openPeriod: {
    requests: admin + 2,
    write: 1,
    why: 'admin, the periods (read whole, once: grows with the periods opened); the new one',
  },
  recordPriorProject: {
    requests: admin + 2,
    write: 1,
    why: 'admin, the periods (read whole, once: grows with the periods opened); the project',
  },
  deletePriorProject: { requests: admin + 1, write: 1, read: admin, why: 'admin; the project deleted' },
  getSubmissionNotices: { requests: admin + 1, write: 0, read: admin + 1, why: 'admin, the setting' },
  putSubmissionNotices: { requests: admin + 1, write: 1, read: admin, why: 'admin; the setting' },
  // The meeting cycle.
  listMeetingPlans: {
    requests: (a) => admin + 1 + (uninvited(a).length ? 2 : 0),
    write: 0,
    read: (a) =>
      admin +
      atLeastOne(size(a, 'items')) +
      (uninvited(a).length ? agendaRead(Math.max(...uninvited(a).map((p) => size(p, 'agendaNow')))) : 0),
    why: "admin, the plans (gsi2), the sketches awaiting a decision up to the latest deadline of a plan not yet invited to (all on that plan's agenda now)",
  },
  planMeetings: { requests: admin + 2, write: 2, read: admin, why: 'admin; the two plans' },
  inviteToMeeting: {
    requests: (a) => {
      const agenda = invitation(a).agenda?.length ?? 0;
      return admin + 5 + (agenda ? 1 : 0) + mails(agenda).requests;
    },
    write: (a) => {
      const agenda = invitation(a).agenda?.length ?? 0;
      return 3 + (invitation(a).recipients ?? 0) + agenda + mails(agenda).write;
    },
    read: (a) => {
      const agenda = invitation(a).agenda?.length ?? 0;
      return admin + 1 + agendaRead(agenda) + agenda + seats + mails(agenda).read;
    },
    why: "admin, the plan, the sketches awaiting a decision in by its deadline (two states), the agenda's sketches (a batch), the seats; plan, dossier order, a mail per member and deputy (held for the dossier), the office's copy, a mail per applicant on the agenda (sent: lease, suppression, sent)",
  },
  // Privacy.
  exportMyData: {
    requests: 8,
    write: 0,
    why: "session, the person's sketches (gsi2), each sketch's partition (three), their mails, their sign-ins (gsi2), the seats: grows with the person's data",
  },
  erasePerson: {
    requests: (a) =>
      admin +
      3 +
      erasedSketch.requests * count(a, 'pseudonymised') +
      4 +
      count(a, 'mails') +
      count(a, 'signIns') +
      erasedSketch.answers * count(a, 'pseudonymised') +
      2,
    write: (a) =>
      (erasedSketch.write + erasedSketch.answers) * count(a, 'pseudonymised') +
      count(a, 'mails') +
      count(a, 'signIns') +
      2,
    why: "admin, whether the person is an admin, the seats, the person's sketches (gsi2); per sketch (the scenario's: submitted) the sketch, its partition, the mails to them; its two mails deleted, sketch, version and two events pseudonymised, its retention period deleted; their mails and sign-ins (gsi2), the sketch requests' stored answers (theirs only: gsi2 by the hash of their address) and whether the migration that indexed the older ones has run (read once per process), each deleted with the two of theirs; the erasure logged, the confirmation stored (the outbox job sends it and scrubs its record)",
  },
  retentionLog: {
    requests: admin + 1,
    write: 0,
    read: (a) => admin + atLeastOne(size(a, 'items')),
    why: 'admin, the newest log entries (at most 100)',
  },
  // The local alliances' workspace: a local alliance's request reads its accounts once, for the
  // live role (the stack), and the workspace takes its sub-regions from there (app/caller.ts).
  listLocalAccounts: {
    requests: admin + 1,
    write: 0,
    read: (a) => admin + atLeastOne(size(a, 'items')),
    why: 'admin, the accounts',
  },
  putLocalAccount: { requests: admin + 1, write: 1, read: admin, why: 'admin; the account' },
  localSketches: {
    requests: (a) => 3 + Math.ceil(size(a, 'items') / 100),
    write: 0,
    read: (a) => local + atLeastOne(size(a, 'items') + (a.cursor ? 1 : 0)) + size(a, 'items'),
    why: "session, the accounts, a page of its sub-region's entries in the open section (gsi1 SUBREGION#, one Query, one entry more than the page when another follows), those sketches (one BatchGet): a page (50) at most, however many sketches the sub-region has",
  },
  localSketch: {
    requests: 3,
    write: 0,
    read: local + 1,
    why: 'session, the accounts, the sketch',
  },
  giveStatement: {
    requests: 3 + 1 + mails(2).requests,
    write: 4 + mails(2).write,
    read: local + 1 + mails(2).read,
    why: "session, the accounts, the sketch; sketch, event, the applicant's and the office's mail; both sent (each: lease, the address's suppression, sent)",
  },
  checkSketchTrail: {
    requests: 4,
    write: 0,
    why: 'admin, sketch, its events (grows with the history)',
  },
  checkVoteTrail: {
    requests: 5,
    write: 0,
    why: 'admin, trail head, the vote, the trail (grows with the changes)',
  },
  exportSketchTrail: { requests: 4, write: 0, why: 'admin, sketch, its events (grows with the history)' },
  exportVoteTrail: {
    requests: 5,
    write: 0,
    why: 'admin, vote, trail head, the trail (grows with the changes)',
  },
  listAdmins: {
    requests: 4,
    write: 0,
    read: (a) => admin + Math.max(1, size(a, 'items')) + Math.max(1, size(a, 'events')),
    why: 'admin, the list, its latest changes',
  },
  addAdmin: {
    requests: 3,
    write: 3,
    read: admin,
    why: 'admin; the entry, a check that the caller is still one, the change logged',
  },
  removeAdmin: {
    requests: 4,
    write: 3,
    why: 'admin, the list (not the last admin: grows with the list); the entry deleted, the check, the change logged',
  },
  listSessions: {
    requests: 3,
    write: 0,
    read: (a) => admin + Math.max(1, size(a, 'items')),
    why: "admin, the account's sessions (gsi2)",
  },
  endSession: { requests: 4, write: 1, read: admin + 1, why: "admin, the account's sessions; the one ended" },
};
