import { describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../../../src/physics/frames.ts';
import { createRng } from '../../../src/physics/random.ts';
import {
  apparentRangeM,
  defaultUnambiguousRangeM,
  prfForUnambiguousRangeHz,
} from '../../../src/sensors/radar/ambiguity.ts';
import { RadarFace } from '../../../src/sensors/radar/face.ts';
import { collect, D, faceSpec, fixedObject, radarSpec, worldOf } from './scene.ts';

describe('range folding (DOMAIN.md §6.1)', () => {
  it('defaults the unambiguous range to 1.1 × the maximum range: 6,111.6 km and a PRF of 24.5 Hz for 5,556 km', () => {
    expect(defaultUnambiguousRangeM(5556e3)).toBeCloseTo(6111.6e3, 3);
    expect(prfForUnambiguousRangeHz(6111.6e3)).toBeCloseTo(299792458 / (2 * 6111.6e3), 9);
    expect(prfForUnambiguousRangeHz(6111.6e3)).toBeCloseTo(24.53, 2);
  });

  it('reads the Moon at 384,400 km as 384,400 − 62 × 6,111.6 = 5,480.8 km', () => {
    expect(apparentRangeM(384_400e3, 5556e3, 6111.6e3, false) / 1e3).toBeCloseTo(384_400 - 62 * 6111.6, 6);
  });

  it('drops the folded echo when the face rejects folded echoes', () => {
    expect(apparentRangeM(384_400e3, 5556e3, 6111.6e3, true)).toBe(-1);
  });

  it('keeps echoes inside the instrumented range and drops those between it and R_u', () => {
    expect(apparentRangeM(3000e3, 5556e3, 6111.6e3, true)).toBe(3000e3);
    expect(apparentRangeM(5556e3, 5556e3, 6111.6e3, true)).toBe(5556e3);
    expect(apparentRangeM(5800e3, 5556e3, 6111.6e3, false)).toBe(-1);
  });

  it('drops a folded echo that lands beyond the instrumented range', () => {
    // 2 × 6,111.6 + 5,800 km folds to 5,800 km > 5,556 km.
    expect(apparentRangeM((2 * 6111.6 + 5800) * 1e3, 5556e3, 6111.6e3, false)).toBe(-1);
  });
});

describe('a face and an object beyond the unambiguous range', () => {
  // A 2,000 km face (R_u 2,200 km) looking at a big object 2,900 km away over the horizon
  // line: the echo folds to ≈ 700 km.
  const site = geodeticToEcef(new Float64Array(3), 60 * D, 20 * D, 0);
  const spec = faceSpec({ maxRangeM: 2000e3, refSnrDb: 40, refRangeM: 2000e3 });
  const target = geodeticToEcef(new Float64Array(3), 60 * D + 2000e3 / 6371e3, 20 * D, 1500e3);
  const rangeM = Math.hypot(target[0]! - site[0]!, target[1]! - site[1]!, target[2]! - site[2]!);
  const world = worldOf([fixedObject('big', 'slv-stage', 1000, target, 0, 60)], 50);

  it('is reported at the folded range when folded echoes are accepted', () => {
    expect(rangeM).toBeGreaterThan(2200e3);
    const folding = { ...spec, rejectFoldedEchoes: false };
    const plots = collect(
      new RadarFace(radarSpec(60, 20, 0, [folding]), folding, { falsePlotsPerScan: 0 }),
      world,
      createRng(3, spec.id),
    );
    expect(plots.length).toBeGreaterThan(5);
    for (const { report, label } of plots) {
      expect(label.objectId).toBe('big');
      expect(Math.abs(report.rangeM - (rangeM - 2200e3))).toBeLessThan(5 * 150);
    }
  });

  it('is never reported when the face rejects folded echoes', () => {
    const plots = collect(
      new RadarFace(radarSpec(60, 20, 0, [spec]), spec, { falsePlotsPerScan: 0 }),
      world,
      createRng(3, spec.id),
    );
    expect(plots).toEqual([]);
  });
});
