import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type SketchStatus, sketchStatuses } from '../core/lifecycle.ts';
import { profilePeriod } from '../core/periods.ts';
import {
  erasureConfirmedKind,
  pendingUploadUntil,
  pseudonymAddress,
  retentionOf,
  sketchRetentionDue,
} from '../core/retention.ts';
import { headOf, linkAll, type TrailHead } from '../core/trail.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { answerIndex, answerOwner } from './answer-owners.ts';
import { isConditionFailure } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { localEntryItems } from './local.ts';
import {
  answerOwnersMigrationName,
  localEntriesMigrationName,
  localSectionsMigrationName,
} from './migrated.ts';
import { putPeriod, storedPeriods } from './periods.ts';
import { personHash } from './person.ts';
import { queryAll } from './query.ts';
import { dueIndex, sketchRetentionItem } from './retention.ts';
import { current as currentSketch, getSketch } from './sketches.ts';
import { getVoteTrailHead, setChainFields, sha256, voteTrailHeadItem, voteTrailItems } from './trail.ts';
import { currentSeat } from './votes.ts';

/*
 * Data migrations: what moves items written by an earlier version into the layout this one writes.
 * They run before the local portal serves (infra/local/portal.ts) and in AWS as the `migrate` job
 * (functions/jobs/jobs.ts). Each finds its items through a key or an index, never a scan, and is
 * idempotent item by item, so two runs at once, or a run after one that died halfway, end alike.
 * One that ran to its end is recorded (`MIGRATION#<name>`) and never runs again; until then, the
 * reading paths read both layouts.
 */

export interface Migration {
  /** Names its record, `MIGRATION#<name>`: never reuse one. */
  name: string;
  description: string;
  /** Does the work; answers what it counted (items read, moved, …). */
  run(): Promise<Record<string, number>>;
}

export interface MigrationRun {
  name: string;
  /** `ran`: it did its work now; `done`: a run before this one had. */
  outcome: 'ran' | 'done';
  counts?: Record<string, number>;
}

const table = () => config().TABLE_NAME;

/**
 * A migration's conditional update: one whose condition failed (the item changed, or a racing run
 * moved it, meanwhile) is counted as skipped and left as it is. Answers whether it updated.
 */
async function updateUnlessChanged(counts: { skipped: number }, update: UpdateCommandInput) {
  try {
    await documents().send(new UpdateCommand(update));
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    counts.skipped += 1;
    return false;
  }
}

/**
 * The vote's trail moves from `EVENT#<at>#<id>` (where versions before it wrote it, inside the
 * range the vote's load reads) to `TRAIL#<at>#<id>`. The votes are found through their list (gsi2
 * VOTES), each one's old entries by a query on its partition; each entry moves in one transaction
 * (put the new, delete the old, each conditional), so a racing run moves it once and skips it.
 */
export const voteTrailMigration: Migration = {
  name: 'voteTrail',
  description:
    "Moves each vote's audit trail from EVENT#… to TRAIL#…, out of the range the vote's load reads",
  async run() {
    const votes = await queryAll<{ id: string }>({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.votes },
      ProjectionExpression: 'id',
    });
    const counts = { votes: votes.length, moved: 0, skipped: 0 };
    for (const { id } of votes) {
      const legacy = await queryAll({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :legacy)',
        ExpressionAttributeValues: { ':pk': keys.vote(id).pk, ':legacy': prefix.legacyVoteEvent },
        ConsistentRead: true,
      });
      for (const item of legacy) {
        const sk = String(item.sk);
        const moved = { ...item, sk: `${prefix.voteTrail}${sk.slice(prefix.legacyVoteEvent.length)}` };
        try {
          await documents().send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: table(),
                    Item: moved,
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Delete: {
                    TableName: table(),
                    Key: { pk: item.pk, sk },
                    ConditionExpression: 'attribute_exists(pk)',
                  },
                },
              ],
            }),
          );
          counts.moved += 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          counts.skipped += 1; // another run moved it first
        }
      }
    }
    return counts;
  },
};

type Item = Record<string, unknown>;
type StoredSeat = { deputy?: unknown; deputies?: unknown };
const isOld = (seat: StoredSeat) => seat.deputy !== undefined || !Array.isArray(seat.deputies);

/**
 * Seats get several deputies: `deputy` (one, optional) becomes `deputies` (a list), in the seats
 * themselves, in the seats each vote copied when it opened, and in each meeting's attendance.
 * Found through their partition (SEATS) and lists (gsi2 VOTES, MEETINGS); each item is rewritten
 * on condition that it is as read (a seat still has its `deputy`, a vote still its revision, a
 * meeting never changes), so a racing run or a change meanwhile is skipped, never overwritten.
 */
export const seatDeputiesMigration: Migration = {
  name: 'seatDeputies',
  description: "Moves each seat's one `deputy` to a list `deputies`, in seats, votes and meetings",
  async run() {
    const counts = { seats: 0, votes: 0, meetings: 0, moved: 0, skipped: 0 };
    const rewrite = async (
      item: Item,
      condition: Pick<PutCondition, 'ConditionExpression'> & Partial<PutCondition>,
    ) => {
      try {
        await documents().send(new PutCommand({ TableName: table(), Item: item, ...condition }));
        counts.moved += 1;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        counts.skipped += 1; // changed or moved meanwhile
      }
    };
    const seats = await queryAll<Item & StoredSeat>({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.seats },
      ConsistentRead: true,
    });
    counts.seats = seats.length;
    for (const seat of seats.filter(isOld))
      await rewrite(currentSeat(seat), {
        ConditionExpression: 'attribute_exists(#d) OR attribute_not_exists(#ds)',
        ExpressionAttributeNames: { '#d': 'deputy', '#ds': 'deputies' },
      });
    const listed = (pk: string) =>
      queryAll<{ pk: string; sk: string }>({
        TableName: table(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: 'pk, sk',
      });
    const read = async (key: { pk: string; sk: string }) =>
      (await documents().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;
    const votes = await listed(keys.votes);
    counts.votes = votes.length;
    for (const key of votes) {
      const vote = await read(key);
      const voteSeats = (vote?.seats ?? []) as StoredSeat[];
      if (!vote || !voteSeats.some(isOld)) continue;
      await rewrite(
        { ...vote, seats: voteSeats.map(currentSeat) },
        {
          ConditionExpression: '#r = :r',
          ExpressionAttributeNames: { '#r': 'revision' },
          ExpressionAttributeValues: { ':r': vote.revision },
        },
      );
    }
    const meetings = await listed(keys.meetings);
    counts.meetings = meetings.length;
    for (const key of meetings) {
      const meeting = await read(key);
      const attendance = (meeting?.attendance ?? []) as { seat: StoredSeat }[];
      if (!meeting || !attendance.some((a) => isOld(a.seat))) continue;
      await rewrite(
        { ...meeting, attendance: attendance.map((a) => ({ ...a, seat: currentSeat(a.seat) })) },
        { ConditionExpression: 'attribute_exists(pk)' },
      );
    }
    return counts;
  },
};

interface PutCondition {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

const isLinked = (event: Record<string, unknown>) => typeof event.hash === 'string';

/**
 * Links the audit trails written before the hash chain (issue 13, item 6): each sketch's events
 * and each vote's entries, oldest first (by their keys: time, then id), become a chain from the
 * first, and the record gets its head. A trail a write has started meanwhile (its record had no
 * head yet, so its new events began a chain of their own) is linked again as a whole, the earlier
 * events in front. Each event's chain fields follow from the events before it, so writing them is
 * idempotent; the head is written last, conditional on the record not having changed since the
 * events were read (a sketch's version, a vote's head), else the trail is read and linked again.
 * Sketches are found through the index by state, votes through their list: never a scan.
 */
export const trailChainMigration: Migration = {
  name: 'trailChain',
  description: 'Links audit events stored before the hash chain into each sketch’s and vote’s chain',
  async run() {
    const counts = { sketches: 0, votes: 0, linked: 0, retried: 0 };
    for (const status of sketchStatuses) {
      const sketches = await queryAll<{ id: string }>({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status) },
        ProjectionExpression: 'id',
      });
      for (const { id } of sketches) {
        counts.sketches += 1;
        for (let attempt = 1; ; attempt++) {
          const record = await getSketch(id);
          const events = await sketchEventItems(id);
          if (!record || (record.trail && events.every(isLinked))) break;
          const head = await linkStored(events);
          counts.linked += events.length;
          if (!head) break;
          try {
            await documents().send(
              new UpdateCommand({
                TableName: table(),
                Key: keys.sketch(id),
                UpdateExpression: 'SET #trail = :trail',
                ConditionExpression: 'version = :v',
                ExpressionAttributeNames: { '#trail': 'trail' },
                ExpressionAttributeValues: { ':trail': head, ':v': record.version },
              }),
            );
            break;
          } catch (error) {
            if (!isConditionFailure(error) || attempt >= 5) throw error;
            counts.retried += 1; // the sketch changed meanwhile: link its trail as it is now
          }
        }
      }
    }
    const votes = await queryAll<{ id: string }>({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.votes },
      ProjectionExpression: 'id',
    });
    for (const { id } of votes) {
      counts.votes += 1;
      for (let attempt = 1; ; attempt++) {
        const before = await getVoteTrailHead(id);
        const entries = await voteTrailItems(id);
        if (before && entries.every(isLinked)) break;
        const head = await linkStored(entries);
        counts.linked += entries.length;
        if (!head) break;
        try {
          await documents().send(
            new TransactWriteCommand({ TransactItems: [voteTrailHeadItem(id, head, before)] }),
          );
          break;
        } catch (error) {
          if (!isConditionFailure(error) || attempt >= 5) throw error;
          counts.retried += 1;
        }
      }
    }
    return counts;
  },
};

/** Writes the chain onto stored events in their order; answers the head it ends at. */
async function linkStored(items: Record<string, unknown>[]): Promise<TrailHead | undefined> {
  const events = items.map(({ pk: _pk, sk: _sk, ...event }) => event);
  const linked = linkAll(events, sha256);
  for (const [i, chain] of linked.entries()) {
    const item = items[i] as Record<string, unknown>;
    if (item.hash !== chain.hash || item.seq !== chain.seq || item.prevHash !== chain.prevHash)
      await setChainFields({ pk: item.pk, sk: item.sk }, chain);
  }
  const last = linked.at(-1);
  return last ? headOf(last) : undefined;
}

async function sketchEventItems(id: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
    ExpressionAttributeValues: { ':pk': keys.sketch(id).pk, ':events': prefix.sketchEvent },
    ConsistentRead: true,
  });
}

type StoredSketch = {
  id: string;
  status: string;
  version: number;
  outcome?: unknown;
  voteId?: string;
  vota?: { decision: string }[];
};

/**
 * Two states the lists were missing (issue 18): a sketch the steering group has decided on waited
 * for its Votum as `in_vote` (the lists said "In der Abstimmung" after the vote had closed), and a
 * deferred Votum sent it back to `ready_for_vote` (as if nothing had been decided). Now they are
 * `vote_closed` and `deferred`. Found through the index by state (never a scan): an `in_vote`
 * sketch with an outcome and no open vote becomes `vote_closed`; a `ready_for_vote` sketch whose
 * last Votum deferred it becomes `deferred`. Each record moves at its next version, conditional on
 * the version and state read, so a racing run or a change meanwhile is skipped, never overwritten.
 * Its audit trail stays as written (its hash chain holds it); the events keep the states of then.
 */
export const sketchStatesAfterVoteMigration: Migration = {
  name: 'sketchStatesAfterVote',
  description:
    'Moves decided sketches from in_vote to vote_closed, and deferred ones from ready_for_vote to deferred',
  async run() {
    const counts = { read: 0, moved: 0, skipped: 0 };
    const moves: { from: SketchStatus; to: SketchStatus; applies: (s: StoredSketch) => boolean }[] = [
      { from: 'in_vote', to: 'vote_closed', applies: (s) => !!s.outcome && !s.voteId },
      { from: 'ready_for_vote', to: 'deferred', applies: (s) => s.vota?.at(-1)?.decision === 'deferred' },
    ];
    for (const move of moves) {
      const listed = await queryAll<{ id: string }>({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(move.from) },
        ProjectionExpression: 'id',
      });
      for (const { id } of listed) {
        counts.read += 1;
        const sketch = (await getSketch(id)) as StoredSketch | undefined;
        if (!sketch || sketch.status !== move.from || !move.applies(sketch)) continue;
        const moved = await updateUnlessChanged(counts, {
          TableName: table(),
          Key: keys.sketch(id),
          UpdateExpression: 'SET #s = :to, gsi1pk = :pk, version = :next',
          ConditionExpression: 'version = :v AND #s = :from',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':to': move.to,
            ':pk': keys.sketchesByStatus(move.to),
            ':next': sketch.version + 1,
            ':v': sketch.version,
            ':from': move.from,
          },
        });
        if (moved) counts.moved += 1;
      }
    }
    return counts;
  },
};

/**
 * Funding periods become data the office maintains: a table without any gets the profile's period
 * (`funding.period`, `budgetCents`, `subRegions[].budgetShareBp`) as its first stored period, so a
 * later change of the profile no longer moves a running period's budget. Until it has run, the
 * readers take the profile's period just the same (store/periods.ts `listPeriods`).
 */
export const fundingPeriodsMigration: Migration = {
  name: 'fundingPeriods',
  description: "Stores the profile's funding period as the first period where none is stored",
  async run() {
    if ((await storedPeriods()).length > 0) return { stored: 0, present: 1 };
    const stored = await putPeriod(profilePeriod(config().profile));
    return { stored: stored ? 1 : 0, present: 0 };
  },
};

/**
 * Retention (issue 16) finds what is due through gsi1 RETENTION_DUE, written when the period
 * starts. Sketches stored before have no period yet: each in a state that starts one (a draft,
 * withdrawn, not endorsed, not funded, closed) gets it from its last change (`updatedAt`, the time
 * it entered that state, or a draft's last save); pending uploads get their place in the index from
 * when they began. Sketches are found through gsi1 by state, their uploads by a query on their
 * partition. A period written meanwhile by a change is kept (the put is conditional).
 */
export const retentionDueMigration: Migration = {
  name: 'retentionDue',
  description: 'Gives sketches and pending uploads stored before retention their place in the due index',
  async run() {
    const counts = { sketches: 0, periods: 0, uploads: 0 };
    const retention = config().profile.retention;
    for (const status of sketchStatuses) {
      const kind = retentionOf(status);
      const sketches = await queryAll<{ id: string; updatedAt: string }>({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status) },
        ProjectionExpression: 'id, updatedAt',
      });
      for (const { id, updatedAt } of sketches) {
        counts.sketches += 1;
        if (kind) {
          const { Put } = sketchRetentionItem(id, kind, sketchRetentionDue(kind, updatedAt, retention));
          try {
            await documents().send(
              new PutCommand({
                TableName: table(),
                Item: Put?.Item,
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            );
            counts.periods += 1;
          } catch (error) {
            if (!isConditionFailure(error)) throw error;
          }
        }
        const pending = await queryAll<{ pk: string; sk: string; id: string; createdAt: string }>({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :attachments)',
          FilterExpression: '#status = :pending AND attribute_not_exists(gsi1pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pk': keys.sketch(id).pk,
            ':attachments': prefix.attachment,
            ':pending': 'pending',
          },
        });
        for (const upload of pending) {
          const index = dueIndex(pendingUploadUntil(upload.createdAt, retention), `upload#${upload.id}`);
          try {
            await documents().send(
              new UpdateCommand({
                TableName: table(),
                Key: { pk: upload.pk, sk: upload.sk },
                UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
                ConditionExpression: '#status = :pending',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':pk': index.gsi1pk,
                  ':sk': index.gsi1sk,
                  ':pending': 'pending',
                },
              }),
            );
            counts.uploads += 1;
          } catch (error) {
            if (!isConditionFailure(error)) throw error;
          }
        }
      }
    }
    return counts;
  },
};

/**
 * The office's tick (`endorsement`: confirmed at, by, with a note) gives way to the local
 * alliances' statements: it becomes a "supports" per sub-region of the sketch, by whoever ticked
 * it, and the tick goes. Sketches are found through the index by state (never a scan); each is
 * rewritten on condition that it still has its tick and its version (a change meanwhile is read
 * again by the next run, never overwritten); the version stays, since nothing about the sketch
 * changed but its layout. Until it has run, the reading paths read both (store/sketches.ts `current`).
 */
export const localStatementsMigration: Migration = {
  name: 'localStatements',
  description: "Turns the office's endorsement tick of each sketch into the local alliances' statements",
  async run() {
    const counts = { sketches: 0, moved: 0, skipped: 0 };
    for (const status of sketchStatuses) {
      const found = await queryAll<{ pk: string; sk: string }>({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'attribute_exists(endorsement)',
        ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status) },
        ProjectionExpression: 'pk, sk',
      });
      counts.sketches += found.length;
      for (const key of found) {
        const { Item } = await documents().send(
          new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }),
        );
        if (!Item?.endorsement) continue;
        try {
          await documents().send(
            new PutCommand({
              TableName: table(),
              Item: currentSketch(Item),
              ConditionExpression: 'attribute_exists(endorsement) AND version = :v',
              ExpressionAttributeValues: { ':v': Item.version },
            }),
          );
          counts.moved += 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          counts.skipped += 1; // changed or moved meanwhile
        }
      }
    }
    return counts;
  },
};

/**
 * The sketch requests' stored answers get their gsi2 entry by owner (store/idempotent-answers.ts),
 * so an erasure reads only the person's. Found in their one partition (at most a day's requests:
 * they expire after 24 hours); each record with an answer is tagged with the hash of the answer's
 * `ownerEmail`, on condition that it is still there and has no entry yet (one tagged meanwhile, by
 * a racing run or by this version answering it, is left as it is). A record still in progress holds
 * no answer and nothing personal: it is left, and expires within minutes, or is answered by this
 * version, which tags it. (Only a request still running on the version before, answered after this
 * run, stays untagged: its record goes with its 24 hours.)
 */
export const answerOwnersMigration: Migration = {
  name: answerOwnersMigrationName,
  description: "Puts each stored answer of a sketch request in gsi2 under its owner's hash",
  async run() {
    const records = await queryAll<Item>({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'attribute_not_exists(gsi2pk)',
      ExpressionAttributeValues: { ':pk': keys.idempotentSketchRequests },
      ConsistentRead: true,
    });
    const counts = { records: records.length, tagged: 0, unanswered: 0, skipped: 0 };
    for (const record of records) {
      const owner = answerOwner(record.data);
      if (!owner) {
        counts.unanswered += 1;
        continue;
      }
      const index = await answerIndex(owner, String(record.sk));
      // Skipped when tagged or gone meanwhile.
      const tagged = await updateUnlessChanged(counts, {
        TableName: table(),
        Key: { pk: record.pk, sk: record.sk },
        UpdateExpression: 'SET gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi2pk)',
        ExpressionAttributeValues: { ':gsi2pk': index.gsi2pk, ':gsi2sk': index.gsi2sk },
      });
      if (tagged) counts.tagged += 1;
    }
    return counts;
  },
};

/**
 * Writes the entries of every sketch past the draft in its sub-regions' lists as this version
 * writes them (store/local.ts `localEntryItems`): found through the index by state, every state
 * past the draft (never a scan); each is read again (consistently) and its entries put in one
 * transaction with a check that it is still at that version. A change meanwhile writes only the
 * entries it changes, so a sketch whose check failed is read and written again. A put replaces an
 * entry written the old way.
 */
async function writeLocalEntries() {
  const counts = { sketches: 0, entries: 0, retried: 0 };
  for (const status of sketchStatuses) {
    if (status === 'draft') continue;
    const found = await queryAll<{ id: string }>({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status) },
      ProjectionExpression: 'id',
    });
    for (const { id } of found) {
      counts.sketches += 1;
      for (let attempt = 1; ; attempt++) {
        const sketch = await getSketch(id);
        const entries = sketch ? localEntryItems(undefined, sketch) : [];
        if (!sketch || entries.length === 0) break;
        try {
          await documents().send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  ConditionCheck: {
                    TableName: table(),
                    Key: keys.sketch(id),
                    ConditionExpression: 'version = :v',
                    ExpressionAttributeValues: { ':v': sketch.version },
                  },
                },
                ...entries,
              ],
            }),
          );
          counts.entries += entries.length;
          break;
        } catch (error) {
          if (!isConditionFailure(error) || attempt >= 5) throw error;
          counts.retried += 1; // the sketch changed meanwhile: its entries as it is now
        }
      }
    }
  }
  return counts;
}

/**
 * A local alliance's list reads its sub-regions' entries (store/local.ts `localEntryItems`, written
 * with each change that shows a sketch to them or hides it). Sketches stored before get theirs.
 * Until it has run, the list reads every sketch past the draft.
 */
export const localEntriesMigration: Migration = {
  name: localEntriesMigrationName,
  description:
    "Gives each sketch past the draft its entries in its sub-regions' lists for the local alliances",
  run: writeLocalEntries,
};

/**
 * The list is read a page at a time per section (open for statements, earlier), so an entry's
 * sort key begins with its sketch's section (`localListed`). Entries written before (the sort key
 * only the submission) are written again. Until it has run, the list reads each section's
 * sketches by state.
 */
export const localSectionsMigration: Migration = {
  name: localSectionsMigrationName,
  description: "Sorts the entries in the local alliances' lists by section (open for statements, earlier)",
  run: writeLocalEntries,
};

/**
 * Erasure confirmations stored before the outbox job scrubbed them (until 2026-12-03 the handler
 * sent its confirmation and scrubbed it at once; one whose first send failed was later sent by the
 * job and kept the erased person's address). A waiting one gets its `pseudonymOnceSent`, so
 * whoever sends it scrubs it; a sent one whose body is still kept (gsi1 MAIL_BODIES) is scrubbed
 * now, on condition that it still names the address read. Found through the due and body indexes;
 * one sent so long ago that its body was dropped is in neither (then only gsi2 by address finds it).
 */
export const erasureConfirmationsMigration: Migration = {
  name: 'erasureConfirmations',
  description:
    'Gives waiting erasure confirmations their pseudonym and scrubs sent ones that still name the erased person',
  async run() {
    const counts = { waiting: 0, scrubbed: 0, skipped: 0 };
    const confirmations = (due: string) =>
      queryAll<{ pk: string; sk: string; to: string; pseudonymOnceSent?: string }>({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :due',
        // An old handler's scrubbed record left the indexes; the guard keeps a pseudonym from being hashed again.
        FilterExpression:
          'kind = :kind AND attribute_not_exists(pseudonymOnceSent) AND NOT contains(#to, :pseudonymous)',
        ExpressionAttributeNames: { '#to': 'to' },
        ExpressionAttributeValues: {
          ':due': due,
          ':kind': erasureConfirmedKind,
          ':pseudonymous': pseudonymAddress('').slice(16),
        },
      });
    // The condition: a confirmation sent and scrubbed meanwhile no longer names the address read.
    const update = async (item: { pk: string; sk: string; to: string }, expression: string) =>
      updateUnlessChanged(counts, {
        TableName: table(),
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: expression,
        ConditionExpression: '#to = :to',
        ExpressionAttributeNames: expression.includes('#text')
          ? { '#to': 'to', '#text': 'text' }
          : { '#to': 'to' },
        ExpressionAttributeValues: {
          ':to': item.to,
          ':pseudonym': pseudonymAddress(await personHash(item.to)),
        },
      });
    for (const item of await confirmations(keys.outboxDue))
      if (await update(item, 'SET pseudonymOnceSent = :pseudonym')) counts.waiting += 1;
    for (const item of await confirmations(keys.mailBodiesDue))
      if (await update(item, 'SET #to = :pseudonym REMOVE #text, html, gsi1pk, gsi1sk, gsi2pk, gsi2sk'))
        counts.scrubbed += 1;
    return counts;
  },
};

/** Every migration, oldest first: each runs after those before it have run to their end. */
export const migrations: readonly Migration[] = [
  voteTrailMigration,
  seatDeputiesMigration,
  trailChainMigration,
  localStatementsMigration,
  sketchStatesAfterVoteMigration,
  fundingPeriodsMigration,
  retentionDueMigration,
  answerOwnersMigration,
  localEntriesMigration,
  erasureConfirmationsMigration,
  localSectionsMigration,
];

/**
 * Runs each migration not recorded as done, in order, and records it once it has run to its end.
 * A migration that fails stops the run (the ones after it may rely on it); the next run tries again.
 */
export async function runMigrations(
  now: Date,
  list: readonly Migration[] = migrations,
): Promise<MigrationRun[]> {
  const runs: MigrationRun[] = [];
  for (const migration of list) {
    const { Item } = await documents().send(
      new GetCommand({ TableName: table(), Key: keys.migration(migration.name), ConsistentRead: true }),
    );
    if (Item) {
      runs.push({ name: migration.name, outcome: 'done' });
      continue;
    }
    const counts = await migration.run();
    try {
      await documents().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.migration(migration.name),
            name: migration.name,
            doneAt: now.toISOString(),
            counts,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // A run at the same time recorded it first: the work is done either way.
      if (!isConditionFailure(error)) throw error;
    }
    runs.push({ name: migration.name, outcome: 'ran', counts });
  }
  return runs;
}
