/**
 * The one table: its key schema and indexes. CDK builds the table from this, and the local runtime
 * creates it from this when it is missing, so the two cannot drift apart.
 *
 * Items (pk / sk; the prefixes and builders are in keys.ts):
 *   SKETCH#<id> / SKETCH                   the sketch; gsi1 by status, gsi2 by owner
 *   SKETCH#<id> / EVENT#<at>#<id>          an audit event of the sketch
 *   SKETCH#<id> / VERSION#<nnnn>           the n-th submitted version, as submitted
 *   SKETCH#<id> / ATTACHMENT#<id>          an attachment's metadata (file in S3); TTL while pending
 *   SKETCH#<id> / LOCAL#<subRegion>        the sketch in a sub-region's list while past the draft;
 *                                          gsi1 SUBREGION#<subRegion> by submission (store/local.ts)
 *   MAIL#<id>   / MAIL                     an outbox mail; in gsi1 OUTBOX only while unsent, then gsi1 MAIL_BODIES
 *                                          until its body is dropped; gsi2 MAILTO#<email>
 *   TOKEN#<hmac> / TOKEN                   a sign-in link token (TTL)
 *   SESSION#<hmac> / SESSION               a session (TTL)
 *   LINKQUOTA#<hmac> / <window start>      sign-in links mailed to one address in an hour (TTL)
 *   ADMIN       / <email>                  the admin allow-list
 *   SEATS       / <seatId>                 a seat of the steering group
 *   VOTE#<id>   / HEAD                     a circulation vote; gsi1 VOTES_DUE while open, gsi2 VOTES
 *   VOTE#<id>   / SEAT#<seatId>            a seat's state in the vote (holder, recusals, revision)
 *   VOTE#<id>   / BALLOT#<sketch>#<seat>   the seat's current ballot on a sketch
 *   VOTE#<id>   / TRAIL#<at>#<id>          the vote's audit trail (every ballot and change)
 *   MEETING#<id> / MEETING                 a recorded meeting; gsi2 MEETINGS
 *   SKETCH#<id> / DEADLINE#<id>            a deadline after the Votum (funding decision, report);
 *                                          gsi1 DEADLINES by next action (sparse), gsi2 DEADLINES_OPEN by due date
 *   CALFEED#<hmac> / CALFEED               a calendar feed token → its admin
 *   CALENDAR#<email> / CALENDAR            an admin's current calendar feed (its token's hmac)
 *   DOC#<id>    / DOC                      a document (Votum letter, minutes): its order, in gsi1
 *                                          DOCS_ORDERED until the render job stores its bytes
 *   PERIODS     / <periodId>               a funding period (dates, total, shares per sub-region)
 *   PERIOD#<id> / PRIOR#<id>               a project approved before the portal was used
 *   SETTINGS    / <name>                   the office's settings (how it hears of submissions)
 *   NOTICE#<sketch> / <at>                 a submission for the office's daily digest; gsi1 SUBMISSION_DIGEST by due time
 *   MEETING#<id> / PLAN                    a planned meeting (deadline, invitation, agenda); gsi2 MEETING_PLANS
 *   JOBRUN#<job> / <startedAt>#<id>        what one job run did (TTL)
 *   MIGRATION#<name> / MIGRATION           a data migration that has run to its end (store/migrations.ts)
 *   RETAIN#<sketch> / RETAIN               a sketch's retention period; gsi1 RETENTION_DUE by its end (sessions and
 *                                          pending uploads sit in RETENTION_DUE on their own items)
 *   RETENTIONLOG / <at>#<id>               what retention and erasures did (no deleted content)
 *   idempotency#<fn> / <hash>              Powertools idempotency records (TTL); those of the sketch requests
 *                                          (idempotency#sketch-requests), once answered, in gsi2
 *                                          ANSWERSOF#<person hash> / <hash>, so an erasure reads only the person's
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];
