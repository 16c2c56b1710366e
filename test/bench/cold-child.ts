import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/*
 * One cold start, in a fresh Node process: import the bundle, make its first call, report the
 * time of each (measured here, so Node's own start-up, the same for every bundle, is left out).
 * Usage: node test/bench/cold-child.ts <bundle.mjs> <event.json>
 */
const resultMark = '@@cold-start-result ';
const [bundle, eventFile] = process.argv.slice(2);
if (!bundle || !eventFile) throw new Error('usage: cold-child.ts <bundle.mjs> <event.json>');
const { event, functionName } = JSON.parse(readFileSync(eventFile, 'utf8')) as {
  event: unknown;
  functionName: string;
};
const started = Date.now();
const context = {
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

const t0 = performance.now();
const module = (await import(pathToFileURL(bundle).href)) as {
  handler: (event: unknown, context: unknown) => Promise<{ statusCode?: number; body?: string }>;
};
const t1 = performance.now();
const result = await module.handler(event, context);
const t2 = performance.now();
// The function logs to stdout as in Lambda (INFO): the result is the last line, marked.
process.stdout.write(
  `\n${resultMark}${JSON.stringify({
    importMs: t1 - t0,
    callMs: t2 - t1,
    status: result?.statusCode,
    // The reference's answer lists every replayed call; a route's answer is only quoted in errors.
    body: result?.body?.slice(0, 100_000),
  })}\n`,
);
// Do not wait for the SDK's keep-alive sockets: the measurement is done.
process.exit(0);
