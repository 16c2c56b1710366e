/*
 * Key builders: the only place that knows how items are addressed (see table.ts). Every prefix is
 * defined once, in key-prefixes.ts; the builders, the bounds of range queries and the prefixes of `begins_with`
 * queries all take it from here. The loads rely on how these keys sort (test/unit/keys.test.ts).
 */

import * as prefix from './key-prefixes.ts';

/**
 * The prefixes (store/key-prefixes.ts), for callers that import them from here. A bundle that
 * reads them this way keeps all of them: a module imports key-prefixes.ts itself instead.
 */
export { prefix };

const iso = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

/*
 * The builders, each its own export: a function imports this module as a namespace
 * (`import * as keys from './keys.ts'`) and keeps only the builders it calls.
 */
export const sketch = (id: string) => ({ pk: `${prefix.sketch}${id}`, sk: 'SKETCH' });
export const sketchEvent = (id: string, at: string, eventId: string) => ({
  pk: `${prefix.sketch}${id}`,
  sk: `${prefix.sketchEvent}${at}#${eventId}`,
});
/** The n-th submitted version, zero-padded so versions sort in order. */
export const sketchVersion = (id: string, n: number) => ({
  pk: `${prefix.sketch}${id}`,
  sk: `${prefix.sketchVersion}${String(n).padStart(4, '0')}`,
});
/** An attachment's metadata, in its sketch's partition (the file itself is in S3). */
export const attachment = (sketchId: string, id: string) => ({
  pk: `${prefix.sketch}${sketchId}`,
  sk: `${prefix.attachment}${id}`,
});
export const sketchesByStatus = (status: string) => `${prefix.sketchesByStatus}${status}`;
/** A sketch's entry in a sub-region's list for its local alliance (gsi1 `sketchesOfSubRegion`). */
export const localEntry = (sketchId: string, subRegionId: string) => ({
  pk: `${prefix.sketch}${sketchId}`,
  sk: `${prefix.localEntry}${subRegionId}`,
});
export const sketchesOfSubRegion = (subRegionId: string) => `${prefix.sketchesOfSubRegion}${subRegionId}`;
/**
 * An entry's place in its sub-region's list (gsi1sk): its section (core/local.ts), then newest
 * submission first. Entries written before the sections (`localSections` migration) lack it.
 */
export const localListed = (section: string, at: string, id: string) => `${section}#${byTime(at, id)}`;
export const sketchesByOwner = (email: string) => `${prefix.sketchesByOwner}${email}`;
export const mail = (id: string) => ({ pk: `${prefix.mail}${id}`, sk: 'MAIL' });
/** gsi1: unsent mails by when they are due (sparse: a sent or held mail is not in it). */
export const outboxDue = 'OUTBOX';
/** gsi1: sent mails by when their text and HTML are dropped (sparse: a dropped body leaves it). */
export const mailBodiesDue = 'MAIL_BODIES';
/** gsi2: the mails to one address. */
export const mailsTo = (email: string) => `${prefix.mailsTo}${email}`;
export const token = (hash: string) => ({ pk: `${prefix.token}${hash}`, sk: 'TOKEN' });
/** How many links went to one address (by its keyed hash) in one window. */
export const linkQuota = (addressHash: string, windowStart: number) => ({
  pk: `${prefix.linkQuota}${addressHash}`,
  sk: String(windowStart),
});
export const session = (hash: string) => ({ pk: `${prefix.session}${hash}`, sk: 'SESSION' });
/** gsi2: the sessions of one account, by when they began (on the session item: it leaves with it). */
export const sessionsOf = (email: string) => `${prefix.sessionsOf}${email}`;
export const admin = (email: string) => ({ pk: 'ADMIN', sk: email });
/** All second factors of an account, read in one query. */
export const secondFactors = (email: string) => `${prefix.secondFactor}${email}`;
export const totp = (email: string) => ({ pk: `${prefix.secondFactor}${email}`, sk: 'TOTP' });
export const passkey = (email: string, credentialId: string) => ({
  pk: `${prefix.secondFactor}${email}`,
  sk: `${prefix.passkey}${credentialId}`,
});
/** A recovery code by its hash: deleting it under a condition uses it exactly once. */
export const recoveryCode = (email: string, hash: string) => ({
  pk: `${prefix.secondFactor}${email}`,
  sk: `${prefix.recoveryCode}${hash}`,
});
export const secondFactorChallenge = (sessionHash: string) => ({
  pk: `${prefix.secondFactorChallenge}${sessionHash}`,
  sk: 'CHALLENGE',
});
export const seats = 'SEATS';
export const seat = (id: string) => ({ pk: 'SEATS', sk: id });
/** The local alliances' accounts, kept by the office like the seats (store/local.ts). */
export const localAccounts = 'LOCALS';
export const localAccount = (id: string) => ({ pk: 'LOCALS', sk: id });
/** The vote itself; its sort keys order HEAD < SEAT# and BALLOT# < TRAIL#, so one query reads all but the trail. */
export const vote = (id: string) => ({ pk: `${prefix.vote}${id}`, sk: 'HEAD' });
/** A seat's state in one vote (holder, recusals, what it voted on, revision). */
export const voteSeat = (voteId: string, seatId: string) => ({
  pk: `${prefix.vote}${voteId}`,
  sk: `${prefix.voteSeat}${seatId}`,
});
export const ballot = (voteId: string, sketchId: string, seatId: string) => ({
  pk: `${prefix.vote}${voteId}`,
  sk: `${prefix.ballot}${sketchId}#${seatId}`,
});
/** An entry of the vote's audit trail (every ballot and change), in order of time. */
export const voteTrail = (voteId: string, at: string, eventId: string) => ({
  pk: `${prefix.vote}${voteId}`,
  sk: `${prefix.voteTrail}${at}#${eventId}`,
});
/**
 * The head of the vote's trail (its last hash and length, see core/trail.ts): its own item, after
 * TRAIL# (so neither the vote's load nor the trail's query reads it), written with every entry.
 */
export const voteTrailHead = (voteId: string) => ({ pk: `${prefix.vote}${voteId}`, sk: 'TRAILHEAD' });
/** The vote's load reads the sort keys below this one (HEAD, SEAT#, BALLOT#), never the trail. */
export const voteLoadBefore = prefix.voteTrail;
/** gsi1: open votes by when the job must next look at them (sparse: closed votes leave it). */
export const votesDue = 'VOTES_DUE';
/** gsi2: every vote, newest first. */
export const votes = 'VOTES';
export const meeting = (id: string) => ({ pk: `${prefix.meeting}${id}`, sk: 'MEETING' });
export const meetings = 'MEETINGS';
export const admins = 'ADMIN';
/** The admin list's audit events: who put whom on it or took them off, in order of time. */
export const adminEvent = (at: string, id: string) => ({ pk: 'ADMINLOG', sk: `${at}#${id}` });
export const adminEvents = 'ADMINLOG';
/** A deadline after the Votum (funding decision, a report), in its sketch's partition. */
export const deadline = (sketchId: string, id: string) => ({
  pk: `${prefix.sketch}${sketchId}`,
  sk: `${prefix.deadline}${id}`,
});
/** gsi1: deadlines by the instant of their next reminder or escalation (sparse: only while one is left). */
export const deadlinesDue = 'DEADLINES';
/** gsi2: deadlines still awaited (by the applicant or the office) by due date, for the overview. */
export const deadlinesOpen = 'DEADLINES_OPEN';
/** A calendar feed's token (its keyed hash) → the admin it belongs to. */
export const calendarFeed = (hash: string) => ({ pk: `${prefix.calendarFeed}${hash}`, sk: 'CALFEED' });
/** An admin's current calendar feed, so a new one replaces it and it can be revoked. */
export const calendarOf = (email: string) => ({ pk: `${prefix.calendarOf}${email}`, sk: 'CALENDAR' });
/** A document as it was issued (a Votum letter, meeting minutes): its own partition, read only when asked for. */
export const document = (id: string) => ({ pk: `${prefix.document}${id}`, sk: 'DOC' });
/** gsi1: documents ordered and not yet rendered (sparse: an issued document leaves it). */
export const documentsOrdered = 'DOCS_ORDERED';
/** The funding periods, one partition: read whole (a handful). */
export const periods = 'PERIODS';
export const period = (id: string) => ({ pk: 'PERIODS', sk: id });
/** A project approved before the portal was used, in its period's partition. */
export const priorProject = (periodId: string, id: string) => ({
  pk: `${prefix.period}${periodId}`,
  sk: `${prefix.priorProject}${id}`,
});
/** The office's settings (how it is told of submissions). */
export const setting = (name: string) => ({ pk: 'SETTINGS', sk: name });
/** A submission the office hears of in its next digest; gsi1 by when the digest is due (sparse). */
export const submissionNotice = (sketchId: string, at: string) => ({
  pk: `${prefix.submissionNotice}${sketchId}`,
  sk: at,
});
export const submissionDigestDue = 'SUBMISSION_DIGEST';
/** A planned meeting, beside the record of it (`meeting`): same partition, its own sort key. */
export const meetingPlan = (id: string) => ({ pk: `${prefix.meeting}${id}`, sk: 'PLAN' });
/** gsi2: planned meetings by date. */
export const meetingPlans = 'MEETING_PLANS';
/** What one run of a job did, newest last. */
export const jobRun = (job: string, startedAt: string, id: string) => ({
  pk: `${prefix.jobRun}${job}`,
  sk: `${startedAt}#${id}`,
});
/** A data migration that has run to its end (functions/store/migrations.ts): it never runs again. */
export const migration = (name: string) => ({ pk: `${prefix.migration}${name}`, sk: 'MIGRATION' });
/** The count of the Votum letters' file references in `year` („Unser Zeichen“). */
export const referenceCounter = (year: number) => ({ pk: `${prefix.counter}reference`, sk: String(year) });
/** A sketch's retention period: one item per sketch, in gsi1 RETENTION_DUE by when it ends. */
export const retention = (sketchId: string) => ({ pk: `${prefix.retention}${sketchId}`, sk: 'RETAIN' });
/** gsi1: what retention must delete or pseudonymise, by when (sketch periods, sign-in records, pending uploads). */
export const retentionDue = 'RETENTION_DUE';
/** What retention and erasures did, newest read first (never the deleted content). */
export const retentionLog = (at: string, id: string) => ({ pk: 'RETENTIONLOG', sk: `${at}#${id}` });
/** The partition of the idempotency records of the sketch requests (create, submit): their answers hold personal data. */
export const idempotentSketchRequests = prefix.idempotentSketchRequests;
/** gsi2: the sketch requests' stored answers of one person (by `personHash`), so an erasure reads only theirs. */
export const answersOf = (personHash: string) => `${prefix.answersOf}${personHash}`;
/** An address no more mail goes to, and why (functions/store/suppressions.ts). */
export const suppression = (address: string) => ({ pk: `${prefix.suppression}${address}`, sk: 'SUPPRESSED' });
/** The partition of one function's idempotency records, as Powertools names it by default. */
export const idempotency = (functionName: string) => `${prefix.idempotency}${functionName}`;
/**
 * An index sort key ordered by time, then id (`<instant or date>#<id>`): the lists by state,
 * owner, opening, meeting date, the due indexes and the outbox.
 */
export const byTime = (at: Date | string, id: string) => `${iso(at)}#${id}`;
/** The bound `gsi…sk <= upTo(at)` that takes every `byTime` key up to and including `at`, whatever its id. */
export const upTo = (at: Date | string) => `${iso(at)}#\uffff`;

export const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
