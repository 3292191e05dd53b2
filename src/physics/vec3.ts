// 3-vectors on Float64Array (or any indexable triple), gl-matrix style: each function
// writes into `out` and returns it; inputs are read into locals first, so `out` may be
// the same array as an input. No function allocates except `create`.

/** A writable xyz triple: a Float64Array(3), a number[] or a typed-array view. */
export interface Vec3Like {
  [index: number]: number;
  readonly length: number;
}

/** A readable xyz triple. */
export type ReadonlyVec3 = ArrayLike<number>;

/** A new Float64Array(3) holding (x, y, z); for setup code, not for hot loops. */
export function create(x = 0, y = 0, z = 0): Float64Array {
  const out = new Float64Array(3);
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function set<T extends Vec3Like>(out: T, x: number, y: number, z: number): T {
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function copy<T extends Vec3Like>(out: T, a: ReadonlyVec3): T {
  out[0] = a[0]!;
  out[1] = a[1]!;
  out[2] = a[2]!;
  return out;
}

/** out = a + b */
export function add<T extends Vec3Like>(out: T, a: ReadonlyVec3, b: ReadonlyVec3): T {
  out[0] = a[0]! + b[0]!;
  out[1] = a[1]! + b[1]!;
  out[2] = a[2]! + b[2]!;
  return out;
}

/** out = a − b */
export function sub<T extends Vec3Like>(out: T, a: ReadonlyVec3, b: ReadonlyVec3): T {
  out[0] = a[0]! - b[0]!;
  out[1] = a[1]! - b[1]!;
  out[2] = a[2]! - b[2]!;
  return out;
}

/** out = s·a */
export function scale<T extends Vec3Like>(out: T, a: ReadonlyVec3, s: number): T {
  out[0] = a[0]! * s;
  out[1] = a[1]! * s;
  out[2] = a[2]! * s;
  return out;
}

/** out = a + s·b */
export function scaleAndAdd<T extends Vec3Like>(out: T, a: ReadonlyVec3, b: ReadonlyVec3, s: number): T {
  out[0] = a[0]! + b[0]! * s;
  out[1] = a[1]! + b[1]! * s;
  out[2] = a[2]! + b[2]! * s;
  return out;
}

export function dot(a: ReadonlyVec3, b: ReadonlyVec3): number {
  return a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
}

/** out = a × b */
export function cross<T extends Vec3Like>(out: T, a: ReadonlyVec3, b: ReadonlyVec3): T {
  const ax = a[0]!;
  const ay = a[1]!;
  const az = a[2]!;
  const bx = b[0]!;
  const by = b[1]!;
  const bz = b[2]!;
  out[0] = ay * bz - az * by;
  out[1] = az * bx - ax * bz;
  out[2] = ax * by - ay * bx;
  return out;
}

export function normSq(a: ReadonlyVec3): number {
  return a[0]! * a[0]! + a[1]! * a[1]! + a[2]! * a[2]!;
}

export function norm(a: ReadonlyVec3): number {
  return Math.sqrt(a[0]! * a[0]! + a[1]! * a[1]! + a[2]! * a[2]!);
}

/** out = a/|a|; the zero vector stays zero (no NaN). */
export function normalize<T extends Vec3Like>(out: T, a: ReadonlyVec3): T {
  const x = a[0]!;
  const y = a[1]!;
  const z = a[2]!;
  const n = Math.sqrt(x * x + y * y + z * z);
  const k = n > 0 ? 1 / n : 0;
  out[0] = x * k;
  out[1] = y * k;
  out[2] = z * k;
  return out;
}

export function distance(a: ReadonlyVec3, b: ReadonlyVec3): number {
  const dx = a[0]! - b[0]!;
  const dy = a[1]! - b[1]!;
  const dz = a[2]! - b[2]!;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/**
 * Angle between a and b in [0, π], rad, as atan2(|a×b|, a·b): accurate for nearly
 * parallel and nearly opposite vectors, where acos of the normalised dot product
 * loses half its digits. 0 when either vector is zero.
 */
export function angleBetween(a: ReadonlyVec3, b: ReadonlyVec3): number {
  const ax = a[0]!;
  const ay = a[1]!;
  const az = a[2]!;
  const bx = b[0]!;
  const by = b[1]!;
  const bz = b[2]!;
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
}

/** Reads the xyz triple number i of a structure-of-arrays store (elements 3i, 3i+1, 3i+2). */
export function getAt<T extends Vec3Like>(out: T, arr: ArrayLike<number>, i: number): T {
  const k = 3 * i;
  out[0] = arr[k]!;
  out[1] = arr[k + 1]!;
  out[2] = arr[k + 2]!;
  return out;
}

/** Writes v as the xyz triple number i of a structure-of-arrays store; returns arr. */
export function setAt<T extends Vec3Like>(arr: T, i: number, v: ReadonlyVec3): T {
  const k = 3 * i;
  arr[k] = v[0]!;
  arr[k + 1] = v[1]!;
  arr[k + 2] = v[2]!;
  return arr;
}
