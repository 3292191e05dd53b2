// The tracker for position measurements of nearly-constant-velocity objects (the peer
// benchmark's setting; ../shared/bench/FORMAT.md), assembled from the parts: NCV
// predictor, position updater, grid gater, GNN associator, position initiator.
// `filter: 'general'` swaps in the general Kalman predictor/updater (same numbers,
// slower) and `gating: 'all-pairs'` the brute-force gater (same tracks, O(tracks ×
// measurements)); both exist as oracles and baselines.

import { createConstantVelocityModel, createConstantVelocityPredictor } from './constant-velocity.ts';
import { createAllPairsGater, createGridGater } from './gater.ts';
import { createGnnAssociator } from './gnn-associator.ts';
import { createPositionInitiator } from './initiator.ts';
import {
  createPositionMeasurementModel,
  createPositionUpdater,
  isotropicPositionNoise,
} from './position-measurement.ts';
import { createKalmanPredictor } from './predictor.ts';
import {
  createTracker,
  defaultTrackerOptions,
  type MultiTargetTracker,
  type TrackerOptions,
} from './tracker.ts';
import { createKalmanUpdater } from './updater.ts';

export interface ConstantVelocityTrackerConfig extends Partial<TrackerOptions> {
  /** Position measurement noise, per axis (m). */
  sigma: number;
  /** White-noise acceleration spectral density (m²/s³). */
  q: number;
  detectionProbability: number;
  /** False measurements per m³ per scan. */
  clutterDensity: number;
  /** Prior velocity standard deviation per axis of a new track (m/s); default 3000. */
  velocityStd?: number;
  gating?: 'grid' | 'all-pairs';
  filter?: 'structured' | 'general';
}

export function createConstantVelocityTracker(config: ConstantVelocityTrackerConfig): MultiTargetTracker {
  const { sigma, q, velocityStd = 3000, gating = 'grid', filter = 'structured', ...options } = config;
  const R = isotropicPositionNoise(sigma);
  const updater =
    filter === 'general' ? createKalmanUpdater(createPositionMeasurementModel(R)) : createPositionUpdater(R);
  const predictor =
    filter === 'general'
      ? createKalmanPredictor(createConstantVelocityModel(q))
      : createConstantVelocityPredictor(q);
  return createTracker(
    {
      predictor,
      updater,
      initiator: createPositionInitiator(R, velocityStd),
      gater: gating === 'grid' ? createGridGater(updater) : createAllPairsGater(updater),
      associator: createGnnAssociator(),
    },
    { ...defaultTrackerOptions, ...options },
  );
}
