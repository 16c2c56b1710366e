/*
 * The prefixes of partition keys, sort keys and index keys (store/keys.ts builds the keys from them),
 * one export each: a module imports them as a namespace (`import * as prefix from './key-prefixes.ts'`)
 * and keeps only the ones it reads. As one object, every bundle held all of them.
 */

export const sketch = 'SKETCH#';
/** In a sketch's partition: its audit events, oldest first. */
export const sketchEvent = 'EVENT#';
export const sketchVersion = 'VERSION#';
export const attachment = 'ATTACHMENT#';
export const deadline = 'DEADLINE#';
export const vote = 'VOTE#';
export const voteSeat = 'SEAT#';
export const ballot = 'BALLOT#';
/** The vote's audit trail: sorts after HEAD, SEAT# and BALLOT#, so the vote's load stops before it. */
export const voteTrail = 'TRAIL#';
/**
 * Where versions before the `voteTrail` migration wrote a vote's trail (in the vote's partition,
 * sorting among what its load reads). Read alongside `voteTrail` until the migration has moved it.
 */
export const legacyVoteEvent = 'EVENT#';
export const sketchesByStatus = 'STATUS#';
/** In a sketch's partition: its entry in one sub-region's list, while it is past the draft (store/local.ts). */
export const localEntry = 'LOCAL#';
/** gsi1: a sub-region's sketches past the draft, by submission (their local entries). */
export const sketchesOfSubRegion = 'SUBREGION#';
export const sketchesByOwner = 'OWNER#';
export const mail = 'MAIL#';
export const mailsTo = 'MAILTO#';
export const token = 'TOKEN#';
export const linkQuota = 'LINKQUOTA#';
export const session = 'SESSION#';
/** gsi2: an account's sessions (on the session item itself). */
export const sessionsOf = 'SESSIONS#';
/** An account's second factors (passkeys, TOTP, recovery codes): one partition per address. */
export const secondFactor = 'MFA#';
export const passkey = 'PASSKEY#';
export const recoveryCode = 'RECOVERY#';
/** A second-factor challenge (or a TOTP secret awaiting its first code), per session, short-lived. */
export const secondFactorChallenge = 'MFACHALLENGE#';
export const meeting = 'MEETING#';
export const calendarFeed = 'CALFEED#';
export const calendarOf = 'CALENDAR#';
export const document = 'DOC#';
export const jobRun = 'JOBRUN#';
/** A funding period's partition: its prior projects. */
export const period = 'PERIOD#';
export const priorProject = 'PRIOR#';
/** A submission waiting for the office's daily digest. */
export const submissionNotice = 'NOTICE#';
export const migration = 'MIGRATION#';
/** A counter (the file references of a year: store/references.ts). */
export const counter = 'COUNTER#';
/** A sketch's retention period (functions/store/retention.ts). */
export const retention = 'RETAIN#';
/** An address no more mail goes to (a permanent bounce or a complaint). */
export const suppression = 'SUPPRESSED#';
/** Powertools idempotency records: `idempotency#<function name>` / `<hash>` (Powertools' own default). */
export const idempotency = 'idempotency#';
/**
 * The partition of the idempotency records of the sketch requests (create, submit): their answers
 * hold personal data. `idempotency` + `sketch-requests`, written out: a template of a constant is
 * kept by esbuild in every bundle, read or not (test/unit/keys.test.ts checks the two agree).
 */
export const idempotentSketchRequests = 'idempotency#sketch-requests';
/** gsi2: one person's stored sketch-request answers, by the keyed hash of their address (store/person.ts). */
export const answersOf = 'ANSWERSOF#';
