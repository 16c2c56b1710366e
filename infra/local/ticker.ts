import { type JobId, jobs } from '../../functions/jobs/jobs.ts';

export interface Ticker {
  /** Runs every job once now (tests, and the first tick). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

type JobHandler = () => Promise<unknown>;

/**
 * The local stand-in for EventBridge Scheduler and the table's stream: runs every job of the job
 * table on each tick, one after the other, and the jobs a stream wakes in AWS (`wakeOnInsertOf`)
 * every `wakeSeconds` as well: for them each run is a query that mostly finds nothing, and what
 * they do is there about as soon as in AWS. A run still going when the next is due lets it pass.
 */
export async function startTicker(options: {
  everySeconds: number;
  wakeSeconds?: number;
  onError: (job: JobId, error: unknown) => void;
}): Promise<Ticker> {
  const handlers = await Promise.all(
    (Object.keys(jobs) as JobId[]).map(async (id) => {
      const module = (await import(new URL(`../../${jobs[id].entry}`, import.meta.url).href)) as {
        handler: JobHandler;
      };
      return { id, handler: module.handler, woken: 'wakeOnInsertOf' in jobs[id] };
    }),
  );
  const running = new Map<string, Promise<void>>();
  const runner = (name: string, selected: typeof handlers) => {
    return async () => {
      const ongoing = running.get(name);
      if (ongoing) return ongoing;
      const run = (async () => {
        for (const { id, handler } of selected) {
          try {
            await handler();
          } catch (error) {
            options.onError(id, error);
          }
        }
      })();
      running.set(name, run);
      try {
        await run;
      } finally {
        running.delete(name);
      }
    };
  };
  const tick = runner('tick', handlers);
  const wake = runner(
    'wake',
    handlers.filter((h) => h.woken),
  );
  const timers = [
    setInterval(() => void tick(), options.everySeconds * 1000),
    setInterval(() => void wake(), (options.wakeSeconds ?? 1) * 1000),
  ];
  for (const timer of timers) timer.unref();
  return {
    tick,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
