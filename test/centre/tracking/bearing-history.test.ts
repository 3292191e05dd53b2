// The bearing fit against a line of sight turning uniformly about a fixed axis (a
// great circle at a known rate): the prediction follows the circle.
import { describe, expect, it } from 'vitest';
import { BearingHistory, defaultBearingFit } from '../../../src/centre/tracking/bearing-history.ts';

const rate = 2e-4;
const los = (t: number) => [Math.cos(rate * t), Math.sin(rate * t), 0];
const angle = (a: ArrayLike<number>, b: readonly number[]) =>
  Math.acos(Math.min(1, a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!));

describe('bearing history', () => {
  it('one bearing predicts itself, with a variance that grows with the rate bound', () => {
    const h = new BearingHistory(8);
    h.push(0, [0, 0, 0], los(0), 1e-5, 1);
    expect(h.fit(defaultBearingFit)).toBe(true);
    const out = new Float64Array(3);
    const v0 = h.evaluate(out, 0);
    expect(angle(out, los(0))).toBeLessThan(1e-12);
    expect(Math.sqrt(v0)).toBeCloseTo(1e-5, 8);
    const v10 = h.evaluate(out, 10);
    expect(Math.sqrt(v10)).toBeGreaterThan(0.9 * defaultBearingFit.maxRateRadS * 10);
  });

  it('noise-free bearings on a great circle predict the next one to a small fraction of the noise', () => {
    const h = new BearingHistory(8);
    for (let t = 0; t <= 50; t += 10) h.push(t, [0, 0, 0], los(t), 1e-5, 1);
    h.fit(defaultBearingFit);
    const out = new Float64Array(3);
    const v = h.evaluate(out, 60);
    expect(angle(out, los(60))).toBeLessThan(1e-7);
    expect(Math.sqrt(v)).toBeLessThan(3e-5);
    expect(h.angularRate()).toBeCloseTo(rate, 9);
  });

  it('keeps only the most recent bearings once full', () => {
    const h = new BearingHistory(4);
    for (let t = 0; t < 10; t++) h.push(t, [0, 0, 0], los(t), 1e-5, t);
    expect(h.count).toBe(4);
    expect(h.total).toBe(10);
    expect(h.latestTime()).toBe(9);
    expect(h.time[h.index(3)]).toBe(6);
  });
});
