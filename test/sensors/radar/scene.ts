// Small synthetic worlds for the radar tests: objects held fixed over the ground or
// moving on straight lines in ECI, sampled every second like generated truth.

import { gmstAt } from '../../../src/orbits/sidereal.ts';
import { OMEGA_EARTH } from '../../../src/physics/constants.ts';
import { ecefToEci } from '../../../src/physics/frames.ts';
import type { Rng } from '../../../src/physics/random.ts';
import type { RadarFaceSpec, RadarSpec } from '../../../src/scenario/scenario.ts';
import type { RadarReport, SensorReport, TruthLabel } from '../../../src/sensors/report.ts';
import type { SensorModel } from '../../../src/sensors/sensor.ts';
import { WorldView } from '../../../src/sensors/world-view.ts';
import type { TruthKind, TruthObject } from '../../../src/world/truth.ts';

export const D = Math.PI / 180;
export const EPOCH_MS = Date.UTC(2026, 4, 1, 12);

function objectWith(
  id: string,
  kind: TruthKind,
  rcsM2: number,
  t0: number,
  t1: number,
  state: (t: number, pos: Float64Array, vel: Float64Array) => void,
): TruthObject {
  const count = Math.floor(t1 - t0) + 1;
  const position = new Float64Array(3 * count);
  const velocity = new Float64Array(3 * count);
  const pos = new Float64Array(3);
  const vel = new Float64Array(3);
  for (let i = 0; i < count; i++) {
    state(t0 + i, pos, vel);
    position.set(pos, 3 * i);
    velocity.set(vel, 3 * i);
  }
  return {
    id,
    kind,
    eventId: `E-${id}`,
    vehicleClass: 'icbm-solid',
    launchTimeS: t0,
    startTimeS: t0,
    impactTimeS: null,
    samples: { t0, dt: 1, count, tEnd: t0 + count - 1, position, velocity },
    burns: [],
    milestones: [],
    rcsM2,
    betaKgM2: 1000,
  };
}

/** An object held at a fixed ECEF point (m) from t0 to t1. */
export function fixedObject(
  id: string,
  kind: TruthKind,
  rcsM2: number,
  ecef: ArrayLike<number>,
  t0: number,
  t1: number,
  epochMs = EPOCH_MS,
): TruthObject {
  return objectWith(id, kind, rcsM2, t0, t1, (t, pos, vel) => {
    ecefToEci(pos, ecef, gmstAt(epochMs, t));
    vel[0] = -OMEGA_EARTH * pos[1]!;
    vel[1] = OMEGA_EARTH * pos[0]!;
    vel[2] = 0;
  });
}

/** An object moving on a straight line in ECI: p0 (m) at t0, constant velocity (m/s). */
export function straightObject(
  id: string,
  kind: TruthKind,
  rcsM2: number,
  p0: ArrayLike<number>,
  v: ArrayLike<number>,
  t0: number,
  t1: number,
): TruthObject {
  return objectWith(id, kind, rcsM2, t0, t1, (t, pos, vel) => {
    for (let k = 0; k < 3; k++) {
      pos[k] = p0[k]! + v[k]! * (t - t0);
      vel[k] = v[k]!;
    }
  });
}

export function worldOf(objects: TruthObject[], durationS: number, epochMs = EPOCH_MS): WorldView {
  return new WorldView(
    { epochUnixMs: epochMs, durationS, launches: [], objects },
    { glints: [], heatSources: [] },
    { cloudTopM: () => 0 },
  );
}

export function faceSpec(overrides: Partial<RadarFaceSpec> = {}): RadarFaceSpec {
  return {
    id: 'r:1',
    boresightRad: 0,
    halfWidthRad: 60 * D,
    minElevationRad: 3 * D,
    maxElevationRad: 85 * D,
    maxRangeM: 5556e3,
    band: 'UHF',
    revisitS: 5,
    rangeSigmaM: 150,
    angleSigmaRad: 0.1 * D,
    refSnrDb: null,
    refRangeM: null,
    rejectFoldedEchoes: true,
    unambiguousRangeM: null,
    ...overrides,
  };
}

export function radarSpec(
  latDeg: number,
  lonDeg: number,
  altM: number,
  faces: RadarFaceSpec[],
  id = 'r',
): RadarSpec {
  return { id, site: { latRad: latDeg * D, lonRad: lonDeg * D, altM }, faces };
}

export interface Plot {
  report: RadarReport;
  label: TruthLabel;
}

export function collect(model: SensorModel, world: WorldView, rng: Rng): Plot[] {
  const plots: Plot[] = [];
  model.simulate(world, rng, (report: SensorReport, label: TruthLabel) => {
    if (report.kind !== 'radar') throw new Error('a radar face emitted a non-radar report');
    plots.push({ report, label });
  });
  return plots;
}
