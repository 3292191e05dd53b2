// The phase driver: exact phase ends, a sampling grid that continues across phases,
// and restarts with a new right-hand side. Oracle: a body under piecewise-constant
// acceleration, whose motion is a piecewise quadratic written out here.
import { describe, expect, it } from 'vitest';
import { Dopri5 } from '../../../src/physics/integrate/dopri5.ts';
import { integrateUntil } from '../../../src/physics/integrate/integrate-until.ts';
import { SampleGrid } from '../../../src/physics/integrate/sample-grid.ts';
import type { Derivative } from '../../../src/physics/integrate/types.ts';

const accelerating =
  (a: number): Derivative =>
  (_t, y, dydt) => {
    dydt[0] = y[1]!;
    dydt[1] = a;
  };

// Phase 1: a = 3 m/s² from rest until 2.5 s; phase 2: a = −1 m/s² until 4 s; phase 3: coast.
const A1 = 3;
const A2 = -1;
const T1 = 2.5;
const T2 = 4;
function exactPosition(t: number): number {
  const x1 = 0.5 * A1 * T1 * T1;
  const v1 = A1 * T1;
  if (t <= T1) return 0.5 * A1 * t * t;
  if (t <= T2) return x1 + v1 * (t - T1) + 0.5 * A2 * (t - T1) ** 2;
  const x2 = x1 + v1 * (T2 - T1) + 0.5 * A2 * (T2 - T1) ** 2;
  return x2 + (v1 + A2 * (T2 - T1)) * (t - T2);
}

function threePhases(grid: SampleGrid, onSample: (t: number, y: Float64Array) => void, tStop = 10) {
  const integrator = new Dopri5(2, { rtol: 1e-6, atol: 1e-9, hInitial: 100 });
  integrator.reset(accelerating(A1), 0, Float64Array.of(0, 0));
  let end = integrateUntil(integrator, { tEnd: T1, grid, onSample });
  integrator.reset(accelerating(A2), end.t, end.y);
  end = integrateUntil(integrator, { tEnd: T2, grid, onSample });
  integrator.reset(accelerating(0), end.t, end.y);
  return integrateUntil(integrator, { tEnd: tStop, grid, onSample });
}

describe('integrateUntil across phases', () => {
  it('samples every grid time exactly once, in order, across phase changes on and off the grid', () => {
    const times: number[] = [];
    threePhases(new SampleGrid(0.5), (t) => times.push(t));
    expect(times).toEqual(Array.from({ length: 21 }, (_, k) => k * 0.5));
  });

  it('ends each phase exactly on its end time, so the piecewise motion is reproduced', () => {
    let worst = 0;
    const end = threePhases(new SampleGrid(0.25), (t, y) => {
      worst = Math.max(worst, Math.abs(y[0]! - exactPosition(t)));
    });
    expect(end.t).toBe(10);
    expect(end.event).toBe(-1);
    expect(worst).toBeLessThan(1e-9);
    expect(end.y[0]).toBeCloseTo(exactPosition(10), 9);
  });

  it('skips grid times before the start of the integration', () => {
    const times: number[] = [];
    const integrator = new Dopri5(2, { rtol: 1e-6, atol: 1e-9 });
    integrator.reset(accelerating(1), 3.3, Float64Array.of(0, 0));
    integrateUntil(integrator, { tEnd: 6, grid: new SampleGrid(1), onSample: (t) => times.push(t) });
    expect(times).toEqual([4, 5, 6]);
  });

  it('samples up to a terminal event and continues the grid after the restart', () => {
    const times: number[] = [];
    const grid = new SampleGrid(1);
    const onSample = (t: number) => times.push(t);
    const integrator = new Dopri5(2, { rtol: 1e-9, atol: 1e-9 });
    integrator.reset(accelerating(2), 0, Float64Array.of(0, 0));
    // x = t² reaches 20 m at t = √20 ≈ 4.47 s.
    const stop = integrateUntil(integrator, {
      tEnd: 10,
      grid,
      onSample,
      events: [{ g: (_t, y) => y[0]! - 20, direction: 'rising', terminal: true }],
    });
    expect(stop.event).toBe(0);
    expect(Math.abs(stop.t - Math.sqrt(20))).toBeLessThan(1e-6);
    expect(times).toEqual([0, 1, 2, 3, 4]);
    integrator.reset(accelerating(0), stop.t, stop.y);
    integrateUntil(integrator, { tEnd: 7, grid, onSample });
    expect(times).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('returns a state that is the caller’s own copy', () => {
    const integrator = new Dopri5(2, { rtol: 1e-6, atol: 1e-9 });
    integrator.reset(accelerating(1), 0, Float64Array.of(0, 0));
    const end = integrateUntil(integrator, { tEnd: 1 });
    expect(end.y).not.toBe(integrator.y);
    expect(Array.from(end.y)).toEqual(Array.from(integrator.y));
  });

  it('refuses an end time before the current time', () => {
    const integrator = new Dopri5(2, { rtol: 1e-6, atol: 1e-9 });
    integrator.reset(accelerating(1), 5, Float64Array.of(0, 0));
    expect(() => integrateUntil(integrator, { tEnd: 4 })).toThrow(RangeError);
  });
});
