// Scenes for the centre's fusion tests: ground truth from the world model (tests may
// read the world; the centre may not), seen by synthetic sensors written in the tests —
// IR satellites in geostationary slots that report burning objects' lines of sight every
// revisit, and radar faces that report objects above their horizon within range.
import { OMEGA_EARTH } from '../../../src/physics/constants.ts';
import { ecefToGeodetic } from '../../../src/physics/frames.ts';
import type { Rng } from '../../../src/physics/random.ts';
import { gmstRad, julianDateFromUnixMs } from '../../../src/physics/time.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import type { IrReport, RadarReport, SensorReport } from '../../../src/sensors/report.ts';
import { generateTruth } from '../../../src/world/generate.ts';
import { burnAt, stateAt, type Truth, type TruthObject } from '../../../src/world/truth.ts';
import { geoPosition, irReport, type RadarNoise, type RadarSite, radarPlot } from '../synthetic.ts';

export const DEG = Math.PI / 180;

export function truthOf(yamlEvents: string, durationMin = 40): Truth {
  const text = `name: test\nepoch: 2026-05-01T12:00:00Z\nduration: ${durationMin}m\nseed: 1\ndefended: [USA]\nevents:\n${yamlEvents}`;
  return generateTruth(parseScenario(text, 'test.yaml'));
}

/** GMST at t (s after the truth's epoch), as the centre would be configured with it. */
export function gmstOf(truth: Truth): (t: number) => number {
  const g0 = gmstRad(julianDateFromUnixMs(truth.epochUnixMs));
  return (t) => g0 + OMEGA_EARTH * t;
}

export interface Geo {
  id: string;
  lonRad: number;
  revisitS: number;
  /** Phase of the revisit grid (s). */
  phaseS: number;
  sigmaRad: number;
}

/** IR lines of sight from geostationary satellites to every burning object, every revisit. */
export function irReports(
  truth: Truth,
  sats: Geo[],
  gmst: (t: number) => number,
  t0: number,
  t1: number,
  rng: Rng,
  objects: (o: TruthObject) => boolean = () => true,
): IrReport[] {
  const out: IrReport[] = [];
  const r = new Float64Array(3);
  const geodetic = new Float64Array(3);
  for (const sat of sats) {
    let seq = 0;
    for (let t = t0 + sat.phaseS; t <= t1; t += sat.revisitS) {
      const obs = geoPosition(sat.lonRad, gmst(t));
      for (const o of truth.objects) {
        if (!objects(o) || !burnAt(o, t) || !stateAt(o, t, r)) continue;
        // Only a plume above ~15 km clears the cloud deck (DOMAIN.md §3.1).
        if (ecefToGeodetic(geodetic, r)[2]! < 15e3) continue;
        if (!aboveLimb(obs, r)) continue;
        out.push(irReport(`${sat.id}#${seq++}`, sat.id, t, obs, r, sat.sigmaRad, rng));
      }
    }
  }
  return out;
}

/** Whether the line from the observer to r clears the Earth (spherical, 6,371 km). */
function aboveLimb(obs: readonly number[], r: ArrayLike<number>): boolean {
  const d = [r[0]! - obs[0]!, r[1]! - obs[1]!, r[2]! - obs[2]!];
  const dd = d[0]! * d[0]! + d[1]! * d[1]! + d[2]! * d[2]!;
  const s = -(obs[0]! * d[0]! + obs[1]! * d[1]! + obs[2]! * d[2]!) / dd;
  if (s >= 1 || s <= 0) return true;
  const c = [obs[0]! + s * d[0]!, obs[1]! + s * d[1]!, obs[2]! + s * d[2]!];
  return Math.hypot(c[0]!, c[1]!, c[2]!) > 6371e3;
}

export interface Face {
  id: string;
  site: RadarSite;
  scanS: number;
  phaseS: number;
  noise: RadarNoise;
  maxRangeM: number;
  minElevationRad: number;
}

/** Radar plots of every object above a face's minimum elevation and within range, every scan. */
export function radarReports(
  truth: Truth,
  faces: Face[],
  gmst: (t: number) => number,
  t0: number,
  t1: number,
  rng: Rng,
  objects: (o: TruthObject) => boolean = () => true,
): RadarReport[] {
  const out: RadarReport[] = [];
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  for (const face of faces) {
    let seq = 0;
    for (let t = t0 + face.phaseS; t <= t1; t += face.scanS) {
      for (const o of truth.objects) {
        if (!objects(o) || !stateAt(o, t, r, v)) continue;
        const clean = radarPlot('x', face.id, t, face.site, r, v, gmst(t), face.noise, null);
        if (clean.elRad < face.minElevationRad || clean.rangeM > face.maxRangeM) continue;
        out.push(radarPlot(`${face.id}#${seq++}`, face.id, t, face.site, r, v, gmst(t), face.noise, rng));
      }
    }
  }
  return out;
}

/** Reports merged in time order (ties by sensor id, then id): how a feed delivers them. */
export function inTimeOrder<T extends SensorReport>(reports: T[]): T[] {
  return [...reports].sort(
    (a, b) =>
      a.timeS - b.timeS ||
      (a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : a.id < b.id ? -1 : 1),
  );
}
