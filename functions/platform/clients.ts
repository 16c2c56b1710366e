import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * AWS clients, created once per process. Endpoints come from the SDK's own variables
 * (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SESV2, AWS_ENDPOINT_URL_S3), so the same code talks
 * to AWS or to the local services. Tests inject faults on these instances' middleware stacks.
 */
let dynamoClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let sesClient: SESv2Client | undefined;
let s3Client: S3Client | undefined;
let secretsClient: SecretsManagerClient | undefined;

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

export function s3(): S3Client {
  // The local S3 server answers on one host and port: path-style URLs (http://host:port/bucket/key)
  // there; in AWS the SDK's default virtual-hosted URLs.
  s3Client ??= new S3Client({ maxAttempts: 3, forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });
  return s3Client;
}

export function secrets(): SecretsManagerClient {
  secretsClient ??= new SecretsManagerClient({ maxAttempts: 3 });
  return secretsClient;
}

/**
 * Whether this runs as a deployed bundle (infra/aws/functions.ts defines the alliance at build).
 * There each client a bundle uses is made as the module that sends with it loads — in Lambda's
 * init, as AWS advises, not in the first request; from source (tests, the local portal) on first
 * use, once the environment is set.
 */
export const inBundle = process.env.VOTUM_BUNDLED_ALLIANCE !== undefined;
if (inBundle) documents();
