import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type FundingPeriod, type PriorProject, periodsOrDefault } from '../core/periods.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import * as keys from './keys.ts';
import { queryAll } from './query.ts';

/*
 * Funding periods (one partition, PERIODS: a handful of items read whole) and the projects approved
 * before the portal was used (one partition per period). A table without periods (data written
 * before they were stored) reads as the profile's period (core/periods.ts); the `fundingPeriods`
 * migration stores that one.
 */

const table = () => config().TABLE_NAME;
const strip = <T>({ pk: _pk, sk: _sk, ...rest }: Record<string, unknown>) => rest as T;

/** The stored periods, oldest first (none: an empty list). */
export async function storedPeriods(): Promise<FundingPeriod[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.periods },
  });
  return items.map((item) => strip<FundingPeriod>(item));
}

/** The periods, oldest first; none stored yet → the profile's. */
export async function listPeriods(): Promise<FundingPeriod[]> {
  return periodsOrDefault(await storedPeriods(), config().profile);
}

/** Stores a new period; false when one with its id is there. */
export async function putPeriod(period: FundingPeriod): Promise<boolean> {
  try {
    await documents().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.period(period.id), ...period },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function priorProjects(periodId: string): Promise<PriorProject[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.priorProject(periodId, '').pk },
  });
  return items
    .map((item) => strip<PriorProject>(item))
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
}

/** Stores a prior project; false when its id is taken (a seed run twice stores it once). */
export async function putPriorProject(project: PriorProject): Promise<boolean> {
  try {
    await documents().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.priorProject(project.periodId, project.id), ...project },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Removes a prior project; false when there was none. */
export async function deletePriorProject(periodId: string, id: string): Promise<boolean> {
  try {
    await documents().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.priorProject(periodId, id),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
