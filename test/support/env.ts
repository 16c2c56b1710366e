import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

// The handlers read their configuration from the environment, as in Lambda: point it at the local services.
Object.assign(process.env, {
  TABLE_NAME: 'votum-test',
  ALLIANCE: 'leine-weser',
  PUBLIC_URL: 'http://votum.test',
  SIGNING_SECRET: randomBytes(48).toString('base64url'),
  AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
  AWS_ENDPOINT_URL_SESV2: inject('mailboxUrl'),
  AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
  ATTACHMENTS_BUCKET: 'votum-test-attachments',
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  POWERTOOLS_LOG_LEVEL: process.env.VOTUM_TEST_LOG_LEVEL ?? 'SILENT', // e.g. VOTUM_TEST_LOG_LEVEL=ERROR to see handler errors,
});
