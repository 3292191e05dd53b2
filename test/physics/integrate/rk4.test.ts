// Classical RK4 against exact solutions: y' = y (y = eᵗ) and the harmonic oscillator
// x'' = −ω²x (x = cos ωt).
import { describe, expect, it } from 'vitest';
import { Rk4 } from '../../../src/physics/integrate/rk4.ts';
import type { Derivative } from '../../../src/physics/integrate/types.ts';

const growth: Derivative = (_t, y, dydt) => {
  dydt[0] = y[0]!;
};

const OMEGA = 2;
const oscillator: Derivative = (_t, y, dydt) => {
  dydt[0] = y[1]!;
  dydt[1] = -OMEGA * OMEGA * y[0]!;
};

describe('Rk4', () => {
  it('has a global error that falls 16-fold when the step halves (fourth order) on y′ = y', () => {
    const rk4 = new Rk4(1);
    const out = new Float64Array(1);
    const errors = [0.05, 0.025, 0.0125].map(
      (h) => rk4.integrate(growth, 0, Float64Array.of(1), 1, h, out)[0]! - Math.E,
    );
    for (let i = 1; i < errors.length; i++) {
      const ratio = errors[i - 1]! / errors[i]!;
      expect(ratio).toBeGreaterThan(15);
      expect(ratio).toBeLessThan(17);
    }
  });

  it('follows the harmonic oscillator over ~3 periods at h = 0.01 s to 1e-7', () => {
    const out = new Rk4(2).integrate(oscillator, 0, Float64Array.of(1, 0), 10, 0.01, new Float64Array(2));
    expect(Math.abs(out[0]! - Math.cos(OMEGA * 10))).toBeLessThan(1e-7);
    expect(Math.abs(out[1]! + OMEGA * Math.sin(OMEGA * 10))).toBeLessThan(1e-7);
  });

  it('gives the same step when the output is the input array', () => {
    const rk4 = new Rk4(2);
    const y = Float64Array.of(0.3, -0.7);
    const separate = rk4.step(oscillator, 0, y, 0.1, new Float64Array(2));
    const inPlace = rk4.step(oscillator, 0, y, 0.1, y);
    expect(inPlace).toBe(y);
    expect(Array.from(inPlace)).toEqual(Array.from(separate));
  });

  it('splits a span that is not a whole number of steps into equal steps that end on t1', () => {
    const rk4 = new Rk4(1);
    // [0, 1] at h ≤ 0.3 is four steps of 0.25.
    const manual = Float64Array.of(1);
    for (let i = 0; i < 4; i++) rk4.step(growth, i * 0.25, manual, 0.25, manual);
    const out = rk4.integrate(growth, 0, Float64Array.of(1), 1, 0.3, new Float64Array(1));
    expect(out[0]).toBe(manual[0]);
  });

  it('leaves y0 untouched when writing to another array', () => {
    const y0 = Float64Array.of(1);
    new Rk4(1).integrate(growth, 0, y0, 1, 0.1, new Float64Array(1));
    expect(y0[0]).toBe(1);
  });
});
