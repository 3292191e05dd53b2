// Classical fixed-step fourth-order Runge–Kutta (Hairer, Nørsett & Wanner, Solving
// ODEs I, §II.1, table 1.2). The stage buffers are allocated once per instance.
import type { Derivative } from './types.ts';

export class Rk4 {
  readonly dimension: number;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly stage: Float64Array;

  constructor(dimension: number) {
    this.dimension = dimension;
    this.k1 = new Float64Array(dimension);
    this.k2 = new Float64Array(dimension);
    this.k3 = new Float64Array(dimension);
    this.k4 = new Float64Array(dimension);
    this.stage = new Float64Array(dimension);
  }

  /** One step of size h (s) from (t, y); writes y(t + h) into out, which may be y. Returns out. */
  step(f: Derivative, t: number, y: Float64Array, h: number, out: Float64Array): Float64Array {
    const { k1, k2, k3, k4, stage, dimension: n } = this;
    const half = 0.5 * h;
    f(t, y, k1);
    for (let i = 0; i < n; i++) stage[i] = y[i]! + half * k1[i]!;
    f(t + half, stage, k2);
    for (let i = 0; i < n; i++) stage[i] = y[i]! + half * k2[i]!;
    f(t + half, stage, k3);
    for (let i = 0; i < n; i++) stage[i] = y[i]! + h * k3[i]!;
    f(t + h, stage, k4);
    const sixth = h / 6;
    for (let i = 0; i < n; i++) out[i] = y[i]! + sixth * (k1[i]! + 2 * (k2[i]! + k3[i]!) + k4[i]!);
    return out;
  }

  /**
   * Integrates from (t0, y0) to t1 in equal steps no longer than h (s), the last one
   * landing exactly on t1; writes y(t1) into out, which may be y0. Returns out.
   */
  integrate(
    f: Derivative,
    t0: number,
    y0: Float64Array,
    t1: number,
    h: number,
    out: Float64Array,
  ): Float64Array {
    out.set(y0);
    const span = t1 - t0;
    // The small slack keeps a span that is a whole number of steps, up to rounding, from gaining a step.
    const steps = Math.max(1, Math.ceil(Math.abs(span) / h - 1e-9));
    const hEqual = span / steps;
    for (let i = 0; i < steps; i++) this.step(f, t0 + i * hEqual, out, hEqual, out);
    return out;
  }
}
