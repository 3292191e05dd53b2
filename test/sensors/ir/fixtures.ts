// Small worlds for IR sensor tests: static "plumes" placed by hand in ECI, satellites
// held still or on real orbits, a uniform cloud top, and a collector of the reports.

import type { SatelliteOrbit } from '../../../src/orbits/orbit.ts';
import { ecefToEci, ecefToGeodetic, geodeticToEcef } from '../../../src/physics/frames.ts';
import type { Rng } from '../../../src/physics/random.ts';
import type { GeoCircle, IrSensorSpec, SatelliteSpec } from '../../../src/scenario/scenario.ts';
import type { IrReport, SensorReport, TruthLabel } from '../../../src/sensors/report.ts';
import type { SensorModel } from '../../../src/sensors/sensor.ts';
import { type Weather, WorldView } from '../../../src/sensors/world-view.ts';
import type { Phenomena } from '../../../src/world/phenomena.ts';
import type { Truth, TruthObject } from '../../../src/world/truth.ts';

export const DEG = Math.PI / 180;
export const KM = 1000;

/** A satellite that stays at one ECI point. */
export function fixedOrbit(position: ArrayLike<number>): SatelliteOrbit {
  const p = Float64Array.from(position);
  return {
    periodS: Number.POSITIVE_INFINITY,
    describe: () => 'fixed point',
    state(outPos, outVel) {
      outPos.set(p);
      if (outVel) outVel.fill(0);
      return true;
    },
  };
}

/** A body held at one ECI point over [t0, t1], burning with relative intensity over [burnFrom, burnUntil). */
export function staticPlume(
  id: string,
  position: ArrayLike<number>,
  t0: number,
  t1: number,
  intensity = 1,
  burnFrom = t0,
  burnUntil = t1,
): TruthObject {
  const positions = new Float64Array(6);
  positions.set(Array.from(position), 0);
  positions.set(Array.from(position), 3);
  return {
    id,
    kind: 'rv',
    eventId: id.split('/')[0]!,
    vehicleClass: 'icbm-solid',
    launchTimeS: t0,
    startTimeS: t0,
    impactTimeS: null,
    samples: { t0, dt: t1 - t0, count: 2, tEnd: t1, position: positions, velocity: new Float64Array(6) },
    burns: [{ startS: burnFrom, endS: burnUntil, stage: 1, intensity }],
    milestones: [],
    rcsM2: 1,
    betaKgM2: 5000,
  };
}

export function uniformWeather(cloudTopM: number): Weather {
  return { cloudTopM: () => cloudTopM };
}

export function noPhenomena(): Phenomena {
  return { glints: [], heatSources: [] };
}

export function worldOf(
  objects: TruthObject[],
  durationS: number,
  options: { epochUnixMs?: number; phenomena?: Phenomena; cloudTopM?: number } = {},
): WorldView {
  const truth: Truth = {
    epochUnixMs: options.epochUnixMs ?? Date.UTC(2026, 2, 20, 12),
    durationS,
    launches: [],
    objects,
  };
  return new WorldView(truth, options.phenomena ?? noPhenomena(), uniformWeather(options.cloudTopM ?? 0));
}

export function satelliteSpec(
  id: string,
  sensor: Partial<IrSensorSpec> & Pick<IrSensorSpec, 'mode'>,
  fieldOfRegard: GeoCircle | null = null,
): SatelliteSpec {
  return {
    id,
    orbit: { kind: 'geo', lonRad: 0 },
    sensor: {
      kind: 'scanner',
      revisitS: 10,
      sigmaRad: 50e-6,
      fieldOfRegard,
      limbMarginM: 100 * KM,
      neiWPerM2: null,
      ...sensor,
    },
  };
}

export interface Labelled {
  report: IrReport;
  label: TruthLabel;
}

export function collect(sensor: SensorModel, world: WorldView, rng: Rng): Labelled[] {
  const out: Labelled[] = [];
  sensor.simulate(world, rng, (report: SensorReport, label: TruthLabel) => {
    if (report.kind !== 'ir') throw new Error('an IR sensor emitted a radar report');
    out.push({ report, label });
  });
  return out;
}

/**
 * Lowest geodetic altitude (exact WGS-84, Vermeille) of the points origin + s·dir for
 * s in [sFrom, sTo], by dense sampling refined with golden-section search around the
 * best sample: an independent check of the closed forms of ir/geometry.ts.
 */
export function bruteForceMinAltitudeM(
  origin: ArrayLike<number>,
  dir: ArrayLike<number>,
  sFrom: number,
  sTo: number,
  samples = 4000,
): number {
  const p = new Float64Array(3);
  const g = new Float64Array(3);
  const alt = (s: number) => {
    for (let k = 0; k < 3; k++) p[k] = origin[k]! + s * dir[k]!;
    return ecefToGeodetic(g, p)[2]!;
  };
  let best = sFrom;
  let bestAlt = alt(sFrom);
  const step = (sTo - sFrom) / samples;
  for (let i = 1; i <= samples; i++) {
    const s = sFrom + i * step;
    const a = alt(s);
    if (a < bestAlt) {
      bestAlt = a;
      best = s;
    }
  }
  let lo = Math.max(sFrom, best - step);
  let hi = Math.min(sTo, best + step);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const m1 = hi - phi * (hi - lo);
    const m2 = lo + phi * (hi - lo);
    if (alt(m1) < alt(m2)) hi = m2;
    else lo = m1;
  }
  return Math.min(bestAlt, alt(0.5 * (lo + hi)), alt(sFrom), alt(sTo));
}

/** ECI position at time 0 of the point hM above (latDeg, lonDeg). */
export function eciAbove(world: WorldView, latDeg: number, lonDeg: number, hM: number): Float64Array {
  const ecef = geodeticToEcef(new Float64Array(3), latDeg * DEG, lonDeg * DEG, hM);
  return ecefToEci(new Float64Array(3), ecef, world.gmst(0));
}
