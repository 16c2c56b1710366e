import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { median } from './results.ts';

/*
 * Secrets Manager as the cold starts meet it: in AWS every new instance reads the signing secret
 * with one GetSecretValue call (functions/platform/secret.ts) before its first token hash. Locally
 * a stand-in answers that call, after the delay of one round trip to the local DynamoDB (measured
 * here, the nearest local service to compare with), so the call costs what a local AWS call costs:
 * the SDK's client set-up, signing, JSON parsing, one request.
 */

export interface SecretsStandIn {
  endpoint: string;
  arn: string;
  /** GetSecretValue calls answered so far. */
  requests: number;
  delayMs: number;
  stop(): Promise<void>;
}

/** The median of `n` GetItem round trips to the local DynamoDB with a warm client, in ms. */
export async function dynamoRoundTrip(env: Record<string, string>, n = 30): Promise<number> {
  const client = new DynamoDBClient({ endpoint: env.AWS_ENDPOINT_URL_DYNAMODB, region: env.AWS_REGION });
  const get = () =>
    client.send(
      new GetItemCommand({ TableName: env.TABLE_NAME, Key: { pk: { S: 'BENCH#rtt' }, sk: { S: 'RTT' } } }),
    );
  await get();
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  client.destroy();
  return median(times);
}

export async function startSecretsStandIn(secret: string, delayMs: number): Promise<SecretsStandIn> {
  const arn = 'arn:aws:secretsmanager:eu-central-1:000000000000:secret:votum-signing-bench';
  const standIn = { requests: 0 } as SecretsStandIn;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string };
      setTimeout(() => {
        if (target !== 'secretsmanager.GetSecretValue' || body.SecretId !== arn) {
          response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
          response.end(
            JSON.stringify({ __type: 'ResourceNotFoundException', message: `${target} ${body.SecretId}` }),
          );
          return;
        }
        standIn.requests += 1;
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(
          JSON.stringify({
            ARN: arn,
            Name: 'votum-signing-bench',
            SecretString: secret,
            VersionId: '00000000-0000-0000-0000-000000000000',
            VersionStages: ['AWSCURRENT'],
            CreatedDate: 1_700_000_000,
          }),
        );
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, {
    endpoint: `http://127.0.0.1:${port}`,
    arn,
    delayMs,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
