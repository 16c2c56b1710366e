import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { assertPortFree } from './ports.ts';

// aws-ses-v2-local is CommonJS; its default export is not callable through an ESM default import.
const require = createRequire(import.meta.url);
const startSesServer: (config: { port: number; host: string }) => Promise<Server> =
  require('aws-ses-v2-local').default;

export interface LocalMailbox {
  /** The SES API endpoint, and the mailbox page a person opens (GET /store gives JSON). */
  url: string;
  stop(): Promise<void>;
}

/** Starts the local SES server: it accepts SES v1/v2 calls and shows every mail it got. */
export async function startMailbox(options: { port?: number }): Promise<LocalMailbox> {
  const requested = options.port ?? 8005;
  await assertPortFree(requested, 'mailbox', 'MAILBOX_PORT');
  const server = await startSesServer({ port: requested, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
