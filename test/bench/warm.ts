import type { RouteId } from '../../functions/core/contract/index.ts';
import { type HttpCall, recordedCall, send } from './local.ts';
import { broken, median, notBuilt, percentile, type Row, row } from './results.ts';
import { ballotTwin, type ScenarioContext, scenarioOf } from './scenarios.ts';
import { describeCalls, freshen, RawReplayer, type SdkCall, subjectMap } from './sdk.ts';

/*
 * warm.<operation>: a request through the local HTTP adapter to the warm handler against DynamoDB
 * Local, ÷ (the same request to the bare adapter, whose handlers answer a constant + the raw SDK
 * calls the handler made, replayed by a bare SDK client). The three are timed in turn, rotating
 * their order, and the baseline of request i is bare_i + raw_i. Median and p99 over all requests.
 * The replay acts on a subject of its own prepared like the real one (for a submission: another
 * draft of the complete sketch), so its conditional writes succeed as the handler's do. A ballot
 * changes a seat whose every change is conditional on its revision: each real ballot's own calls
 * are replayed on a twin vote, in order, so the twin's seat is always at the revision the replay
 * expects.
 */

/** `share` scales the number of requests: cheap reads get more, so their p99 rests on more samples. */
const rowsWanted = [
  { name: 'warm.submit', route: 'submitSketch', what: 'submitting a complete sketch', share: 1 },
  { name: 'warm.get-sketch', route: 'getSketch', what: 'reading one sketch', share: 3 },
  {
    name: 'warm.cast-ballot',
    route: 'castBallot',
    what: 'casting a ballot (its route and vote page)',
    share: 1,
    // Each ballot's calls are replayed on a twin vote, one step behind: see ballotTwin.
    mirror: ballotTwin,
  },
] as const satisfies ReadonlyArray<{
  name: string;
  route: RouteId;
  what: string;
  share: number;
  mirror?: (context: ScenarioContext) => Promise<Map<string, string>>;
}>;

export async function warmRows(
  context: ScenarioContext,
  options: { requests: number; warmup: number },
): Promise<Row[]> {
  const { local } = context;
  const rows: Row[] = [];
  const replayer = new RawReplayer();
  try {
    for (const wanted of rowsWanted) {
      const route = local.routes[wanted.route];
      const scenario = scenarioOf(wanted.route);
      if (!route) {
        rows.push(notBuilt(`${wanted.name}.median`, 'ms', '≤ 1.3', wanted.what));
        rows.push(notBuilt(`${wanted.name}.p99`, 'ms', '≤ 1.5', wanted.what));
        continue;
      }
      if (!scenario) {
        rows.push(
          broken(
            wanted.name,
            'ms',
            '≤ 1.3 / ≤ 1.5',
            `no scenario for route ${wanted.route} in test/bench/scenarios.ts`,
          ),
        );
        continue;
      }
      const twin = 'mirror' in wanted ? await wanted.mirror(context) : undefined;
      // The raw SDK calls this request needs: recorded from one real request.
      const probeCall = await scenario.prepare(context);
      const calls = await recordedCall(local, probeCall, scenario.status);

      const real: number[] = [];
      const baseline: number[] = [];
      // With a twin: the calls of every real request, to be replayed on the twin in their order.
      const mirrored: SdkCall[][] = [calls];
      const timeReal = async (call: HttpCall) => {
        if (twin) local.recorder.start({ askCapacity: false });
        const started = performance.now();
        const answer = await send(local.apiUrl, call).finally(() => {
          if (twin) mirrored.push(local.recorder.stop());
        });
        const ms = performance.now() - started;
        if (answer.status !== scenario.status)
          throw new Error(`${wanted.name} answered ${answer.status}: ${answer.text}`);
        return ms;
      };
      const timeBare = async (call: HttpCall) => {
        const started = performance.now();
        await send(local.bareUrl, call);
        return performance.now() - started;
      };
      const replayFailures = new Set<string>();
      const timeRaw = async (subject: HttpCall) => {
        const fresh = twin
          ? freshen(mirrored.shift() ?? [], twin)
          : freshen(calls, subjectMap(probeCall, subject));
        const started = performance.now();
        const failed = await replayer.replay(fresh);
        const ms = performance.now() - started;
        for (const failure of failed) replayFailures.add(failure);
        return ms;
      };
      const requests = options.requests * wanted.share;
      for (let i = 0; i < options.warmup + requests; i += 1) {
        const call = await scenario.prepare(context);
        // The bare adapter answers any request alike: it gets the very same one.
        const bareCall = call;
        const rawSubject = twin ? call : await scenario.prepare(context);
        let r = 0;
        let b = 0;
        let w = 0;
        switch (i % 3) {
          case 0:
            r = await timeReal(call);
            b = await timeBare(bareCall);
            w = await timeRaw(rawSubject);
            break;
          case 1:
            b = await timeBare(bareCall);
            w = await timeRaw(rawSubject);
            r = await timeReal(call);
            break;
          default:
            w = await timeRaw(rawSubject);
            r = await timeReal(call);
            b = await timeBare(bareCall);
        }
        if (i < options.warmup) continue;
        real.push(r);
        baseline.push(b + w);
      }
      const note =
        `${requests} requests after ${options.warmup} warm-up; raw calls: ${describeCalls(calls)}` +
        (replayFailures.size ? ` (failing in the replay: ${[...replayFailures].join(', ')})` : '');
      const med = median(real) / median(baseline);
      const p99 = percentile(real, 99) / percentile(baseline, 99);
      rows.push(
        row({
          name: `${wanted.name}.median`,
          unit: 'ms',
          value: median(real),
          baseline: median(baseline),
          target: '≤ 1.3',
          pass: med <= 1.3,
          note,
        }),
        row({
          name: `${wanted.name}.p99`,
          unit: 'ms',
          value: percentile(real, 99),
          baseline: percentile(baseline, 99),
          target: '≤ 1.5',
          pass: p99 <= 1.5,
        }),
      );
    }
  } finally {
    replayer.destroy();
  }
  return rows;
}
