import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createApiAdapter } from '../../infra/local/adapter.ts';
import { loadApi } from '../../infra/local/api.ts';
import { checkAnswer } from './contract.ts';

/** The route table's handlers behind the local adapter on a free port, as `npm start` serves them. */
export async function startApi() {
  const serveApi = createApiAdapter(await loadApi());
  const server = createServer((request, response) => {
    void serveApi(request, response).then((served) => {
      if (!served) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like caller: keeps the session cookie it is given and sends it back. */
export class Caller {
  cookie: string | undefined;
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      // What a browser sends from the portal's own page: its fetch metadata, and JSON for a change.
      headers: {
        ...(method === 'GET' ? {} : { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const json = contentType.includes('json') && text ? JSON.parse(text) : undefined;
    // A followed redirect (a download from S3) is not the route's own answer.
    if (!response.redirected) checkAnswer(method, path, response.status, json, contentType);
    return { status: response.status, body: (json ?? {}) as T, headers: response.headers };
  }
}

export interface Mail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
  /** As the local SES server keeps them: content in base64. */
  attachments?: { filename: string; contentType: string; content: string; size: number }[];
}

/** Every mail the local SES server holds for `to`. */
export async function mailsTo(to: string): Promise<Mail[]> {
  const response = await fetch(`${inject('mailboxUrl')}/store`);
  const { emails } = (await response.json()) as { emails: Mail[] };
  return emails.filter((mail) => mail.destination.to.includes(to));
}

export const linkToken = (mail: Mail) => /token=([\w-]+)/.exec(mail.body.text ?? '')?.[1];

export const uniqueEmail = (who = 'antrag') => `${who}-${randomUUID().slice(0, 8)}@example.org`;

/** Signs in through the real link flow and returns the signed-in caller. */
export async function signIn(base: string, email: string): Promise<Caller> {
  const caller = new Caller(base);
  const before = (await mailsTo(email)).length;
  const requested = await caller.call('POST', '/api/auth/link', { email });
  if (requested.status !== 202) throw new Error(`link request failed: ${requested.status}`);
  const mail = (await mailsTo(email))[before];
  const token = mail && linkToken(mail);
  if (!token) throw new Error(`no sign-in mail for ${email}`);
  const redeemed = await caller.call('POST', '/api/auth/session', { token });
  if (redeemed.status !== 201) throw new Error(`redeem failed: ${redeemed.status}`);
  return caller;
}

export const validSketch = () => ({
  title: 'Pflegekräfte für das Weserbergland gewinnen',
  organisation: 'Bildungswerk Weserbergland e. V.',
  contactName: 'Anna Musterfrau',
  contactEmail: 'anna.musterfrau@example.org',
  summary:
    'Das Projekt gewinnt und qualifiziert Quereinsteigerinnen für die Pflege in Hameln-Pyrmont und Holzminden.',
});
