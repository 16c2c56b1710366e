import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bytesFromJson } from './replay-json.ts';

/*
 * One cold start, in a fresh Node process: import the bundle, make its first call, report the
 * time of each (measured here, so Node's own start-up, the same for every bundle, is left out).
 * Built to plain JavaScript before it runs (cold.ts `coldChild`), so Node strips no types in the
 * measured process. Usage: node cold-child.mjs <bundle.mjs> <event.json>; with `-` for the event, the import
 * alone (a route's own bundle, whose import is judged apart from its group's, cold.ts).
 */
const resultMark = '@@cold-start-result ';

/**
 * Starts the inspector's CPU profiler and its sampling heap profiler (what the call allocates, by
 * the function that allocated it: where a first call's extra collections come from); answers a
 * function that stops both and writes the profiles.
 */
async function profiler() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('HeapProfiler.enable');
  // Every allocation the collector would free again is kept in the samples too.
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    const { profile: heap } = await session.post('HeapProfiler.stopSampling');
    const dir = process.env.VOTUM_BENCH_CALL_PROFILE ?? '.';
    mkdirSync(dir, { recursive: true });
    const name = `call-${Date.now()}-${process.pid}`;
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    writeFileSync(join(dir, `${name}.heapprofile`), JSON.stringify(heap));
  };
}
const [bundle, eventFile] = process.argv.slice(2);
if (!bundle || !eventFile) throw new Error('usage: cold-child.ts <bundle.mjs> <event.json|->');
const importOnly = eventFile === '-';
const { event, functionName } = (
  importOnly
    ? { event: undefined, functionName: process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'bench' }
    : JSON.parse(readFileSync(eventFile, 'utf8'), bytesFromJson)
) as {
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
if (importOnly) {
  process.stdout.write(`\n${resultMark}${JSON.stringify({ importMs: t1 - t0, callMs: 0 })}\n`);
  process.exit(0);
}
// BENCH_CPU_PROFILE (cold.ts passes the directory): a CPU profile of the first call alone.
const callProfile = process.env.VOTUM_BENCH_CALL_PROFILE ? await profiler() : undefined;
const result = await module.handler(event, context);
const t2 = performance.now();
await callProfile?.();
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
