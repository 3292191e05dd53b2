// Append-only record of every measurement update: which measurement updated which
// track, with its NIS and time. Each entry links to the track's previous entry, so a
// track's lineage and NIS history are a walk from its head back to its first
// measurement, with no per-track arrays to allocate. Capacity grows by doubling.

export class LineageLog {
  count = 0;
  measurementId = new Float64Array(256);
  nis = new Float64Array(256);
  time = new Float64Array(256);
  previous = new Int32Array(256);

  /** Records that `measurementId` updated a track whose last entry was `previous` (−1 for none). */
  append(previous: number, measurementId: number, nis: number, time: number): number {
    if (this.count === this.previous.length) this.grow();
    const e = this.count++;
    this.measurementId[e] = measurementId;
    this.nis[e] = nis;
    this.time[e] = time;
    this.previous[e] = previous;
    return e;
  }

  /** Measurement ids of the chain ending at `head`, oldest first. */
  measurementIds(head: number): number[] {
    return this.walk(head, this.measurementId);
  }

  /** NIS values of the chain ending at `head`, oldest first (NaN for the initiating measurement). */
  nisHistory(head: number): number[] {
    return this.walk(head, this.nis);
  }

  private walk(head: number, field: Float64Array): number[] {
    const out: number[] = [];
    for (let e = head; e >= 0; e = this.previous[e]!) out.push(field[e]!);
    return out.reverse();
  }

  private grow(): void {
    const size = 2 * this.previous.length;
    const f = (old: Float64Array) => {
      const next = new Float64Array(size);
      next.set(old);
      return next;
    };
    this.measurementId = f(this.measurementId);
    this.nis = f(this.nis);
    this.time = f(this.time);
    const previous = new Int32Array(size);
    previous.set(this.previous);
    this.previous = previous;
  }
}
