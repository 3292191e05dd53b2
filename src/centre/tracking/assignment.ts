// Optimal 2-D assignment for a rectangular cost matrix (rows ≤ columns): every row gets
// a distinct column, minimising the total cost; Infinity marks a forbidden pair.
// Algorithm: the shortest augmenting path method of Jonker & Volgenant ("A shortest
// augmenting path algorithm for dense and sparse linear assignment problems",
// Computing 38, 1987) in the rectangular form of Crouse ("On implementing 2D
// rectangular assignment algorithms", IEEE TAES 52(4), 2016): one Dijkstra search on
// reduced costs c(i, j) − u(i) − v(j) per row, then dual update and augmentation.
// O(rows²·cols) worst case; the trackers call it on small clusters only.
//
// Work arrays are module scratch grown on demand, so solving allocates nothing.

let u = new Float64Array(16);
let v = new Float64Array(16);
let shortest = new Float64Array(16);
let path = new Int32Array(16);
let rowForCol = new Int32Array(16);
let remaining = new Int32Array(16);
let rowVisited = new Uint8Array(16);
let colVisited = new Uint8Array(16);

function ensureCapacity(rows: number, cols: number): void {
  if (u.length < rows) {
    u = new Float64Array(Math.max(rows, 2 * u.length));
    rowVisited = new Uint8Array(u.length);
  }
  if (v.length < cols) {
    const size = Math.max(cols, 2 * v.length);
    v = new Float64Array(size);
    shortest = new Float64Array(size);
    path = new Int32Array(size);
    rowForCol = new Int32Array(size);
    remaining = new Int32Array(size);
    colVisited = new Uint8Array(size);
  }
}

/**
 * Solves min Σᵢ cost[i·cols + colForRow[i]] over injective row → column maps, for
 * rows ≤ cols. Writes the map into `colForRow` (length ≥ rows) and returns the total
 * cost, or Infinity (with `colForRow` undefined) when no finite assignment exists.
 */
export function solveAssignment(
  cost: Float64Array,
  rows: number,
  cols: number,
  colForRow: Int32Array,
): number {
  if (rows > cols) throw new RangeError(`solveAssignment needs rows ≤ cols, got ${rows} × ${cols}`);
  ensureCapacity(rows, cols);
  u.fill(0, 0, rows);
  v.fill(0, 0, cols);
  rowForCol.fill(-1, 0, cols);
  colForRow.fill(-1, 0, rows);

  for (let startRow = 0; startRow < rows; startRow++) {
    // Dijkstra from startRow over the reduced costs until it reaches a free column.
    for (let j = 0; j < cols; j++) {
      remaining[j] = cols - 1 - j;
      shortest[j] = Number.POSITIVE_INFINITY;
      colVisited[j] = 0;
    }
    rowVisited.fill(0, 0, rows);
    let numRemaining = cols;
    let minDist = 0;
    let row = startRow;
    let sink = -1;
    while (sink < 0) {
      rowVisited[row] = 1;
      let lowest = Number.POSITIVE_INFINITY;
      let lowestAt = -1;
      const base = row * cols;
      const ui = u[row]!;
      for (let k = 0; k < numRemaining; k++) {
        const j = remaining[k]!;
        const reduced = minDist + cost[base + j]! - ui - v[j]!;
        if (reduced < shortest[j]!) {
          path[j] = row;
          shortest[j] = reduced;
        }
        // Among equal distances prefer a free column: it ends the search sooner.
        const s = shortest[j]!;
        if (s < lowest || (s === lowest && rowForCol[j] === -1)) {
          lowest = s;
          lowestAt = k;
        }
      }
      if (lowestAt < 0 || lowest === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
      minDist = lowest;
      const col = remaining[lowestAt]!;
      colVisited[col] = 1;
      remaining[lowestAt] = remaining[--numRemaining]!;
      if (rowForCol[col] === -1) sink = col;
      else row = rowForCol[col]!;
    }

    u[startRow] = u[startRow]! + minDist;
    for (let i = 0; i < rows; i++) {
      if (rowVisited[i] && i !== startRow) u[i] = u[i]! + minDist - shortest[colForRow[i]!]!;
    }
    for (let j = 0; j < cols; j++) {
      if (colVisited[j]) v[j] = v[j]! - minDist + shortest[j]!;
    }

    let col = sink;
    for (;;) {
      const i = path[col]!;
      rowForCol[col] = i;
      const previous = colForRow[i]!;
      colForRow[i] = col;
      if (i === startRow) break;
      col = previous;
    }
  }

  let total = 0;
  for (let i = 0; i < rows; i++) total += cost[i * cols + colForRow[i]!]!;
  return total;
}
