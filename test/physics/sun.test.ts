import { describe, expect, it } from 'vitest';
import { AU_M } from '../../src/physics/constants.ts';
import { eciToEcef, makeSite, siteAer } from '../../src/physics/frames.ts';
import { subsolarPoint, sunDirectionEci, sunDistanceM, sunRaDecRad } from '../../src/physics/sun.ts';
import { gmstRad, julianDateFromUnixMs } from '../../src/physics/time.ts';
import * as vec3 from '../../src/physics/vec3.ts';

const D = Math.PI / 180;

describe('Sun at Malmstrom, 1983-09-25 20:15 UTC (DOMAIN.md §6.3, tolerance 0.5°)', () => {
  const jd = julianDateFromUnixMs(Date.UTC(1983, 8, 25, 20, 15));

  it('stands at azimuth ≈ 199° and elevation ≈ 40°', () => {
    const site = makeSite(47.5 * D, -111.18 * D, 0);
    const sunEci = vec3.scale(
      new Float64Array(3),
      sunDirectionEci(new Float64Array(3), jd),
      sunDistanceM(jd),
    );
    const sunEcef = eciToEcef(new Float64Array(3), sunEci, gmstRad(jd));
    const aer = siteAer(new Float64Array(3), site, sunEcef);
    expect(Math.abs(aer[0]! / D - 199)).toBeLessThan(0.5);
    expect(Math.abs(aer[1]! / D - 40)).toBeLessThan(0.5);
  });

  it('the subsolar point is ≈ (−0.9°, −126°)', () => {
    const out = subsolarPoint(new Float64Array(2), jd);
    expect(Math.abs(out[0]! / D + 0.9)).toBeLessThan(0.5);
    expect(Math.abs(out[1]! / D + 126)).toBeLessThan(0.5);
  });
});

describe('Sun against a higher-precision ephemeris (to 0.01°)', () => {
  // Meeus, Astronomical Algorithms (2nd ed.), Example 25.b, 1992 Oct 13.0 TD, full VSOP87
  // theory: apparent α = 13h13m30.763s, δ = −7°47′01.74″, R = 0.997608 AU. ΔT ≈ 59 s then.
  const jd = 2448908.5 - 59 / 86400;

  it('right ascension 198.3782° and declination −7.7838°', () => {
    const out = sunRaDecRad(new Float64Array(2), jd);
    const raDeg = (13 + 13 / 60 + 30.763 / 3600) * 15;
    const decDeg = -(7 + 47 / 60 + 1.74 / 3600);
    expect(Math.abs(out[0]! / D - raDeg)).toBeLessThan(0.01);
    expect(Math.abs(out[1]! / D - decDeg)).toBeLessThan(0.01);
  });

  it('distance 0.997608 AU to 1e-4 AU', () => {
    expect(Math.abs(sunDistanceM(jd) / AU_M - 0.997608)).toBeLessThan(1e-4);
  });
});

describe('Sun at the 2024 equinox and solstice (published instants, UTC)', () => {
  it('crosses the equator at RA 0 at the March equinox, 2024-03-20 03:06', () => {
    const out = sunRaDecRad(new Float64Array(2), julianDateFromUnixMs(Date.UTC(2024, 2, 20, 3, 6)));
    expect(Math.abs(out[1]! / D)).toBeLessThan(0.01);
    const ra = out[0]! > Math.PI ? out[0]! - 2 * Math.PI : out[0]!;
    expect(Math.abs(ra / D)).toBeLessThan(0.01);
  });

  it('reaches declination +23.44° at the June solstice, 2024-06-20 20:51', () => {
    const out = sunRaDecRad(new Float64Array(2), julianDateFromUnixMs(Date.UTC(2024, 5, 20, 20, 51)));
    expect(Math.abs(out[1]! / D - 23.44)).toBeLessThan(0.01);
    expect(Math.abs(out[0]! / D - 90)).toBeLessThan(0.01);
  });
});

describe('sunDirectionEci', () => {
  it('is a unit vector that agrees with the right ascension and declination', () => {
    const jd = 2460000.25;
    const u = sunDirectionEci(new Float64Array(3), jd);
    expect(vec3.norm(u)).toBeCloseTo(1, 15);
    const [ra, dec] = sunRaDecRad(new Float64Array(2), jd);
    expect(Math.atan2(u[1]!, u[0]!) + (u[1]! < 0 ? 2 * Math.PI : 0)).toBeCloseTo(ra!, 14);
    expect(Math.asin(u[2]!)).toBeCloseTo(dec!, 14);
  });

  it('the subsolar point is where the Sun is at the zenith', () => {
    const jd = 2460200.6;
    const [lat, lon] = subsolarPoint(new Float64Array(2), jd);
    const site = makeSite(lat!, lon!, 0);
    const sunEcef = eciToEcef(new Float64Array(3), sunDirectionEci(new Float64Array(3), jd), gmstRad(jd));
    expect(vec3.angleBetween(site.up, sunEcef)).toBeLessThan(1e-12);
  });
});
