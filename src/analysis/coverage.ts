// Coverage of a sensor network over the globe (issue 3): for every cell of a latitude/
// longitude grid, which sensors would see a rocket there at a given altitude and time,
// and how soon after launch an IR satellite would first see a rising plume that has to
// clear the cloud top. Geometry and detection come from the same models the sensors
// use (IR view rules and detection; radar face coverage), without random draws.

import type { SatelliteOrbit } from '../orbits/orbit.ts';
import { makeOrbit } from '../orbits/presets.ts';
import { gmstAt } from '../orbits/sidereal.ts';
import { radialAltitude } from '../physics/ballistic.ts';
import { ecefToEci, geodeticToEcef, makeSite } from '../physics/frames.ts';
import { sunDirectionEci } from '../physics/sun.ts';
import { epochSecondsToJd } from '../physics/time.ts';
import type { SatelliteSpec } from '../scenario/scenario.ts';
import { detectionProbability, irradianceWPerM2, neiOf } from '../sensors/ir/detection.ts';
import { inGroundCircle, isSunExcluded } from '../sensors/ir/geometry.ts';
import { plumeInView } from '../sensors/ir/view-rules.ts';
import type { ResolvedNetwork } from '../sensors/network.ts';
import { FaceCoverage } from '../sensors/radar/coverage.ts';
import { programWith } from '../world/flight/shaping.ts';
import { FlightSimulator } from '../world/flight/simulate.ts';
import { VEHICLES } from '../world/vehicles.ts';
import { type Grid, makeGrid } from './maps/grid-map.ts';

export interface CoverageOptions {
  epochUnixMs: number;
  /** Time after the epoch at which the network is evaluated, s. */
  atS: number;
  /** Altitude of the rocket for the "who sees it" layer, m. */
  altitudeM: number;
  /** Cloud top the plume must clear before IR can see it, m. */
  cloudTopM: number;
  /** Grid cell size, degrees. */
  cellDeg: number;
  /** Called after each latitude row with (rows done, rows). */
  onProgress?: (done: number, total: number) => void;
}

export interface CoverageResult {
  grid: Grid;
  /** Number of sensors seeing each cell (IR satellites + radar faces). */
  sensorCount: Float64Array;
  irCount: Float64Array;
  radarCount: Float64Array;
  /** Time from launch to the first IR detection opportunity, s (NaN: none during the boost). */
  irDelayS: Float64Array;
  /** Ids of the sensors seeing each cell. */
  sensorsAt: string[][];
  sensors: string[];
}

/** Minimum probability of detection for an IR sensor to count a plume as seen. */
export const COVERAGE_MIN_PD = 0.5;
const REFERENCE_CLASS = 'icbm-solid';

interface Satellite {
  spec: SatelliteSpec;
  orbit: SatelliteOrbit;
  nei: number;
}

/**
 * Altitude against time of the reference rocket (a solid ICBM on a steep programme)
 * during its burn, sampled every `everyS`: the plume's rise the IR layer waits for.
 */
export function referenceRise(everyS = 2): Array<{ tS: number; altitudeM: number; intensity: number }> {
  const sim = new FlightSimulator();
  const v = VEHICLES[REFERENCE_CLASS];
  const f = sim.fly(v, { latRad: 0, lonRad: 0, hM: 0 }, programWith(0, (40 * Math.PI) / 180), {
    gmstAtLaunch: 0,
    maxFlightS: 200,
    sampleEveryS: everyS,
  });
  const s = f.samples!;
  const out = [];
  let stage = 0;
  for (let i = 0; i < s.count; i++) {
    const t = s.t0 + i * s.dt;
    if (t > f.burnout.t) break;
    while (stage < f.stageEndsS.length - 1 && t > f.stageEndsS[stage]!) stage++;
    const st = v.stages[stage]!;
    const st1 = v.stages[0]!;
    const intensity =
      (v.plumeIntensity * ((st.propellantKg / st.burnTimeS) * st.ispS)) /
      ((st1.propellantKg / st1.burnTimeS) * st1.ispS);
    out.push({
      tS: t,
      altitudeM: radialAltitude(s.position[3 * i]!, s.position[3 * i + 1]!, s.position[3 * i + 2]!),
      intensity,
    });
  }
  return out;
}

export function computeCoverage(network: ResolvedNetwork, o: CoverageOptions): CoverageResult {
  const satellites: Satellite[] = network.satellites.map((spec) => ({
    spec,
    orbit: makeOrbit(spec.orbit, o.epochUnixMs),
    nei: neiOf(spec.sensor.kind, spec.sensor.neiWPerM2),
  }));
  const faces = network.radars.flatMap((r) =>
    r.faces.map((f) => ({
      id: f.id,
      coverage: new FaceCoverage(makeSite(r.site.latRad, r.site.lonRad, r.site.altM), f),
    })),
  );
  const grid = makeGrid(o.cellDeg);
  const n = grid.values.length;
  const result: CoverageResult = {
    grid,
    sensorCount: new Float64Array(n),
    irCount: new Float64Array(n),
    radarCount: new Float64Array(n),
    irDelayS: new Float64Array(n).fill(Number.NaN),
    sensorsAt: Array.from({ length: n }, () => []),
    sensors: [...satellites.map((s) => s.spec.id), ...faces.map((f) => f.id)],
  };
  const gmst = gmstAt(o.epochUnixMs, o.atS);
  const sun = sunDirectionEci(new Float64Array(3), epochSecondsToJd(o.epochUnixMs, o.atS));
  const satPos = satellites.map((s) => {
    const p = new Float64Array(3);
    return s.orbit.state(p, null, o.atS) ? p : null;
  });
  const rise = referenceRise();
  const ecef = new Float64Array(3);
  const eci = new Float64Array(3);
  const los = new Float64Array(3);
  const D = Math.PI / 180;

  /** Whether satellite i sees a plume of the given intensity at `target` (ECI). */
  const irSees = (
    i: number,
    target: Float64Array,
    intensity: number,
    latRad: number,
    lonRad: number,
  ): boolean => {
    const sat = satPos[i];
    if (!sat) return false;
    const s = satellites[i]!;
    const range = Math.hypot(target[0]! - sat[0]!, target[1]! - sat[1]!, target[2]! - sat[2]!);
    for (let k = 0; k < 3; k++) los[k] = (target[k]! - sat[k]!) / range;
    if (s.spec.sensor.fieldOfRegard && !inGroundCircle(s.spec.sensor.fieldOfRegard, latRad, lonRad))
      return false;
    if (!plumeInView(s.spec.sensor.mode, sat, target, los, s.spec.sensor.limbMarginM)) return false;
    if (isSunExcluded(sat, los, sun)) return false;
    return detectionProbability(irradianceWPerM2(intensity, range) / s.nei) >= COVERAGE_MIN_PD;
  };

  const nLon = grid.lonsDeg.length;
  for (let i = 0; i < grid.latsDeg.length; i++) {
    const latRad = (grid.latsDeg[i]! + o.cellDeg / 2) * D;
    for (let j = 0; j < nLon; j++) {
      const lonRad = (grid.lonsDeg[j]! + o.cellDeg / 2) * D;
      const k = i * nLon + j;
      geodeticToEcef(ecef, latRad, lonRad, o.altitudeM);
      ecefToEci(eci, ecef, gmst);
      const seen = result.sensorsAt[k]!;
      for (let s = 0; s < satellites.length; s++)
        if (irSees(s, eci, 1, latRad, lonRad)) seen.push(satellites[s]!.spec.id);
      const ir = seen.length;
      for (const f of faces) if (f.coverage.look(ecef) === 'visible') seen.push(f.id);
      result.irCount[k] = ir;
      result.radarCount[k] = seen.length - ir;
      result.sensorCount[k] = seen.length;
      grid.values[k] = seen.length;
      // IR delay: the first moment the rising plume, above the cloud top, is seen.
      for (const p of rise) {
        if (p.altitudeM < o.cloudTopM) continue;
        geodeticToEcef(ecef, latRad, lonRad, p.altitudeM);
        ecefToEci(eci, ecef, gmst);
        let seenNow = -1;
        for (let s = 0; s < satellites.length && seenNow < 0; s++)
          if (irSees(s, eci, p.intensity, latRad, lonRad)) seenNow = s;
        if (seenNow >= 0) {
          // A scanner looks at a point once per revisit: on average half a revisit later.
          result.irDelayS[k] = p.tS + satellites[seenNow]!.spec.sensor.revisitS / 2;
          break;
        }
      }
    }
    o.onProgress?.(i + 1, grid.latsDeg.length);
  }
  return result;
}
