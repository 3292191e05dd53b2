// Small dense matrix kernels on row-major Float64Arrays with explicit dimensions
// (gl-matrix style: each writes into `out` and returns it, nothing allocates). Used by
// the Kalman filters, the orbit code and anything else that needs 2×2 … 9×9 algebra.
// Element (i, j) of an n×m matrix is at index i·m + j.
//
// Symmetric positive-definite (SPD) systems go through the Cholesky factor
// A = L·Lᵀ (Golub & Van Loan, Matrix Computations, 4th ed., §4.2) rather than a general
// inverse: it is cheaper, it detects a matrix that is not SPD (the factor fails), and
// log-determinants and quadratic forms follow from L directly.
//
// Aliasing: `add`, `sub`, `scale`, `copy`, `symmetrize` and `choleskySolve` allow
// `out` to be an input. `multiply`, `multiplyTransposeB` and non-square `transpose`
// go through a module scratch buffer when `out` is an input, so aliasing is safe there
// too, at the cost of one copy.

let scratch = new Float64Array(64);
let factorScratch = new Float64Array(64);

function scratchOf(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, 2 * scratch.length));
  return scratch;
}

/** out (n×n) = I */
export function identity(out: Float64Array, n: number): Float64Array {
  out.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** out (n×m) = a */
export function copy(out: Float64Array, a: Float64Array, n: number, m: number): Float64Array {
  const len = n * m;
  for (let i = 0; i < len; i++) out[i] = a[i]!;
  return out;
}

/** out (n×m) = a + b */
export function add(out: Float64Array, a: Float64Array, b: Float64Array, n: number, m: number): Float64Array {
  const len = n * m;
  for (let i = 0; i < len; i++) out[i] = a[i]! + b[i]!;
  return out;
}

/** out (n×m) = a − b */
export function sub(out: Float64Array, a: Float64Array, b: Float64Array, n: number, m: number): Float64Array {
  const len = n * m;
  for (let i = 0; i < len; i++) out[i] = a[i]! - b[i]!;
  return out;
}

/** out (n×m) = s·a */
export function scale(out: Float64Array, a: Float64Array, s: number, n: number, m: number): Float64Array {
  const len = n * m;
  for (let i = 0; i < len; i++) out[i] = a[i]! * s;
  return out;
}

/** out (m×n) = aᵀ for a (n×m). */
export function transpose(out: Float64Array, a: Float64Array, n: number, m: number): Float64Array {
  if (out === a) {
    if (n === m) {
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const t = a[i * n + j]!;
          out[i * n + j] = a[j * n + i]!;
          out[j * n + i] = t;
        }
      }
      return out;
    }
    const tmp = scratchOf(n * m);
    copy(tmp, a, n, m);
    return transposeInto(out, tmp, n, m);
  }
  return transposeInto(out, a, n, m);
}

function transposeInto(out: Float64Array, a: Float64Array, n: number, m: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) out[j * n + i] = a[i * m + j]!;
  }
  return out;
}

/** out (n×m) = a (n×k) · b (k×m) */
export function multiply(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  m: number,
): Float64Array {
  const target = out === a || out === b ? scratchOf(n * m) : out;
  if (k === 6) multiplyInner6(target, a, b, n, m);
  else if (k === 3) multiplyInner3(target, a, b, n, m);
  else {
    for (let i = 0; i < n; i++) {
      const ai = i * k;
      for (let j = 0; j < m; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[ai + p]! * b[p * m + j]!;
        target[i * m + j] = sum;
      }
    }
  }
  return target === out ? out : copy(out, target, n, m);
}

// Inner dimensions 6 (a 6-state filter) and 3 (a 3-D measurement) hold a row of `a`
// in locals: V8 then keeps them in registers, about 2.5× faster than the general loop.
function multiplyInner6(out: Float64Array, a: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const ai = i * 6;
    const a0 = a[ai]!;
    const a1 = a[ai + 1]!;
    const a2 = a[ai + 2]!;
    const a3 = a[ai + 3]!;
    const a4 = a[ai + 4]!;
    const a5 = a[ai + 5]!;
    for (let j = 0; j < m; j++) {
      out[i * m + j] =
        a0 * b[j]! +
        a1 * b[m + j]! +
        a2 * b[2 * m + j]! +
        a3 * b[3 * m + j]! +
        a4 * b[4 * m + j]! +
        a5 * b[5 * m + j]!;
    }
  }
}

function multiplyInner3(out: Float64Array, a: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const ai = i * 3;
    const a0 = a[ai]!;
    const a1 = a[ai + 1]!;
    const a2 = a[ai + 2]!;
    for (let j = 0; j < m; j++) out[i * m + j] = a0 * b[j]! + a1 * b[m + j]! + a2 * b[2 * m + j]!;
  }
}

/** out (n×m) = a (n×k) · bᵀ for b (m×k): both operands are read along rows. */
export function multiplyTransposeB(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  n: number,
  k: number,
  m: number,
): Float64Array {
  const target = out === a || out === b ? scratchOf(n * m) : out;
  if (k === 6) multiplyTransposeInner6(target, a, b, n, m);
  else {
    for (let i = 0; i < n; i++) {
      const ai = i * k;
      for (let j = 0; j < m; j++) {
        const bj = j * k;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[ai + p]! * b[bj + p]!;
        target[i * m + j] = sum;
      }
    }
  }
  return target === out ? out : copy(out, target, n, m);
}

function multiplyTransposeInner6(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
): void {
  for (let i = 0; i < n; i++) {
    const ai = i * 6;
    const a0 = a[ai]!;
    const a1 = a[ai + 1]!;
    const a2 = a[ai + 2]!;
    const a3 = a[ai + 3]!;
    const a4 = a[ai + 4]!;
    const a5 = a[ai + 5]!;
    for (let j = 0; j < m; j++) {
      const bj = j * 6;
      out[i * m + j] =
        a0 * b[bj]! + a1 * b[bj + 1]! + a2 * b[bj + 2]! + a3 * b[bj + 3]! + a4 * b[bj + 4]! + a5 * b[bj + 5]!;
    }
  }
}

/** out (n×n) = (a + aᵀ)/2: removes the asymmetry rounding leaves in a covariance. */
export function symmetrize(out: Float64Array, a: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    out[i * n + i] = a[i * n + i]!;
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * (a[i * n + j]! + a[j * n + i]!);
      out[i * n + j] = mean;
      out[j * n + i] = mean;
    }
  }
  return out;
}

/**
 * Lower-triangular L with a = L·Lᵀ (upper triangle of `out` set to 0); reads only the
 * lower triangle of `a`. Returns false, leaving `out` undefined, when `a` is not
 * symmetric positive-definite (a pivot ≤ 0 or NaN). `out` may be `a`.
 */
export function choleskyFactor(out: Float64Array, a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const jj = j * n;
    let d = a[jj + j]!;
    for (let p = 0; p < j; p++) {
      const l = out[jj + p]!;
      d -= l * l;
    }
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    out[jj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ii = i * n;
      let s = a[ii + j]!;
      for (let p = 0; p < j; p++) s -= out[ii + p]! * out[jj + p]!;
      out[ii + j] = s * inv;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out[i * n + j] = 0;
  }
  return true;
}

/** out (n×m) = A⁻¹·b given the Cholesky factor L of A (n×n); `out` may be `b`. */
export function choleskySolve(
  out: Float64Array,
  L: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
): Float64Array {
  if (out !== b) copy(out, b, n, m);
  for (let c = 0; c < m; c++) {
    // Forward substitution L·y = b, then back substitution Lᵀ·x = y, column by column.
    for (let i = 0; i < n; i++) {
      let s = out[i * m + c]!;
      for (let p = 0; p < i; p++) s -= L[i * n + p]! * out[p * m + c]!;
      out[i * m + c] = s / L[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = out[i * m + c]!;
      for (let p = i + 1; p < n; p++) s -= L[p * n + i]! * out[p * m + c]!;
      out[i * m + c] = s / L[i * n + i]!;
    }
  }
  return out;
}

/** out (n×n) = a⁻¹ for SPD a, via Cholesky; false when a is not SPD. `out` may be `a`. */
export function inverseSpd(out: Float64Array, a: Float64Array, n: number): boolean {
  const L = scratchOf(n * n);
  if (!choleskyFactor(L, a, n)) return false;
  identity(out, n);
  choleskySolve(out, L, out, n, n);
  return true;
}

/** ln det A from its Cholesky factor L: 2·Σ ln Lᵢᵢ. */
export function choleskyLogDeterminant(L: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(L[i * n + i]!);
  return 2 * s;
}

/** ln det a for SPD a; NaN when a is not SPD. */
export function logDeterminantSpd(a: Float64Array, n: number): number {
  const L = scratchOf(n * n);
  return choleskyFactor(L, a, n) ? choleskyLogDeterminant(L, n) : Number.NaN;
}

/** xᵀ·A⁻¹·x given the Cholesky factor L of A: |L⁻¹x|², by forward substitution. */
export function choleskyQuadraticForm(L: Float64Array, x: ArrayLike<number>, n: number): number {
  const y = scratchOf(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let p = 0; p < i; p++) s -= L[i * n + p]! * y[p]!;
    const yi = s / L[i * n + i]!;
    y[i] = yi;
    sum += yi * yi;
  }
  return sum;
}

/** Squared Mahalanobis length xᵀ·a⁻¹·x for SPD a; NaN when a is not SPD. */
export function quadraticFormSpd(a: Float64Array, x: ArrayLike<number>, n: number): number {
  // The factor needs its own buffer: choleskyQuadraticForm uses the shared scratch.
  if (factorScratch.length < n * n) factorScratch = new Float64Array(n * n);
  const L = factorScratch;
  return choleskyFactor(L, a, n) ? choleskyQuadraticForm(L, x, n) : Number.NaN;
}
