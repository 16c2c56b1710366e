import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertPortFree, freePort } from './ports.ts';

// s3rver is CommonJS; its account registry is how it learns the key pair our SDK clients sign with.
const require = createRequire(import.meta.url);
const S3rver: new (
  options: Record<string, unknown>,
) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer?: { closeAllConnections(): void };
} = require('@20minutes/s3rver');
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account') as {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
};

/** The key pair the local runtime and the tests give the AWS SDK (AWS_ACCESS_KEY_ID / …SECRET…). */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface LocalS3 {
  /** The S3 endpoint (AWS_ENDPOINT_URL_S3); path-style: <endpoint>/<bucket>/<key>. */
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The bucket's CORS rule: the portal's page may POST uploads to it and read the answer. */
function corsConfiguration(origins: readonly string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${xml(o)}</AllowedOrigin>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/**
 * Starts the local S3-compatible server (s3rver, the maintained @20minutes fork) with the
 * attachments bucket, created when missing, and its CORS rule. With `dataDir` the files are kept
 * there between starts; without it they live in a temporary folder removed on stop (tests).
 * It checks the signatures of signed requests and presigned URLs, answers ranged GETs, but does
 * not evaluate presigned POST policies: the attachment check re-checks size and type.
 */
export async function startS3(options: {
  port?: number;
  dataDir?: string;
  bucket: string;
  corsOrigins: readonly string[];
}): Promise<LocalS3> {
  const requested = options.port ?? 8006;
  await assertPortFree(requested, 'local S3', 'S3_PORT');
  const port = requested === 0 ? await freePort() : requested;
  const directory = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'votum-s3-'));
  mkdirSync(directory, { recursive: true });
  DUMMY_ACCOUNT.createKeyPair(localCredentials.accessKeyId, localCredentials.secretAccessKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    // Path-style only: the SDK is told so (functions/platform/clients.ts), and `localhost` must
    // not be read as a bucket name.
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [corsConfiguration(options.corsOrigins)] }],
  });
  await server.run();
  return {
    endpoint: `http://localhost:${port}`,
    bucket: options.bucket,
    async stop() {
      // Keep-alive sockets of this process's own S3 client would otherwise hold the close open.
      server.httpServer?.closeAllConnections();
      await server.close().catch(() => undefined);
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
