import { describe, expect, it } from 'vitest';
import { eciToEcef, makeSite, siteAer } from '../../../src/physics/frames.ts';
import { moonPositionEci } from '../../../src/physics/moon.ts';
import { createRng } from '../../../src/physics/random.ts';
import { gmstRad, julianDateFromUnixMs } from '../../../src/physics/time.ts';
import {
  calibratedRefSnrDb,
  dbToRatio,
  ratioToDb,
  snrAtRange,
} from '../../../src/sensors/radar/detection.ts';
import { RadarFace } from '../../../src/sensors/radar/face.ts';
import { MOON_RCS_M2 } from '../../../src/sensors/radar/moon-echo.ts';
import { collect, D, faceSpec, radarSpec, worldOf } from './scene.ts';

// Thule, 5 Oct 1960 (DOMAIN.md §6.1): the Moon rises in the north-east. The site and the
// faces are the Thule radar's of DOMAIN.md §4.2 (76.570 N, 68.299 W; faces ≈357° and
// ≈117°, 120° wide, 3°–85°, 5,556 km). The Moon's position comes from physics/moon.ts,
// checked against Meeus' example in test/physics/moon.test.ts.
const LAT = 76.57;
const LON = -68.299;
const EPOCH = Date.UTC(1960, 9, 5, 23, 0);

function moonAer(tS: number): Float64Array {
  const jd = julianDateFromUnixMs(EPOCH + tS * 1000);
  const ecef = eciToEcef(new Float64Array(3), moonPositionEci(new Float64Array(3), jd), gmstRad(jd));
  return siteAer(new Float64Array(3), makeSite(LAT * D, LON * D, 0), ecef);
}

const eastFace = faceSpec({ id: 'thule:2', boresightRad: 117 * D });
const northFace = faceSpec({ id: 'thule:1', boresightRad: 357 * D });
const world = worldOf([], 60, EPOCH);

describe('the rising Moon at Thule, 1960-10-05 23:00 UTC', () => {
  it('is low in the east face: azimuth ≈ 85°, elevation ≈ 4.7° (from moon.ts)', () => {
    const aer = moonAer(0);
    expect(aer[0]! / D).toBeGreaterThan(57);
    expect(aer[0]! / D).toBeLessThan(177);
    expect(aer[1]! / D).toBeGreaterThan(3);
    expect(aer[1]! / D).toBeLessThan(10);
  });

  it('is a huge target: 0.07 π R_moon² ≈ 6.6e11 m², well over 40 dB at the Moon for a face calibrated on 5,556 km', () => {
    expect(MOON_RCS_M2).toBeGreaterThan(6.5e11);
    expect(MOON_RCS_M2).toBeLessThan(6.7e11);
    const snr = snrAtRange(dbToRatio(calibratedRefSnrDb(1e-6)), 5556e3, MOON_RCS_M2, 384_400e3);
    expect(ratioToDb(snr)).toBeGreaterThan(40);
  });

  it('appears at the folded range every scan when the face accepts folded echoes', () => {
    const spec = { ...eastFace, rejectFoldedEchoes: false };
    const face = new RadarFace(radarSpec(LAT, LON, 0, [spec], 'thule'), spec, { falsePlotsPerScan: 0 });
    const plots = collect(face, world, createRng(1960, spec.id));
    expect(plots.length).toBe(12);
    const unambiguous = 1.1 * 5556e3;
    for (const { report, label } of plots) {
      expect(label.cause).toBe('moon');
      expect(label.objectId).toBeNull();
      const aer = moonAer(report.timeS);
      // Echo delay ≈ 2.55 s: the true range is ≈ 382,600 km, read modulo 6,111.6 km.
      expect(aer[2]!).toBeGreaterThan(380_000e3);
      const folded = aer[2]! - Math.floor(aer[2]! / unambiguous) * unambiguous;
      expect(Math.abs(report.rangeM - folded)).toBeLessThan(5 * 150);
      expect(report.rangeM).toBeLessThan(5556e3);
      expect(Math.abs(report.azRad - aer[0]!)).toBeLessThan(5 * 0.1 * D);
      expect(Math.abs(report.elRad - aer[1]!)).toBeLessThan(5 * 0.1 * D);
      expect(report.snrDb).toBeGreaterThan(40);
    }
  });

  it('never appears when the face rejects folded echoes (the default)', () => {
    const face = new RadarFace(radarSpec(LAT, LON, 0, [eastFace], 'thule'), eastFace, {
      falsePlotsPerScan: 0,
    });
    expect(collect(face, world, createRng(1960, eastFace.id))).toEqual([]);
  });

  it('never appears in a face that does not look at it', () => {
    const spec = { ...northFace, rejectFoldedEchoes: false };
    const face = new RadarFace(radarSpec(LAT, LON, 0, [spec], 'thule'), spec, { falsePlotsPerScan: 0 });
    expect(collect(face, world, createRng(1960, spec.id))).toEqual([]);
  });

  it('never appears before moonrise, below the face’s horizon (21:00 UTC, elevation ≈ −2°)', () => {
    const early = Date.UTC(1960, 9, 5, 21, 0);
    const spec = { ...eastFace, rejectFoldedEchoes: false };
    const face = new RadarFace(radarSpec(LAT, LON, 0, [spec], 'thule'), spec, { falsePlotsPerScan: 0 });
    expect(collect(face, worldOf([], 60, early), createRng(1960, spec.id))).toEqual([]);
  });
});
