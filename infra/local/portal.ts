import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { apiThrottle } from '../aws/throttle.ts';
import { addPagePreload } from '../page-preload.ts';
import { createApiAdapter } from './adapter.ts';
import { loadApi } from './api.ts';
import { startDynamo } from './dynamo.ts';
import { startMailbox } from './mailbox.ts';
import { assertPortFree, StartError } from './ports.ts';
import { startS3 } from './s3.ts';
import { startTicker, type Ticker } from './ticker.ts';

export interface PortalOptions {
  /** 0 picks a free port. Defaults: portal 3000, mailbox 8005, DynamoDB Local 8000. */
  port?: number;
  mailboxPort?: number;
  dynamoPort?: number;
  /**
   * Default: a free port. Nobody types the S3 address (the API hands out presigned URLs), so only
   * `npm start` asks for a fixed one (8006, S3_PORT).
   */
  s3Port?: number;
  /** Where data is kept between starts (DynamoDB files, attachments, the signing secret); omitted: in memory. */
  dataDir?: string;
  /** How often the job ticker runs the jobs; default 60 s. */
  tickSeconds?: number;
  alliance?: string;
  quiet?: boolean;
}

export interface Portal {
  url: string;
  mailboxUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  ticker: Ticker;
  stop(): Promise<void>;
}

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const demoAdmin = { email: 'admin@arl-lw.example.org', name: 'Koordinierungsstelle (Demo)' };
const tableName = 'votum-local';
const attachmentsBucket = 'votum-local-attachments';

/** The local signing secret: kept beside the data so sessions survive a restart. */
function signingSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(48).toString('base64url');
  const file = join(resolve(dataDir), 'signing-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolvePort((server.address() as AddressInfo).port));
  });
}

/** `s3Origin`: the page uploads attachments straight to the local S3 server (presigned POST). */
export const staticHeaders = (s3Origin: string) => ({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' ${s3Origin}; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'`,
});

/**
 * The whole portal on one machine: DynamoDB Local, the local SES server, one HTTP server for the
 * API (the route table's handlers as API Gateway would call them) and the built front end, and the
 * job ticker. Everything it starts, `stop()` ends.
 */
export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const webDist = join(root, 'web/dist');
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new StartError(
      'The front end is not built (web/dist is missing): run `npm run build`, or use `npm start`, which builds it.',
    );
  }
  const port = options.port ?? 3000;
  await assertPortFree(port, 'portal', 'PORT');
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const dynamo = await startDynamo({
      port: options.dynamoPort ?? 8000,
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}),
    });
    stops.push(dynamo.stop);
    const mailbox = await startMailbox({ port: options.mailboxPort ?? 8005 });
    stops.push(mailbox.stop);

    let serveApi: ReturnType<typeof createApiAdapter> | undefined;
    let headers: Record<string, string> = staticHeaders('');
    const serveStatic = sirv(webDist, {
      single: true,
      etag: true,
      setHeaders: (response, pathname) => {
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.setHeader(
          'cache-control',
          pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const server = createServer((request, response) => {
      void (async () => {
        if (serveApi && (await serveApi(request, response))) return;
        addPagePreload(request, response);
        serveStatic(request, response);
      })().catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    const boundPort = await listen(server, port);
    stops.push(
      () =>
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    );
    const url = `http://localhost:${boundPort}`;
    // Started once the portal's origin is known: the bucket's CORS rule names it.
    const s3 = await startS3({
      port: options.s3Port ?? 0,
      bucket: attachmentsBucket,
      corsOrigins: [url, `http://127.0.0.1:${boundPort}`],
      ...(options.dataDir ? { dataDir: join(options.dataDir, 's3') } : {}),
    });
    stops.push(s3.stop);
    headers = staticHeaders(s3.endpoint);

    // The handlers read their configuration from the environment, as they do in Lambda.
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      ALLIANCE: options.alliance ?? process.env.ALLIANCE ?? 'leine-weser',
      PUBLIC_URL: url,
      SIGNING_SECRET: signingSecret(options.dataDir),
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: mailbox.url,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      ATTACHMENTS_BUCKET: attachmentsBucket,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? (options.quiet ? 'ERROR' : 'WARN'),
    });
    const { resetConfig, config } = await import('../../functions/platform/config.ts');
    resetConfig();
    config();

    const { dynamo: dynamoClient } = await import('../../functions/platform/clients.ts');
    const { ensureTable } = await import('./table.ts');
    await ensureTable(dynamoClient(), tableName);
    // Data an earlier version wrote is moved to this version's layout before anything is served
    // (the same job as in AWS; what has run once is recorded and not run again).
    const { handler: migrate } = await import('../../functions/jobs/migrate.ts');
    await migrate();
    const { addAdmin, isAdmin } = await import('../../functions/store/auth.ts');
    if (!(await isAdmin(demoAdmin.email))) await addAdmin(demoAdmin.email, demoAdmin.name, new Date());
    await seedDemoSeats(config().ALLIANCE);
    await seedDemoLocalAlliances(config().ALLIANCE);
    await seedDemoPriorProjects(config().ALLIANCE);

    // With the deployed stage's throttle, so a burst meets here the 429s it meets in AWS.
    serveApi = createApiAdapter(await loadApi(), { throttle: apiThrottle });

    const ticker = await startTicker({
      everySeconds: options.tickSeconds ?? 60,
      onError: (job, error) => console.error(`votum: job ${job} failed: ${String(error)}`),
    });
    stops.push(ticker.stop);

    return {
      url,
      mailboxUrl: mailbox.url,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      ticker,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * The five Leine-Weser projects approved for 2024–2027 before the portal (seed 003), as demo data
 * in the running period, on first start only: so the budget's "available" is not the whole budget
 * on day one. The seeds give no amounts: each is a placeholder the office replaces (its note says so).
 */
async function seedDemoPriorProjects(alliance: string): Promise<void> {
  if (alliance !== 'leine-weser') return;
  const { listPeriods, priorProjects, putPeriod, putPriorProject, storedPeriods } = await import(
    '../../functions/store/periods.ts'
  );
  const { splitByShares } = await import('../../functions/core/budget.ts');
  const periods = await listPeriods();
  const period = periods.find((p) => p.start <= '2024-01-01' && '2027-12-31' <= p.end) ?? periods[0];
  if (!period || (await priorProjects(period.id)).length > 0) return;
  if ((await storedPeriods()).length === 0) for (const p of periods) await putPeriod(p);
  const { default: demo } = await import('./demo-prior-projects.leine-weser.json', {
    with: { type: 'json' },
  });
  for (const [i, project] of demo.projects.entries()) {
    const shares = project.subRegionIds.map(
      (id) => period.shares.find((s) => s.subRegionId === id)?.shareBp ?? 0,
    );
    const parts = splitByShares(demo.placeholderCentsPerProject, shares);
    await putPriorProject({
      id: `demo-${i + 1}`,
      periodId: period.id,
      title: project.title,
      ...('organisation' in project ? { organisation: project.organisation } : {}),
      amounts: project.subRegionIds.map((subRegionId, n) => ({ subRegionId, amountCents: parts[n] ?? 0 })),
      note: project.note,
      recordedBy: demoAdmin.email,
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    });
  }
}

/**
 * The Leine-Weser steering group as demo data (12 seats and the universities' seat, example.org
 * addresses), on first start only: seats are data that admins edit afterwards.
 */
async function seedDemoSeats(alliance: string): Promise<void> {
  if (alliance !== 'leine-weser') return;
  const { listSeats, putSeat } = await import('../../functions/store/votes.ts');
  if ((await listSeats()).length > 0) return;
  const { default: seats } = await import('./demo-seats.leine-weser.json', { with: { type: 'json' } });
  for (const seat of seats) await putSeat(seat);
}

/** Where a demo local alliance signs in (Leine-Weser's three, one per sub-region; start.ts prints them). */
export const demoLocalAlliances = async () =>
  (await import('./demo-locals.leine-weser.json', { with: { type: 'json' } })).default;

/**
 * The Leine-Weser local alliances as demo accounts (example.org addresses), on first start only:
 * like the seats, the office edits them afterwards. A profile without the local step gets none.
 */
async function seedDemoLocalAlliances(alliance: string): Promise<void> {
  if (alliance !== 'leine-weser') return;
  const { listLocalAccounts, putLocalAccount } = await import('../../functions/store/local.ts');
  if ((await listLocalAccounts()).length > 0) return;
  for (const account of await demoLocalAlliances()) await putLocalAccount(account);
}
