import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { threadsNamed } from './threads.ts';

/*
 * Which cores the timed code and the stand-ins run on. In AWS a function has its instance's CPU to
 * itself (1,024 MB is about 0.6 of a vCPU) and DynamoDB, SES and S3 run on other machines; here they
 * all share the machine's cores, and the scheduler puts each thread where there is room: the ratio
 * of one pair of cold starts' first calls varied by 13 % (robust sd over the 92 routes of a full
 * run, .bench/cold/runs.json with BENCH_DEBUG=1), 6 % with the function on core 0 and the stand-ins
 * on the others. Both sides of a row run on the same core, so the layout gives neither side a share
 * the other lacks.
 */

/** The cores this process may use, counted before it pins anything (the count follows its affinity). */
export const machineCores = availableParallelism();

/** The cores of a section: the timed code's and the stand-ins' (taskset's CPU lists). */
export interface Layout {
  /** Where the timed function runs: a cold start's process, or the bench process that hosts the handlers. */
  function: string;
  /** DynamoDB Local's JVM, and the bench process while only its servers answer (a cold start's). */
  services: string;
  /** Every core the bench started with: the sections that time no function (capacity, load, the browser's). */
  every: string;
}

/**
 * The first of the cores this process may run on for the function, the others for the stand-ins; none
 * on one core or without taskset. Read from the process's affinity before anything is pinned, so a
 * machine that gives it cores 2–3 gets 2 and 3, not 0 and 1.
 */
export function coreLayout(): Layout | undefined {
  const cpus = startingCpus();
  if (!cpus || cpus.length < 2) return undefined;
  return { function: String(cpus[0]), services: cpus.slice(1).join(','), every: cpus.join(',') };
}

/** The CPUs of this process's affinity ("pid 1's current affinity list: 0-3,6"), or none without taskset. */
function startingCpus(): number[] | undefined {
  let answer: string;
  try {
    answer = execFileSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
  return (answer.split(':').at(-1) ?? '')
    .trim()
    .split(',')
    .flatMap((range) => {
      const [first = 0, last = first] = range.split('-').map(Number);
      return Array.from({ length: last - first + 1 }, (_, i) => first + i);
    });
}

/** Moves every thread of a process to `cpus` (threads it starts later inherit it). */
export function pin(pid: number | undefined, cpus: string): void {
  if (pid === undefined) return;
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

let childCpus: string | undefined;

/** The cores a cold start's process gets from now on (undefined: wherever the scheduler puts it). */
export function placeChildren(cpus: string | undefined): void {
  childCpus = cpus;
}

/** The command that starts a cold start's process on its section's cores. */
export function childCommand(node: string, args: string[]): [string, string[]] {
  return childCpus ? ['taskset', ['-c', childCpus, node, ...args]] : [node, args];
}

/**
 * Moves this process's V8 worker threads (concurrent marking and compiling) to `cpus`, leaving its
 * main thread and libuv's pool where they are. In the sections that time handlers in the bench
 * process, the process holds the whole run's preparation (150–300 MB), so V8 marks far more in the
 * background than a Lambda instance holding one group does; on the timed core those threads took
 * 12–43 ms from a request's main thread in the slowest requests of the warm rows that missed their
 * p99 (benchmarks.md, the fifteenth pass). Answers how many it moved.
 */
export function pinV8Workers(cpus: string): number {
  let moved = 0;
  for (const { tid } of threadsNamed('self', /^V8Worker/)) {
    try {
      execFileSync('taskset', ['-p', '-c', cpus, tid], { stdio: 'ignore' });
      moved += 1;
    } catch {
      // The thread ended: nothing to move.
    }
  }
  return moved;
}
