import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/physics/random.ts';
import {
  DEFAULT_SCANNER_NEI_W_PER_M2,
  DETECTION_THRESHOLD_SNR,
  detectionProbability,
  drawDetection,
  irradianceWPerM2,
  measuredRelIntensity,
  neiOf,
} from '../../../src/sensors/ir/detection.ts';
import { gaussianQ, gaussianQInverse } from '../../../src/sensors/ir/gaussian-tail.ts';

/** P(N(0,1) > x) by Simpson's rule on the density over [x, x + 12], written for the test. */
function tailBySimpson(x: number): number {
  const n = 20_000;
  const h = 12 / n;
  const f = (u: number) => Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
  let s = f(x) + f(x + 12);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(x + i * h);
  return (s * h) / 3;
}

describe('Gaussian tail', () => {
  it('agrees with numerical integration of the normal density', () => {
    for (const x of [-3, -1, 0, 0.5, 1.2816, 3, 4.7534, 6]) {
      const expected = tailBySimpson(x);
      expect(Math.abs(gaussianQ(x) - expected) / expected).toBeLessThan(2e-7);
    }
  });

  it('Q⁻¹ inverts Q; the threshold for Pfa 1e-6 is 4.7534', () => {
    expect(gaussianQInverse(0.5)).toBeCloseTo(0, 6);
    expect(tailBySimpson(gaussianQInverse(1e-3)) / 1e-3).toBeCloseTo(1, 5);
    expect(DETECTION_THRESHOLD_SNR).toBeCloseTo(4.7534, 4);
    expect(() => gaussianQInverse(0)).toThrow(RangeError);
  });
});

describe('detection model', () => {
  it('the default scanner sees a solid-ICBM first stage at GEO range with SNR 35', () => {
    expect(irradianceWPerM2(1, 35_786e3) / DEFAULT_SCANNER_NEI_W_PER_M2).toBeCloseTo(35, 10);
  });

  it('a Scud-class SRBM plume (I_rel 0.2) from GEO is detected with Pd ≈ 0.9 (DSP in 1991, DOMAIN.md §3.2)', () => {
    const snr = irradianceWPerM2(0.2, 35_786e3) / DEFAULT_SCANNER_NEI_W_PER_M2;
    expect(detectionProbability(snr)).toBeGreaterThan(0.85);
  });

  it('a starer is more sensitive than a scanner by default; a given NEI is kept', () => {
    expect(neiOf('starer', null)).toBeLessThan(neiOf('scanner', null));
    expect(neiOf('starer', 3e-12)).toBe(3e-12);
  });

  it('Pd is one half at the threshold and follows Q(T − SNR)', () => {
    expect(detectionProbability(DETECTION_THRESHOLD_SNR)).toBeCloseTo(0.5, 7);
    expect(detectionProbability(DETECTION_THRESHOLD_SNR + 1.2816)).toBeCloseTo(0.9, 4);
  });

  it('the detection draw succeeds at the rate Pd', () => {
    const rng = createRng(9, 'pd');
    const snr = 5.5;
    let hits = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) if (!Number.isNaN(drawDetection(snr, rng))) hits++;
    const pd = tailBySimpson(DETECTION_THRESHOLD_SNR - snr);
    expect(Math.abs(hits / n - pd)).toBeLessThan(4 * Math.sqrt((pd * (1 - pd)) / n));
  });

  it('the reported intensity undoes the range it assumes', () => {
    const nei = DEFAULT_SCANNER_NEI_W_PER_M2;
    const snr = irradianceWPerM2(2.5, 40_000e3) / nei;
    expect(measuredRelIntensity(snr, nei, 40_000e3)).toBeCloseTo(2.5, 12);
  });
});
