import { createServer } from 'node:net';

/** Thrown for problems a person fixes at the command line; the message is the one line they read. */
export class StartError extends Error {
  override name = 'StartError';
}

/** Resolves when `port` can be bound; a taken port fails with the variable that moves it. */
export async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartError(
              `Port ${port} (${what}) is taken: stop the program using it, or start with ${variable}=<another port>.`,
            )
          : error,
      );
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** A port that is free right now, for services that cannot be told to pick one themselves. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
