// The IMM's bookkeeping against closed forms: Markov switching over a step, mode
// weighing, moment-matched combination, and a mode chosen by its likelihood.
import { describe, expect, it } from 'vitest';
import { createConstantVelocityModel } from '../../../src/centre/tracking/constant-velocity.ts';
import { createImm } from '../../../src/centre/tracking/imm.ts';
import {
  createPositionMeasurementModel,
  isotropicPositionNoise,
} from '../../../src/centre/tracking/position-measurement.ts';
import { createKalmanPredictor, type Predictor } from '../../../src/centre/tracking/predictor.ts';
import { createKalmanUpdater } from '../../../src/centre/tracking/updater.ts';

const n = 6;
const floor = new Array(n).fill(1e-9);
const quiet = createKalmanPredictor(createConstantVelocityModel(1e-6));
const base = createKalmanPredictor(createConstantVelocityModel(1));
/** A mode that drifts +10 m/s² along x (a different dynamics to tell apart). */
const pushing: Predictor = {
  stateDim: n,
  predict(x, P, dt) {
    base.predict(x, P, dt);
    x[0] = x[0]! + 5 * dt * dt;
    x[3] = x[3]! + 10 * dt;
  },
};

function diag(values: number[]): Float64Array {
  const P = new Float64Array(n * n);
  values.forEach((v, i) => {
    P[i * n + i] = v;
  });
  return P;
}

describe('interacting multiple model', () => {
  it('without measurements the mode probabilities follow the Markov chain: μ₀(t) = e^(−λt)', () => {
    const imm = createImm([quiet, quiet], {
      switchRates: [0, 0.05, 0, 0],
      minModeProbability: 0,
      varianceFloor: floor,
      maxCycleS: 1,
    });
    const block = new Float64Array(imm.layout.size);
    imm.initialise(block, [0, 0, 0, 1, 0, 0], diag([1, 1, 1, 1, 1, 1]), [1, 0]);
    imm.predict(block, 10);
    expect(block[0]).toBeCloseTo(Math.exp(-0.5), 12);
    expect(block[1]).toBeCloseTo(1 - Math.exp(-0.5), 12);
  });

  it('the combined estimate is the moment-matched mixture', () => {
    const imm = createImm([quiet, quiet], {
      switchRates: [0, 0, 0, 0],
      minModeProbability: 0,
      varianceFloor: floor,
      maxCycleS: 10,
    });
    const L = imm.layout;
    const block = new Float64Array(L.size);
    imm.initialise(block, [0, 0, 0, 0, 0, 0], diag([4, 4, 4, 1, 1, 1]), [0.25, 0.75]);
    block[L.modeState(1)] = 8;
    imm.combine(block);
    // Mean 0.75·8 = 6; variance Σμ(P + (x − x̂)²) = 4 + 0.25·36 + 0.75·4 = 16.
    expect(block[L.state]).toBeCloseTo(6, 12);
    expect(block[L.covariance]).toBeCloseTo(16, 12);
  });

  it('measurements from a pushed object move the probability to the pushing mode', () => {
    const imm = createImm([quiet, pushing], {
      switchRates: [0, 0.01, 0.01, 0],
      minModeProbability: 1e-4,
      varianceFloor: floor,
      maxCycleS: 10,
    });
    const updater = createKalmanUpdater(createPositionMeasurementModel(isotropicPositionNoise(1)));
    const block = new Float64Array(imm.layout.size);
    imm.initialise(block, [0, 0, 0, 0, 0, 0], diag([1, 1, 1, 1, 1, 1]), [0.5, 0.5]);
    for (let k = 1; k <= 5; k++) {
      imm.predict(block, 1);
      const t = k;
      expect(imm.update(block, Float64Array.of(5 * t * t, 0, 0), updater)).toBeGreaterThan(
        Number.NEGATIVE_INFINITY,
      );
    }
    expect(block[1]).toBeGreaterThan(0.99);
  });

  it('weighing by miss likelihoods renormalises the mode probabilities', () => {
    const imm = createImm([quiet, quiet], {
      switchRates: [0, 0, 0, 0],
      minModeProbability: 0,
      varianceFloor: floor,
      maxCycleS: 10,
    });
    const block = new Float64Array(imm.layout.size);
    imm.initialise(block, [0, 0, 0, 0, 0, 0], diag([1, 1, 1, 1, 1, 1]), [0.5, 0.5]);
    imm.weighModes(block, [0.05, 1]);
    expect(block[0]).toBeCloseTo(0.05 / 1.05, 12);
  });
});
