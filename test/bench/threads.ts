import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/*
 * Threads as the kernel counts them (Linux; elsewhere every answer is empty): the bench's own, for the
 * warm trace, and DynamoDB Local's, whose JIT compilers it moves out of the timed requests' way.
 */

export interface ThreadTime {
  name: string;
  /** Nanoseconds on a CPU, and runnable but waiting for one, since the thread started (schedstat). */
  runNs: number;
  waitNs: number;
}

/** Each thread of a process (`self` or a pid) by its id, with its name and its times. */
export function threadTimes(pid: number | 'self' = 'self'): Map<string, ThreadTime> {
  const times = new Map<string, ThreadTime>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return times; // No /proc, or the process has ended.
  }
  for (const tid of tids) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const [runNs = 0, waitNs = 0] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8')
        .split(' ')
        .map(Number);
      times.set(tid, { name, runNs, waitNs });
    } catch {
      // The thread ended between the listing and the read: the others are still read.
    }
  }
  return times;
}

/** A process's threads whose name matches `pattern` (DynamoDB Local's compilers, the bench's V8 workers). */
export const threadsNamed = (pid: number | 'self', pattern: RegExp): Array<{ tid: string; name: string }> =>
  [...threadTimes(pid)]
    .filter(([, { name }]) => pattern.test(name))
    .map(([tid, { name }]) => ({ tid, name }));

/** Whether one of the given threads of this process is on a CPU or waiting for one (state R). */
function anyRunning(tids: readonly string[]): boolean {
  return tids.some((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The state follows the name, which is in parentheses and may hold spaces.
      return stat.charAt(stat.lastIndexOf(')') + 2) === 'R';
    } catch {
      return false; // The thread ended: it has nothing left to do.
    }
  });
}

let v8Workers: string[] | undefined;

/**
 * Waits until none of this process's V8 workers is running, twice in a row a millisecond apart (at
 * most `capMs`), and answers how long it waited. A major collection of the bench process's heap
 * (150–340 MB, the whole run's preparation) ends its pause with work left on the workers (sweeping),
 * and the allocating main thread waits for it: a request started right after one took 30–90 ms
 * more, with the workers busy throughout and the main thread neither running nor waiting for a core
 * (benchmarks.md, the sixteenth pass). A Lambda instance's heap holds one group's few MB, and its
 * requests at the portal's traffic are minutes apart, so its background work is done before the next
 * one. The thread's state, not its CPU time: the kernel adds a running thread's time only at its
 * ticks. Off Linux (no /proc) it answers 0 at once.
 */
export async function v8WorkersSettled(capMs = 1000): Promise<number> {
  // Node starts V8's worker pool with the process and keeps it: listed once, not before every request.
  v8Workers ??= threadsNamed('self', /^V8Worker/).map((t) => t.tid);
  const workers = v8Workers;
  if (!workers.length) return 0;
  const started = performance.now();
  for (let quiet = 0; ; ) {
    quiet = anyRunning(workers) ? 0 : quiet + 1;
    const waited = performance.now() - started;
    if (quiet === 2 || waited >= capMs) return waited;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * The threads that ran between two readings, by name, with their ms on a CPU (over 0.5 ms): `except`
 * leaves one thread out, `kind` names a family of numbered threads as one.
 */
export function ranBetween(
  before: Map<string, ThreadTime>,
  after: Map<string, ThreadTime>,
  { except, kind = (name: string) => name }: { except?: string; kind?: (name: string) => string } = {},
): Record<string, number> {
  const ran: Record<string, number> = {};
  for (const [tid, { name, runNs }] of after) {
    const onCpu = (runNs - (before.get(tid)?.runNs ?? 0)) / 1e6;
    if (onCpu > 0.5 && tid !== except) ran[kind(name)] = (ran[kind(name)] ?? 0) + onCpu;
  }
  return ran;
}

/** The nice value the stand-in's compilers run at: a tenth of a core's weight against a timed thread's. */
export const compilerNice = 10;

/**
 * DynamoDB Local's HotSpot compilers (the `C1 CompilerThre` and `C2 CompilerThre` threads) at nice
 * 10. In AWS the table's CPU is not the function's; here the stand-in shares the bench's two cores,
 * and its C2 compiler keeps compiling in bursts through the whole run (4–5 % of a core in the warm
 * section, after the cold one) as the routes reach new paths of it. A burst took one of the two cores
 * from whichever timed request ran then, real or baseline. At nice 10 the compilers still run on
 * an idle core and finish their work, but yield to the requests. Answers the threads lowered.
 */
export function lowerCompilers(pid: number | undefined): string[] {
  if (pid === undefined) return [];
  const lowered: string[] = [];
  for (const { tid, name } of threadsNamed(pid, /^C[12] CompilerThre/)) {
    try {
      // On Linux a thread id is a process id to setpriority: this sets that thread alone.
      setPriority(Number(tid), compilerNice);
      lowered.push(name);
    } catch {
      // The thread ended; a new one is lowered before the next section.
    }
  }
  return lowered;
}
