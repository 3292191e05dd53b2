// Single-target filters on a ballistic body seen by a radar, against truth integrated
// independently in the test (synthetic.ts): the consistency oracle is the chi-square
// distribution of the NEES (Bar-Shalom et al. 2001, §5.4), not the filter's own output.
import { describe, expect, it } from 'vitest';
import {
  chiSquareMeanBand,
  normalisedEstimationErrorSquared,
} from '../../../src/centre/tracking/consistency.ts';
import {
  createFlightMotionModel,
  createFlightPredictor,
} from '../../../src/centre/tracking/flight-motion.ts';
import { STATE_DIM } from '../../../src/centre/tracking/flight-state.ts';
import type { Predictor } from '../../../src/centre/tracking/predictor.ts';
import {
  createRadarMeasurementModel,
  RadarGeometry,
  radarMeasurementVector,
  setRadarGeometry,
} from '../../../src/centre/tracking/radar-measurement.ts';
import { createUnscentedPredictor, createUnscentedUpdater } from '../../../src/centre/tracking/unscented.ts';
import { createKalmanUpdater, type Updater } from '../../../src/centre/tracking/updater.ts';
import { createRng } from '../../../src/physics/random.ts';
import {
  earthFixedEci,
  flyBallistic,
  gmstFunction,
  radarPlot,
  sampleAt,
  type TruthState,
} from '../synthetic.ts';

const n = STATE_DIM;
const gmst = gmstFunction();
const site = { latRad: 0.6, lonRad: 0.2, hM: 100 };
const noise = { sigmaRangeM: 20, sigmaAngleRad: 1e-3, sigmaRangeRateMps: 2 };
const SCAN_S = 5;
const DURATION_S = 300;
// The truth has no process noise; a consistent filter then needs (almost) none either.
const Q_TEST = 1e-8;

/** A body 500 km up some 1,300 km north-east of the site, climbing at 6 km/s. */
function truthTrack(): TruthState[] {
  const over = earthFixedEci(0.6 + 0.12, 0.2 + 0.12, 500e3, gmst(0));
  const up = over.map((c) => c / Math.hypot(...over));
  const east = [-up[1]!, up[0]!, 0].map((c, _i, a) => c / Math.hypot(a[0]!, a[1]!, a[2]!));
  const v = east.map((c, i) => 6000 * (0.95 * c + 0.3 * up[i]!));
  return flyBallistic(over, v, 0, DURATION_S, SCAN_S, 0.05);
}

const P0_DIAG = [500 ** 2, 500 ** 2, 500 ** 2, 50 ** 2, 50 ** 2, 50 ** 2, 1e-4, 1e-6];

interface Filter {
  predictor: Predictor;
  updater: (g: RadarGeometry) => Updater;
}

const filters: Record<string, () => Filter> = {
  EKF: () => {
    const model = createFlightMotionModel('ballistic', { accelerationNoise: Q_TEST });
    return {
      predictor: createFlightPredictor(model),
      updater: (g) => createKalmanUpdater(createRadarMeasurementModel(g, true)),
    };
  },
  UKF: () => {
    const model = createFlightMotionModel('ballistic', { accelerationNoise: Q_TEST });
    return {
      predictor: createUnscentedPredictor(model),
      updater: (g) => createUnscentedUpdater(createRadarMeasurementModel(g, true)),
    };
  },
};

/** Mean NEES (position + velocity, 6 dof) over `runs` seeded runs at each scan after the first. */
function ensembleNees(make: () => Filter, truth: TruthState[], runs: number): number[] {
  const sums = new Array<number>(truth.length).fill(0);
  const geometry = new RadarGeometry();
  for (let run = 0; run < runs; run++) {
    const rng = createRng(1000 + run, 'nees');
    const { predictor, updater: makeUpdater } = make();
    const updater = makeUpdater(geometry);
    const first = truth[0]!;
    const x = Float64Array.of(...first.r, ...first.v, 0, 1e-3);
    const P = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      P[i * n + i] = P0_DIAG[i]!;
      if (i < 6) x[i] = x[i]! + Math.sqrt(P0_DIAG[i]!) * rng.normal();
    }
    let t = first.t;
    const z = new Float64Array(4);
    const zPred = new Float64Array(4);
    const L = new Float64Array(16);
    for (let k = 1; k < truth.length; k++) {
      const s = truth[k]!;
      predictor.predict(x, P, s.t - t);
      t = s.t;
      const plot = radarPlot(`p${k}`, 'r:1', t, site, s.r, s.v, gmst(t), noise, rng);
      setRadarGeometry(
        geometry,
        plot.site,
        gmst(t),
        plot.sigmaRangeM,
        plot.sigmaAngleRad,
        plot.sigmaRangeRateMps,
      );
      radarMeasurementVector(z, plot);
      if (!updater.predictMeasurement(zPred, L, x, P)) throw new Error('S not positive-definite');
      updater.update(x, P, z, zPred, L);
      sums[k] = sums[k]! + normalisedEstimationErrorSquared(x, P, n, [...s.r, ...s.v], 0, 6);
    }
  }
  return sums.slice(1).map((v) => v / runs);
}

describe('ballistic filters against truth', () => {
  const truth = truthTrack();

  it('the radar sees the body above its horizon the whole time', () => {
    for (const s of truth) {
      const plot = radarPlot('p', 'r:1', s.t, site, s.r, s.v, gmst(s.t), noise, null);
      expect(plot.elRad).toBeGreaterThan(0.05);
    }
  });

  it('EKF: the mean NEES over 100 seeded runs stays inside its 95 % chi-square band', () => {
    const mean = ensembleNees(filters.EKF!, truth, 100);
    const [lo, hi] = chiSquareMeanBand(6, 100);
    const inside = mean.filter((v) => v >= lo && v <= hi).length / mean.length;
    // Nominally 95 % of scans; the scans are correlated, so allow a margin.
    expect(inside).toBeGreaterThanOrEqual(0.85);
    const overall = mean.reduce((a, b) => a + b, 0) / mean.length;
    expect(overall).toBeGreaterThan(lo);
    expect(overall).toBeLessThan(hi);
  });

  it('UKF: the mean NEES over 100 seeded runs stays inside its 95 % chi-square band', () => {
    const mean = ensembleNees(filters.UKF!, truth, 100);
    const [lo, hi] = chiSquareMeanBand(6, 100);
    const inside = mean.filter((v) => v >= lo && v <= hi).length / mean.length;
    expect(inside).toBeGreaterThanOrEqual(0.85);
  });

  it('EKF and UKF agree on the same measurements to a small fraction of the estimate uncertainty', () => {
    const geometry = new RadarGeometry();
    const ekf = filters.EKF!();
    const ukf = filters.UKF!();
    const ekfUpdater = ekf.updater(geometry);
    const ukfUpdater = ukf.updater(geometry);
    const rng = createRng(5, 'agree');
    const first = truth[0]!;
    const xe = Float64Array.of(...first.r, ...first.v, 0, 1e-3);
    const Pe = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Pe[i * n + i] = P0_DIAG[i]!;
    const xu = Float64Array.from(xe);
    const Pu = Float64Array.from(Pe);
    const z = new Float64Array(4);
    const zp = new Float64Array(4);
    const L = new Float64Array(16);
    let t = 0;
    for (let k = 1; k < truth.length; k++) {
      const s = truth[k]!;
      ekf.predictor.predict(xe, Pe, s.t - t);
      ukf.predictor.predict(xu, Pu, s.t - t);
      t = s.t;
      const plot = radarPlot(`p${k}`, 'r:1', t, site, s.r, s.v, gmst(t), noise, rng);
      setRadarGeometry(
        geometry,
        plot.site,
        gmst(t),
        plot.sigmaRangeM,
        plot.sigmaAngleRad,
        plot.sigmaRangeRateMps,
      );
      radarMeasurementVector(z, plot);
      ekfUpdater.predictMeasurement(zp, L, xe, Pe);
      ekfUpdater.update(xe, Pe, z, zp, L);
      ukfUpdater.predictMeasurement(zp, L, xu, Pu);
      ukfUpdater.update(xu, Pu, z, zp, L);
    }
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(xe[i]! - xu[i]!)).toBeLessThan(0.2 * Math.sqrt(Pe[i * n + i]!));
      expect(Pu[i * n + i]! / Pe[i * n + i]!).toBeGreaterThan(0.8);
      expect(Pu[i * n + i]! / Pe[i * n + i]!).toBeLessThan(1.25);
    }
    const end = sampleAt(truth, DURATION_S);
    expect(Math.hypot(xe[0]! - end.r[0], xe[1]! - end.r[1], xe[2]! - end.r[2])).toBeLessThan(500);
  });
});
