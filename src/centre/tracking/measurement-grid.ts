// Uniform grid over measurement space (its first three coordinates), hashed into a
// table twice the size of the point set, so that finding the measurements inside a
// track's gate box costs the cells it covers rather than a scan of every measurement.
// Built in O(m) per scan by a counting sort of the points by bucket (Teschner et al.,
// "Optimized spatial hashing for collision detection of deformable objects", VMV 2003,
// for the hash). Cells are stored per point, so a bucket shared by two cells is
// filtered exactly and no candidate is reported twice.

const HASH_X = 73856093;
const HASH_Y = 19349663;
const HASH_Z = 83492791;

export class MeasurementGrid {
  /** Number of grid dimensions in use (1 to 3). */
  dims = 3;
  cellSize = 1;
  private origin = new Float64Array(3);
  private maxCell = new Int32Array(3);
  private pointCell = new Int32Array(0);
  private bucketStart = new Int32Array(0);
  private sorted = new Int32Array(0);
  private mask = 0;
  /** Points indexed by the last build. */
  pointCount = 0;
  /** Candidates written by the last `query`. */
  candidates = new Int32Array(64);

  /**
   * Indexes the points z[j·stride …] for j < count with include[j] ≠ 0 (all when
   * include is null), using the first min(stride, 3) coordinates and cubic cells of
   * side cellSize.
   */
  build(z: Float64Array, stride: number, count: number, include: Uint8Array | null, cellSize: number): void {
    const dims = Math.min(stride, 3);
    this.dims = dims;
    const origin = this.origin;
    origin.fill(Number.POSITIVE_INFINITY);
    const top = buildTop;
    top.fill(Number.NEGATIVE_INFINITY);
    let used = 0;
    for (let j = 0; j < count; j++) {
      if (include && !include[j]) continue;
      used++;
      for (let d = 0; d < dims; d++) {
        const c = z[j * stride + d]!;
        if (c < origin[d]!) origin[d] = c;
        if (c > top[d]!) top[d] = c;
      }
    }
    this.pointCount = used;
    if (used === 0) return;
    // Keep cell indices well inside int32 whatever the spread of the points.
    for (let d = 0; d < dims; d++) cellSize = Math.max(cellSize, (top[d]! - origin[d]!) / 2 ** 20);
    this.cellSize = cellSize;
    for (let d = 0; d < dims; d++) this.maxCell[d] = Math.floor((top[d]! - origin[d]!) / cellSize);
    for (let d = dims; d < 3; d++) {
      origin[d] = 0;
      this.maxCell[d] = 0;
    }

    let size = 16;
    while (size < 2 * used) size *= 2;
    this.mask = size - 1;
    if (this.bucketStart.length < size + 1) this.bucketStart = new Int32Array(2 * size + 1);
    if (this.pointCell.length < 4 * count) this.pointCell = new Int32Array(8 * count);
    if (this.sorted.length < used) this.sorted = new Int32Array(2 * used);
    const start = this.bucketStart;
    start.fill(0, 0, size + 1);
    const cell = this.pointCell;
    for (let j = 0; j < count; j++) {
      if (include && !include[j]) continue;
      let cx = 0;
      let cy = 0;
      let cz = 0;
      cx = Math.floor((z[j * stride]! - origin[0]!) / cellSize);
      if (dims > 1) cy = Math.floor((z[j * stride + 1]! - origin[1]!) / cellSize);
      if (dims > 2) cz = Math.floor((z[j * stride + 2]! - origin[2]!) / cellSize);
      const b = this.bucket(cx, cy, cz);
      cell[4 * j] = cx;
      cell[4 * j + 1] = cy;
      cell[4 * j + 2] = cz;
      cell[4 * j + 3] = b;
      start[b + 1]!++;
    }
    for (let b = 0; b < size; b++) start[b + 1] = start[b + 1]! + start[b]!;
    // Fill each bucket's run; `fill` counts how far each run has been written.
    const fill = this.sorted;
    for (let j = 0; j < count; j++) {
      if (include && !include[j]) continue;
      const b = cell[4 * j + 3]!;
      fill[start[b]!++] = j;
    }
    // The fill loop moved each start to the next bucket's start; shift back.
    for (let b = size; b > 0; b--) start[b] = start[b - 1]!;
    start[0] = 0;
  }

  /**
   * Writes into `candidates` the indexed points whose cells meet the box
   * [lo, hi] (length dims) and returns their number, or −1 when the box covers more
   * than `maxCells` cells (the caller then checks every point instead).
   */
  query(lo: Float64Array, hi: Float64Array, maxCells: number): number {
    if (this.pointCount === 0) return 0;
    const cs = this.cellSize;
    const origin = this.origin;
    const maxCell = this.maxCell;
    let cells = 1;
    const range = queryRange;
    for (let d = 0; d < 3; d++) {
      if (d >= this.dims) {
        range[2 * d] = 0;
        range[2 * d + 1] = 0;
        continue;
      }
      const a = Math.max(0, Math.floor((lo[d]! - origin[d]!) / cs));
      const b = Math.min(maxCell[d]!, Math.floor((hi[d]! - origin[d]!) / cs));
      if (a > b) return 0;
      range[2 * d] = a;
      range[2 * d + 1] = b;
      cells *= b - a + 1;
    }
    if (cells > maxCells) return -1;
    const start = this.bucketStart;
    const sorted = this.sorted;
    const cell = this.pointCell;
    let found = 0;
    for (let cx = range[0]!; cx <= range[1]!; cx++) {
      for (let cy = range[2]!; cy <= range[3]!; cy++) {
        for (let cz = range[4]!; cz <= range[5]!; cz++) {
          const b = this.bucket(cx, cy, cz);
          for (let k = start[b]!, end = start[b + 1]!; k < end; k++) {
            const j = sorted[k]!;
            if (cell[4 * j] !== cx || cell[4 * j + 1] !== cy || cell[4 * j + 2] !== cz) continue;
            if (found === this.candidates.length) {
              const grown = new Int32Array(2 * found);
              grown.set(this.candidates);
              this.candidates = grown;
            }
            this.candidates[found++] = j;
          }
        }
      }
    }
    return found;
  }

  private bucket(cx: number, cy: number, cz: number): number {
    return (Math.imul(cx, HASH_X) ^ Math.imul(cy, HASH_Y) ^ Math.imul(cz, HASH_Z)) & this.mask;
  }
}

const queryRange = new Int32Array(6);
const buildTop = new Float64Array(3);
