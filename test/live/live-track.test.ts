// Live tracks as the console draws them: the Earth-fixed velocity is the rate of
// change of the Earth-fixed position (checked by a central difference of rotated ECI
// positions), the error is the RMS of the position variances, and an angle-only
// track's line of sight is the ECI one rotated to ECEF.
import { describe, expect, it } from 'vitest';
import { liveTrackOf3d, liveTrackOfAngleOnly } from '../../src/analysis/live/live-track.ts';
import type { PictureAngleOnlyTrack, PictureTrack } from '../../src/centre/fusion/picture.ts';
import { OMEGA_EARTH } from '../../src/physics/constants.ts';
import { eciToEcef } from '../../src/physics/frames.ts';

const GMST0 = 1.234;
const gmstAt = (t: number) => GMST0 + OMEGA_EARTH * t;

function pictureTrack(position: [number, number, number], velocity: [number, number, number]): PictureTrack {
  const covariance = new Array(64).fill(0);
  // Position variances 1, 4 and 7 km² → RMS σ = sqrt(4) km.
  covariance[0] = 1e6;
  covariance[9] = 4e6;
  covariance[18] = 7e6;
  return {
    id: 'T7',
    kind: '3d',
    status: 'confirmed',
    origin: 'radar',
    firstTimeS: 100.123456,
    lastUpdateS: 230,
    timeS: 230,
    positionEciM: position,
    velocityEciMps: velocity,
    thrustAccelMps2: 0,
    thrustAccelStdMps2: 0,
    inverseBallisticCoefficientM2PerKg: 0,
    covariance,
    modeProbabilities: { boost: 0.12345, ballistic: 0.87655 },
    geodetic: { latDeg: 51.123456, lonDeg: -0.987654, altKm: 812.34567 },
    speedMps: 0,
    earthSpeedMps: 0,
    features: {} as PictureTrack['features'],
    lineage: {
      sensors: [
        { sensorId: 'fylingdales:1', phenomenology: 'radar', firstTimeS: 100, lastTimeS: 230, count: 20 },
        { sensorId: 'sbirs-geo-1', phenomenology: 'ir', firstTimeS: 90, lastTimeS: 200, count: 30 },
      ],
    } as PictureTrack['lineage'],
    consistency: { updates: 0, meanNisPerDof: null, lastNis: null, lastNisDof: 0 },
  };
}

describe('a live 3-D track', () => {
  it('moves in the Earth-fixed frame at the rate its rotated ECI positions change', () => {
    const r: [number, number, number] = [4_100_000, -3_200_000, 4_900_000];
    const v: [number, number, number] = [5_600, 3_100, -2_200];
    const t = 230;
    const live = liveTrackOf3d(pictureTrack(r, v), 'ballistic-missile', gmstAt(t));
    const h = 0.01;
    const at = (dt: number) =>
      eciToEcef(
        new Float64Array(3),
        r.map((x, i) => x + v[i]! * dt),
        gmstAt(t + dt),
      );
    const ahead = at(h);
    const behind = at(-h);
    for (let i = 0; i < 3; i++)
      expect(live.velocityEcefMps![i]!).toBeCloseTo((ahead[i]! - behind[i]!) / (2 * h), 0);
  });

  it('carries the summary row, its place rounded, and the RMS of its position errors', () => {
    const live = liveTrackOf3d(pictureTrack([7e6, 0, 0], [0, 7e3, 0]), 'ballistic-missile', GMST0);
    expect(live).toMatchObject({
      id: 'T7',
      kind: '3d',
      status: 'confirmed',
      firstTimeS: 100.123,
      lastTimeS: 230,
      sensors: ['fylingdales:1', 'sbirs-geo-1'],
      classification: 'ballistic-missile',
      position: { latDeg: 51.1235, lonDeg: -0.9877, altKm: 812.346 },
      positionSigmaKm: 2,
      boostProbability: 0.123,
      sensorId: null,
      bearing: null,
    });
  });
});

describe('a live angle-only track', () => {
  it('points its latest bearing along the ECI line of sight rotated into the Earth-fixed frame', () => {
    const los: [number, number, number] = [-0.6, 0.8, 0];
    const track: PictureAngleOnlyTrack = {
      id: 'B3',
      kind: 'angle-only',
      status: 'tentative',
      sensorId: 'sbirs-geo-1',
      firstTimeS: 50,
      lastTimeS: 60,
      bearingCount: 2,
      bearings: [
        { timeS: 50, losEci: [1, 0, 0], observerEciM: [42_164_000, 0, 0], sigmaRad: 1e-5, intensity: 1 },
        { timeS: 60, losEci: los, observerEciM: [42_164_000, 0, 0], sigmaRad: 1e-5, intensity: 1 },
      ],
      angularRateRadS: 0,
      meanIntensity: 1,
      groundPoint: { latDeg: 10.123456, lonDeg: 20.987654 },
      lineage: {
        sensors: [{ sensorId: 'sbirs-geo-1', phenomenology: 'ir', firstTimeS: 50, lastTimeS: 60, count: 2 }],
      } as PictureAngleOnlyTrack['lineage'],
    };
    const live = liveTrackOfAngleOnly(track, 'unclassified', gmstAt);
    const g = gmstAt(60);
    expect(live.bearing!.losEcef[0]).toBeCloseTo(Math.cos(g) * los[0] + Math.sin(g) * los[1], 6);
    expect(live.bearing!.losEcef[1]).toBeCloseTo(-Math.sin(g) * los[0] + Math.cos(g) * los[1], 6);
    expect(live.bearing!.losEcef[2]).toBe(0);
    // A geostationary observer on the equator, 35,786 km up.
    expect(live.bearing!.from.latDeg).toBeCloseTo(0, 6);
    expect(live.bearing!.from.altKm).toBeCloseTo(42_164 - 6378.137, 2);
    expect(live).toMatchObject({
      kind: 'angle-only',
      position: null,
      velocityEcefMps: null,
      sensorId: 'sbirs-geo-1',
      groundPoint: { latDeg: 10.1235, lonDeg: 20.9877 },
      timeS: 60,
    });
  });
});
