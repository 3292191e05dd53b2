// The code a pool thread runs (pool.ts): it loads the job from workerData once — the
// campaign's scenario parsed, or the warning map's cell list — and answers tasks by
// index. Bad input is handed back as problems (an InputError does not survive the
// thread boundary as itself); anything else is thrown and fails the job.
// The entry point is the default export: piscina loads a thread's module with require()
// first, which tsx's hooks serve in worker threads on Node 20, and falls back to
// import() — which they do not serve there — when the module has no default export.

import { workerData } from 'piscina';
import { InputError } from '../../scenario/input-error.ts';
import { type CellResult, type MapCell, mapCells, runMapCell } from '../warning-time/warning-map.ts';
import { type PreparedCampaign, prepareCampaign, type RunRecord, runCampaignRun } from './campaign.ts';
import type { PoolJob, TaskOutcome } from './pool.ts';

const job = workerData as PoolJob;
let campaign: PreparedCampaign | null = null;
let cells: MapCell[] | null = null;

function guarded<R>(f: () => R): TaskOutcome<R> {
  try {
    return { ok: true, value: f() };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, problems: [...err.problems] };
    throw err;
  }
}

/** Runs task `index` of the thread's job. */
export default function runTask(index: number): TaskOutcome<RunRecord | CellResult> {
  return guarded(() => {
    if (job.kind === 'campaign') {
      campaign ??= prepareCampaign(job.spec);
      return runCampaignRun(campaign, index);
    }
    cells ??= mapCells(job.spec);
    return runMapCell(job.spec, cells[index]!);
  });
}
