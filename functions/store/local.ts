import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type SketchStatus, sketchStatuses } from '../core/lifecycle.ts';
import { type LocalAccount, type LocalStatement, subRegionsOf } from '../core/local.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';
import { queryAll } from './query.ts';
import { current } from './sketches.ts';

/*
 * The local alliances' accounts (one partition, like the seats: few items, read whole) and the
 * sketches their workspace lists: per state on the index by state (never a scan), filtered to the
 * sub-regions the caller speaks for.
 */

const table = () => config().TABLE_NAME;

export async function listLocalAccounts(): Promise<LocalAccount[]> {
  const items = await queryAll<LocalAccount & { pk?: string; sk?: string }>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.localAccounts },
    ConsistentRead: true,
  });
  return items.map(({ pk: _pk, sk: _sk, ...account }) => account);
}

export async function putLocalAccount(account: LocalAccount): Promise<void> {
  await documents().send(
    new PutCommand({ TableName: table(), Item: { ...keys.localAccount(account.id), ...account } }),
  );
}

/** The sub-regions `email` speaks for as a local alliance: the `local` role at sign-in and on each request. */
export async function localSubRegions(email: string): Promise<string[]> {
  if (!config().profile.localStatements.required) return [];
  return subRegionsOf(await listLocalAccounts(), email);
}

/** A sketch as the workspace lists it (contract/local-answers.ts). */
export interface LocalSketchRow {
  id: string;
  status: SketchStatus;
  submittedAt?: string;
  title: string;
  organisation: string;
  subRegionIds: string[];
  start?: string;
  end?: string;
  localStatements: LocalStatement[];
}

/** Every sketch past the draft that touches one of `subRegionIds`, newest submission first. */
export async function localSketchRows(subRegionIds: readonly string[]): Promise<LocalSketchRow[]> {
  if (subRegionIds.length === 0) return [];
  const regions = Object.fromEntries(subRegionIds.map((id, i) => [`:r${i}`, id]));
  const filter = Object.keys(regions)
    .map((name) => `contains(subRegionIds, ${name})`)
    .join(' OR ');
  const perStatus = await Promise.all(
    sketchStatuses
      .filter((status) => status !== 'draft')
      .map((status) =>
        queryAll<Record<string, unknown>>({
          TableName: table(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: filter,
          ExpressionAttributeValues: { ':pk': keys.sketchesByStatus(status), ...regions },
          ProjectionExpression:
            'id, #s, submittedAt, title, organisation, subRegionIds, localStatements, endorsement, #d.#rt, gsi1sk',
          ExpressionAttributeNames: { '#s': 'status', '#d': 'draft', '#rt': 'runtime' },
        }),
      ),
  );
  return perStatus
    .flat()
    .sort((a, b) => String(b.gsi1sk).localeCompare(String(a.gsi1sk)))
    .map((raw) => {
      const item = current(raw);
      const runtime = ((item.draft as { runtime?: { start?: unknown; end?: unknown } } | undefined)
        ?.runtime ?? {}) as { start?: unknown; end?: unknown };
      return {
        id: String(item.id),
        status: item.status as SketchStatus,
        ...(typeof item.submittedAt === 'string' ? { submittedAt: item.submittedAt } : {}),
        title: String(item.title ?? ''),
        organisation: String(item.organisation ?? ''),
        subRegionIds: (item.subRegionIds as string[] | undefined) ?? [],
        ...(typeof runtime.start === 'string' && runtime.start ? { start: runtime.start } : {}),
        ...(typeof runtime.end === 'string' && runtime.end ? { end: runtime.end } : {}),
        localStatements: (item.localStatements as LocalStatement[] | undefined) ?? [],
      };
    });
}
