import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Route, routes } from '../../functions/core/contract/index.ts';
import { apiThrottle } from '../../infra/aws/throttle.ts';
import { createApiAdapter, type LambdaHttpHandler } from '../../infra/local/adapter.ts';
import { loadApi } from '../../infra/local/api.ts';
import { startDynamo } from '../../infra/local/dynamo.ts';
import { startMailbox } from '../../infra/local/mailbox.ts';
import { startS3 } from '../../infra/local/s3.ts';
import { type HttpCall, routeCall, target } from './calls.ts';
import { type SdkCall, SdkRecorder } from './sdk.ts';

export type { HttpCall };

/*
 * The local stack the benchmarks run against: DynamoDB Local, the local SES server and the local S3
 * server (attachments), the route
 * table's handlers behind the local HTTP adapter (as `npm start` serves them), and the same adapter
 * with every handler replaced by one answering a constant (the "bare adapter" baseline).
 */

export interface HttpAnswer {
  status: number;
  /** The body as text, decoded when first read. */
  readonly text: string;
  /** The body's length in bytes, as sent. */
  bytes: number;
  setCookie: string | undefined;
}

/**
 * The header that asks the bare adapter for an answer of the real answer's length: the baseline
 * then carries, writes and reads the same bytes, so that neither the transfer nor the client's read
 * of a large answer counts as the handler's work (benchmarks.md, the warm rows).
 */
export const answerBytesHeader = 'x-bench-answer-bytes';

export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => void;

export const benchTable = 'votum-bench';
export const benchBucket = 'votum-bench-attachments';
export const benchAdmin = 'bench-admin@arl-lw.example.org';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Sends one request as a browser would (JSON body, the session cookie) and reads the whole answer. */
export async function send(base: string, call: HttpCall): Promise<HttpAnswer> {
  const response = await fetch(`${base}${target(call)}`, {
    method: call.method,
    headers: {
      ...(call.method === 'GET'
        ? {}
        : { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }),
      ...(call.cookie ? { cookie: call.cookie } : {}),
      ...call.headers,
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    // A download answers 302 to a presigned S3 URL: that answer is the API's, not the file.
    redirect: 'manual',
  });
  // The answer read to its last byte, and decoded only when asked: turning a file download or a large
  // JSON answer into a string is the client's work, not the server's, and the bare adapter's answer
  // is 11 bytes (a 139 KB trail export took 3–7 ms to decode, 10–20 % of its time).
  const bytes = new Uint8Array(await response.arrayBuffer());
  let text: string | undefined;
  return {
    status: response.status,
    bytes: bytes.byteLength,
    get text() {
      text ??= new TextDecoder().decode(bytes);
      return text;
    },
    setCookie: response.headers.getSetCookie()[0],
  };
}

/** The SDK calls (as production sends them) that `act` caused, untimed; the recorder stops either way. */
export async function recording(local: LocalStack, act: () => Promise<unknown>): Promise<SdkCall[]> {
  local.recorder.start({ askCapacity: false });
  let calls: SdkCall[] = [];
  try {
    await act();
  } finally {
    calls = local.recorder.stop();
  }
  return calls;
}

/**
 * One call through the local adapter, untimed, and the SDK calls it caused (as production sends
 * them): what a baseline replays. Fails unless the call answered `status`.
 */
export async function recordedCall(local: LocalStack, call: HttpCall, status: number): Promise<SdkCall[]> {
  return (await recordedAnswer(local, call, status)).calls;
}

/** recordedCall, with the length of the answer's body. */
export async function recordedAnswer(
  local: LocalStack,
  call: HttpCall,
  status: number,
): Promise<{ calls: SdkCall[]; bytes: number }> {
  local.recorder.start({ askCapacity: false });
  let calls: SdkCall[] = [];
  const answer = await send(local.apiUrl, call).finally(() => {
    calls = local.recorder.stop();
  });
  if (answer.status !== status)
    throw new Error(
      `${call.method} ${call.path} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 300)}`,
    );
  return { calls, bytes: answer.bytes };
}

export const uniqueEmail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.org`;

/**
 * DynamoDB Local's heap: 2 GiB committed and touched when it starts, never less. With the JVM's
 * default (a small heap that G1 grows as the stand-in allocates) every growth had the stand-in's
 * query thread fault in the new pages: bursts of 0.1–0.5 s in the requests that came next, on
 * whichever side was running (benchmarks.md, twentieth pass). The bench's stand-in alone: tests and
 * the local portal keep the default.
 */
const standInJvm = ['-Xms2g', '-XX:+AlwaysPreTouch'];

export async function startLocal() {
  const started: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of started.reverse()) await step().catch(() => undefined);
  };
  try {
    const dynamo = await startDynamo({ port: 0, jvmOptions: standInJvm });
    started.push(dynamo.stop);
    const mailbox = await startMailbox({ port: 0 });
    started.push(mailbox.stop);
    const mailboxUrl = mailbox.url.replace('//localhost:', '//127.0.0.1:');
    // Uploads come from this process, not a page: the CORS rule only has to be valid.
    const s3 = await startS3({ port: 0, bucket: benchBucket, corsOrigins: ['http://votum.bench'] });
    started.push(s3.stop);
    const s3Endpoint = s3.endpoint.replace('//localhost:', '//127.0.0.1:');

    // What the handlers read, in this process and in the fresh processes of the cold-start runs.
    const env: Record<string, string> = {
      TABLE_NAME: benchTable,
      ALLIANCE: 'leine-weser',
      PUBLIC_URL: 'http://votum.bench',
      SIGNING_SECRET: randomBytes(48).toString('base64url'),
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: mailboxUrl,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      ATTACHMENTS_BUCKET: benchBucket,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_SERVICE_NAME: 'votum',
    };
    Object.assign(process.env, env);

    const { resetConfig } = await import('../../functions/platform/config.ts');
    resetConfig();
    const clients = await import('../../functions/platform/clients.ts');
    const recorder = new SdkRecorder();
    recorder.instrumentDynamo(clients.dynamo());
    recorder.instrument(clients.ses(), 'sesv2');
    recorder.instrument(clients.s3(), 's3');

    const { ensureTable } = await import('../../infra/local/table.ts');
    await ensureTable(clients.dynamo(), benchTable);
    // A new table is what the migrate job finds nothing to move in: recorded as done, as its first
    // run leaves it (readers of both layouts, e.g. the erasure's stored answers, read the new one only).
    const { migrations } = await import('../../functions/store/migrations.ts');
    const { migration } = await import('../../functions/store/keys.ts');
    for (const { name } of migrations)
      await clients.documents().send(
        new PutCommand({
          TableName: benchTable,
          Item: { ...migration(name), name, doneAt: new Date().toISOString(), counts: {} },
        }),
      );
    const { addAdmin } = await import('../../functions/store/auth.ts');
    await addAdmin(benchAdmin, 'Benchmark', new Date());

    const table = routes as Record<string, Route>;
    const serveApi = createApiAdapter(await loadApi());
    // A constant, or one of the length the baseline asks for (answerBytesHeader), made once per length.
    const bodies = new Map<number, string>();
    const bodyOf = (bytes: number) => {
      let body = bodies.get(bytes);
      if (body === undefined) {
        body = bytes >= 9 ? `{"ok":"${'x'.repeat(bytes - 9)}"}` : ' '.repeat(bytes);
        bodies.set(bytes, body);
      }
      return body;
    };
    const constant: LambdaHttpHandler = async (event) => {
      // Without the header: NaN, the constant.
      const bytes = Number(event.headers[answerBytesHeader]);
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: Number.isSafeInteger(bytes) && bytes >= 0 ? bodyOf(bytes) : '{"ok":true}',
      };
    };
    const serveBare = createApiAdapter(
      Object.entries(table).map(([id, route]) => ({ id, route, handler: constant })),
    );

    let serveStatic: StaticHandler | undefined;
    const apiServer = createServer((request, response) => {
      void serveApi(request, response).then((served) => {
        if (served) return;
        if (serveStatic) serveStatic(request, response);
        else response.writeHead(404).end();
      });
    });
    // The same handlers behind the stage's throttle (infra/aws/throttle.ts), as `npm start` serves them.
    const serveLimited = createApiAdapter(await loadApi(), { throttle: apiThrottle });
    const limitServer = createServer((request, response) => {
      void serveLimited(request, response).then((served) => {
        if (!served) response.writeHead(404).end();
      });
    });
    const bareServer = createServer((request, response) => {
      void serveBare(request, response).then((served) => {
        if (!served) response.writeHead(404).end();
      });
    });
    const apiUrl = await listen(apiServer);
    started.push(() => close(apiServer));
    const bareUrl = await listen(bareServer);
    started.push(() => close(bareServer));
    const limitUrl = await listen(limitServer);
    started.push(() => close(limitServer));

    /**
     * The token of the newest sign-in mail to `email`, read from the local SES server's store. Every
     * caller asks right after requesting the link, so only the last minute's mails are fetched. The
     * whole store (every mail the section had sent: it is cleared only at a section's end) made each
     * sign-in serialise and parse all of them in this process, and a route that signs in to prepare
     * each pair (`end-session`) spent 575 s preparing late in the warm section (benchmarks.md, the
     * nineteenth pass).
     */
    async function linkToken(email: string): Promise<string> {
      const since = Math.floor(Date.now() / 1000) - 60;
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const response = await fetch(`${mailboxUrl}/store?since=${since}`);
        const { emails } = (await response.json()) as {
          emails: Array<{ destination: { to: string[] }; body: { text?: string } }>;
        };
        const mail = emails.filter((m) => m.destination.to.includes(email)).at(-1);
        const token = mail && /token=([\w-]+)/.exec(mail.body.text ?? '')?.[1];
        if (token) return token;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no sign-in mail for ${email} in the local SES server`);
    }

    /** Signs in through the real link flow; returns the session cookie (`name=value`). */
    async function signIn(email: string): Promise<string> {
      const requested = await send(apiUrl, routeCall('requestLink', { body: { email } }));
      if (requested.status !== 202) throw new Error(`link request answered ${requested.status}`);
      const token = await linkToken(email);
      const redeemed = await send(apiUrl, routeCall('redeemLink', { body: { token } }));
      const cookie = redeemed.setCookie?.split(';')[0];
      if (redeemed.status !== 201 || !cookie) throw new Error(`redeem answered ${redeemed.status}`);
      const { secondFactor } = JSON.parse(redeemed.text) as { secondFactor: string };
      return secondFactor === 'pending' ? passSecondFactor(email, cookie) : cookie;
    }

    /** The office's second factor by TOTP (enrolled at the first sign-in): the passed session's cookie. */
    const totpSecrets = new Map<string, { secret: string; step: number }>();
    async function passSecondFactor(email: string, cookie: string): Promise<string> {
      const { TOTP, Secret } = await import('otpauth');
      const code = (secret: string, step: number) =>
        TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 });
      const known = totpSecrets.get(email);
      let step = Math.floor(Date.now() / 30_000);
      let answer: HttpAnswer;
      if (known) {
        // Each step counts once: wait for the next one if this one was used.
        if (step <= known.step)
          await new Promise((r) => setTimeout(r, (known.step + 1) * 30_000 - Date.now() + 50));
        step = Math.max(step, known.step + 1);
        answer = await send(
          apiUrl,
          routeCall('verifyTotp', { cookie, body: { code: code(known.secret, step) } }),
        );
        known.step = step;
      } else {
        const setup = await send(apiUrl, routeCall('setupTotp', { cookie }));
        const { secret } = JSON.parse(setup.text) as { secret: string };
        answer = await send(apiUrl, routeCall('confirmTotp', { cookie, body: { code: code(secret, step) } }));
        totpSecrets.set(email, { secret, step });
      }
      const passed = answer.setCookie?.split(';')[0];
      if (answer.status >= 300 || !passed) throw new Error(`second factor answered ${answer.status}`);
      return passed;
    }

    /** Empties the local SES server's store, so looking up a sign-in mail stays quick. */
    async function clearMailbox(): Promise<void> {
      await fetch(`${mailboxUrl}/clear-store`, { method: 'POST' });
    }

    return {
      dynamoEndpoint: dynamo.endpoint,
      dynamoPid: dynamo.pid,
      mailboxUrl,
      s3Endpoint,
      env,
      apiUrl,
      bareUrl,
      limitUrl,
      recorder,
      routes: table,
      dynamo: clients.dynamo,
      documents: clients.documents,
      setStatic(handler: StaticHandler | undefined) {
        serveStatic = handler;
      },
      linkToken,
      signIn,
      clearMailbox,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export type LocalStack = Awaited<ReturnType<typeof startLocal>>;
