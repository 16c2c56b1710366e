import { type JobId, jobs } from '../../functions/jobs/jobs.ts';

export interface Ticker {
  /** Runs every job once now (tests, and the first tick). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

type JobHandler = () => Promise<unknown>;

/**
 * The local stand-in for EventBridge Scheduler: runs every job of the job table on each tick, one
 * after the other; a tick that is still running when the next is due lets that one pass.
 */
export async function startTicker(options: {
  everySeconds: number;
  onError: (job: JobId, error: unknown) => void;
}): Promise<Ticker> {
  const handlers = await Promise.all(
    (Object.keys(jobs) as JobId[]).map(async (id) => {
      const module = (await import(new URL(`../../${jobs[id].entry}`, import.meta.url).href)) as {
        handler: JobHandler;
      };
      return { id, handler: module.handler };
    }),
  );
  let running: Promise<void> | undefined;
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      for (const { id, handler } of handlers) {
        try {
          await handler();
        } catch (error) {
          options.onError(id, error);
        }
      }
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => void tick(), options.everySeconds * 1000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
