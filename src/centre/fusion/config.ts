// Configuration of the centre's multi-sensor tracker, with its defaults. Everything is
// a number or a name except `gmst`: the Greenwich sidereal angle (rad) at a time (s
// after the scenario epoch), which the caller builds from the scenario epoch (e.g.
// physics/time gmstRad + ω·t), so that the centre never reads the world.

import type { FlightMotionOptions } from '../tracking/flight-motion.ts';

export interface RadarTrackingConfig {
  /** Probability that a face sees an object in its coverage at a scan. */
  detectionProbability: number;
  /** False plots per scan per unit of range × azimuth × elevation (1/(m·rad²)). */
  clutterDensity: number;
  /** A tentative radar track is confirmed with M plots in its first N scans (the two that start it count). */
  confirmM: number;
  confirmN: number;
  /** Two plots start a track when they imply at most this speed (m/s) … */
  maxSpeedMps: number;
  /** … and are at most this far apart in time (s). */
  candidateMaxAgeS: number;
  /** Unmodelled acceleration allowed between the two starting plots, 1σ (m/s²). */
  accelerationStdMps2: number;
  /** Revisit assumed for a face until a track has its own estimate (s). */
  defaultRevisitS: number;
}

export interface IrTrackingConfig {
  /** Probability that a satellite sees a burning plume in its view at a revisit. */
  detectionProbability: number;
  /** False detections per revisit per steradian. */
  clutterDensity: number;
  /** Revisit assumed for a satellite until a track has its own estimate (s). */
  defaultRevisitS: number;
  /** Bearings that confirm an angle-only track (DOMAIN.md §3.5: 2–3 consistent detections). */
  angleOnlyConfirmHits: number;
  /** Missed revisits that end a tentative / confirmed angle-only track. */
  angleOnlyTentativeMisses: number;
  angleOnlyConfirmedMisses: number;
  /** Prior bounds of the bearing fit (bearing-history.ts). */
  maxAngularRateRadS: number;
  maxAngularAccelerationRadS2: number;
  /** Bearings each of the two angle-only tracks needs before a stereo fit. */
  stereoMinBearings: number;
  /** Bearings within this span before the latest enter the stereo fit (s). */
  stereoWindowS: number;
  /** Two angle-only tracks are stereo candidates when their lines of sight cross the 50 km shell this close (m). */
  stereoFootprintM: number;
  /** Prior of the stereo fit's acceleration, 1σ per axis (m/s²). */
  stereoAccelerationStdMps2: number;
  /** A stereo fit is accepted when its χ² tail probability is at least this. */
  stereoMinProbability: number;
  /** A 3-D track takes IR reports while its boost probability is at least this, or it had IR within irRecentS. */
  boostEligibility: number;
  irRecentS: number;
}

export interface ImmConfig {
  /** Switching rates (1/s): boost → ballistic (burnout) and back (ignition). */
  boostToBallisticRate: number;
  ballisticToBoostRate: number;
  minModeProbability: number;
  /** Longest prediction between two mixings (s): a long coast is predicted in cycles of this length. */
  maxCycleS: number;
  /** Mode probabilities [boost, ballistic] of a track started by radar and by IR stereo. */
  radarStart: [number, number];
  irStart: [number, number];
  /** Prior of aT for a new track: mean and 1σ (m/s²); of κ = 1/β: mean and 1σ (m²/kg). */
  thrustMean: number;
  thrustStd: number;
  dragMean: number;
  dragStd: number;
}

export interface ManagementConfig {
  /** A confirmed track not updated for this long is reported as coasting (s). */
  coastAfterS: number;
  /** A confirmed track not updated for this long is deleted (s). */
  maxCoastS: number;
  /** A tentative track not updated for this long is deleted (s). */
  tentativeMaxCoastS: number;
  /** Updates after birth that confirm an IR-stereo track. */
  stereoConfirmUpdates: number;
  /** A track whose largest position standard deviation exceeds this is deleted (m). */
  maxPositionStdM: number;
  /** A track whose estimate is below this altitude is deleted (impact; m). */
  impactAltitudeM: number;
  /** How often, in scenario time, tracks are swept for deletion (s). */
  sweepIntervalS: number;
}

export interface FusionConfig {
  /** Gate probability of the track-to-track test on position and velocity (6 dof). */
  trackGateProbability: number;
  /** How often IR and radar tracks are compared (s of scenario time). */
  checkIntervalS: number;
  /** Consecutive consistent checks after which an IR track absorbs a radar track. */
  mergeAfterChecks: number;
}

export interface CentreTrackerConfig {
  gmst: (tS: number) => number;
  /** Filter of each IMM mode: extended or unscented Kalman filter. */
  filter: 'ekf' | 'ukf';
  /** Association in dense radar clusters: global nearest neighbour or JPDA. */
  association: 'gnn' | 'jpda';
  /** Reports are held this long (s, against the newest report seen) and then processed in time order. */
  reorderDelayS: number;
  /** Reports of one sensor within this span of the first (s) form one frame. */
  frameWindowS: number;
  /** Probability that a measurement gate contains the object's report. */
  gateProbability: number;
  radar: RadarTrackingConfig;
  ir: IrTrackingConfig;
  imm: ImmConfig;
  motion: { boost: Partial<FlightMotionOptions>; ballistic: Partial<FlightMotionOptions> };
  management: ManagementConfig;
  fusion: FusionConfig;
  /** Samples of the speed/altitude history kept per track (older ones thinned). */
  historySamples: number;
}

export type CentreTrackerOptions = Pick<CentreTrackerConfig, 'gmst'> & {
  [K in Exclude<keyof CentreTrackerConfig, 'gmst'>]?: CentreTrackerConfig[K] extends object
    ? Partial<CentreTrackerConfig[K]>
    : CentreTrackerConfig[K];
};

export const defaultCentreTrackerConfig: Omit<CentreTrackerConfig, 'gmst'> = {
  filter: 'ekf',
  association: 'gnn',
  reorderDelayS: 2,
  frameWindowS: 0.2,
  gateProbability: 0.9999,
  radar: {
    detectionProbability: 0.9,
    clutterDensity: 1e-8,
    confirmM: 3,
    confirmN: 5,
    maxSpeedMps: 8000,
    candidateMaxAgeS: 15,
    accelerationStdMps2: 30,
    defaultRevisitS: 5,
  },
  ir: {
    detectionProbability: 0.95,
    clutterDensity: 50,
    defaultRevisitS: 10,
    angleOnlyConfirmHits: 3,
    angleOnlyTentativeMisses: 2,
    angleOnlyConfirmedMisses: 3,
    maxAngularRateRadS: 1e-3,
    maxAngularAccelerationRadS2: 2e-5,
    stereoMinBearings: 2,
    stereoWindowS: 40,
    stereoFootprintM: 1.5e6,
    stereoAccelerationStdMps2: 50,
    stereoMinProbability: 1e-3,
    boostEligibility: 0.02,
    irRecentS: 60,
  },
  imm: {
    boostToBallisticRate: 1 / 60,
    ballisticToBoostRate: 1e-4,
    minModeProbability: 1e-3,
    maxCycleS: 10,
    radarStart: [0.1, 0.9],
    irStart: [0.95, 0.05],
    thrustMean: 20,
    thrustStd: 20,
    dragMean: 2e-4,
    dragStd: 1e-3,
  },
  motion: { boost: {}, ballistic: {} },
  management: {
    coastAfterS: 20,
    maxCoastS: 1800,
    tentativeMaxCoastS: 30,
    stereoConfirmUpdates: 2,
    maxPositionStdM: 1000e3,
    impactAltitudeM: -10e3,
    sweepIntervalS: 5,
  },
  fusion: {
    trackGateProbability: 0.999,
    checkIntervalS: 5,
    mergeAfterChecks: 2,
  },
  historySamples: 256,
};

/** The full configuration: defaults overridden section by section. */
export function resolveCentreConfig(options: CentreTrackerOptions): CentreTrackerConfig {
  const d = defaultCentreTrackerConfig;
  return {
    ...d,
    ...options,
    gmst: options.gmst,
    radar: { ...d.radar, ...options.radar },
    ir: { ...d.ir, ...options.ir },
    imm: { ...d.imm, ...options.imm },
    motion: { boost: { ...options.motion?.boost }, ballistic: { ...options.motion?.ballistic } },
    management: { ...d.management, ...options.management },
    fusion: { ...d.fusion, ...options.fusion },
  } as CentreTrackerConfig;
}
