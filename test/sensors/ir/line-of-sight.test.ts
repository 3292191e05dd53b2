import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/physics/random.ts';
import { assumedRangeM, perturbLineOfSight, sensorAzEl } from '../../../src/sensors/ir/line-of-sight.ts';
import { DEG } from './fixtures.ts';

const GEO = [42_164e3, 0, 0];

describe('sensor frame', () => {
  it('nadir has off-nadir angle 0; north and east of the sub-satellite point have azimuths 0 and 90°', () => {
    const out = new Float64Array(2);
    expect(sensorAzEl(out, GEO, [-1, 0, 0])[1]).toBeCloseTo(0, 12);
    const a = 3 * DEG;
    sensorAzEl(out, GEO, [-Math.cos(a), 0, Math.sin(a)]);
    expect(out[0]).toBeCloseTo(0, 12);
    expect(out[1]).toBeCloseTo(a, 12);
    sensorAzEl(out, GEO, [-Math.cos(a), Math.sin(a), 0]);
    expect(out[0]).toBeCloseTo(90 * DEG, 12);
    sensorAzEl(out, GEO, [-Math.cos(a), -Math.sin(a), 0]);
    expect(out[0]).toBeCloseTo(270 * DEG, 12);
  });

  it('over a pole the frame still gives a finite azimuth', () => {
    const out = sensorAzEl(new Float64Array(2), [0, 0, 40_000e3], [0.05, 0, -Math.sqrt(1 - 0.0025)]);
    expect(Number.isFinite(out[0])).toBe(true);
    expect(out[1]).toBeCloseTo(Math.asin(0.05), 12);
  });
});

describe('line-of-sight noise', () => {
  it('turns the line of sight by σ per axis: mean squared angle 2σ², unit length kept', () => {
    const rng = createRng(5, 'los');
    const los = [0.3, -0.4, Math.sqrt(1 - 0.25)];
    const sigma = 1e-3;
    const out = new Float64Array(3);
    let sumSq = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      perturbLineOfSight(out, los, sigma, rng);
      expect(Math.hypot(...out)).toBeCloseTo(1, 12);
      const c = out[0]! * los[0]! + out[1]! * los[1]! + out[2]! * los[2]!;
      const angle = Math.acos(Math.min(1, c));
      sumSq += angle * angle;
    }
    // The angle² of a 2-D Gaussian offset is σ²·χ²₂: mean 2σ², standard error 2σ²/√n.
    expect(sumSq / n / (2 * sigma * sigma)).toBeCloseTo(1, 1);
  });
});

describe('assumed range', () => {
  it('is the altitude straight down and the tangent distance along a limb view', () => {
    expect(assumedRangeM(GEO, [-1, 0, 0])).toBeCloseTo(42_164e3 - 6371e3, 3);
    // Just past the limb the ray misses the sphere: the closest approach is at r·cos θ.
    const theta = Math.asin(6371e3 / 42_164e3) + 1e-4;
    expect(assumedRangeM(GEO, [-Math.cos(theta), Math.sin(theta), 0])).toBeCloseTo(
      42_164e3 * Math.cos(theta),
      3,
    );
  });
});
