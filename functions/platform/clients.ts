import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * AWS clients, created once per process. Endpoints come from the SDK's own variables
 * (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SESV2), so the same code talks to AWS or to the
 * local services. Tests inject faults on these instances' middleware stacks.
 */
let dynamoClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let sesClient: SESv2Client | undefined;

export function dynamo(): DynamoDBClient {
  dynamoClient ??= new DynamoDBClient({ maxAttempts: 3 });
  return dynamoClient;
}

export function documents(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(dynamo(), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function ses(): SESv2Client {
  // One attempt: a failed send stays in the outbox and the job retries it later.
  sesClient ??= new SESv2Client({ maxAttempts: 1 });
  return sesClient;
}
