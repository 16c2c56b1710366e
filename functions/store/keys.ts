/** Key builders: the only place that knows how items are addressed (see table.ts). */
export const keys = {
  sketch: (id: string) => ({ pk: `SKETCH#${id}`, sk: 'SKETCH' }),
  sketchEvent: (id: string, at: string, eventId: string) => ({
    pk: `SKETCH#${id}`,
    sk: `EVENT#${at}#${eventId}`,
  }),
  /** The n-th submitted version, zero-padded so versions sort in order. */
  sketchVersion: (id: string, n: number) => ({
    pk: `SKETCH#${id}`,
    sk: `VERSION#${String(n).padStart(4, '0')}`,
  }),
  /** An attachment's metadata, in its sketch's partition (the file itself is in S3). */
  attachment: (sketchId: string, id: string) => ({ pk: `SKETCH#${sketchId}`, sk: `ATTACHMENT#${id}` }),
  attachmentPrefix: 'ATTACHMENT#',
  sketchesByStatus: (status: string) => `STATUS#${status}`,
  sketchesByOwner: (email: string) => `OWNER#${email}`,
  mail: (id: string) => ({ pk: `MAIL#${id}`, sk: 'MAIL' }),
  outboxDue: 'OUTBOX',
  token: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: 'TOKEN' }),
  /** How many links went to one address (by its keyed hash) in one window. */
  linkQuota: (addressHash: string, windowStart: number) => ({
    pk: `LINKQUOTA#${addressHash}`,
    sk: String(windowStart),
  }),
  session: (hash: string) => ({ pk: `SESSION#${hash}`, sk: 'SESSION' }),
  admin: (email: string) => ({ pk: 'ADMIN', sk: email }),
  seats: 'SEATS',
  seat: (id: string) => ({ pk: 'SEATS', sk: id }),
  /** The vote itself; its sort keys order HEAD < SEAT# and BALLOT# < TRAIL#, so one query reads all but the trail. */
  vote: (id: string) => ({ pk: `VOTE#${id}`, sk: 'HEAD' }),
  /** A seat's state in one vote (holder, recusals, what it voted on, revision). */
  voteSeat: (voteId: string, seatId: string) => ({ pk: `VOTE#${voteId}`, sk: `SEAT#${seatId}` }),
  ballot: (voteId: string, sketchId: string, seatId: string) => ({
    pk: `VOTE#${voteId}`,
    sk: `BALLOT#${sketchId}#${seatId}`,
  }),
  voteEvent: (voteId: string, at: string, eventId: string) => ({
    pk: `VOTE#${voteId}`,
    sk: `EVENT#${at}#${eventId}`,
  }),
  /** gsi1: open votes by when the job must next look at them (sparse: closed votes leave it). */
  votesDue: 'VOTES_DUE',
  /** gsi2: every vote, newest first. */
  votes: 'VOTES',
  meeting: (id: string) => ({ pk: `MEETING#${id}`, sk: 'MEETING' }),
  meetings: 'MEETINGS',
  admins: 'ADMIN',
  /** A deadline after the Votum (funding decision, a report), in its sketch's partition. */
  deadline: (sketchId: string, id: string) => ({ pk: `SKETCH#${sketchId}`, sk: `DEADLINE#${id}` }),
  deadlinePrefix: 'DEADLINE#',
  /** gsi1: deadlines by the instant of their next reminder or escalation (sparse: only while one is left). */
  deadlinesDue: 'DEADLINES',
  /** gsi2: deadlines still awaited (by the applicant or the office) by due date, for the overview. */
  deadlinesOpen: 'DEADLINES_OPEN',
  /** A calendar feed's token (its keyed hash) → the admin it belongs to. */
  calendarFeed: (hash: string) => ({ pk: `CALFEED#${hash}`, sk: 'CALFEED' }),
  /** An admin's current calendar feed, so a new one replaces it and it can be revoked. */
  calendarOf: (email: string) => ({ pk: `CALENDAR#${email}`, sk: 'CALENDAR' }),
  /** A document as it was issued (a Votum letter, meeting minutes): its own partition, read only when asked for. */
  document: (id: string) => ({ pk: `DOC#${id}`, sk: 'DOC' }),
  /** gsi1: documents ordered and not yet rendered (sparse: an issued document leaves it). */
  documentsOrdered: 'DOCS_ORDERED',
  /** What one run of a job did, newest last. */
  jobRun: (job: string, startedAt: string, id: string) => ({ pk: `JOBRUN#${job}`, sk: `${startedAt}#${id}` }),
} as const;

export const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
