import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../infra/local/dynamo.ts';
import { startMailbox } from '../../infra/local/mailbox.ts';
import { startS3 } from '../../infra/local/s3.ts';
import { ensureTable } from '../../infra/local/table.ts';

export const testTable = 'votum-test';
export const testBucket = 'votum-test-attachments';

/**
 * Starts the real local services once for the integration project: DynamoDB Local, the SES server
 * and the local S3 server (attachments).
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo({ port: 0 });
  const mailbox = await startMailbox({ port: 0 });
  const s3 = await startS3({ port: 0, bucket: testBucket, corsOrigins: ['http://votum.test'] });
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, testTable);
  client.destroy();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('mailboxUrl', mailbox.url);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
    await mailbox.stop();
    await dynamo.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    mailboxUrl: string;
    s3Endpoint: string;
  }
}
