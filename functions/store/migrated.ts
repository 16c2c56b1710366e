import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';

/** The name of the migration that puts the sketch requests' stored answers in gsi2 by owner. */
export const answerOwnersMigrationName = 'answerOwners';

/** The name of the migration that gives sketches stored before it their sub-regions' entries (store/local.ts). */
export const localEntriesMigrationName = 'localEntries';

/** The name of the migration that sorts those entries by the list's section (store/local.ts). */
export const localSectionsMigrationName = 'localSections';

/** Migrations seen recorded: a record is never taken back, so each is read once per process at most. */
const seen = new Set<string>();

/** Whether a migration has run to its end (its `MIGRATION#<name>` record): until then, readers read both layouts. */
export async function migrationDone(name: string): Promise<boolean> {
  if (seen.has(name)) return true;
  const { Item } = await documents().send(
    new GetCommand({ TableName: config().TABLE_NAME, Key: keys.migration(name) }),
  );
  if (Item) seen.add(name);
  return Boolean(Item);
}
