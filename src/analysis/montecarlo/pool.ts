// Runs numbered tasks of one job (a campaign's runs, a warning map's cells) on a pool of
// worker threads (piscina 5). Each thread loads the job once (workerData) and keeps
// what it can reuse between tasks; a task is just its index and returns its result,
// which is kept by index — so the results never depend on the number of threads or on
// the order tasks finished in. One task per index: a run costs tens of milliseconds to
// seconds, against about 35 µs of pool overhead (STACK.md).
//
// Threads run the TypeScript sources: they get tsx's loader through --import (a pool
// started from `npx tsx` inherits it; one started from bin/vigil.js, which registers
// tsx in-process, would not). Aborting the signal drops queued tasks and stops running
// ones; what finished is returned.

import { setMaxListeners } from 'node:events';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { InputError, type InputProblem } from '../../scenario/input-error.ts';
import type { WarningMapSpec } from '../warning-time/warning-map.ts';
import type { CampaignSpec } from './campaign.ts';

export type PoolJob =
  | { kind: 'campaign'; spec: CampaignSpec }
  | { kind: 'warning-map'; spec: WarningMapSpec };

/** What a thread hands back: the result, or the input problems that stopped it. */
export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; problems: InputProblem[] };

export interface PooledOptions<R> {
  /** Threads (default: the machine's available parallelism). */
  workers?: number;
  signal?: AbortSignal;
  /** Called as each task finishes. */
  onResult?: (index: number, result: R) => void;
}

export interface PooledResults<R> {
  results: Map<number, R>;
  /** The signal was aborted before every task finished. */
  aborted: boolean;
}

/** Young-generation size of a pool thread, MB (measured: 64 gave 80 ms per run where the default gave 86–103). */
const YOUNG_GENERATION_MB = 64;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

function threadExecArgv(): string[] {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return process.execArgv.includes(loader) ? process.execArgv : [...process.execArgv, '--import', loader];
}

export async function runPooled<R>(
  job: PoolJob,
  indices: readonly number[],
  options: PooledOptions<R> = {},
): Promise<PooledResults<R>> {
  const workers = options.workers ?? defaultWorkers();
  const pool = new Piscina({
    filename: new URL('./worker-task.ts', import.meta.url).href,
    workerData: job,
    minThreads: workers,
    maxThreads: workers,
    // Tasks wait in the pool's queue, however many there are.
    maxQueue: Number.POSITIVE_INFINITY,
    idleTimeout: Number.POSITIVE_INFINITY,
    execArgv: threadExecArgv(),
    // A larger young generation than V8's default: the chain allocates many short-lived
    // objects (track pictures each cycle), and fewer scavenges made runs ~20% faster here.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const results = new Map<number, R>();
  const signal = options.signal;
  // Every queued task listens for the abort.
  if (signal) setMaxListeners(indices.length + 10, signal);
  let problems: InputProblem[] | null = null;
  let failure: unknown = null;
  try {
    await Promise.all(
      indices.map(async (index) => {
        try {
          const outcome = (await pool.run(index, { signal })) as TaskOutcome<R>;
          if (!outcome.ok) {
            problems ??= outcome.problems;
            return;
          }
          results.set(index, outcome.value);
          options.onResult?.(index, outcome.value);
        } catch (err) {
          if (signal?.aborted) return;
          failure ??= err;
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
  if (problems) throw new InputError(problems);
  if (failure) throw failure;
  return { results, aborted: signal?.aborted === true && results.size < indices.length };
}
