import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MeetingPlan } from '../core/meetings.ts';
import { documents } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import * as keys from './keys.ts';
import type { TransactItem } from './sketches.ts';

/*
 * Planned meetings: MEETING#<id> / PLAN, beside the record of the meeting once it is held
 * (MEETING#<id> / MEETING, store/votes.ts), listed by date on gsi2 MEETING_PLANS.
 */

const table = () => config().TABLE_NAME;
const strip = ({ pk: _pk, sk: _sk, gsi2pk: _p, gsi2sk: _s, ...rest }: Record<string, unknown>) =>
  rest as unknown as MeetingPlan;

const planItem = (plan: MeetingPlan) => ({
  ...keys.meetingPlan(plan.id),
  ...plan,
  gsi2pk: keys.meetingPlans,
  gsi2sk: keys.byTime(plan.date, plan.id),
});

export async function putPlan(plan: MeetingPlan): Promise<void> {
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: planItem(plan),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The planned meetings by date, at most `limit`. */
export async function listPlans(limit = 100): Promise<MeetingPlan[]> {
  const { Items = [] } = await documents().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.meetingPlans },
      Limit: limit,
    }),
  );
  return Items.map(strip);
}

export async function getPlan(id: string): Promise<MeetingPlan | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.meetingPlan(id), ConsistentRead: true }),
  );
  return Item ? strip(Item) : undefined;
}

/** The plan with its invitation, once: the put fails if an invitation went out meanwhile. */
export function invitedPlanItem(plan: MeetingPlan): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: planItem(plan),
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(invitation)',
    },
  };
}
