import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/physics/random.ts';
import { RadarFace } from '../../../src/sensors/radar/face.ts';
import { meanFalsePlotsPerScan, resolutionCells } from '../../../src/sensors/radar/false-plots.ts';
import { collect, D, faceSpec, radarSpec, worldOf } from './scene.ts';

// A PAVE PAWS-like face: 120° wide, 3°–85°, 5,556 km, σ_R 150 m; beam 2.2°.
const spec = faceSpec({ boresightRad: 350 * D, halfWidthRad: 60 * D });

describe('false plots from Pfa per resolution cell', () => {
  it('counts beam positions × range gates: Ω/θ_B² × R_max/(√12 σ_R)', () => {
    const omega = 2 * (60 * D) * (Math.sin(85 * D) - Math.sin(3 * D));
    const beams = omega / (2.2 * D) ** 2;
    const gates = 5556e3 / (Math.sqrt(12) * 150);
    expect(beams).toBeCloseTo(1340.8, 0);
    expect(gates).toBeCloseTo(10693, 0);
    expect(resolutionCells(spec, 2.2 * D)).toBeCloseTo(beams * gates, 3);
    expect(meanFalsePlotsPerScan(spec, 1e-6, 2.2 * D)).toBeCloseTo(1e-6 * beams * gates, 9);
  });

  it('draws a Poisson number per scan with that mean (4σ over 2,000 scans), labelled clutter', () => {
    const face = new RadarFace(radarSpec(39.1, -121.4, 0, [spec]), spec);
    const world = worldOf([], 2000 * spec.revisitS - 1);
    const plots = collect(face, world, createRng(31, spec.id));
    // Cells × Pfa, thinned by the confirmation beam (Pfa 1e-2 on the confirming look).
    const mean = meanFalsePlotsPerScan(spec, 1e-6, 2.2 * D) * 1e-2;
    expect(face.falsePlotsPerScan).toBeCloseTo(mean, 12);
    const expected = 2000 * mean;
    expect(Math.abs(plots.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    for (const { label } of plots) {
      expect(label.cause).toBe('clutter');
      expect(label.objectId).toBeNull();
    }
  });

  it('spreads them over the face: inside the sector, the elevation limits and the range, uniform in range', () => {
    const face = new RadarFace(radarSpec(39.1, -121.4, 0, [spec]), spec, { falsePlotsPerScan: 4 });
    const plots = collect(face, worldOf([], 2500 * spec.revisitS - 1), createRng(32, spec.id));
    expect(plots.length).toBeGreaterThan(9000);
    let nearHalf = 0;
    let lowerHalfOfSine = 0;
    const sinMid = (Math.sin(3 * D) + Math.sin(85 * D)) / 2;
    for (const { report } of plots) {
      const off = Math.abs(((report.azRad - spec.boresightRad + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
      expect(off).toBeLessThanOrEqual(60 * D + 1e-12);
      expect(report.elRad).toBeGreaterThanOrEqual(3 * D - 1e-12);
      expect(report.elRad).toBeLessThanOrEqual(85 * D + 1e-12);
      expect(report.rangeM).toBeGreaterThanOrEqual(0);
      expect(report.rangeM).toBeLessThanOrEqual(5556e3);
      if (report.rangeM < 5556e3 / 2) nearHalf++;
      if (Math.sin(report.elRad) < sinMid) lowerHalfOfSine++;
      expect(report.snrDb).toBeGreaterThan(10 * Math.log10(-Math.log(1e-6) - 1) - 1e-9);
      expect(Math.abs(report.rangeRateMps!)).toBeLessThanOrEqual(8000);
    }
    // Equal cells: half the plots in each half of the range and of sin(elevation) (4σ).
    const n = plots.length;
    expect(Math.abs(nearHalf - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
    expect(Math.abs(lowerHalfOfSine - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
  });
});
