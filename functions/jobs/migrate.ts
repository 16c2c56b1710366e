import { clock } from '../platform/clock.ts';
import { logger } from '../platform/logger.ts';
import { type MigrationRun, runMigrations } from '../store/migrations.ts';

/**
 * Runs the data migrations that have not run to their end (functions/store/migrations.ts): the
 * `migrate` job in AWS, and the local portal's first step before it serves.
 */
export async function handler(): Promise<MigrationRun[]> {
  const runs = await runMigrations(clock.now());
  for (const run of runs.filter((r) => r.outcome === 'ran'))
    logger.info('migration done', { migration: run.name, ...run.counts });
  return runs;
}
