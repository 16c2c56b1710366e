import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Sketch, SketchDraft } from '../../functions/core/sketch-full.ts';
import { type Route, routeKey } from '../../functions/http/routes.ts';
import { leineWeserSketch } from '../support/sketches.ts';
import { benchAdmin, type HttpCall, type LocalStack, send, uniqueEmail } from './local.ts';

/*
 * How each route of the route table is called in the benchmarks: a fresh, valid request as the web
 * pages send it, and the status it must answer. What the call needs (a draft, a submitted sketch,
 * an uploaded file) is made through the API first, outside the measurement. A route without a
 * scenario here is reported as a miss, so a new route cannot slip past the cold-start and capacity
 * rows.
 */

export interface Person {
  email: string;
  /** `name=value` of the session cookie. */
  cookie: string;
}

export interface ScenarioContext {
  local: LocalStack;
  /** Drafts, submits and uploads what the scenarios need, as one applicant does over time. */
  applicant: Person;
  adminCookie: string;
  /** A complete sketch the applicant submitted, with two checked attachments. */
  sketchId: string;
  /** One of those attachments. */
  attachmentId: string;
  /**
   * An applicant whose status page is never changed by the bench: a sketch just started, a complete
   * one submitted, and one the office returned for revision, with the mails about them.
   */
  statusApplicant: Person;
}

export interface Scenario {
  status: number;
  prepare(context: ScenarioContext): Promise<HttpCall>;
}

/** The sketch the benchmarks submit: the complete Leine-Weser sketch of the integration tests. */
export const completeSketch = (): Sketch => leineWeserSketch();

/** Sends a call made outside the measurement and reads its JSON answer, or fails saying why. */
async function expectAnswer<T>(local: LocalStack, call: HttpCall, status: number): Promise<T> {
  const answer = await send(local.apiUrl, call);
  if (answer.status !== status) {
    throw new Error(
      `${call.method} ${call.path} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 300)}`,
    );
  }
  return (answer.text ? JSON.parse(answer.text) : {}) as T;
}

const withId = (path: string, id: string, rest = '') => ({
  path: `${path}/${id}${rest}`,
  pathParameters: { id },
});

/** POST /api/sketches as the form's "Neue Skizze" sends it (a fresh Idempotency-Key per click). */
export const createDraftCall = (cookie: string, draft: SketchDraft): HttpCall => ({
  method: 'POST',
  path: '/api/sketches',
  cookie,
  headers: { 'idempotency-key': randomUUID() },
  body: { draft },
});

/** POST /api/sketches/{id}/submit as the review page sends it. */
export const submitCall = (cookie: string, id: string, version: number): HttpCall => ({
  method: 'POST',
  ...withId('/api/sketches', id, '/submit'),
  cookie,
  headers: { 'idempotency-key': randomUUID() },
  body: { version },
});

interface Doc {
  id: string;
  version: number;
}

/** A new draft of `cookie`'s owner holding `draft`. */
export const startDraft = (local: LocalStack, cookie: string, draft: SketchDraft = completeSketch()) =>
  expectAnswer<Doc>(local, createDraftCall(cookie, draft), 201);

/** A complete sketch, drafted and submitted through the API. */
export async function submittedSketch(local: LocalStack, cookie: string): Promise<Doc> {
  const draft = await startDraft(local, cookie);
  return expectAnswer<Doc>(local, submitCall(cookie, draft.id, draft.version), 200);
}

/** The first page of the form as the applicant leaves it after a few fields. */
export const startedDraft = (email: string): SketchDraft => ({
  applicant: { contactEmail: email, organisation: 'Bildungswerk Weserbergland e. V.' },
  project: { title: 'Pflegekräfte für Leine-Weser' },
});

/**
 * A cost plan as a PDF of about 300 KB, the same bytes every time (so its ETag is too): the check
 * reads its first 256 KB, as it does of any file at least that large.
 */
export const costPlanPdf = (() => {
  const filler = Buffer.alloc(300 * 1024);
  for (let i = 0; i < filler.length; i += 32) createHash('sha256').update(String(i)).digest().copy(filler, i);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
      Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
      Buffer.from('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
      Buffer.from('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n'),
      Buffer.from(`4 0 obj\n<< /Length ${filler.length} >>\nstream\n`),
      filler,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]),
  );
})();

const attachmentRequest = (kind = 'cost_plan') => ({
  kind,
  fileName: 'Kostenplan Pflegekräfte Leine-Weser.pdf',
  contentType: 'application/pdf',
  size: costPlanPdf.length,
});

const startUploadCall = (cookie: string, sketchId: string, kind?: string): HttpCall => ({
  method: 'POST',
  ...withId('/api/sketches', sketchId, '/attachments'),
  cookie,
  body: attachmentRequest(kind),
});

/** Starts an attachment and uploads the file with its presigned POST, as the browser does. */
async function uploadedAttachment(local: LocalStack, cookie: string, sketchId: string, kind?: string) {
  const { attachment, upload } = await expectAnswer<{
    attachment: { id: string };
    upload: { url: string; fields: Record<string, string> };
  }>(local, startUploadCall(cookie, sketchId, kind), 201);
  const form = new FormData();
  for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
  form.append('file', new Blob([costPlanPdf], { type: 'application/pdf' }), 'Kostenplan.pdf');
  const answer = await fetch(upload.url, { method: 'POST', body: form });
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`the presigned upload answered ${answer.status}`);
  return attachment.id;
}

const checkCall = (cookie: string, sketchId: string, attachmentId: string): HttpCall => ({
  method: 'POST',
  path: `/api/sketches/${sketchId}/attachments/${attachmentId}/check`,
  pathParameters: { id: sketchId, aid: attachmentId },
  cookie,
});

/** An uploaded attachment that passed its check. */
async function checkedAttachment(local: LocalStack, cookie: string, sketchId: string, kind?: string) {
  const id = await uploadedAttachment(local, cookie, sketchId, kind);
  await expectAnswer(local, checkCall(cookie, sketchId, id), 200);
  return id;
}

const attachmentPath = (sketchId: string, attachmentId: string) => ({
  path: `/api/sketches/${sketchId}/attachments/${attachmentId}`,
  pathParameters: { id: sketchId, aid: attachmentId },
});

const returnNote = 'Bitte ergänzen Sie die Zielwerte je Teilraum und erläutern Sie die Restkostenpauschale.';

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
  getProfile: {
    status: 200,
    prepare: async () => ({ method: 'GET', path: '/api/profile' }),
  },
  createSketch: {
    status: 201,
    // What the form's "Neue Skizze" sends: the applicant's address; the rest is autosaved.
    prepare: async ({ applicant }) =>
      createDraftCall(applicant.cookie, { applicant: { contactEmail: applicant.email } }),
  },
  getSketch: {
    status: 200,
    prepare: async ({ applicant, sketchId }) => ({
      method: 'GET',
      ...withId('/api/sketches', sketchId),
      cookie: applicant.cookie,
    }),
  },
  saveDraft: {
    status: 200,
    // Autosave of the whole form, complete now, over a draft that holds its first page.
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie, startedDraft(applicant.email));
      return {
        method: 'PUT',
        ...withId('/api/sketches', draft.id, '/draft'),
        cookie: applicant.cookie,
        body: { version: draft.version, draft: completeSketch() },
      };
    },
  },
  submitSketch: {
    status: 200,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      return submitCall(applicant.cookie, draft.id, draft.version);
    },
  },
  withdrawSketch: {
    status: 200,
    prepare: async ({ local, applicant }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      return {
        method: 'POST',
        ...withId('/api/sketches', sketch.id, '/withdraw'),
        cookie: applicant.cookie,
        body: { reason: 'Die Finanzierung durch die Stiftung ist entfallen.' },
      };
    },
  },
  getVersion: {
    status: 200,
    prepare: async ({ applicant, sketchId }) => ({
      method: 'GET',
      path: `/api/sketches/${sketchId}/versions/1`,
      pathParameters: { id: sketchId, n: '1' },
      cookie: applicant.cookie,
    }),
  },
  mySketches: {
    status: 200,
    prepare: async ({ statusApplicant }) => ({
      method: 'GET',
      path: '/api/my/sketches',
      cookie: statusApplicant.cookie,
    }),
  },
  listSketches: {
    status: 200,
    prepare: async ({ adminCookie }) => ({ method: 'GET', path: '/api/admin/sketches', cookie: adminCookie }),
  },
  returnSketch: {
    status: 200,
    prepare: async ({ local, applicant, adminCookie }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      return {
        method: 'POST',
        ...withId('/api/admin/sketches', sketch.id, '/return'),
        cookie: adminCookie,
        body: { note: returnNote },
      };
    },
  },
  confirmEndorsement: {
    status: 200,
    prepare: async ({ local, applicant, adminCookie }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      return {
        method: 'POST',
        ...withId('/api/admin/sketches', sketch.id, '/endorsement'),
        cookie: adminCookie,
        body: { note: 'Protokoll der lokalen Allianz vom 15.10.2025 liegt vor.' },
      };
    },
  },
  acceptSketch: {
    status: 200,
    prepare: async ({ local, applicant, adminCookie }) => {
      const sketch = await submittedSketch(local, applicant.cookie);
      await expectAnswer(
        local,
        {
          method: 'POST',
          ...withId('/api/admin/sketches', sketch.id, '/endorsement'),
          cookie: adminCookie,
          body: {},
        },
        200,
      );
      return { method: 'POST', ...withId('/api/admin/sketches', sketch.id, '/accept'), cookie: adminCookie };
    },
  },
  createAttachment: {
    status: 201,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      return startUploadCall(applicant.cookie, draft.id);
    },
  },
  checkAttachment: {
    status: 200,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      return checkCall(
        applicant.cookie,
        draft.id,
        await uploadedAttachment(local, applicant.cookie, draft.id),
      );
    },
  },
  listAttachments: {
    status: 200,
    prepare: async ({ applicant, sketchId }) => ({
      method: 'GET',
      ...withId('/api/sketches', sketchId, '/attachments'),
      cookie: applicant.cookie,
    }),
  },
  downloadAttachment: {
    status: 302,
    prepare: async ({ adminCookie, sketchId, attachmentId }) => ({
      method: 'GET',
      ...attachmentPath(sketchId, attachmentId),
      cookie: adminCookie,
    }),
  },
  deleteAttachment: {
    status: 204,
    prepare: async ({ local, applicant }) => {
      const draft = await startDraft(local, applicant.cookie);
      const id = await checkedAttachment(local, applicant.cookie, draft.id);
      return { method: 'DELETE', ...attachmentPath(draft.id, id), cookie: applicant.cookie };
    },
  },
};

/** A function's name in the table: its handler file's name (`submit-sketch`). */
export const functionName = (entry: string) => basename(entry).replace(/\.ts$/, '');

/**
 * Signs in an applicant and the admin; submits one complete sketch with two checked attachments for
 * the routes that read one; gives a second applicant a status page with three sketches.
 */
export async function scenarioContext(local: LocalStack): Promise<ScenarioContext> {
  const email = uniqueEmail('antrag');
  const applicant = { email, cookie: await local.signIn(email) };
  const adminCookie = await local.signIn(benchAdmin);
  const submitted = await submittedSketch(local, applicant.cookie);
  const attachmentId = await checkedAttachment(local, applicant.cookie, submitted.id, 'cost_plan');
  await checkedAttachment(local, applicant.cookie, submitted.id, 'endorsement_statement');

  const statusEmail = uniqueEmail('status');
  const statusApplicant = { email: statusEmail, cookie: await local.signIn(statusEmail) };
  await startDraft(local, statusApplicant.cookie, startedDraft(statusEmail));
  await submittedSketch(local, statusApplicant.cookie);
  const returned = await submittedSketch(local, statusApplicant.cookie);
  await expectAnswer(
    local,
    {
      method: 'POST',
      ...withId('/api/admin/sketches', returned.id, '/return'),
      cookie: adminCookie,
      body: { note: returnNote },
    },
    200,
  );
  return { local, applicant, adminCookie, sketchId: submitted.id, attachmentId, statusApplicant };
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
