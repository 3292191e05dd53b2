import { describe, expect, it } from 'vitest';
import { J2000_JD } from '../../src/physics/constants.ts';
import { moonEcliptic, moonPositionEci, moonRaDec } from '../../src/physics/moon.ts';
import { sunDirectionEci } from '../../src/physics/sun.ts';
import { julianDateFromUnixMs } from '../../src/physics/time.ts';

const D = Math.PI / 180;

/** Smallest difference of two angles, rad. */
function angleDiff(a: number, b: number): number {
  const d = (((a - b) % (2 * Math.PI)) + 3 * Math.PI) % (2 * Math.PI);
  return Math.abs(d - Math.PI);
}

describe('Moon against Meeus, Astronomical Algorithms (2nd ed.), Example 47.a', () => {
  // 1992 April 12, 0h TD, from the ELP-2000/82 series of chapter 47: λ = 133.162655°,
  // β = −3.229126°, Δ = 368,409.7 km; apparent α = 134.688469°, δ = +13.768367°.
  // ΔT ≈ 59 s then; the series is good to ~0.3° (longitude), 0.2° (latitude).
  const jd = 2448724.5 - 59 / 86400;

  it('ecliptic longitude 133.16° to 0.3° and latitude −3.23° to 0.2°', () => {
    const out = moonEcliptic(new Float64Array(3), jd);
    expect(angleDiff(out[0]!, 133.162655 * D) / D).toBeLessThan(0.3);
    expect(Math.abs(out[1]! / D + 3.229126)).toBeLessThan(0.2);
  });

  it('right ascension 134.69° and declination 13.77° to 0.5°', () => {
    const out = moonRaDec(new Float64Array(3), jd);
    expect(angleDiff(out[0]!, 134.688469 * D) / D).toBeLessThan(0.5);
    expect(Math.abs(out[1]! / D - 13.768367)).toBeLessThan(0.5);
  });

  it('distance 368,409.7 km to 0.5 %', () => {
    const out = moonRaDec(new Float64Array(3), jd);
    expect(Math.abs(out[2]! / 368409.7e3 - 1)).toBeLessThan(0.005);
  });

  it('the ECI vector has the distance as its length', () => {
    const p = moonPositionEci(new Float64Array(3), jd);
    const r = moonRaDec(new Float64Array(3), jd)[2]!;
    expect(Math.hypot(p[0]!, p[1]!, p[2]!) / r).toBeCloseTo(1, 12);
  });
});

describe('Moon at a published full moon', () => {
  it('stands opposite the Sun in ecliptic longitude at the full moon of 2024-04-23 23:49 UTC (to 0.5°)', () => {
    const jd = julianDateFromUnixMs(Date.UTC(2024, 3, 23, 23, 49));
    const moonLambda = moonEcliptic(new Float64Array(3), jd)[0]!;
    // The Sun's ecliptic longitude from its ECI direction (rotate back by the obliquity).
    const s = sunDirectionEci(new Float64Array(3), jd);
    const eps = (23.439 - 0.0000004 * (jd - J2000_JD)) * D;
    const sunLambda = Math.atan2(s[1]! * Math.cos(eps) + s[2]! * Math.sin(eps), s[0]!);
    expect(angleDiff(moonLambda, sunLambda + Math.PI) / D).toBeLessThan(0.5);
  });
});

describe('Moon over a month', () => {
  it('stays between perigee and apogee extremes (356,000–407,000 km) and within 5.3° of the ecliptic', () => {
    const jd0 = julianDateFromUnixMs(Date.UTC(2026, 0, 1));
    for (let h = 0; h < 24 * 30; h += 6) {
      const e = moonEcliptic(new Float64Array(3), jd0 + h / 24);
      expect(e[2]!).toBeGreaterThan(356_000e3);
      expect(e[2]!).toBeLessThan(407_000e3);
      expect(Math.abs(e[1]!)).toBeLessThan(5.3 * D);
    }
  });
});
