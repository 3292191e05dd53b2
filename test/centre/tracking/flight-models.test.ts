import { describe, expect, it } from 'vitest';
import { MAX_THRUST_ACCEL } from '../../../src/centre/tracking/flight-dynamics.ts';
import { createFlightMotionModel } from '../../../src/centre/tracking/flight-motion.ts';
import { DRAG, STATE_DIM, THRUST } from '../../../src/centre/tracking/flight-state.ts';
import {
  createLosMeasurementModel,
  LosGeometry,
  setLosGeometry,
} from '../../../src/centre/tracking/los-measurement.ts';
import {
  createRadarMeasurementModel,
  RadarGeometry,
  radarMeasurementVector,
  radarPlotToEci,
  setRadarGeometry,
} from '../../../src/centre/tracking/radar-measurement.ts';
import { ussa76Density } from '../../../src/physics/atmosphere.ts';
import { ecefToGeodetic } from '../../../src/physics/frames.ts';
import { flyBallistic, gmstFunction, radarPlot, sampleAt } from './../synthetic.ts';

const n = STATE_DIM;

function stateOf(r: readonly number[], v: readonly number[], aT = 0, kappa = 1e-3): Float64Array {
  return Float64Array.of(r[0]!, r[1]!, r[2]!, v[0]!, v[1]!, v[2]!, aT, kappa);
}

// A mid-course body: 400 km up over (0.6 rad, 0.3 rad) heading north-east at 6.5 km/s.
const r0 = [3.9e6, 1.2e6, 4.8e6];
const scale = (6378137 + 400e3) / Math.hypot(...r0);
const rStart = r0.map((c) => c * scale);
const vStart = [-3200, 4500, 3100];

describe('flight motion models', () => {
  it('ballistic propagation over 300 s matches an independent RK4 on point mass + J2 to a metre', () => {
    const truth = flyBallistic(rStart, vStart, 0, 300, 1, 0.01);
    const model = createFlightMotionModel('ballistic');
    const x = stateOf(rStart, vStart);
    model.propagate(x, x, 300);
    const end = sampleAt(truth, 300);
    const err = Math.hypot(x[0]! - end.r[0], x[1]! - end.r[1], x[2]! - end.r[2]);
    expect(err).toBeLessThan(1);
    expect(Math.hypot(x[3]! - end.v[0], x[4]! - end.v[1], x[5]! - end.v[2])).toBeLessThan(0.01);
  });

  it('boost propagation grows the thrust acceleration as (aT²/vₑ)(1 − aT/A): F(aT) − F(aT₀) = t/vₑ', () => {
    // F(a) = −1/a + ln(a/(A − a))/A is the antiderivative of 1/(a²(1 − a/A)) (partial fractions).
    const A = MAX_THRUST_ACCEL;
    const F = (a: number) => -1 / a + Math.log(a / (A - a)) / A;
    const model = createFlightMotionModel('boost', { exhaustVelocityMps: 2800 });
    const x = stateOf(rStart, vStart, 30);
    model.propagate(x, x, 40);
    expect(F(x[THRUST]!) - F(30)).toBeCloseTo(40 / 2800, 7);
  });

  it('the ballistic mode asserts zero thrust after a prediction', () => {
    const model = createFlightMotionModel('ballistic');
    const x = stateOf(rStart, vStart, 25);
    const P = new Float64Array(n * n);
    for (let i = 0; i < n; i++) P[i * n + i] = 100;
    model.predict(x, P, 10);
    expect(x[THRUST]).toBe(0);
    expect(P[THRUST * n + THRUST]).toBeLessThan(1e-3);
    for (let i = 0; i < n; i++) if (i !== THRUST) expect(P[i * n + THRUST]).toBe(0);
  });

  it('drag below 100 km decelerates by ½ρκ|w|², and not above it', () => {
    const model = createFlightMotionModel('ballistic');
    // Straight down at 5 km/s some 60 km up, κ = 1/1000: the drag term dominates the change.
    const up = rStart.map((c) => c / Math.hypot(...rStart));
    const r = up.map((c) => c * (6378137 + 50e3));
    const altitude = ecefToGeodetic(new Float64Array(3), r)[2]!;
    const down = up.map((c) => -5000 * c);
    const x = stateOf(r, down, 0, 1 / 1000);
    const y = stateOf(r, down, 0, 0);
    model.propagate(x, x, 0.01);
    model.propagate(y, y, 0.01);
    const dv = Math.hypot(x[3]! - y[3]!, x[4]! - y[4]!, x[5]! - y[5]!) / 0.01;
    // Relative air speed ≈ 5 km/s (the Earth's rotation adds under 0.5 km/s across the path).
    const expected = 0.5 * ussa76Density(altitude) * (1 / 1000) * 5000 * 5000;
    expect(dv / expected).toBeGreaterThan(0.97);
    expect(dv / expected).toBeLessThan(1.03);
    const high = stateOf(rStart, vStart, 0, 1 / 1000);
    const highFree = stateOf(rStart, vStart, 0, 0);
    model.propagate(high, high, 10);
    model.propagate(highFree, highFree, 10);
    expect(high[3]).toBe(highFree[3]);
  });

  for (const mode of ['ballistic', 'boost'] as const) {
    it(`${mode}: the transition matrix matches central differences of the propagation`, () => {
      const model = createFlightMotionModel(mode);
      const x = stateOf(rStart, vStart, mode === 'boost' ? 40 : 0, 1e-3);
      const dt = 8;
      const F = model.jacobian(new Float64Array(n * n), x, dt);
      const steps = [10, 10, 10, 0.1, 0.1, 0.1, 0.01, 1e-5];
      const plus = new Float64Array(n);
      const minus = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        if (mode === 'ballistic' && (j === THRUST || j === DRAG)) continue;
        const xp = Float64Array.from(x);
        const xm = Float64Array.from(x);
        xp[j] = xp[j]! + steps[j]!;
        xm[j] = xm[j]! - steps[j]!;
        model.propagate(plus, xp, dt);
        model.propagate(minus, xm, dt);
        // Position rows against the column's position scale, velocity rows against its velocity scale.
        for (const rows of [
          [0, 1, 2],
          [3, 4, 5],
        ]) {
          const fd = rows.map((i) => (plus[i]! - minus[i]!) / (2 * steps[j]!));
          const scaleJ = Math.max(...fd.map(Math.abs), 1e-9);
          rows.forEach((i, k) => {
            expect(Math.abs(F[i * n + j]! - fd[k]!) / scaleJ).toBeLessThan(mode === 'boost' ? 5e-4 : 1e-5);
          });
        }
      }
    });
  }
});

describe('radar measurement model', () => {
  const gmst = gmstFunction()(120);
  const site = { latRad: 0.55, lonRad: 0.1, hM: 80 };
  const noise = { sigmaRangeM: 20, sigmaAngleRad: 1e-3, sigmaRangeRateMps: 2 };

  it('h(x) equals the range, azimuth, elevation and range rate of the ECEF AER of src/physics/frames', () => {
    const plot = radarPlot('p', 'r:1', 120, site, rStart, vStart, gmst, noise, null);
    const g = setRadarGeometry(new RadarGeometry(), site, gmst, 20, 1e-3, 2);
    const model = createRadarMeasurementModel(g, true);
    const z = model.measure(new Float64Array(4), stateOf(rStart, vStart));
    const expected = radarMeasurementVector(new Float64Array(4), plot);
    expect(z[0]).toBeCloseTo(expected[0]!, 4);
    expect(z[1]).toBeCloseTo(expected[1]!, 10);
    expect(z[2]).toBeCloseTo(expected[2]!, 10);
    expect(z[3]).toBeCloseTo(expected[3]!, 6);
  });

  it('the Jacobian matches central differences', () => {
    const g = setRadarGeometry(new RadarGeometry(), site, gmst, 20, 1e-3, 2);
    const model = createRadarMeasurementModel(g, true);
    const x = stateOf(rStart, vStart);
    const H = model.jacobian(new Float64Array(4 * n), x);
    const zp = new Float64Array(4);
    const zm = new Float64Array(4);
    for (let j = 0; j < 6; j++) {
      const h = j < 3 ? 1 : 0.01;
      const xp = Float64Array.from(x);
      const xm = Float64Array.from(x);
      xp[j] = xp[j]! + h;
      xm[j] = xm[j]! - h;
      model.measure(zp, xp);
      model.measure(zm, xm);
      for (let i = 0; i < 4; i++) {
        const fd = (zp[i]! - zm[i]!) / (2 * h);
        expect(H[i * n + j]! - fd).toBeCloseTo(0, 9);
      }
    }
  });

  it('the azimuth residual wraps across north', () => {
    const g = setRadarGeometry(new RadarGeometry(), site, gmst, 20, 1e-3, null);
    const model = createRadarMeasurementModel(g, false);
    const nu = model.residual(
      new Float64Array(3),
      Float64Array.of(1000, 0.001, 0.2),
      Float64Array.of(1000, 2 * Math.PI - 0.001, 0.2),
    );
    expect(nu[1]).toBeCloseTo(0.002, 12);
  });

  it('a noise-free plot converts back to the ECI position it came from', () => {
    const plot = radarPlot('p', 'r:1', 120, site, rStart, vStart, gmst, noise, null);
    const g = setRadarGeometry(new RadarGeometry(), site, gmst, 20, 1e-3, 2);
    const p = radarPlotToEci(new Float64Array(3), null, g, plot.rangeM, plot.azRad, plot.elRad);
    expect(Math.hypot(p[0]! - rStart[0]!, p[1]! - rStart[1]!, p[2]! - rStart[2]!)).toBeLessThan(1e-3);
  });
});

describe('line-of-sight measurement model', () => {
  const observer = [42164e3, 1000e3, 0];
  const target = rStart;

  it('a noise-free line of sight puts the target at the tangent-plane origin', () => {
    const d = target.map((c, i) => c - observer[i]!);
    const g = setLosGeometry(new LosGeometry(), observer, d, 1e-5);
    const z = createLosMeasurementModel(g).measure(new Float64Array(2), stateOf(target, vStart));
    expect(Math.abs(z[0]!)).toBeLessThan(1e-15);
    expect(Math.abs(z[1]!)).toBeLessThan(1e-15);
  });

  it('a target displaced by δ across the line of sight at range ρ appears at angle δ/ρ', () => {
    const d = target.map((c, i) => c - observer[i]!);
    const g = setLosGeometry(new LosGeometry(), observer, d, 1e-5);
    const rho = Math.hypot(...d);
    const moved = target.map((c, i) => c + 500 * g.e1[i]!);
    const z = createLosMeasurementModel(g).measure(new Float64Array(2), stateOf(moved, vStart));
    expect(z[0]).toBeCloseTo(500 / rho, 12);
    expect(z[1]).toBeCloseTo(0, 12);
  });

  it('the Jacobian matches central differences', () => {
    const d = target.map((c, i) => c - observer[i]! + 3000);
    const g = setLosGeometry(new LosGeometry(), observer, d, 1e-5);
    const model = createLosMeasurementModel(g);
    const x = stateOf(target, vStart);
    const H = model.jacobian(new Float64Array(2 * n), x);
    const zp = new Float64Array(2);
    const zm = new Float64Array(2);
    for (let j = 0; j < 3; j++) {
      const xp = Float64Array.from(x);
      const xm = Float64Array.from(x);
      xp[j] = xp[j]! + 10;
      xm[j] = xm[j]! - 10;
      model.measure(zp, xp);
      model.measure(zm, xm);
      for (let i = 0; i < 2; i++) expect(H[i * n + j]! - (zp[i]! - zm[i]!) / 20).toBeCloseTo(0, 14);
    }
  });
});
