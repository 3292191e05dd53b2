// Integrator cost on the two-body problem (SI units, μ and R⊕ of DOMAIN.md §1.2).
// Rows: DOPRI5 step cost on an e = 0.6 orbit; one minimum-energy 10,000 km ballistic
// arc (~1,930 s) with 1 s samples and apogee/impact events, the unit of work behind
// the target of ≥ 2,000 full trajectories per second (≤ 0.5 ms each, integration
// being only part of it); baseline in the same process: classical RK4 at a fixed
// 1 s step over the same arc, sampled at every step. The arc target is a quarter of
// the 500 µs budget, leaving the rest for thrust, drag, atmosphere and bookkeeping.
import { Dopri5 } from '../src/physics/integrate/dopri5.ts';
import { integrateUntil } from '../src/physics/integrate/integrate-until.ts';
import { Rk4 } from '../src/physics/integrate/rk4.ts';
import { SampleGrid } from '../src/physics/integrate/sample-grid.ts';
import type { Derivative, EventSpec } from '../src/physics/integrate/types.ts';
import { type BenchRow, type BenchSuite, medianMs } from './harness.ts';

const MU = 398600.4418e9;
const EARTH_RADIUS = 6371.0e3;

const twoBody: Derivative = (_t, y, dydt) => {
  const x = y[0]!;
  const yy = y[1]!;
  const z = y[2]!;
  const r2 = x * x + yy * yy + z * z;
  const k = -MU / (r2 * Math.sqrt(r2));
  dydt[0] = y[3]!;
  dydt[1] = y[4]!;
  dydt[2] = y[5]!;
  dydt[3] = k * x;
  dydt[4] = k * yy;
  dydt[5] = k * z;
};

// Minimum-energy burnout state for a 10,000 km range from the surface (DOMAIN.md §1.1).
const psi = 10_000e3 / EARTH_RADIUS;
const q = (2 * Math.sin(psi / 2)) / (1 + Math.sin(psi / 2));
const speed = Math.sqrt((q * MU) / EARTH_RADIUS);
const gamma = (Math.PI - psi) / 4;
const arcStart = Float64Array.of(EARTH_RADIUS, 0, 0, speed * Math.sin(gamma), speed * Math.cos(gamma), 0);
const ARC_SECONDS = 2_000;

const events: EventSpec[] = [
  { g: (_t, y) => y[0]! * y[3]! + y[1]! * y[4]! + y[2]! * y[5]!, direction: 'falling', terminal: false },
  { g: (_t, y) => Math.hypot(y[0]!, y[1]!, y[2]!) - EARTH_RADIUS, direction: 'falling', terminal: true },
];

// Samples go into one preallocated trajectory buffer, as a truth generator would store them.
const trajectory = new Float64Array((ARC_SECONDS + 1) * 6);
let sampleCount = 0;
const storeSample = (_t: number, y: Float64Array): void => {
  const offset = 6 * sampleCount++;
  for (let i = 0; i < 6; i++) trajectory[offset + i] = y[i]!;
};

function dopriArc(integrator: Dopri5): void {
  sampleCount = 0;
  integrator.reset(twoBody, 0, arcStart);
  integrateUntil(integrator, { tEnd: ARC_SECONDS, grid: new SampleGrid(1), onSample: storeSample, events });
}

function rk4Arc(rk4: Rk4, y: Float64Array): void {
  sampleCount = 0;
  y.set(arcStart);
  storeSample(0, y);
  for (let t = 0; t < ARC_SECONDS && Math.hypot(y[0]!, y[1]!, y[2]!) >= EARTH_RADIUS; t++) {
    rk4.step(twoBody, t, y, 1, y);
    storeSample(t + 1, y);
  }
}

function orbitSteps(rtol: number): { msPerRun: number; steps: number; evaluations: number } {
  const a = 20_000e3;
  const e = 0.6;
  const perigee = a * (1 - e);
  const start = Float64Array.of(perigee, 0, 0, 0, Math.sqrt((MU * (1 + e)) / perigee), 0);
  const period = 2 * Math.PI * Math.sqrt(a ** 3 / MU);
  const integrator = new Dopri5(6, { rtol, atol: 1e-6 });
  const runs = 200;
  const msPerRun =
    medianMs(() => {
      for (let i = 0; i < runs; i++) {
        integrator.reset(twoBody, 0, start);
        while (integrator.t < period) integrator.step(period);
      }
    }) / runs;
  return { msPerRun, steps: integrator.steps, evaluations: integrator.evaluations };
}

export const suite: BenchSuite = {
  title: 'integrators (src/physics/integrate)',
  run(): BenchRow[] {
    const rows: BenchRow[] = [];
    for (const rtol of [1e-8, 1e-10]) {
      const { msPerRun, steps, evaluations } = orbitSteps(rtol);
      const nsPerStep = (msPerRun * 1e6) / steps;
      rows.push({
        name: `DOPRI5 two-body e = 0.6, one period, rtol ${rtol}`,
        value: 1e9 / nsPerStep,
        unit: 'steps/s',
        note: `${nsPerStep.toFixed(0)} ns/step, ${steps} steps, ${evaluations} evaluations`,
      });
    }

    const arcs = 500;
    const rk4 = new Rk4(6);
    const rk4State = new Float64Array(6);
    const rk4Us =
      (medianMs(() => {
        for (let i = 0; i < arcs; i++) rk4Arc(rk4, rk4State);
      }) *
        1e3) /
      arcs;
    const rk4Steps = sampleCount - 1;
    rows.push({
      name: 'baseline: RK4, fixed 1 s step, 10,000 km arc sampled each step',
      value: rk4Us,
      unit: 'µs/arc',
      note: `${rk4Steps} steps, ${((rk4Us * 1e3) / rk4Steps).toFixed(0)} ns/step, no event location`,
    });

    for (const rtol of [1e-8, 1e-10]) {
      const integrator = new Dopri5(6, { rtol, atol: 1e-6 });
      const us =
        (medianMs(() => {
          for (let i = 0; i < arcs; i++) dopriArc(integrator);
        }) *
          1e3) /
        arcs;
      rows.push({
        name: `DOPRI5 rtol ${rtol}, 10,000 km arc, 1 s samples, apogee + impact events`,
        value: us,
        unit: 'µs/arc',
        target: '≪ 500 µs/trajectory: ≤ 125 µs',
        met: us <= 125,
        note: `${integrator.steps} steps, ${sampleCount} samples, ${(us / rk4Us).toFixed(2)}× the RK4 baseline`,
      });
    }
    const integrator = new Dopri5(6, { rtol: 1e-10, atol: 1e-6 });
    const bareUs =
      (medianMs(() => {
        for (let i = 0; i < arcs; i++) {
          integrator.reset(twoBody, 0, arcStart);
          integrateUntil(integrator, { tEnd: ARC_SECONDS, events });
        }
      }) *
        1e3) /
      arcs;
    rows.push({
      name: 'DOPRI5 rtol 1e-10, same arc, events but no sampling',
      value: bareUs,
      unit: 'µs/arc',
      note: 'the rest of the arc cost above is the 1 s sampling (dense output + storing)',
    });
    return rows;
  },
};
