// Structure-of-arrays store of the tracks a tracker holds: one flat typed array per
// field, the state and covariance of slot s at s·n and s·n² (with a fixed view per
// slot so filter kernels can take them without allocating). Slots are dense: removing
// a track moves the last one into its place, so a slot index is only valid within one
// scan; `id` is the stable identity. Capacity grows by doubling.

/** Track status codes as stored in `TrackStore.status`. */
export const TrackStatus = { tentative: 0, confirmed: 1 } as const;

export class TrackStore {
  readonly stateDim: number;
  readonly measDim: number;
  count = 0;
  capacity = 0;
  /** Stable integer identity, never reused within a tracker. */
  id = new Int32Array(0);
  /** TrackStatus code. */
  status = new Uint8Array(0);
  /** Measurements that updated the track, and consecutive scans without one. */
  hits = new Int32Array(0);
  misses = new Int32Array(0);
  /** Time of the current state (s). */
  time = new Float64Array(0);
  /** Time of the first measurement (s). */
  firstTime = new Float64Array(0);
  /** Log-odds that the track is a real, still-existing object. */
  logOdds = new Float64Array(0);
  /** Index of the latest update in the tracker's lineage log, −1 for none. */
  lineageHead = new Int32Array(0);
  /** Measurement assigned this scan, −1 for none. */
  assigned = new Int32Array(0);
  /** State (n per slot) and covariance (n² per slot), row-major. */
  state = new Float64Array(0);
  covariance = new Float64Array(0);
  stateView: Float64Array[] = [];
  covarianceView: Float64Array[] = [];
  /** Per-scan prediction of the measurement: ẑ, the Cholesky factor of S, ln det S. */
  zPredicted = new Float64Array(0);
  innovationFactor = new Float64Array(0);
  zPredictedView: Float64Array[] = [];
  innovationFactorView: Float64Array[] = [];
  logDetInnovation = new Float64Array(0);
  /** Half-widths of the gate's bounding box in measurement space (m per slot). */
  gateHalfWidth = new Float64Array(0);
  /** 1 when this scan's innovation covariance is positive-definite (the track can be gated). */
  gateable = new Uint8Array(0);

  constructor(stateDim: number, measDim: number, capacity = 64) {
    this.stateDim = stateDim;
    this.measDim = measDim;
    this.grow(capacity);
  }

  /** Appends a track slot (fields zeroed except as set by the caller) and returns it. */
  add(id: number): number {
    if (this.count === this.capacity) this.grow(2 * this.capacity);
    const slot = this.count++;
    this.id[slot] = id;
    this.status[slot] = TrackStatus.tentative;
    this.hits[slot] = 0;
    this.misses[slot] = 0;
    this.lineageHead[slot] = -1;
    this.assigned[slot] = -1;
    this.gateable[slot] = 0;
    return slot;
  }

  /** Removes the track in `slot` by moving the last track into it. */
  remove(slot: number): void {
    const last = --this.count;
    if (slot === last) return;
    const n = this.stateDim;
    const m = this.measDim;
    this.id[slot] = this.id[last]!;
    this.status[slot] = this.status[last]!;
    this.hits[slot] = this.hits[last]!;
    this.misses[slot] = this.misses[last]!;
    this.time[slot] = this.time[last]!;
    this.firstTime[slot] = this.firstTime[last]!;
    this.logOdds[slot] = this.logOdds[last]!;
    this.lineageHead[slot] = this.lineageHead[last]!;
    this.assigned[slot] = this.assigned[last]!;
    this.gateable[slot] = this.gateable[last]!;
    this.logDetInnovation[slot] = this.logDetInnovation[last]!;
    this.state.copyWithin(slot * n, last * n, (last + 1) * n);
    this.covariance.copyWithin(slot * n * n, last * n * n, (last + 1) * n * n);
    this.zPredicted.copyWithin(slot * m, last * m, (last + 1) * m);
    this.innovationFactor.copyWithin(slot * m * m, last * m * m, (last + 1) * m * m);
    this.gateHalfWidth.copyWithin(slot * m, last * m, (last + 1) * m);
  }

  private grow(capacity: number): void {
    const n = this.stateDim;
    const m = this.measDim;
    const count = this.count;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(
      old: T,
      make: (size: number) => T,
      per = 1,
    ): T => {
      const next = make(capacity * per);
      next.set(old.subarray(0, count * per));
      return next;
    };
    const f64 = (size: number) => new Float64Array(size);
    const i32 = (size: number) => new Int32Array(size);
    const u8 = (size: number) => new Uint8Array(size);
    this.id = grown(this.id, i32);
    this.status = grown(this.status, u8);
    this.hits = grown(this.hits, i32);
    this.misses = grown(this.misses, i32);
    this.time = grown(this.time, f64);
    this.firstTime = grown(this.firstTime, f64);
    this.logOdds = grown(this.logOdds, f64);
    this.lineageHead = grown(this.lineageHead, i32);
    this.assigned = grown(this.assigned, i32);
    this.gateable = grown(this.gateable, u8);
    this.logDetInnovation = grown(this.logDetInnovation, f64);
    this.state = grown(this.state, f64, n);
    this.covariance = grown(this.covariance, f64, n * n);
    this.zPredicted = grown(this.zPredicted, f64, m);
    this.innovationFactor = grown(this.innovationFactor, f64, m * m);
    this.gateHalfWidth = grown(this.gateHalfWidth, f64, m);
    this.stateView = views(this.state, n, capacity);
    this.covarianceView = views(this.covariance, n * n, capacity);
    this.zPredictedView = views(this.zPredicted, m, capacity);
    this.innovationFactorView = views(this.innovationFactor, m * m, capacity);
    this.capacity = capacity;
  }
}

function views(array: Float64Array, size: number, count: number): Float64Array[] {
  const out = new Array<Float64Array>(count);
  for (let s = 0; s < count; s++) out[s] = array.subarray(s * size, (s + 1) * size);
  return out;
}
