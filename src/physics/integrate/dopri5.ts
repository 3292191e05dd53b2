// Adaptive explicit Runge–Kutta 5(4) of Dormand & Prince with its continuous extension,
// after Hairer, Nørsett & Wanner, Solving ODEs I (2nd ed., 1993), §II.4–II.6 and their
// code DOPRI5 (coefficients, error norm, PI step control with β = 0.04, initial-step
// estimate HINIT, dense output CONTD5 after Shampine 1986). Integrates forward in time.
// Each step costs six right-hand-side evaluations (the seventh is reused, FSAL); all
// buffers are allocated once, in the constructor, and reused by every step.
import { IntegrationError } from './integration-error.ts';
import type { Derivative, Dopri5Options } from './types.ts';

const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Difference between the 5th- and the embedded 4th-order weights: the local error estimate.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Continuous extension of order 4 (Shampine 1986), as in Hairer's CONTD5.
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

// Step-size control constants of DOPRI5: safety factor, PI (Lund) stabilisation, and
// the bounds on one step's change (shrink at most 5×, grow at most 10×).
const SAFETY = 0.9;
const BETA = 0.04;
const EXPO1 = 0.2 - 0.75 * BETA;
// The previous error enters the PI controller no smaller than 1e-4; kept as a
// logarithm because exp and log are several times faster than ** in V8.
const LOG_MIN_ERR = Math.log(1e-4);
const MAX_SHRINK = 5;
const MAX_GROWTH = 10;
// A rejected step whose error estimate is not finite (NaN or ∞ in a stage) shrinks by this factor.
const NON_FINITE_SHRINK = 0.2;

export class Dopri5 {
  readonly dimension: number;
  private readonly rtol: number;
  private readonly atol: Float64Array;
  private readonly hInitial: number | undefined;
  private readonly hMin: number;
  private readonly hMax: number;
  private readonly maxSteps: number;

  private f: Derivative | null = null;
  private tNow = 0;
  private tBefore = 0;
  private hLast = 0;
  private hNext = 0;
  private logErrOld = LOG_MIN_ERR;
  private lastRejected = false;
  private lastNonFinite = false;
  private accepted = 0;
  private rejected = 0;
  private evals = 0;

  // y and yNew, k1 and k7 swap on acceptance instead of being copied.
  private yNow: Float64Array;
  private yNew: Float64Array;
  private k1: Float64Array;
  private k7: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly stage: Float64Array;
  // Dense-output coefficients of the last step (Hairer's RCONT1..5).
  private readonly dense0: Float64Array;
  private readonly dense1: Float64Array;
  private readonly dense2: Float64Array;
  private readonly dense3: Float64Array;
  private readonly dense4: Float64Array;

  constructor(dimension: number, options: Dopri5Options) {
    this.dimension = dimension;
    this.rtol = options.rtol;
    this.atol =
      typeof options.atol === 'number'
        ? new Float64Array(dimension).fill(options.atol)
        : Float64Array.from(options.atol);
    if (this.atol.length !== dimension) {
      throw new RangeError(`atol has ${this.atol.length} components, the state has ${dimension}`);
    }
    this.hInitial = options.hInitial;
    this.hMin = options.hMin ?? 0;
    this.hMax = options.hMax ?? Number.POSITIVE_INFINITY;
    this.maxSteps = options.maxSteps ?? 100_000;
    const buffer = () => new Float64Array(dimension);
    this.yNow = buffer();
    this.yNew = buffer();
    this.k1 = buffer();
    this.k2 = buffer();
    this.k3 = buffer();
    this.k4 = buffer();
    this.k5 = buffer();
    this.k6 = buffer();
    this.k7 = buffer();
    this.stage = buffer();
    this.dense0 = buffer();
    this.dense1 = buffer();
    this.dense2 = buffer();
    this.dense3 = buffer();
    this.dense4 = buffer();
  }

  /** Current time (s): the end of the last accepted step. */
  get t(): number {
    return this.tNow;
  }

  /** Start of the last accepted step (s); equals t right after a reset. */
  get tPrev(): number {
    return this.tBefore;
  }

  /** Current state, owned by the integrator: read it, do not write it or keep it across steps. */
  get y(): Float64Array {
    return this.yNow;
  }

  /** Size of the last accepted step (s). */
  get stepSize(): number {
    return this.hLast;
  }

  /** Accepted steps since the last reset. */
  get steps(): number {
    return this.accepted;
  }

  /** Rejected step attempts since the last reset. */
  get rejectedSteps(): number {
    return this.rejected;
  }

  /** Right-hand-side evaluations since the last reset. */
  get evaluations(): number {
    return this.evals;
  }

  /**
   * Starts (or restarts, e.g. with a new right-hand side at a phase change) from
   * (t0, y0); y0 is copied and may be this integrator's own `y`. Throws
   * IntegrationError('non-finite') when y0 or f(t0, y0) is not finite.
   */
  reset(f: Derivative, t0: number, y0: Float64Array): void {
    this.f = f;
    this.tNow = t0;
    this.tBefore = t0;
    this.hLast = 0;
    this.yNow.set(y0);
    f(t0, this.yNow, this.k1);
    this.evals = 1;
    this.accepted = 0;
    this.rejected = 0;
    this.logErrOld = LOG_MIN_ERR;
    this.lastRejected = false;
    this.lastNonFinite = false;
    if (!allFinite(this.yNow) || !allFinite(this.k1)) throw new IntegrationError('non-finite', t0);
    this.hNext = this.hInitial ?? this.initialStep();
  }

  /**
   * Takes one accepted step, shortened if needed so that it ends exactly on tLimit
   * (> t) and never past it. Throws IntegrationError when the step attempts since the
   * reset exceed maxSteps ('max-steps'), or when the controller asks for a step below
   * hMin, or below rounding at t ('step-too-small'; 'non-finite' if the last
   * attempt's stages were not finite).
   */
  step(tLimit: number): void {
    const f = this.f;
    if (f === null) throw new Error('Dopri5.step called before reset');
    if (!(tLimit > this.tNow)) throw new RangeError(`tLimit ${tLimit} s is not after t = ${this.tNow} s`);
    const { dimension: n, rtol, atol, k2, k3, k4, k5, k6, stage } = this;
    const t = this.tNow;
    const y = this.yNow;
    const yNew = this.yNew;
    const k1 = this.k1;
    const k7 = this.k7;
    for (;;) {
      if (this.accepted + this.rejected >= this.maxSteps) throw new IntegrationError('max-steps', t);
      let h = Math.min(this.hNext, this.hMax);
      if (h < Math.max(this.hMin, 16 * Number.EPSILON * Math.abs(t))) {
        throw new IntegrationError(this.lastNonFinite ? 'non-finite' : 'step-too-small', t);
      }
      // Stretching a step by up to 1% to reach tLimit avoids a sliver of a final step.
      const reachesLimit = t + 1.01 * h >= tLimit;
      if (reachesLimit) h = tLimit - t;

      for (let i = 0; i < n; i++) stage[i] = y[i]! + h * A21 * k1[i]!;
      f(t + C2 * h, stage, k2);
      for (let i = 0; i < n; i++) stage[i] = y[i]! + h * (A31 * k1[i]! + A32 * k2[i]!);
      f(t + C3 * h, stage, k3);
      for (let i = 0; i < n; i++) stage[i] = y[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!);
      f(t + C4 * h, stage, k4);
      for (let i = 0; i < n; i++) {
        stage[i] = y[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!);
      }
      f(t + C5 * h, stage, k5);
      for (let i = 0; i < n; i++) {
        stage[i] = y[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! + A64 * k4[i]! + A65 * k5[i]!);
      }
      const tEnd = reachesLimit ? tLimit : t + h;
      f(tEnd, stage, k6);
      for (let i = 0; i < n; i++) {
        yNew[i] = y[i]! + h * (A71 * k1[i]! + A73 * k3[i]! + A74 * k4[i]! + A75 * k5[i]! + A76 * k6[i]!);
      }
      f(tEnd, yNew, k7);
      this.evals += 6;

      let sum = 0;
      for (let i = 0; i < n; i++) {
        const scale = atol[i]! + rtol * Math.max(Math.abs(y[i]!), Math.abs(yNew[i]!));
        const e =
          (h * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k7[i]!)) / scale;
        sum += e * e;
      }
      const err = Math.sqrt(sum / n);

      if (!Number.isFinite(err)) {
        this.lastNonFinite = true;
        this.lastRejected = true;
        this.rejected++;
        this.hNext = h * NON_FINITE_SHRINK;
        continue;
      }
      this.lastNonFinite = false;
      const logErr = Math.log(err);
      if (err > 1) {
        this.lastRejected = true;
        this.rejected++;
        this.hNext = h / Math.min(MAX_SHRINK, Math.exp(EXPO1 * logErr) / SAFETY);
        continue;
      }

      // h_new = h / fac with fac = err^EXPO1 / errOld^BETA / SAFETY, bounded.
      const fac = Math.max(
        1 / MAX_GROWTH,
        Math.min(MAX_SHRINK, Math.exp(EXPO1 * logErr - BETA * this.logErrOld) / SAFETY),
      );
      this.hNext = this.lastRejected ? Math.min(h / fac, h) : h / fac;
      this.logErrOld = Math.max(logErr, LOG_MIN_ERR);
      this.lastRejected = false;
      this.accepted++;

      const { dense0, dense1, dense2, dense3, dense4 } = this;
      for (let i = 0; i < n; i++) {
        const yDiff = yNew[i]! - y[i]!;
        const bSpline = h * k1[i]! - yDiff;
        dense0[i] = y[i]!;
        dense1[i] = yDiff;
        dense2[i] = bSpline;
        dense3[i] = yDiff - h * k7[i]! - bSpline;
        dense4[i] = h * (D1 * k1[i]! + D3 * k3[i]! + D4 * k4[i]! + D5 * k5[i]! + D6 * k6[i]! + D7 * k7[i]!);
      }

      this.tBefore = t;
      this.tNow = tEnd;
      this.hLast = h;
      this.yNow = yNew;
      this.yNew = y;
      this.k1 = k7;
      this.k7 = k1;
      return;
    }
  }

  /**
   * The state at time t within the last step [tPrev, t], from the continuous
   * extension (4th order), into out. Returns out. At t itself it is the step's state exactly.
   */
  interpolate(t: number, out: Float64Array): Float64Array {
    if (t === this.tNow) {
      out.set(this.yNow);
      return out;
    }
    const { dimension: n, dense0, dense1, dense2, dense3, dense4 } = this;
    const theta = (t - this.tBefore) / this.hLast;
    const theta1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      out[i] =
        dense0[i]! +
        theta * (dense1[i]! + theta1 * (dense2[i]! + theta * (dense3[i]! + theta1 * dense4[i]!)));
    }
    return out;
  }

  // Hairer's HINIT: a step whose Euler error would be about 0.01 in the weighted norm,
  // from the sizes of y, f and the change of f over a trial Euler step. One evaluation.
  private initialStep(): number {
    const { dimension: n, rtol, atol, k1: f0, k2: f1, stage, yNow: y } = this;
    const f = this.f!;
    let dnf = 0;
    let dny = 0;
    for (let i = 0; i < n; i++) {
      const scale = atol[i]! + rtol * Math.abs(y[i]!);
      dnf += (f0[i]! / scale) ** 2;
      dny += (y[i]! / scale) ** 2;
    }
    let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
    h = Math.min(h, this.hMax);
    for (let i = 0; i < n; i++) stage[i] = y[i]! + h * f0[i]!;
    f(this.tNow + h, stage, f1);
    this.evals++;
    let dfSquared = 0;
    for (let i = 0; i < n; i++) {
      const scale = atol[i]! + rtol * Math.abs(y[i]!);
      dfSquared += ((f1[i]! - f0[i]!) / scale) ** 2;
    }
    const der2 = Math.sqrt(dfSquared) / h;
    const der12 = Math.max(der2, Math.sqrt(dnf));
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** 0.2;
    return Math.min(100 * h, h1, this.hMax);
  }
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}
