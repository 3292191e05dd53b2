// Reports of nothing: a random detection as a sensor would send it, for the
// scenario's Poisson false alarms (`false-alarms` events) and the phantom messages of
// a corrupted feed (`corrupt-count` faults). An IR phantom lies on the visible Earth
// disk (look-down) or in the limb band a limb sensor watches; a radar phantom is a
// random cell of the face's volume.

import type { SatelliteOrbit } from '../orbits/orbit.ts';
import { R_EARTH_MEAN } from '../physics/constants.ts';
import type { Rng } from '../physics/random.ts';
import type { SatelliteSpec } from '../scenario/scenario.ts';
import { DETECTION_THRESHOLD_SNR, measuredRelIntensity, neiOf } from './ir/detection.ts';
import { assumedRangeM, sensorAzEl } from './ir/line-of-sight.ts';
import { LIMB_VIEW_DEPTH_RAD } from './ir/view-rules.ts';
import type { RadarFace } from './radar/face.ts';
import { drawFalsePlotCell } from './radar/false-plots.ts';
import type { IrReport, RadarReport } from './report.ts';

const sat = new Float64Array(3);
const azEl = new Float64Array(3);
const cell = new Float64Array(3);

/** A false IR detection at time t, or null when the satellite has no state then. */
export function irFalseReport(
  spec: SatelliteSpec,
  orbit: SatelliteOrbit,
  t: number,
  rng: Rng,
  id: string,
): IrReport | null {
  if (!orbit.state(sat, null, t)) return null;
  const r = Math.hypot(sat[0]!, sat[1]!, sat[2]!);
  const diskHalfAngle = Math.asin(Math.min(1, R_EARTH_MEAN / r));
  // Off-nadir angle: uniform over the disk's solid angle (look-down), or within the
  // limb band just inside the Earth's edge (limb).
  const inner = spec.sensor.mode === 'limb' ? Math.max(0, diskHalfAngle - LIMB_VIEW_DEPTH_RAD) : 0;
  const cosOff = Math.cos(inner) - rng.uniform() * (Math.cos(inner) - Math.cos(diskHalfAngle));
  const off = Math.acos(cosOff);
  const phi = 2 * Math.PI * rng.uniform();
  // Build the direction in a frame with nadir as z and ECI z projected as north.
  const nx = -sat[0]! / r;
  const ny = -sat[1]! / r;
  const nz = -sat[2]! / r;
  let ex = -ny; // east-ish = nadir × z
  let ey = nx;
  let ez = 0;
  const en = Math.hypot(ex, ey, ez) || 1;
  ex /= en;
  ey /= en;
  ez /= en;
  const ux = ny * ez - nz * ey;
  const uy = nz * ex - nx * ez;
  const uz = nx * ey - ny * ex;
  const s = Math.sin(off);
  const los: [number, number, number] = [
    cosOff * nx + s * (Math.cos(phi) * ux + Math.sin(phi) * ex),
    cosOff * ny + s * (Math.cos(phi) * uy + Math.sin(phi) * ey),
    cosOff * nz + s * (Math.cos(phi) * uz + Math.sin(phi) * ez),
  ];
  sensorAzEl(azEl, sat, los);
  // A noise exceedance: a measured SNR just over the threshold (exponential tail).
  const snr = DETECTION_THRESHOLD_SNR + rng.exponential(DETECTION_THRESHOLD_SNR);
  return {
    kind: 'ir',
    id,
    sensorId: spec.id,
    timeS: t,
    observerEci: [sat[0]!, sat[1]!, sat[2]!],
    losEci: los,
    azRad: azEl[0]!,
    elRad: azEl[1]!,
    sigmaRad: spec.sensor.sigmaRad,
    intensity: measuredRelIntensity(
      snr,
      neiOf(spec.sensor.kind, spec.sensor.neiWPerM2),
      assumedRangeM(sat, los),
    ),
    count: 1,
  };
}

/** A false radar plot of a face at time t. */
export function radarFalseReport(face: RadarFace, t: number, rng: Rng, id: string): RadarReport {
  drawFalsePlotCell(cell, rng, face.spec);
  const snr = face.threshold + rng.exponential(1);
  return {
    kind: 'radar',
    id,
    sensorId: face.id,
    radarId: face.radarId,
    timeS: t,
    site: { latRad: face.site.latRad, lonRad: face.site.lonRad, hM: face.site.hM },
    rangeM: cell[2]!,
    azRad: cell[0]!,
    elRad: cell[1]!,
    rangeRateMps: face.sigmaRangeRateMps === null ? null : 8000 * (2 * rng.uniform() - 1),
    sigmaRangeM: face.sigmaRangeM,
    sigmaAngleRad: face.sigmaAngleRad,
    sigmaRangeRateMps: face.sigmaRangeRateMps,
    snrDb: 10 * Math.log10(Math.max(1e-9, snr - 1)),
    count: 1,
  };
}
