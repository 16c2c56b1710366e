import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../infra/local/dynamo.ts';
import { startMailbox } from '../../infra/local/mailbox.ts';
import { ensureTable } from '../../infra/local/table.ts';

export const testTable = 'votum-test';

/** Starts the real local services once for the integration project: DynamoDB Local and the SES server. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo({ port: 0 });
  const mailbox = await startMailbox({ port: 0 });
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, testTable);
  client.destroy();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('mailboxUrl', mailbox.url);
  return async () => {
    await mailbox.stop();
    await dynamo.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    mailboxUrl: string;
  }
}
