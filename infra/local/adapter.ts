import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { type Route, routeKey } from '../../functions/core/contract/route.ts';
import { de } from '../../functions/core/messages.de.ts';

export type LambdaHttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

interface CompiledRoute {
  id: string;
  functionName: string;
  route: Route;
  pattern: RegExp;
  params: string[];
  handler: LambdaHttpHandler;
}

const maxBodyBytes = 1024 * 1024;

function compile(id: string, functionName: string, route: Route, handler: LambdaHttpHandler): CompiledRoute {
  const params: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { id, functionName, route, pattern: new RegExp(`^${source}$`), params, handler };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request as API Gateway's HTTP API (payload format 2.0) hands it to a Lambda function. */
export function toEvent(
  request: IncomingMessage,
  url: URL,
  compiled: CompiledRoute,
  pathParameters: Record<string, string>,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = request.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const now = new Date();
  const key = routeKey(compiled.route);
  const method = request.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(url.searchParams.size ? { queryStringParameters: query } : {}),
    ...(compiled.params.length ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: body.toString('utf8') } : {}),
    isBase64Encoded: false,
  };
}

function context(functionName: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/**
 * API Gateway's throttle: a bucket of `burstLimit` tokens refilled at `rateLimit` per second; each
 * request takes one, and finds none in a burst beyond the limits.
 */
export function tokenBucket(
  limits: { rateLimit: number; burstLimit: number },
  now = () => performance.now(),
) {
  let tokens: number = limits.burstLimit;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(limits.burstLimit, tokens + ((t - last) / 1000) * limits.rateLimit);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Serves the route table's handlers the way API Gateway would: match method and path, build a
 * payload 2.0 event, call the handler, write its result. Returns false for paths outside /api.
 */
export function createApiAdapter(
  handlers: Array<{ id: string; route: Route; handler: LambdaHttpHandler; functionName?: string }>,
  options: { throttle?: { rateLimit: number; burstLimit: number } } = {},
) {
  const bucket = options.throttle ? tokenBucket(options.throttle) : undefined;
  const compiled = handlers.map(({ id, route, handler, functionName }) =>
    compile(id, functionName ?? `votum-${id}`, route, handler),
  );
  return async function serveApi(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') return false;
    // The stage's throttle, before any route is matched, as API Gateway's: 429 without a function call.
    if (bucket && !bucket.take()) {
      sendJson(response, 429, { message: 'Too Many Requests' });
      return true;
    }
    const matches = compiled
      .map((c) => ({ c, m: c.pattern.exec(url.pathname) }))
      .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
    const match = matches.find(({ c }) => c.route.method === request.method);
    if (!match) {
      if (matches.length) {
        sendJson(
          response,
          405,
          { message: de.http.methodNotAllowed },
          { allow: matches.map(({ c }) => c.route.method).join(', ') },
        );
      } else {
        sendJson(response, 404, { message: de.http.notFound });
      }
      return true;
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      sendJson(response, 413, { message: de.http.tooLarge });
      return true;
    }
    let pathParameters: Record<string, string>;
    try {
      pathParameters = Object.fromEntries(
        match.c.params.map((name, i) => [name, decodeURIComponent(match.m[i + 1] ?? '')]),
      );
    } catch {
      // What API Gateway answers for a malformed percent-encoding in the path.
      sendJson(response, 400, { message: de.http.badRequest });
      return true;
    }
    const event = toEvent(request, url, match.c, pathParameters, body);
    let result: APIGatewayProxyResultV2;
    try {
      result = await match.c.handler(event, context(match.c.functionName));
    } catch {
      // What API Gateway answers when the function itself fails.
      sendJson(response, 500, { message: de.http.internal });
      return true;
    }
    if (typeof result === 'string') {
      sendJson(response, 200, result);
      return true;
    }
    const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    response.writeHead(result.statusCode ?? 200, headers);
    response.end(
      result.body === undefined
        ? undefined
        : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
    );
    return true;
  };
}
