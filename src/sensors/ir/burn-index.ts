// Visibility culling in time: an IR sensor only ever looks at burning stages, and burns
// are short (a few minutes per launch in runs of tens of minutes), so the burn
// intervals of all truth objects are indexed once per run, sorted by start, and a
// sensor sweeps a cursor along its looks in time order: each look touches only the
// intervals burning in its window, at O(1) amortised cost per interval.
import type { Truth, TruthObject } from '../../world/truth.ts';

export class BurnIndex {
  /** Interval i belongs to objects[i]; intervals sorted by start time, then object id. */
  readonly objects: readonly TruthObject[];
  readonly startS: Float64Array;
  readonly endS: Float64Array;
  /** Plume intensity relative to a solid-ICBM first stage. */
  readonly intensity: Float64Array;
  readonly count: number;

  constructor(truth: Truth) {
    const rows: Array<{ o: TruthObject; startS: number; endS: number; intensity: number }> = [];
    for (const o of truth.objects) {
      for (const b of o.burns) if (b.endS > b.startS) rows.push({ o, ...b });
    }
    rows.sort((a, b) => a.startS - b.startS || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0));
    this.count = rows.length;
    this.objects = rows.map((r) => r.o);
    this.startS = Float64Array.from(rows, (r) => r.startS);
    this.endS = Float64Array.from(rows, (r) => r.endS);
    this.intensity = Float64Array.from(rows, (r) => r.intensity);
  }
}

const cache = new WeakMap<Truth, BurnIndex>();

/** The burn index of a run's truth, built on first use and shared by every sensor. */
export function burnIndexOf(truth: Truth): BurnIndex {
  let index = cache.get(truth);
  if (!index) {
    index = new BurnIndex(truth);
    cache.set(truth, index);
  }
  return index;
}

/**
 * The intervals burning during successive windows [fromS, untilS), which must come in
 * non-decreasing order of both ends. `active` lists interval numbers in index order.
 */
export class BurnCursor {
  private readonly index: BurnIndex;
  private next = 0;
  private readonly list: number[] = [];
  private size = 0;

  constructor(index: BurnIndex) {
    this.index = index;
  }

  /** Advances to the window and returns how many intervals overlap it (see `at`). */
  advance(fromS: number, untilS: number): number {
    const { startS, endS, count } = this.index;
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const k = this.list[i]!;
      if (endS[k]! > fromS) this.list[kept++] = k;
    }
    this.size = kept;
    while (this.next < count && startS[this.next]! < untilS) {
      if (endS[this.next]! > fromS) this.list[this.size++] = this.next;
      this.next++;
    }
    return this.size;
  }

  /** Interval number of the i-th interval of the current window. */
  at(i: number): number {
    return this.list[i]!;
  }
}
