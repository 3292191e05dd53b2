// Keplerian propagation with J2 secular drift, checked against two-body invariants and
// the textbook J2 rates written out here (Vallado §9.6; DOMAIN.md §3.4, §9.1 constants).
import { describe, expect, it } from 'vitest';
import { KeplerianOrbit } from '../../src/orbits/keplerian.ts';
import type { KeplerianElements } from '../../src/orbits/orbit.ts';
import { angleDiff, ascendingNodeAfter, perigeeAfter } from './orbit-geometry.ts';

const MU = 3.986004418e14;
const J2 = 1.08262998905e-3;
const RE = 6378137.0;
const DEG = Math.PI / 180;
const DAY = 86400;

/** Textbook secular rates: Ω̇ = −1.5 n J2 (R/p)² cos i, ω̇ = 0.75 n J2 (R/p)² (5 cos² i − 1). */
function textbookRates(a: number, e: number, inc: number): { raanDot: number; argpDot: number } {
  const n = Math.sqrt(MU / a ** 3);
  const p = a * (1 - e * e);
  const k = J2 * (RE / p) ** 2;
  return { raanDot: -1.5 * n * k * Math.cos(inc), argpDot: 0.75 * n * k * (5 * Math.cos(inc) ** 2 - 1) };
}

function elements(over: Partial<KeplerianElements>): KeplerianElements {
  return {
    aM: 7_000_000,
    e: 0,
    incRad: 51.6 * DEG,
    raanRad: 40 * DEG,
    argpRad: 30 * DEG,
    meanAnomalyRad: 0,
    elementsEpochS: 0,
    ...over,
  };
}

const pos = new Float64Array(3);
const vel = new Float64Array(3);
const norm = (v: Float64Array) => Math.hypot(v[0]!, v[1]!, v[2]!);

describe('KeplerianOrbit: two-body invariants', () => {
  it('a circular orbit keeps its radius (with J2) and its speed √(μ/a) (two-body)', () => {
    const withJ2 = new KeplerianOrbit(elements({}));
    const twoBody = new KeplerianOrbit(elements({}), { j2: false });
    for (let t = 0; t < 3 * withJ2.periodS; t += 97) {
      expect(withJ2.state(pos, vel, t)).toBe(true);
      expect(Math.abs(norm(pos) - 7_000_000)).toBeLessThan(1e-6);
      twoBody.state(pos, vel, t);
      expect(Math.abs(norm(pos) - 7_000_000)).toBeLessThan(1e-6);
      expect(Math.abs(norm(vel) / Math.sqrt(MU / 7_000_000) - 1)).toBeLessThan(1e-12);
      // Circular: velocity perpendicular to the radius.
      expect(
        Math.abs(pos[0]! * vel[0]! + pos[1]! * vel[1]! + pos[2]! * vel[2]!) / (norm(pos) * norm(vel)),
      ).toBeLessThan(1e-12);
    }
  });

  it('an e = 0.7 orbit returns to the same position and velocity after one period 2π√(a³/μ) (no J2)', () => {
    const a = 26_000_000;
    const orbit = new KeplerianOrbit(elements({ aM: a, e: 0.7, meanAnomalyRad: 1.1, elementsEpochS: -500 }), {
      j2: false,
    });
    const period = 2 * Math.PI * Math.sqrt(a ** 3 / MU);
    expect(orbit.periodS).toBeCloseTo(period, 6);
    const p0 = new Float64Array(3);
    const v0 = new Float64Array(3);
    for (const t of [0, 1234.5, 20_000]) {
      orbit.state(p0, v0, t);
      orbit.state(pos, vel, t + period);
      expect(Math.hypot(pos[0]! - p0[0]!, pos[1]! - p0[1]!, pos[2]! - p0[2]!)).toBeLessThan(1);
      expect(Math.hypot(vel[0]! - v0[0]!, vel[1]! - v0[1]!, vel[2]! - v0[2]!)).toBeLessThan(1e-3);
    }
  });

  it('e = 0.7: perigee and apogee radii are a(1 ∓ e) and energy v²/2 − μ/r = −μ/2a holds (no J2)', () => {
    const a = 26_000_000;
    const orbit = new KeplerianOrbit(elements({ aM: a, e: 0.7 }), { j2: false });
    orbit.state(pos, vel, 0);
    expect(norm(pos)).toBeCloseTo(a * 0.3, 4);
    orbit.state(pos, vel, orbit.periodS / 2);
    expect(norm(pos)).toBeCloseTo(a * 1.7, 4);
    for (const t of [100, 5000, 17_000]) {
      orbit.state(pos, vel, t);
      const energy = norm(vel) ** 2 / 2 - MU / norm(pos);
      expect(energy / (-MU / (2 * a)) - 1).toBeCloseTo(0, 12);
    }
  });

  it('the velocity is the time derivative of the position, J2 drift included', () => {
    const orbit = new KeplerianOrbit(elements({ aM: 8_000_000, e: 0.2, incRad: 98 * DEG }));
    const before = new Float64Array(3);
    const after = new Float64Array(3);
    const h = 0.05;
    for (const t of [0, 333, 2000, 5 * DAY]) {
      orbit.state(pos, vel, t);
      orbit.state(before, null, t - h);
      orbit.state(after, null, t + h);
      for (let k = 0; k < 3; k++)
        expect(Math.abs((after[k]! - before[k]!) / (2 * h) - vel[k]!)).toBeLessThan(1e-4);
    }
  });

  it('elements given at an epoch before the scenario epoch are propagated from that epoch', () => {
    const atZero = new KeplerianOrbit(elements({ e: 0.1 }));
    const earlier = new KeplerianOrbit(elements({ e: 0.1, elementsEpochS: -3600 }));
    const p = new Float64Array(3);
    atZero.state(p, null, 3600);
    earlier.state(pos, null, 0);
    expect(Math.hypot(pos[0]! - p[0]!, pos[1]! - p[1]!, pos[2]! - p[2]!)).toBeLessThan(1e-6);
  });

  it('refuses elements no orbit has, and a time that is not a number', () => {
    expect(() => new KeplerianOrbit(elements({ e: 1 }))).toThrow(RangeError);
    expect(() => new KeplerianOrbit(elements({ aM: -1 }))).toThrow(RangeError);
    expect(() => new KeplerianOrbit(elements({ raanRad: Number.NaN }))).toThrow(RangeError);
    expect(new KeplerianOrbit(elements({})).state(pos, vel, Number.NaN)).toBe(false);
  });
});

describe('KeplerianOrbit: J2 secular drift', () => {
  const cases = [
    { name: 'LEO, 7,000 km, e = 0.05, 50°', a: 7_000_000, e: 0.05, inc: 50 * DEG },
    { name: 'sun-synchronous-like, 7,100 km, e = 0.01, 98°', a: 7_100_000, e: 0.01, inc: 98 * DEG },
    { name: 'Oko-like 600 × 39,700 km at 63°', a: RE + (600_000 + 39_700_000) / 2, e: 0, inc: 63 * DEG },
  ].map((c) => (c.e === 0 ? { ...c, e: (39_700_000 - 600_000) / (2 * RE + 39_700_000 + 600_000) } : c));

  for (const c of cases) {
    it(`${c.name}: over 10 days the node and perigee move at the textbook rates`, () => {
      const orbit = new KeplerianOrbit(elements({ aM: c.a, e: c.e, incRad: c.inc, argpRad: 200 * DEG }));
      const { raanDot, argpDot } = textbookRates(c.a, c.e, c.inc);
      const n0 = ascendingNodeAfter(orbit, 0);
      const n1 = ascendingNodeAfter(orbit, 10 * DAY);
      const dRaan = angleDiff(n1.raanRad, n0.raanRad);
      expect(Math.abs(dRaan - raanDot * (n1.tS - n0.tS))).toBeLessThan(1e-6);
      const p0 = perigeeAfter(orbit, 0, c.inc);
      const p1 = perigeeAfter(orbit, 10 * DAY, c.inc);
      const dArgp = angleDiff(p1.argpRad, p0.argpRad);
      expect(Math.abs(dArgp - argpDot * (p1.tS - p0.tS))).toBeLessThan(1e-6);
      // The drift is real, not lost in the tolerance.
      expect(Math.abs(dRaan)).toBeGreaterThan(1e-2);
    });
  }

  it('the Oko-like orbit drifts as DOMAIN.md §3.4 says: node −0.148°/day, perigee +0.005°/day', () => {
    const a = RE + (600_000 + 39_700_000) / 2;
    const e = (39_700_000 - 600_000) / (2 * a);
    const orbit = new KeplerianOrbit(elements({ aM: a, e, incRad: 63 * DEG, argpRad: 270 * DEG }));
    const n0 = ascendingNodeAfter(orbit, 0);
    const n1 = ascendingNodeAfter(orbit, 100 * DAY);
    expect((angleDiff(n1.raanRad, n0.raanRad) / DEG) * (DAY / (n1.tS - n0.tS))).toBeCloseTo(-0.148, 3);
    const p0 = perigeeAfter(orbit, 0, 63 * DEG);
    const p1 = perigeeAfter(orbit, 100 * DAY, 63 * DEG);
    expect((angleDiff(p1.argpRad, p0.argpRad) / DEG) * (DAY / (p1.tS - p0.tS))).toBeCloseTo(0.005, 3);
  });

  it('at the critical inclination (Molniya, 600 × 39,700 km) the argument of perigee stays fixed', () => {
    const a = RE + (600_000 + 39_700_000) / 2;
    const e = (39_700_000 - 600_000) / (2 * a);
    const inc = Math.acos(Math.sqrt(0.2));
    const orbit = new KeplerianOrbit(elements({ aM: a, e, incRad: inc, argpRad: 270 * DEG }));
    const p0 = perigeeAfter(orbit, 0, inc);
    const p1 = perigeeAfter(orbit, 10 * DAY, inc);
    expect(Math.abs(angleDiff(p1.argpRad, p0.argpRad))).toBeLessThan(1e-6);
    expect(Math.abs(angleDiff(p0.argpRad, 270 * DEG))).toBeLessThan(1e-6);
    // ...while the node regresses.
    expect(
      angleDiff(ascendingNodeAfter(orbit, 10 * DAY).raanRad, ascendingNodeAfter(orbit, 0).raanRad),
    ).toBeLessThan(-1 * DEG);
  });
});
