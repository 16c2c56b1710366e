import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { request as http1Request } from 'node:http';
import { createSecureServer, constants as h2, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream';

/*
 * CloudFront serves the portal over HTTP/2 and HTTP/3 (infra/aws/web.ts `HttpVersion.HTTP2_AND_3`):
 * one connection carries the page, its scripts, its stylesheet and the API's answers. The local
 * servers speak HTTP/1.1, where a browser opens up to six connections, each with its own handshake
 * and slow start, and Lantern simulates exactly that from the trace. So Lighthouse loads both pages
 * (the form and the hello world) through this front: HTTP/2 over TLS on loopback, passing each
 * request on to the local server unchanged. Browsers speak HTTP/2 only over TLS; the certificate is
 * made for the run (openssl, for 127.0.0.1) and Chromium is told to accept it.
 */

/** Hop-by-hop headers of HTTP/1.1, which HTTP/2 forbids. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/** A certificate and key for 127.0.0.1, valid for a day, made fresh into `dir`. */
function loopbackCertificate(dir: string): { key: Buffer; cert: Buffer } {
  mkdirSync(dir, { recursive: true });
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export interface H2Front {
  /** `https://127.0.0.1:<port>`: the same paths as the local server's. */
  url: string;
  close(): Promise<void>;
}

/** An HTTP/2 front (TLS, loopback) for the HTTP/1.1 server at `upstream` (`http://127.0.0.1:<port>`). */
export async function h2Front(upstream: string, tlsDir: string): Promise<H2Front> {
  const target = new URL(upstream);
  const server = createSecureServer({ ...loopbackCertificate(tlsDir), allowHTTP1: false }, (req, res) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (!name.startsWith(':') && value !== undefined) headers[name] = value;
    headers.host = req.headers[h2.HTTP2_HEADER_AUTHORITY] ?? target.host;
    const forward = http1Request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers))
          if (!hopByHop.has(name) && value !== undefined) out[name] = value;
        res.writeHead(answer.statusCode ?? 502, out);
        pipeline(answer, res, () => undefined);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    pipeline(req, forward, () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
