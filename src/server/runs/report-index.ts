// Reports per sensor at any time of a stored run, for the sensor statuses of replayed
// pictures: each sensor's report times read once from the store (and extended as the
// run's progress grows), then counted up to a time by binary search — so playing a
// run back step by step does not read every earlier report again at each step.
import type { ReportCounts, Tally } from '../../analysis/live/sensor-status.ts';
import type { EventStore } from '../../store/event-store.ts';

/** Index of the first element of the sorted `times` greater than t. */
function upperBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ReportIndex {
  private readonly store: EventStore;
  private readonly runId: string;
  private readonly times = new Map<string, number[]>();
  /** Reports with times up to here are indexed; null before any. */
  private coveredS: number | null = null;

  constructor(store: EventStore, runId: string) {
    this.store = store;
    this.runId = runId;
  }

  /** Counts as of tS, with every stored report up to `progressS` indexed first. */
  async countsAt(progressS: number, tS: number): Promise<ReportCounts> {
    if (this.coveredS === null || this.coveredS < progressS) {
      const fresh = await this.store.listReports(this.runId, {
        ...(this.coveredS === null ? {} : { fromS: this.coveredS }),
        toS: progressS,
      });
      // In time order, each after the last indexed: every list stays sorted.
      for (const r of fresh) {
        // The range is closed: reports exactly at the old end are there already.
        if (this.coveredS !== null && r.timeS <= this.coveredS) continue;
        const list = this.times.get(r.sensorId);
        if (list) list.push(r.timeS);
        else this.times.set(r.sensorId, [r.timeS]);
      }
      this.coveredS = progressS;
    }
    return {
      get: (sensorId: string): Tally | undefined => {
        const list = this.times.get(sensorId);
        const n = list ? upperBound(list, tS) : 0;
        return n === 0 ? undefined : { reports: n, lastReportS: list![n - 1]! };
      },
    };
  }
}
