import { createHash, randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type HashText, headOf, type Linked, link, type TrailHead } from '../core/trail.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { queryAll } from './query.ts';
import type { TransactItem } from './sketches.ts';

/*
 * The hash chain of the audit trails (core/trail.ts defines it) as stored: the hashing itself
 * (node:crypto), a sketch's and a vote's events as stored, and the head of a vote's trail.
 *
 * A sketch's head lives on its record (`trail`), which every change writes conditional on its
 * version: changes of one sketch are serialised already, so its chain cannot fork.
 *
 * A vote's head has its own item (`TRAILHEAD`), written with every entry conditional on the head
 * the writer read. Ballots of different seats used to be independent (each conditional on its own
 * seat's revision); one chain per vote serialises their trail entries, so a writer that lost the
 * race on the head (and only on it) reads the new head and tries again (`writeVoteChange`): both
 * ballots are stored, in one order. A chain per seat would avoid the retry but leave a vote with
 * as many chains as seats and its vote-wide entries (open, reminders, close) in none of them; the
 * head is not on the vote's HEAD item because that item is replaced whole by the close, the
 * extension and the reminders, and read into every answer about the vote.
 */

const table = () => config().TABLE_NAME;
const storageKeys = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
const withoutKeys = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !storageKeys.has(k)));

export const sha256: HashText = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The event linked as the next one after `head` (none: the first). */
export const linkEvent = <E extends object>(event: E, head: TrailHead | undefined) =>
  link(event, head, sha256, randomBytes(16).toString('hex'));

/** A sketch's audit events as stored, every field, oldest first: what the check and the export read. */
export async function sketchTrail(id: string): Promise<Record<string, unknown>[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
    ExpressionAttributeValues: { ':pk': keys.sketch(id).pk, ':events': prefix.sketchEvent },
    ConsistentRead: true,
  });
  return items.map(withoutKeys);
}

/** A vote's trail entries as stored, every field, oldest first. */
export async function voteTrailEntries(id: string): Promise<Record<string, unknown>[]> {
  const items = await voteTrailItems(id);
  return items.map(withoutKeys);
}

async function voteTrailItems(id: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :trail)',
    ExpressionAttributeValues: { ':pk': keys.vote(id).pk, ':trail': prefix.voteTrail },
    ConsistentRead: true,
  });
}

export async function getVoteTrailHead(voteId: string): Promise<TrailHead | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.voteTrailHead(voteId), ConsistentRead: true }),
  );
  return Item ? { hash: Item.hash as string, length: Item.length as number } : undefined;
}

/** The vote's new head, if the head is still the one the writer read (`before`; none: no head yet). */
const voteTrailHeadItem = (voteId: string, head: TrailHead, before: TrailHead | undefined): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.voteTrailHead(voteId), ...head },
    ...(before
      ? {
          ConditionExpression: '#h = :h AND #n = :n',
          ExpressionAttributeNames: { '#h': 'hash', '#n': 'length' },
          ExpressionAttributeValues: { ':h': before.hash, ':n': before.length },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' }),
  },
});

const voteIdOfTrailItem = (item: TransactItem): string | undefined => {
  const stored = item.Put?.Item;
  const pk = stored?.pk;
  const sk = stored?.sk;
  return typeof pk === 'string' && typeof sk === 'string' && sk.startsWith(prefix.voteTrail)
    ? pk.slice(prefix.vote.length)
    : undefined;
};

/**
 * Links the vote trail entries among a change's items onto their vote's trail, in the order they
 * come, and adds the head they end at. Answers the items to write and where the heads are in them.
 */
export async function linkVoteTrail(items: readonly TransactItem[]): Promise<{
  items: TransactItem[];
  heads: number[];
}> {
  const voteIds = [...new Set(items.flatMap((item) => voteIdOfTrailItem(item) ?? []))];
  const read = new Map(
    await Promise.all(voteIds.map(async (id) => [id, await getVoteTrailHead(id)] as const)),
  );
  const heads = new Map(read);
  const linked = items.map((item) => {
    const voteId = voteIdOfTrailItem(item);
    if (!voteId || !item.Put) return item;
    const { pk, sk, ...event } = item.Put.Item as Record<string, unknown>;
    const chained: Record<string, unknown> & Linked = linkEvent(event, heads.get(voteId));
    heads.set(voteId, headOf(chained));
    return { Put: { ...item.Put, Item: { pk, sk, ...chained } } };
  });
  const headItems = voteIds.flatMap((id) => {
    const head = heads.get(id);
    return head ? [voteTrailHeadItem(id, head, read.get(id))] : [];
  });
  return { items: [...linked, ...headItems], heads: headItems.map((_, i) => linked.length + i) };
}

/**
 * Whether a transaction failed only because another change of the trail came first: a trail head
 * at `heads` had moved, or an item was in another transaction at that moment. Linking onto the new
 * head and trying again is right then; a failed condition of any other item (the seat changed, the
 * vote closed) is not that.
 */
export function lostRaceOnHead(error: unknown, heads: readonly number[]): boolean {
  if (!(error instanceof TransactionCanceledException) || heads.length === 0) return false;
  const failed = (error.CancellationReasons ?? []).flatMap((r, i) =>
    r.Code && r.Code !== 'None' ? [{ i, code: r.Code }] : [],
  );
  return (
    failed.length > 0 && failed.every(({ i, code }) => heads.includes(i) || code === 'TransactionConflict')
  );
}

/** Writes chain fields onto a stored event (the migration's linking of events stored before the chain). */
export async function setChainFields(key: { pk: unknown; sk: unknown }, chain: Linked): Promise<void> {
  await documents().send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk: key.pk, sk: key.sk },
      UpdateExpression: 'SET #seq = :seq, #prev = :prev, #hash = :hash',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#seq': 'seq', '#prev': 'prevHash', '#hash': 'hash' },
      ExpressionAttributeValues: { ':seq': chain.seq, ':prev': chain.prevHash, ':hash': chain.hash },
    }),
  );
}

export { voteTrailHeadItem, voteTrailItems };
