// The project's one seeded random number generator (DESIGN.md §3).
//
// Generator: xoshiro128** 1.1 (D. Blackman, S. Vigna, "Scrambled linear pseudorandom
// number generators", ACM TOMS 47(4), 2021): 128-bit state, period 2¹²⁸ − 1, 32-bit
// outputs, only 32-bit integer operations (Math.imul, shifts), so the integer stream is
// identical on every platform.
//
// Streams: a stream is named by (seed, path of names). Its state is a 128-bit hash of
// that name: four MurmurHash3 x86-32 lanes (A. Appleby) with distinct lane seeds over
// the words [seed as a 64-bit two's-complement integer (low, high word), path length,
// then per name its length and UTF-16 code units], each finished with the MurmurHash3
// avalanche. `split(name)` derives a child from (seed, path + name) alone and does not
// consume the parent's state, so adding a sensor (a new split) never changes another
// stream's numbers.
// `createRng(seed, 'radar')` and `createRng(seed).split('radar')` are the same stream.
//
// Variates: uniform() has 53 random bits (two outputs); normal() is the polar Box–Muller
// method (G. Marsaglia, T. Bray 1964) caching the second value; exponential() inverts
// the CDF; poisson() multiplies uniforms (D. Knuth, TAOCP vol. 2, §3.4.1) below λ = 10
// and uses PTRS transformed rejection (W. Hörmann, "The transformed rejection method for
// generating Poisson random variables", Insurance: Math. & Econ. 12, 1993) from λ = 10:
// both exact. The floating-point transforms use Math.log/Math.sqrt; Node's V8 computes
// these with the same fdlibm-derived code on every platform.

/** One 32-bit output of xoshiro128** from a 4-word state, advancing the state in place. */
export function nextXoshiro128StarStar(state: Uint32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]!;
  const s3 = state[3]!;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  state[0] = s0 ^ n3;
  state[1] = s1 ^ n2;
  state[2] = n2 ^ t;
  state[3] = (n3 << 11) | (n3 >>> 21);
  return result;
}

/** A seeded stream of random numbers. */
export interface Rng {
  /** The run seed this stream derives from. */
  readonly seed: number;
  /** The names leading from the root stream to this one. */
  readonly path: readonly string[];
  /** Uniform 32-bit unsigned integer in [0, 2³²). */
  next(): number;
  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Exponential with the given rate (> 0): mean 1/rate. */
  exponential(rate: number): number;
  /** Poisson count with mean lambda (≥ 0). */
  poisson(lambda: number): number;
  /** Uniform integer in [0, n), 1 ≤ n ≤ 2³², without modulo bias. */
  integer(n: number): number;
  /** The independent child stream (seed, path + name). */
  split(name: string): Rng;
}

const LANE_SEEDS = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];
const hashLanes = new Uint32Array(4);
let hashLength = 0;

function absorb(word: number): void {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  for (let lane = 0; lane < 4; lane++) {
    let h = hashLanes[lane]! ^ k;
    h = (h << 13) | (h >>> 19);
    hashLanes[lane] = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  hashLength++;
}

function avalanche(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The 128-bit starting state of stream (seed, path). */
function streamState(seed: number, path: readonly string[]): Uint32Array {
  hashLanes.set(LANE_SEEDS);
  hashLength = 0;
  absorb(seed >>> 0);
  absorb(Math.floor(seed / 4294967296) >>> 0);
  absorb(path.length);
  for (const name of path) {
    absorb(name.length);
    for (let i = 0; i < name.length; i++) absorb(name.charCodeAt(i));
  }
  const state = new Uint32Array(4);
  for (let lane = 0; lane < 4; lane++) state[lane] = avalanche(hashLanes[lane]! ^ hashLength);
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const POISSON_PTRS_MIN = 10;

/** ln k! exactly summed below 30; Stirling's series for ln Γ(k + 1) above (error < 1e-15). */
const LOG_FACTORIAL_TABLE = new Float64Array(30);
for (let k = 2; k < 30; k++) LOG_FACTORIAL_TABLE[k] = LOG_FACTORIAL_TABLE[k - 1]! + Math.log(k);
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

function logFactorial(k: number): number {
  if (k < 30) return LOG_FACTORIAL_TABLE[k]!;
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

class Xoshiro128Rng implements Rng {
  readonly seed: number;
  readonly path: readonly string[];
  private readonly state: Uint32Array;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seed: number, path: readonly string[]) {
    this.seed = seed;
    this.path = path;
    this.state = streamState(seed, path);
  }

  next(): number {
    return nextXoshiro128StarStar(this.state);
  }

  uniform(): number {
    const high = nextXoshiro128StarStar(this.state) >>> 5;
    const low = nextXoshiro128StarStar(this.state) >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * m;
    this.hasSpareNormal = true;
    return u * m;
  }

  exponential(rate: number): number {
    if (!(rate > 0)) throw new RangeError(`exponential: rate must be > 0, got ${rate}`);
    return -Math.log1p(-this.uniform()) / rate;
  }

  poisson(lambda: number): number {
    if (!(lambda >= 0 && lambda < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`poisson: lambda must be finite and ≥ 0, got ${lambda}`);
    }
    if (lambda < POISSON_PTRS_MIN) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let product = this.uniform();
      while (product > limit) {
        k++;
        product *= this.uniform();
      }
      return k;
    }
    const sqrtLambda = Math.sqrt(lambda);
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * sqrtLambda;
    const a = -0.059 + 0.02483 * b;
    const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <=
        -lambda + k * logLambda - logFactorial(k)
      ) {
        return k;
      }
    }
  }

  integer(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_32)) {
      throw new RangeError(`integer: n must be an integer in [1, 2^32], got ${n}`);
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = nextXoshiro128StarStar(this.state);
      if (x < limit) return x % n;
    }
  }

  split(name: string): Rng {
    return new Xoshiro128Rng(this.seed, [...this.path, name]);
  }
}

/**
 * The root stream of a run's seed (a safe integer), or the named stream `stream` under
 * it. Throws RangeError for a seed that is not a safe integer.
 */
export function createRng(seed: number, stream = ''): Rng {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`createRng: seed must be a safe integer, got ${seed}`);
  return new Xoshiro128Rng(seed, stream === '' ? [] : [stream]);
}
