import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  chiSquareQuantile,
  logGamma,
  normalCdf,
  regularizedGammaP,
} from '../../../src/centre/tracking/distributions.ts';

// Oracle values: standard statistical tables (Abramowitz & Stegun, Handbook of
// Mathematical Functions, tables 26.1 and 26.8) and closed forms.
describe('distributions', () => {
  it('logGamma matches ln of known factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });

  it('regularizedGammaP(1, x) = 1 − e^(−x) on both sides of its series/fraction switch', () => {
    for (const x of [0.1, 1, 1.9, 2.1, 5, 30])
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
  });

  it('chi-square CDF with 2 degrees of freedom is 1 − e^(−x/2), and with 3 the closed form with erf', () => {
    for (const x of [0.5, 3, 10]) expect(chiSquareCdf(x, 2)).toBeCloseTo(1 - Math.exp(-x / 2), 14);
    // k = 3: F(x) = 2Φ(√x) − 1 − √(2x/π)·e^(−x/2).
    for (const x of [0.5, 3, 10]) {
      const expected = 2 * normalCdf(Math.sqrt(x)) - 1 - Math.sqrt((2 * x) / Math.PI) * Math.exp(-x / 2);
      expect(chiSquareCdf(x, 3)).toBeCloseTo(expected, 13);
    }
  });

  it('chi-square quantiles match the tables', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841458820694124, 9);
    expect(chiSquareQuantile(0.99, 2)).toBeCloseTo(9.210340371976182, 9);
    expect(chiSquareQuantile(0.95, 3)).toBeCloseTo(7.814727903251178, 9);
    expect(chiSquareQuantile(0.999, 3)).toBeCloseTo(16.26623619623813, 8);
    expect(chiSquareQuantile(0.025, 1200)).toBeCloseTo(1105.9, 0);
  });

  it('chiSquareQuantile rejects probabilities outside (0, 1)', () => {
    expect(() => chiSquareQuantile(1, 3)).toThrow(RangeError);
    expect(() => chiSquareQuantile(0, 3)).toThrow(RangeError);
  });

  it('normalCdf matches the table: Φ(0) = 0.5, Φ(1.96) = 0.9750021, Φ(−3) = 0.0013499', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 13);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(normalCdf(-40)).toBe(0);
  });
});
