import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type SubmissionNoticeMode, submissionNoticeModes } from '../core/notices.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';
import type { TransactItem } from './sketches.ts';

/*
 * The office's choice how it hears of submissions (SETTINGS / submissionNotices), and the
 * submissions waiting for its daily digest: NOTICE#<sketch> / <at>, in the sparse gsi1
 * SUBMISSION_DIGEST by when the digest is due, so the job reads only what is due.
 */

const table = () => config().TABLE_NAME;
const settingName = 'submissionNotices';

export interface SubmissionNoticeSetting {
  mode: SubmissionNoticeMode;
  changedBy?: string;
  changedAt?: string;
}

export async function submissionNoticeSetting(): Promise<SubmissionNoticeSetting> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.setting(settingName) }),
  );
  const mode = submissionNoticeModes.find((m) => m === Item?.mode) ?? 'each';
  return {
    mode,
    ...(typeof Item?.changedBy === 'string' ? { changedBy: Item.changedBy } : {}),
    ...(typeof Item?.changedAt === 'string' ? { changedAt: Item.changedAt } : {}),
  };
}

export async function setSubmissionNoticeSetting(setting: Required<SubmissionNoticeSetting>): Promise<void> {
  await documents().send(
    new PutCommand({ TableName: table(), Item: { ...keys.setting(settingName), ...setting } }),
  );
}

/** A submission as the digest tells of it. */
export interface PendingNotice {
  sketchId: string;
  at: string;
  title: string;
  organisation: string;
  n: number;
  changeNote?: string | undefined;
}

/** A submission for the next digest (part of the submission's transaction). */
export function submissionNoticeItem(notice: PendingNotice, dueAt: Date): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.submissionNotice(notice.sketchId, notice.at),
        ...notice,
        gsi1pk: keys.submissionDigestDue,
        gsi1sk: keys.byTime(dueAt, notice.sketchId),
      },
    },
  };
}

/** The submissions whose digest is due at `now`, oldest first: a query on the sparse index. */
export async function dueNotices(now: Date, limit: number): Promise<PendingNotice[]> {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :upTo',
      ExpressionAttributeValues: { ':pk': keys.submissionDigestDue, ':upTo': keys.upTo(now) },
      Limit: limit,
    }),
  );
  return Items.map(({ sketchId, at, title, organisation, n, changeNote }) => ({
    sketchId,
    at,
    title,
    organisation,
    n,
    ...(changeNote ? { changeNote } : {}),
  }));
}

/** Takes a notice out once its digest is stored (in the digest mail's transaction; fails if another run took it). */
export const doneNoticeItem = (notice: PendingNotice): TransactItem => ({
  Delete: {
    TableName: table(),
    Key: keys.submissionNotice(notice.sketchId, notice.at),
    ConditionExpression: 'attribute_exists(pk)',
  },
});
