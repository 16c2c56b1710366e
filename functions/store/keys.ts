/*
 * Key builders: the only place that knows how items are addressed (see table.ts). Every prefix is
 * defined once, here; the builders, the bounds of range queries and the prefixes of `begins_with`
 * queries all take it from here. The loads rely on how these keys sort (test/unit/keys.test.ts).
 */

/** The prefixes of partition keys, sort keys and index keys. */
export const prefix = {
  sketch: 'SKETCH#',
  /** In a sketch's partition: its audit events, oldest first. */
  sketchEvent: 'EVENT#',
  sketchVersion: 'VERSION#',
  attachment: 'ATTACHMENT#',
  deadline: 'DEADLINE#',
  vote: 'VOTE#',
  voteSeat: 'SEAT#',
  ballot: 'BALLOT#',
  /** The vote's audit trail: sorts after HEAD, SEAT# and BALLOT#, so the vote's load stops before it. */
  voteTrail: 'TRAIL#',
  /**
   * Where versions before the `voteTrail` migration wrote a vote's trail (in the vote's partition,
   * sorting among what its load reads). Read alongside `voteTrail` until the migration has moved it.
   */
  legacyVoteEvent: 'EVENT#',
  sketchesByStatus: 'STATUS#',
  sketchesByOwner: 'OWNER#',
  mail: 'MAIL#',
  mailsTo: 'MAILTO#',
  token: 'TOKEN#',
  linkQuota: 'LINKQUOTA#',
  session: 'SESSION#',
  /** gsi2: an account's sessions (on the session item itself). */
  sessionsOf: 'SESSIONS#',
  /** An account's second factors (passkeys, TOTP, recovery codes): one partition per address. */
  secondFactor: 'MFA#',
  passkey: 'PASSKEY#',
  recoveryCode: 'RECOVERY#',
  /** A second-factor challenge (or a TOTP secret awaiting its first code), per session, short-lived. */
  secondFactorChallenge: 'MFACHALLENGE#',
  meeting: 'MEETING#',
  calendarFeed: 'CALFEED#',
  calendarOf: 'CALENDAR#',
  document: 'DOC#',
  jobRun: 'JOBRUN#',
  migration: 'MIGRATION#',
  /** An address no more mail goes to (a permanent bounce or a complaint). */
  suppression: 'SUPPRESSED#',
  /** Powertools idempotency records: `idempotency#<function name>` / `<hash>` (Powertools' own default). */
  idempotency: 'idempotency#',
} as const;

const iso = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

export const keys = {
  sketch: (id: string) => ({ pk: `${prefix.sketch}${id}`, sk: 'SKETCH' }),
  sketchEvent: (id: string, at: string, eventId: string) => ({
    pk: `${prefix.sketch}${id}`,
    sk: `${prefix.sketchEvent}${at}#${eventId}`,
  }),
  /** The n-th submitted version, zero-padded so versions sort in order. */
  sketchVersion: (id: string, n: number) => ({
    pk: `${prefix.sketch}${id}`,
    sk: `${prefix.sketchVersion}${String(n).padStart(4, '0')}`,
  }),
  /** An attachment's metadata, in its sketch's partition (the file itself is in S3). */
  attachment: (sketchId: string, id: string) => ({
    pk: `${prefix.sketch}${sketchId}`,
    sk: `${prefix.attachment}${id}`,
  }),
  sketchesByStatus: (status: string) => `${prefix.sketchesByStatus}${status}`,
  sketchesByOwner: (email: string) => `${prefix.sketchesByOwner}${email}`,
  mail: (id: string) => ({ pk: `${prefix.mail}${id}`, sk: 'MAIL' }),
  /** gsi1: unsent mails by when they are due (sparse: a sent or held mail is not in it). */
  outboxDue: 'OUTBOX',
  /** gsi1: sent mails by when their text and HTML are dropped (sparse: a dropped body leaves it). */
  mailBodiesDue: 'MAIL_BODIES',
  /** gsi2: the mails to one address. */
  mailsTo: (email: string) => `${prefix.mailsTo}${email}`,
  token: (hash: string) => ({ pk: `${prefix.token}${hash}`, sk: 'TOKEN' }),
  /** How many links went to one address (by its keyed hash) in one window. */
  linkQuota: (addressHash: string, windowStart: number) => ({
    pk: `${prefix.linkQuota}${addressHash}`,
    sk: String(windowStart),
  }),
  session: (hash: string) => ({ pk: `${prefix.session}${hash}`, sk: 'SESSION' }),
  /** gsi2: the sessions of one account, by when they began (on the session item: it leaves with it). */
  sessionsOf: (email: string) => `${prefix.sessionsOf}${email}`,
  admin: (email: string) => ({ pk: 'ADMIN', sk: email }),
  /** All second factors of an account, read in one query. */
  secondFactors: (email: string) => `${prefix.secondFactor}${email}`,
  totp: (email: string) => ({ pk: `${prefix.secondFactor}${email}`, sk: 'TOTP' }),
  passkey: (email: string, credentialId: string) => ({
    pk: `${prefix.secondFactor}${email}`,
    sk: `${prefix.passkey}${credentialId}`,
  }),
  /** A recovery code by its hash: deleting it under a condition uses it exactly once. */
  recoveryCode: (email: string, hash: string) => ({
    pk: `${prefix.secondFactor}${email}`,
    sk: `${prefix.recoveryCode}${hash}`,
  }),
  secondFactorChallenge: (sessionHash: string) => ({
    pk: `${prefix.secondFactorChallenge}${sessionHash}`,
    sk: 'CHALLENGE',
  }),
  seats: 'SEATS',
  seat: (id: string) => ({ pk: 'SEATS', sk: id }),
  /** The vote itself; its sort keys order HEAD < SEAT# and BALLOT# < TRAIL#, so one query reads all but the trail. */
  vote: (id: string) => ({ pk: `${prefix.vote}${id}`, sk: 'HEAD' }),
  /** A seat's state in one vote (holder, recusals, what it voted on, revision). */
  voteSeat: (voteId: string, seatId: string) => ({
    pk: `${prefix.vote}${voteId}`,
    sk: `${prefix.voteSeat}${seatId}`,
  }),
  ballot: (voteId: string, sketchId: string, seatId: string) => ({
    pk: `${prefix.vote}${voteId}`,
    sk: `${prefix.ballot}${sketchId}#${seatId}`,
  }),
  /** An entry of the vote's audit trail (every ballot and change), in order of time. */
  voteTrail: (voteId: string, at: string, eventId: string) => ({
    pk: `${prefix.vote}${voteId}`,
    sk: `${prefix.voteTrail}${at}#${eventId}`,
  }),
  /**
   * The head of the vote's trail (its last hash and length, see core/trail.ts): its own item, after
   * TRAIL# (so neither the vote's load nor the trail's query reads it), written with every entry.
   */
  voteTrailHead: (voteId: string) => ({ pk: `${prefix.vote}${voteId}`, sk: 'TRAILHEAD' }),
  /** The vote's load reads the sort keys below this one (HEAD, SEAT#, BALLOT#), never the trail. */
  voteLoadBefore: prefix.voteTrail,
  /** gsi1: open votes by when the job must next look at them (sparse: closed votes leave it). */
  votesDue: 'VOTES_DUE',
  /** gsi2: every vote, newest first. */
  votes: 'VOTES',
  meeting: (id: string) => ({ pk: `${prefix.meeting}${id}`, sk: 'MEETING' }),
  meetings: 'MEETINGS',
  admins: 'ADMIN',
  /** The admin list's audit events: who put whom on it or took them off, in order of time. */
  adminEvent: (at: string, id: string) => ({ pk: 'ADMINLOG', sk: `${at}#${id}` }),
  adminEvents: 'ADMINLOG',
  /** A deadline after the Votum (funding decision, a report), in its sketch's partition. */
  deadline: (sketchId: string, id: string) => ({
    pk: `${prefix.sketch}${sketchId}`,
    sk: `${prefix.deadline}${id}`,
  }),
  /** gsi1: deadlines by the instant of their next reminder or escalation (sparse: only while one is left). */
  deadlinesDue: 'DEADLINES',
  /** gsi2: deadlines still awaited (by the applicant or the office) by due date, for the overview. */
  deadlinesOpen: 'DEADLINES_OPEN',
  /** A calendar feed's token (its keyed hash) → the admin it belongs to. */
  calendarFeed: (hash: string) => ({ pk: `${prefix.calendarFeed}${hash}`, sk: 'CALFEED' }),
  /** An admin's current calendar feed, so a new one replaces it and it can be revoked. */
  calendarOf: (email: string) => ({ pk: `${prefix.calendarOf}${email}`, sk: 'CALENDAR' }),
  /** A document as it was issued (a Votum letter, meeting minutes): its own partition, read only when asked for. */
  document: (id: string) => ({ pk: `${prefix.document}${id}`, sk: 'DOC' }),
  /** gsi1: documents ordered and not yet rendered (sparse: an issued document leaves it). */
  documentsOrdered: 'DOCS_ORDERED',
  /** What one run of a job did, newest last. */
  jobRun: (job: string, startedAt: string, id: string) => ({
    pk: `${prefix.jobRun}${job}`,
    sk: `${startedAt}#${id}`,
  }),
  /** A data migration that has run to its end (functions/store/migrations.ts): it never runs again. */
  migration: (name: string) => ({ pk: `${prefix.migration}${name}`, sk: 'MIGRATION' }),
  /** An address no more mail goes to, and why (functions/store/suppressions.ts). */
  suppression: (address: string) => ({ pk: `${prefix.suppression}${address}`, sk: 'SUPPRESSED' }),
  /** The partition of one function's idempotency records, as Powertools names it by default. */
  idempotency: (functionName: string) => `${prefix.idempotency}${functionName}`,
  /**
   * An index sort key ordered by time, then id (`<instant or date>#<id>`): the lists by state,
   * owner, opening, meeting date, the due indexes and the outbox.
   */
  byTime: (at: Date | string, id: string) => `${iso(at)}#${id}`,
  /** The bound `gsi…sk <= upTo(at)` that takes every `byTime` key up to and including `at`, whatever its id. */
  upTo: (at: Date | string) => `${iso(at)}#\uffff`,
} as const;

export const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
