// Two-point initiation from noise-free plots of a body in free fall: the difference of
// the plots with the free-fall correction gives the velocity to within the change of
// gravity over the interval (a few cm/s), and the range rate pins the radial part.
import { describe, expect, it } from 'vitest';
import {
  type ConvertedPlot,
  initialiseFromTwoPlots,
  plausiblePair,
} from '../../../src/centre/tracking/radar-initiation.ts';
import {
  RadarGeometry,
  radarPlotToEci,
  setRadarGeometry,
} from '../../../src/centre/tracking/radar-measurement.ts';
import { earthFixedEci, flyBallistic, gmstFunction, radarPlot } from '../synthetic.ts';

const gmst = gmstFunction(0.3);
const site = { latRad: 0.7, lonRad: 0.4, hM: 50 };
const noise = { sigmaRangeM: 20, sigmaAngleRad: 1e-3, sigmaRangeRateMps: 2 };

function converted(t: number, r: readonly number[], v: readonly number[], withRate: boolean): ConvertedPlot {
  const p = radarPlot(
    'p',
    'r:1',
    t,
    site,
    r,
    v,
    gmst(t),
    { ...noise, sigmaRangeRateMps: withRate ? 2 : null },
    null,
  );
  const g = setRadarGeometry(new RadarGeometry(), site, gmst(t), 20, 1e-3, withRate ? 2 : null);
  const position = new Float64Array(3);
  const covariance = new Float64Array(9);
  radarPlotToEci(position, covariance, g, p.rangeM, p.azRad, p.elRad);
  return {
    timeS: t,
    position,
    covariance,
    rangeM: p.rangeM,
    sigmaRangeM: 20,
    rangeRateMps: p.rangeRateMps,
    sigmaRangeRateMps: 2,
    site: Float64Array.from(g.site),
    siteVelocity: Float64Array.from(g.siteVelocity),
  };
}

describe('two-point radar initiation', () => {
  const start = earthFixedEci(0.78, 0.5, 300e3, gmst(0));
  const up = start.map((c) => c / Math.hypot(...start));
  const v0 = [-up[1]! * 6000, up[0]! * 6000, 1500];
  const path = flyBallistic(start, v0, 0, 10, 5, 0.01);
  const prior = { accelerationStdMps2: 30, thrustMean: 0, thrustStd: 20, dragMean: 0, dragStd: 1e-3 };

  for (const withRate of [false, true]) {
    it(`${withRate ? 'with' : 'without'} range rate: the velocity of a body in free fall to within 0.1 m/s`, () => {
      const a = converted(5, path[1]!.r, path[1]!.v, withRate);
      const b = converted(10, path[2]!.r, path[2]!.v, withRate);
      expect(plausiblePair(a, b, 8000)).toBe(true);
      const x = new Float64Array(8);
      const P = new Float64Array(64);
      initialiseFromTwoPlots(x, P, a, b, prior);
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(x[k]! - path[2]!.r[k]!)).toBeLessThan(1e-3);
        expect(Math.abs(x[3 + k]! - path[2]!.v[k]!)).toBeLessThan(0.1);
      }
      for (let i = 0; i < 8; i++) expect(P[i * 8 + i]).toBeGreaterThan(0);
    });
  }

  it('rejects two plots too far apart for the time between them, and plots whose range change belies their range rates', () => {
    const a = converted(5, path[1]!.r, path[1]!.v, true);
    const far = converted(6, path[2]!.r, path[2]!.v, true);
    expect(plausiblePair(a, far, 8000)).toBe(false);
    const b = converted(10, path[2]!.r, path[2]!.v, true);
    const wrongRate = { ...b, rangeRateMps: b.rangeRateMps! + 500 };
    expect(plausiblePair(a, wrongRate, 8000)).toBe(false);
    expect(plausiblePair(b, a, 8000)).toBe(false);
  });
});
