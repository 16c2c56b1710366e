import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { votumOpenApi } from '../../infra/openapi.ts';
import { leineWeserSketch } from '../support/sketches.ts';

const root = join(import.meta.dirname, '../..');
const node = process.execPath;
const dataDir = mkdtempSync(join(tmpdir(), 'votum-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  portal: string;
  mailbox: string;
  dynamoPort: string;
}

/** `npm start`'s program in its own process, as a person runs it; resolves once it printed its URLs. */
function start(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(node, ['infra/local/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      MAILBOX_PORT: '0',
      DYNAMO_PORT: '0',
      S3_PORT: '0',
      VOTUM_DATA_DIR: dataDir,
      ...env,
    },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const portal = /Portal:\s+(\S+)/.exec(out)?.[1];
      const mailbox = /Postfach:\s+(\S+)/.exec(out)?.[1];
      const dynamoPort = /DynamoDB:\s+\S+:(\d+)/.exec(out)?.[1];
      if (portal && mailbox && dynamoPort) {
        clearTimeout(timer);
        resolve({ child, portal, mailbox, dynamoPort });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.once('exit', (code) => resolve(code));
    started.child.kill('SIGINT');
  });
}

const javaOnPort = (port: string) => {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${port}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

async function signInAndSubmit(portal: string, mailbox: string, email: string) {
  await fetch(`${portal}/api/auth/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email }),
  });
  const { emails } = (await (await fetch(`${mailbox}/store`)).json()) as {
    emails: Array<{ destination: { to: string[] }; body: { text: string } }>;
  };
  const token = /token=([\w-]+)/.exec(
    emails.find((m) => m.destination.to.includes(email))?.body.text ?? '',
  )?.[1];
  const redeemed = await fetch(`${portal}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ token }),
  });
  const cookie = (redeemed.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const submitted = await fetch(`${portal}/api/sketches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      'idempotency-key': crypto.randomUUID(),
      cookie,
    },
    body: JSON.stringify({ draft: leineWeserSketch() }),
  });
  return { cookie, id: ((await submitted.json()) as { id: string }).id };
}

describe('npm start', () => {
  it('keeps data across a restart and leaves no Java process behind on Ctrl-C', async () => {
    // Prepare
    const first = await start();
    const { cookie, id } = await signInAndSubmit(first.portal, first.mailbox, 'neustart@example.org');
    // Act
    const code = await stop(first);
    const javaAfterStop = javaOnPort(first.dynamoPort);
    const second = await start();
    const again = await fetch(`${second.portal}/api/sketches/${id}`, { headers: { cookie } });
    const page = await fetch(`${second.portal}/skizzen/neu`);
    const reference = await fetch(`${second.portal}/openapi.json`);
    const document = await reference.json();
    await stop(second);
    // Assess
    expect(code).toBe(0);
    expect(javaAfterStop).toBe('');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      id,
      draft: { project: { title: leineWeserSketch().project.title } },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="de"');
    expect(reference.status).toBe(200);
    expect(reference.headers.get('content-type')).toMatch(/^application\/json/);
    expect(document).toEqual(votumOpenApi());
    expect(javaOnPort(second.dynamoPort)).toBe('');
  });

  it('says in one line which port is taken and how to move it', async () => {
    // Prepare
    const first = await start();
    const port = new URL(first.portal).port;
    // Act
    const failed = await start({ PORT: port }).then(
      () => '',
      (error: Error) => error.message,
    );
    await stop(first);
    // Assess
    expect(failed).toContain(
      `votum: Port ${port} (portal) is taken: stop the program using it, or start with PORT=<another port>.`,
    );
  });

  it('says that Java is missing and how to install it', async () => {
    // Act
    const failed = await start({ PATH: '/nonexistent' }).then(
      () => '',
      (error: Error) => error.message,
    );
    // Assess
    expect(failed).toMatch(
      /exited with 1:\nvotum: Java is missing: DynamoDB Local needs Java 17 or newer \(Debian: apt-get install openjdk-17-jre-headless\)\./,
    );
  });
});
