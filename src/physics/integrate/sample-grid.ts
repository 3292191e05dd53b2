// A regular output grid t_k = origin + k·every (s). One grid is shared by all the
// phases of a flight (stage burns, coast, re-entry), and it remembers the next k, so
// sampling continues across phase changes with every grid time sampled exactly once.
// Times are computed from k, not accumulated, so they do not drift.

export class SampleGrid {
  readonly every: number;
  readonly origin: number;
  /** Index k of the next grid time still to be sampled. */
  next = 0;

  constructor(every: number, origin = 0) {
    if (!(every > 0)) throw new RangeError(`sampling interval ${every} s is not positive`);
    this.every = every;
    this.origin = origin;
  }

  /** The next grid time still to be sampled (s). */
  get nextTime(): number {
    return this.origin + this.next * this.every;
  }
}
