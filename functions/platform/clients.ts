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

/**
 * Without the SDK's logger middleware: it passes every command's input and answer through the
 * sensitive-data filter (a deep copy, item by item) to hand it to `logger.info`, which the default
 * logger discards; we give the SDK no logger. A query of 250 trail entries spent longer there than
 * in turning them into objects.
 */
function unlogged<C extends { middlewareStack: { remove(name: string): boolean } }>(client: C): C {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

export function dynamo(): DynamoDBClient {
  dynamoClient ??= unlogged(new DynamoDBClient({ maxAttempts: 3 }));
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
  sesClient ??= unlogged(new SESv2Client({ maxAttempts: 1 }));
  return sesClient;
}

export function s3(): S3Client {
  // The local S3 server answers on one host and port: path-style URLs (http://host:port/bucket/key)
  // there; in AWS the SDK's default virtual-hosted URLs.
  s3Client ??= unlogged(
    new S3Client({ maxAttempts: 3, forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }),
  );
  return s3Client;
}

export function secrets(): SecretsManagerClient {
  secretsClient ??= unlogged(new SecretsManagerClient({ maxAttempts: 3 }));
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

/**
 * A client made as the module that holds this line loads, in a bundle (Lambda's init, as the
 * DynamoDB clients above), instead of in the first request; from source on first use. Call it
 * marked pure (`@__PURE__`) at the top of the module that sends: a bundle that keeps none of that
 * module's sending code drops the call with it, so no bundle gains a client it does not use
 * (bench: `bundle.unused-clients`).
 */
export function atLoad<C>(make: () => C, when: () => boolean = () => true): () => C {
  if (inBundle && when()) make();
  return make;
}
