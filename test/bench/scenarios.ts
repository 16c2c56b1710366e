import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type Route, routeKey } from '../../functions/http/routes.ts';
import { benchAdmin, type HttpCall, type LocalStack, send, uniqueEmail } from './local.ts';

/*
 * How each route of the route table is called in the benchmarks: a fresh, valid request and the
 * status it must answer. A route without a scenario here is reported as a miss, so a new route
 * cannot slip past the cold-start and capacity rows.
 */

export interface ScenarioContext {
  local: LocalStack;
  applicant: { email: string; cookie: string };
  adminCookie: string;
  /** A sketch the applicant submitted. */
  sketchId: string;
}

export interface Scenario {
  status: number;
  prepare(context: ScenarioContext): Promise<HttpCall>;
}

export const validSketch = () => ({
  title: 'Pflegekräfte für das Weserbergland gewinnen',
  organisation: 'Bildungswerk Weserbergland e. V.',
  contactName: 'Anna Musterfrau',
  contactEmail: 'anna.musterfrau@example.org',
  summary:
    'Das Projekt gewinnt und qualifiziert Quereinsteigerinnen für die Pflege in Hameln-Pyrmont und Holzminden.',
});

export const submitCall = (cookie: string): HttpCall => ({
  method: 'POST',
  path: '/api/sketches',
  cookie,
  headers: { 'idempotency-key': randomUUID() },
  body: validSketch(),
});

export const scenarios: Record<string, Scenario> = {
  requestLink: {
    status: 202,
    prepare: async () => ({ method: 'POST', path: '/api/auth/link', body: { email: uniqueEmail('link') } }),
  },
  redeemLink: {
    status: 201,
    prepare: async ({ local }) => {
      const email = uniqueEmail('redeem');
      const requested = await send(local.apiUrl, { method: 'POST', path: '/api/auth/link', body: { email } });
      if (requested.status !== 202) throw new Error(`link request answered ${requested.status}`);
      return { method: 'POST', path: '/api/auth/session', body: { token: await local.linkToken(email) } };
    },
  },
  signOut: {
    status: 204,
    prepare: async ({ local }) => ({
      method: 'DELETE',
      path: '/api/auth/session',
      cookie: await local.signIn(uniqueEmail('signout')),
    }),
  },
  me: {
    status: 200,
    prepare: async ({ applicant }) => ({ method: 'GET', path: '/api/auth/me', cookie: applicant.cookie }),
  },
  submitSketch: {
    status: 201,
    prepare: async ({ applicant }) => submitCall(applicant.cookie),
  },
  getSketch: {
    status: 200,
    prepare: async ({ applicant, sketchId }) => ({
      method: 'GET',
      path: `/api/sketches/${sketchId}`,
      pathParameters: { id: sketchId },
      cookie: applicant.cookie,
    }),
  },
  listSketches: {
    status: 200,
    prepare: async ({ adminCookie }) => ({ method: 'GET', path: '/api/admin/sketches', cookie: adminCookie }),
  },
};

/** A function's name in the table: its handler file's name (`submit-sketch`). */
export const functionName = (entry: string) => basename(entry).replace(/\.ts$/, '');

/** Signs in an applicant and the admin, and submits one sketch for the routes that read one. */
export async function scenarioContext(local: LocalStack): Promise<ScenarioContext> {
  const email = uniqueEmail('antrag');
  const applicant = { email, cookie: await local.signIn(email) };
  const adminCookie = await local.signIn(benchAdmin);
  const submitted = await send(local.apiUrl, submitCall(applicant.cookie));
  if (submitted.status !== 201)
    throw new Error(`submitting a sketch answered ${submitted.status}: ${submitted.text}`);
  const { id } = JSON.parse(submitted.text) as { id: string };
  return { local, applicant, adminCookie, sketchId: id };
}

/** The request as API Gateway's HTTP API (payload 2.0) hands it to the function. */
export function toApiEvent(route: Route, call: HttpCall): APIGatewayProxyEventV2 {
  const now = new Date();
  const headers: Record<string, string> = {
    host: 'votum.bench',
    'user-agent': 'votum-bench',
    ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...call.headers,
  };
  const key = routeKey(route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: call.path,
    rawQueryString: '',
    ...(call.cookie ? { cookies: [call.cookie] } : {}),
    headers,
    ...(call.pathParameters ? { pathParameters: call.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'votum.bench',
      domainPrefix: 'votum',
      http: {
        method: call.method,
        path: call.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'votum-bench',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    isBase64Encoded: false,
  };
}

/** A Lambda context as the runtime passes it. */
export function lambdaContext(functionName: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-central-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
