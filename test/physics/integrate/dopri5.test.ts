// Dormand–Prince 5(4) against exact solutions: y′ = y, the harmonic oscillator,
// polynomial quadratures that a fifth-order step and a fourth-order continuous
// extension reproduce exactly, and its failure modes.
import { describe, expect, it } from 'vitest';
import { Dopri5 } from '../../../src/physics/integrate/dopri5.ts';
import { IntegrationError } from '../../../src/physics/integrate/integration-error.ts';
import type { Derivative } from '../../../src/physics/integrate/types.ts';

const growth: Derivative = (_t, y, dydt) => {
  dydt[0] = y[0]!;
};

const OMEGA = 2;
const oscillator: Derivative = (_t, y, dydt) => {
  dydt[0] = y[1]!;
  dydt[1] = -OMEGA * OMEGA * y[0]!;
};

function run(integrator: Dopri5, tEnd: number): void {
  while (integrator.t < tEnd) integrator.step(tEnd);
}

function failureOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (error instanceof IntegrationError) return error.reason;
    throw error;
  }
  return 'none';
}

describe('Dopri5 accuracy', () => {
  it('solves y′ = y on [0, 5] to within the requested rtol, and more accurately as rtol drops', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10, 1e-12]) {
      const integrator = new Dopri5(1, { rtol, atol: 1e-14 });
      integrator.reset(growth, 0, Float64Array.of(1));
      run(integrator, 5);
      const error = Math.abs(integrator.y[0]! / Math.exp(5) - 1);
      expect(error).toBeLessThan(rtol);
      expect(error).toBeLessThan(previous / 10);
      previous = error;
    }
  });

  it('follows the harmonic oscillator over 10 periods to about the tolerance', () => {
    for (const tol of [1e-6, 1e-8, 1e-10]) {
      const integrator = new Dopri5(2, { rtol: tol, atol: tol });
      integrator.reset(oscillator, 0, Float64Array.of(1, 0));
      const tEnd = 10 * Math.PI;
      run(integrator, tEnd);
      expect(integrator.t).toBe(tEnd);
      expect(Math.abs(integrator.y[0]! - 1)).toBeLessThan(50 * tol);
      expect(Math.abs(integrator.y[1]!)).toBeLessThan(50 * tol);
    }
  });

  it('gives a dense output accurate to about the tolerance at 1,000 points between steps', () => {
    const tol = 1e-8;
    const integrator = new Dopri5(2, { rtol: tol, atol: tol });
    integrator.reset(oscillator, 0, Float64Array.of(1, 0));
    const tEnd = 10 * Math.PI;
    const state = new Float64Array(2);
    let worst = 0;
    let k = 1;
    let interior = 0;
    while (integrator.t < tEnd) {
      integrator.step(tEnd);
      for (; k <= 1000 && (k * tEnd) / 1000 <= integrator.t; k++) {
        const t = (k * tEnd) / 1000;
        if (t < integrator.t) interior++;
        integrator.interpolate(t, state);
        worst = Math.max(
          worst,
          Math.abs(state[0]! - Math.cos(OMEGA * t)),
          Math.abs(state[1]! + OMEGA * Math.sin(OMEGA * t)),
        );
      }
    }
    expect(k).toBe(1001);
    expect(interior).toBeGreaterThan(900);
    expect(worst).toBeLessThan(100 * tol);
  });

  it('is exact in one step on y′ = 5t⁴ (fifth-order weights)', () => {
    const integrator = new Dopri5(1, { rtol: 1e-3, atol: 1e-3, hInitial: 1 });
    integrator.reset(
      (t, _y, dydt) => {
        dydt[0] = 5 * t ** 4;
      },
      0,
      Float64Array.of(0),
    );
    integrator.step(1);
    expect(integrator.steps).toBe(1);
    expect(integrator.y[0]).toBeCloseTo(1, 14);
  });

  it('interpolates y = t⁴ exactly inside a step (fourth-order continuous extension)', () => {
    const integrator = new Dopri5(1, { rtol: 1e-3, atol: 1e-3, hInitial: 1 });
    integrator.reset(
      (t, _y, dydt) => {
        dydt[0] = 4 * t ** 3;
      },
      0,
      Float64Array.of(0),
    );
    integrator.step(1);
    const out = new Float64Array(1);
    for (const t of [0.1, 0.3, 0.5, 0.7, 0.9])
      expect(integrator.interpolate(t, out)[0]).toBeCloseTo(t ** 4, 14);
  });
});

describe('Dopri5 stepping contract', () => {
  it('never steps past tLimit and lands on it exactly', () => {
    const integrator = new Dopri5(2, { rtol: 1e-9, atol: 1e-9 });
    integrator.reset(oscillator, 0, Float64Array.of(1, 0));
    const limits = [0.1, 0.1 + 1e-7, 0.37, 2.5, 2.5000001];
    for (const limit of limits) {
      while (integrator.t < limit) {
        integrator.step(limit);
        expect(integrator.t).toBeLessThanOrEqual(limit);
      }
      expect(integrator.t).toBe(limit);
    }
  });

  it('interpolates the step end exactly and the step start to rounding', () => {
    const integrator = new Dopri5(2, { rtol: 1e-9, atol: 1e-9 });
    integrator.reset(oscillator, 0, Float64Array.of(1, 0));
    integrator.step(10);
    const start = Float64Array.from(integrator.y);
    const tStart = integrator.t;
    integrator.step(10);
    expect(integrator.tPrev).toBe(tStart);
    const out = new Float64Array(2);
    expect(Array.from(integrator.interpolate(integrator.t, out))).toEqual(Array.from(integrator.y));
    integrator.interpolate(tStart, out);
    expect(out[0]).toBeCloseTo(start[0]!, 14);
    expect(out[1]).toBeCloseTo(start[1]!, 14);
  });

  it('counts six evaluations per attempt plus the start and the initial-step estimate', () => {
    const integrator = new Dopri5(2, { rtol: 1e-9, atol: 1e-9 });
    integrator.reset(oscillator, 0, Float64Array.of(1, 0));
    run(integrator, 5);
    expect(integrator.evaluations).toBe(2 + 6 * (integrator.steps + integrator.rejectedSteps));
  });

  it('accepts a per-component atol and rejects one of the wrong length', () => {
    expect(() => new Dopri5(2, { rtol: 1e-9, atol: Float64Array.of(1e-9, 1e-6) })).not.toThrow();
    expect(() => new Dopri5(2, { rtol: 1e-9, atol: Float64Array.of(1e-9) })).toThrow(RangeError);
  });

  it('restarts from its own state with a new right-hand side', () => {
    const integrator = new Dopri5(1, { rtol: 1e-10, atol: 1e-12 });
    integrator.reset(growth, 0, Float64Array.of(1));
    run(integrator, 1);
    integrator.reset(
      (_t, y, dydt) => {
        dydt[0] = -y[0]!;
      },
      integrator.t,
      integrator.y,
    );
    run(integrator, 3);
    expect(integrator.y[0]).toBeCloseTo(Math.exp(1 - 2), 9);
    expect(integrator.steps).toBeGreaterThan(0);
  });
});

describe('Dopri5 failures', () => {
  it('throws max-steps when the step budget runs out', () => {
    const integrator = new Dopri5(2, { rtol: 1e-12, atol: 1e-12, maxSteps: 10 });
    integrator.reset(oscillator, 0, Float64Array.of(1, 0));
    expect(failureOf(() => run(integrator, 100))).toBe('max-steps');
  });

  it('throws step-too-small when the solution blows up (y′ = y², y(0) = 1, pole at t = 1)', () => {
    const integrator = new Dopri5(1, { rtol: 1e-8, atol: 1e-8, hMin: 1e-9 });
    integrator.reset(
      (_t, y, dydt) => {
        dydt[0] = y[0]! * y[0]!;
      },
      0,
      Float64Array.of(1),
    );
    expect(failureOf(() => run(integrator, 2))).toBe('step-too-small');
    expect(integrator.t).toBeLessThan(1);
    expect(integrator.t).toBeGreaterThan(0.99);
  });

  it('throws non-finite when the right-hand side turns NaN and stays so', () => {
    const integrator = new Dopri5(1, { rtol: 1e-8, atol: 1e-8 });
    integrator.reset(
      (t, _y, dydt) => {
        dydt[0] = t < 1 ? 1 : Number.NaN;
      },
      0,
      Float64Array.of(0),
    );
    expect(failureOf(() => run(integrator, 2))).toBe('non-finite');
    expect(integrator.t).toBeLessThanOrEqual(1);
  });

  it('throws non-finite at reset from a non-finite state', () => {
    const integrator = new Dopri5(1, { rtol: 1e-8, atol: 1e-8 });
    expect(failureOf(() => integrator.reset(growth, 0, Float64Array.of(Number.NaN)))).toBe('non-finite');
  });
});
