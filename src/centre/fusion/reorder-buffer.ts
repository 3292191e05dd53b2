// The reorder buffer for a delayed feed: reports wait in a binary min-heap keyed by
// (time, arrival order) and leave in time order once the caller's watermark has passed
// them, so reports that arrive out of order by less than the buffer's delay are
// processed exactly as if they had arrived in order. Ties in time keep arrival order,
// which makes the output deterministic for a deterministic input.
import type { SensorReport } from '../../sensors/report.ts';

export class ReorderBuffer {
  private heap: SensorReport[] = [];
  private order: number[] = [];
  private arrivals = 0;

  get size(): number {
    return this.heap.length;
  }

  push(report: SensorReport): void {
    const heap = this.heap;
    const order = this.order;
    let i = heap.length;
    heap.push(report);
    order.push(this.arrivals++);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Time of the earliest report held, or Infinity. */
  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.timeS : Number.POSITIVE_INFINITY;
  }

  /** Removes and returns the earliest report (undefined when empty). */
  pop(): SensorReport | undefined {
    const heap = this.heap;
    const order = this.order;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    const lastOrder = order.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      order[0] = lastOrder;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(l, m)) m = l;
        if (r < heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ta = this.heap[a]!.timeS;
    const tb = this.heap[b]!.timeS;
    return ta < tb || (ta === tb && this.order[a]! < this.order[b]!);
  }

  private swap(a: number, b: number): void {
    const h = this.heap;
    const o = this.order;
    const t = h[a]!;
    h[a] = h[b]!;
    h[b] = t;
    const u = o[a]!;
    o[a] = o[b]!;
    o[b] = u;
  }
}
