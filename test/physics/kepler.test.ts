import { describe, expect, it } from 'vitest';
import {
  apogeeForRange,
  flightPathAnglesForRange,
  freeFlight,
  j2SecularRates,
  minimumEnergyBurnout,
  orbitalPeriodS,
  perigeeApogeeToElements,
  solveKepler,
  speedForRangeAndAngle,
} from '../../src/physics/kepler.ts';

// DOMAIN.md §1.2 inputs: μ = 398600.4418 km³/s², R⊕ = 6371.0 km, ground range = Ψ·R⊕.
const MU = 398600.4418e9;
const R = 6371.0e3;
const D = Math.PI / 180;
const DAY = 86400;

describe('minimum-energy trajectory, burnout at the surface (DOMAIN.md §1.2 table)', () => {
  // ground range km, Ψ deg, v km/s, φ deg, apogee altitude km, free-flight time min, e
  const table: [number, number, number, number, number, number, number][] = [
    [300, 2.7, 1.696, 44.33, 74, 4.18, 0.9767],
    [500, 4.5, 2.173, 43.88, 123, 5.46, 0.9615],
    [1000, 8.99, 3.016, 42.75, 240, 7.91, 0.9244],
    [1300, 11.69, 3.401, 42.08, 308, 9.14, 0.9028],
    [2000, 17.99, 4.113, 40.5, 459, 11.7, 0.8542],
    [3000, 26.98, 4.865, 38.26, 655, 14.92, 0.7885],
    [3500, 31.48, 5.167, 37.13, 745, 16.41, 0.7571],
    [4000, 35.97, 5.433, 36.01, 828, 17.86, 0.7267],
    [5000, 44.97, 5.883, 33.76, 976, 20.61, 0.6684],
    [5500, 49.46, 6.075, 32.63, 1041, 21.93, 0.6404],
    [6000, 53.96, 6.249, 31.51, 1098, 23.21, 0.613],
    [7000, 62.95, 6.552, 29.26, 1195, 25.67, 0.5603],
    [8000, 71.95, 6.805, 27.01, 1264, 27.99, 0.5098],
    [9000, 80.94, 7.018, 24.77, 1305, 30.16, 0.4613],
    [10000, 89.93, 7.198, 22.52, 1319, 32.18, 0.4146],
    [11000, 98.93, 7.351, 20.27, 1306, 34.04, 0.3693],
    [12000, 107.92, 7.48, 18.02, 1265, 35.72, 0.3253],
    [13000, 116.91, 7.588, 15.77, 1196, 37.22, 0.2824],
    [14000, 125.91, 7.678, 13.52, 1100, 38.53, 0.2405],
    [15000, 134.9, 7.751, 11.28, 978, 39.64, 0.1994],
  ];
  for (const [km, psiDeg, vKms, phiDeg, apogeeKm, tMin, e] of table) {
    it(`${km} km: v ${vKms} km/s, φ ${phiDeg}°, apogee ${apogeeKm} km, t ${tMin} min, e ${e}`, () => {
      const psi = (km * 1000) / R;
      expect(Math.abs(psi / D - psiDeg)).toBeLessThan(0.005 + 1e-9);
      const met = minimumEnergyBurnout(psi, R, MU);
      expect(Math.abs(met.speedMps / 1000 - vKms)).toBeLessThan(0.001);
      expect(Math.abs(met.flightPathAngleRad / D - phiDeg)).toBeLessThan(0.01);
      expect(Math.abs((met.apogeeRadiusM - R) / 1000 - apogeeKm)).toBeLessThan(1);
      expect(Math.abs(met.freeFlightTimeS / 60 - tMin)).toBeLessThan(0.01);
      expect(Math.abs(met.eccentricity - e)).toBeLessThan(1e-4);
    });
  }

  it('satisfies the closed forms e = cos(Ψ/2)/(1 + sin(Ψ/2)) and a(1 + e) = r(1 + sin + cos)/2 (§10 item 3)', () => {
    const psi = 1.1;
    const met = minimumEnergyBurnout(psi, R, MU);
    expect(met.eccentricity).toBeCloseTo(Math.cos(psi / 2) / (1 + Math.sin(psi / 2)), 15);
    expect(met.semiMajorAxisM * (1 + met.eccentricity)).toBeCloseTo(met.apogeeRadiusM, 6);
    expect(met.q).toBeCloseTo((met.speedMps ** 2 * R) / MU, 14);
  });
});

describe('minimum-energy trajectory, burnout at 200 km (DOMAIN.md §1.2 second table)', () => {
  const table: [number, number, number, number][] = [
    [1000, 2.97, 447, 8.28],
    [3000, 4.79, 876, 15.63],
    [5500, 5.982, 1273, 22.97],
    [8000, 6.7, 1503, 29.32],
    [10000, 7.088, 1561, 33.71],
    [12000, 7.365, 1504, 37.41],
  ];
  for (const [km, vKms, apogeeKm, tMin] of table) {
    it(`${km} km: v ${vKms} km/s, apogee ${apogeeKm} km, t ${tMin} min`, () => {
      const met = minimumEnergyBurnout((km * 1000) / R, R + 200e3, MU);
      expect(Math.abs(met.speedMps / 1000 - vKms)).toBeLessThan(0.001);
      expect(Math.abs((met.apogeeRadiusM - R) / 1000 - apogeeKm)).toBeLessThan(1);
      expect(Math.abs(met.freeFlightTimeS / 60 - tMin)).toBeLessThan(0.01);
    });
  }
});

/** Two-body flight from burnout until it falls back to the burnout radius, classical RK4 written here. */
function integrateToReentry(
  v: number,
  phi: number,
  r0: number,
): { rangeAngle: number; time: number; maxR: number } {
  // Planar: x along the burnout radius (up), y downrange; velocity v·(sin φ, cos φ).
  let s = [r0, 0, v * Math.sin(phi), v * Math.cos(phi)];
  const deriv = (q: number[]) => {
    const rr = Math.hypot(q[0]!, q[1]!);
    const k = -MU / (rr * rr * rr);
    return [q[2]!, q[3]!, k * q[0]!, k * q[1]!];
  };
  const dt = 0.05;
  let t = 0;
  let maxR = r0;
  for (;;) {
    const k1 = deriv(s);
    const k2 = deriv(s.map((x, i) => x + (dt / 2) * k1[i]!));
    const k3 = deriv(s.map((x, i) => x + (dt / 2) * k2[i]!));
    const k4 = deriv(s.map((x, i) => x + dt * k3[i]!));
    const next = s.map((x, i) => x + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
    const rNext = Math.hypot(next[0]!, next[1]!);
    maxR = Math.max(maxR, rNext);
    if (t > 10 && rNext < r0) {
      // Linear interpolation of the crossing inside the last step.
      const rPrev = Math.hypot(s[0]!, s[1]!);
      const f = (rPrev - r0) / (rPrev - rNext);
      const x = s[0]! + f * (next[0]! - s[0]!);
      const y = s[1]! + f * (next[1]! - s[1]!);
      return { rangeAngle: Math.atan2(y, x), time: t + f * dt, maxR };
    }
    s = next;
    t += dt;
  }
}

describe('free flight from a burnout state', () => {
  it('reproduces the minimum-energy path from its own burnout state', () => {
    const psi = 10000e3 / R;
    const met = minimumEnergyBurnout(psi, R, MU);
    const ff = freeFlight(met.speedMps, met.flightPathAngleRad, R, MU)!;
    expect(ff.rangeAngleRad).toBeCloseTo(psi, 9);
    expect(ff.apogeeRadiusM).toBeCloseTo(met.apogeeRadiusM, 3);
    expect(ff.freeFlightTimeS).toBeCloseTo(met.freeFlightTimeS, 6);
    expect(ff.eccentricity).toBeCloseTo(met.eccentricity, 12);
  });

  it('agrees with a numerical two-body integration (lofted 1,000 km shot)', () => {
    const v = 4900;
    const phi = 78 * D;
    const ff = freeFlight(v, phi, R, MU)!;
    const num = integrateToReentry(v, phi, R);
    expect(Math.abs(ff.rangeAngleRad - num.rangeAngle) * R).toBeLessThan(100);
    expect(Math.abs(ff.freeFlightTimeS - num.time)).toBeLessThan(0.1);
    expect(Math.abs(ff.apogeeRadiusM - num.maxR)).toBeLessThan(100);
  });

  it('is null when the path is not a sub-orbital ellipse', () => {
    expect(freeFlight(1.0001 * Math.sqrt((2 * MU) / R), 0.5, R, MU)).toBeNull();
    expect(freeFlight(Math.sqrt(MU / R), 0, R, MU)).toBeNull();
    expect(freeFlight(3000, -0.1, R, MU)).toBeNull();
    expect(freeFlight(Number.NaN, 0.5, R, MU)).toBeNull();
  });

  it('a vertical shot lands where it started', () => {
    expect(freeFlight(3000, Math.PI / 2, R, MU)!.rangeAngleRad).toBeCloseTo(0, 7);
  });
});

describe('flight-path angles for a range (§1.1, §1.3: depressed and lofted)', () => {
  it('both solutions reproduce the same range, on either side of the minimum-energy angle', () => {
    const psi = 8000e3 / R;
    const met = minimumEnergyBurnout(psi, R, MU);
    const q = met.q * 1.05;
    const speed = Math.sqrt((q * MU) / R);
    const [low, high] = flightPathAnglesForRange(q, psi)!;
    expect(low).toBeLessThan(met.flightPathAngleRad);
    expect(high).toBeGreaterThan(met.flightPathAngleRad);
    for (const phi of [low, high]) {
      expect(freeFlight(speed, phi, R, MU)!.rangeAngleRad).toBeCloseTo(psi, 10);
    }
    // The lofted path climbs higher and flies longer.
    const lofted = freeFlight(speed, high, R, MU)!;
    const depressed = freeFlight(speed, low, R, MU)!;
    expect(lofted.apogeeRadiusM).toBeGreaterThan(depressed.apogeeRadiusM);
    expect(lofted.freeFlightTimeS).toBeGreaterThan(depressed.freeFlightTimeS);
  });

  it('at the minimum energy both solutions are the minimum-energy angle', () => {
    const psi = 0.9;
    const met = minimumEnergyBurnout(psi, R, MU);
    const [low, high] = flightPathAnglesForRange(met.q, psi)!;
    expect(low).toBeCloseTo(met.flightPathAngleRad, 6);
    expect(high).toBeCloseTo(met.flightPathAngleRad, 6);
  });

  it('is null beyond the reach of the energy', () => {
    const psi = 1.2;
    const met = minimumEnergyBurnout(psi, R, MU);
    expect(flightPathAnglesForRange(met.q * 0.99, psi)).toBeNull();
    expect(flightPathAnglesForRange(2.5, psi)).toBeNull();
  });

  it('above circular energy (Q > 1) there is one path, returned twice', () => {
    const [low, high] = flightPathAnglesForRange(1.3, 1.0)!;
    expect(low).toBe(high);
    expect(freeFlight(Math.sqrt((1.3 * MU) / R), high, R, MU)!.rangeAngleRad).toBeCloseTo(1.0, 10);
  });
});

describe('speedForRangeAndAngle', () => {
  it('inverts the range equation', () => {
    for (const [km, phiDeg] of [
      [1000, 20],
      [3000, 60],
      [10000, 22.52],
      [12000, 10],
    ] as const) {
      const psi = (km * 1000) / R;
      const v = speedForRangeAndAngle(psi, phiDeg * D, R, MU);
      expect(freeFlight(v, phiDeg * D, R, MU)!.rangeAngleRad).toBeCloseTo(psi, 10);
    }
  });

  it('at the minimum-energy angle gives the minimum-energy speed', () => {
    const met = minimumEnergyBurnout(1.0, R, MU);
    expect(speedForRangeAndAngle(1.0, met.flightPathAngleRad, R, MU)).toBeCloseTo(met.speedMps, 6);
  });

  it('is NaN when no sub-orbital speed reaches the range', () => {
    // Nearly vertical: only an escape speed would carry it 1 rad downrange.
    expect(speedForRangeAndAngle(1, Math.PI / 2 - 1e-9, R, MU)).toBeNaN();
    expect(speedForRangeAndAngle(5, 1.5, R, MU)).toBeNaN();
  });
});

describe('apogeeForRange (lofted test reconstruction, §1.3)', () => {
  it('1,000 km with a 1,453 km apogee needs v ≈ 4.9 km/s at φ ≈ 78° and flies 21.7 min (DOMAIN.md §6.4)', () => {
    const b = apogeeForRange(1000e3 / R, R + 1453e3, R, MU)!;
    expect(Math.abs(b.speedMps / 1000 - 4.9)).toBeLessThan(0.05);
    expect(Math.abs(b.flightPathAngleRad / D - 78)).toBeLessThan(0.5);
    expect(Math.abs(b.freeFlightTimeS / 60 - 21.7)).toBeLessThan(0.05);
  });

  it('its burnout state flies the requested range and apogee', () => {
    for (const [km, apogeeKm] of [
      [950, 2800],
      [1000, 4475],
      [3000, 700],
      [800, 150],
    ] as const) {
      const b = apogeeForRange((km * 1000) / R, R + apogeeKm * 1000, R, MU)!;
      const ff = freeFlight(b.speedMps, b.flightPathAngleRad, R, MU)!;
      expect(ff.rangeAngleRad * R).toBeCloseTo(km * 1000, 3);
      expect(ff.apogeeRadiusM - R).toBeCloseTo(apogeeKm * 1000, 3);
      expect(ff.freeFlightTimeS).toBeCloseTo(b.freeFlightTimeS, 6);
    }
  });

  it('with the minimum-energy apogee it finds the minimum-energy burnout', () => {
    const met = minimumEnergyBurnout(0.8, R, MU);
    const b = apogeeForRange(0.8, met.apogeeRadiusM, R, MU)!;
    expect(b.speedMps).toBeCloseTo(met.speedMps, 6);
    expect(b.flightPathAngleRad).toBeCloseTo(met.flightPathAngleRad, 9);
  });

  it('is null for an apogee below the burnout radius', () => {
    expect(apogeeForRange(0.5, R - 1, R, MU)).toBeNull();
  });
});

describe('orbits (DOMAIN.md §3.2–3.4)', () => {
  const periodMin = (perigeeKm: number, apogeeKm: number) =>
    orbitalPeriodS(perigeeApogeeToElements(perigeeKm * 1000, apogeeKm * 1000).semiMajorAxisM) / 60;

  it('a 600 × 39,700 km Oko orbit has a period of 716.7 min', () => {
    expect(periodMin(600, 39700)).toBeCloseTo(716.7, 1);
  });

  it('a 1,645 × 38,540 km Kosmos-2541 orbit has a period of 714.3 min', () => {
    expect(periodMin(1645, 38540)).toBeCloseTo(714.3, 1);
  });

  it('Kosmos-2552 (1,840 × 38,500 km) 717.5 min and USA 184 (1,590 × 38,760 km) 717.7 min', () => {
    expect(periodMin(1840, 38500)).toBeCloseTo(717.5, 1);
    expect(periodMin(1590, 38760)).toBeCloseTo(717.7, 1);
  });

  it('perigeeApogeeToElements gives a and e from the radii', () => {
    const el = perigeeApogeeToElements(600e3, 39700e3);
    expect(el.perigeeRadiusM).toBe(6378137 + 600e3);
    expect(el.semiMajorAxisM * (1 - el.eccentricity)).toBeCloseTo(el.perigeeRadiusM, 6);
    expect(el.semiMajorAxisM * (1 + el.eccentricity)).toBeCloseTo(el.apogeeRadiusM, 6);
  });

  it('J2 drifts a 1,645 × 38,540 km, 63.8° orbit by −0.0033°/day in perigee and −0.114°/day in node', () => {
    const el = perigeeApogeeToElements(1645e3, 38540e3);
    const rates = j2SecularRates(el.semiMajorAxisM, el.eccentricity, 63.8 * D);
    expect((rates.argpDotRadPerS * DAY) / D).toBeCloseTo(-0.0033, 4);
    expect((rates.raanDotRadPerS * DAY) / D).toBeCloseTo(-0.114, 3);
  });

  it('J2 drifts the 600 × 39,700 km, 63° Oko orbit by +0.005°/day in perigee and −0.148°/day in node', () => {
    const el = perigeeApogeeToElements(600e3, 39700e3);
    const rates = j2SecularRates(el.semiMajorAxisM, el.eccentricity, 63 * D);
    expect((rates.argpDotRadPerS * DAY) / D).toBeCloseTo(0.005, 3);
    expect((rates.raanDotRadPerS * DAY) / D).toBeCloseTo(-0.148, 3);
  });

  it('the critical inclination 63.435° freezes the argument of perigee', () => {
    const rates = j2SecularRates(26560e3, 0.72, Math.acos(1 / Math.sqrt(5)));
    expect(Math.abs(rates.argpDotRadPerS)).toBeLessThan(1e-20);
  });

  it('a low circular polar orbit regresses 0 in node and its mean motion is n(1 − 0.75 J2 (R/a)²)', () => {
    const a = 7000e3;
    const rates = j2SecularRates(a, 0, Math.PI / 2);
    expect(Math.abs(rates.raanDotRadPerS)).toBeLessThan(1e-20);
    const n = Math.sqrt(3.986004418e14 / a ** 3);
    expect(rates.keplerMeanMotionRadPerS).toBeCloseTo(n, 18);
    expect(rates.meanMotionRadPerS / n).toBeCloseTo(1 - 0.75 * 1.08262998905e-3 * (6378137 / a) ** 2, 15);
  });
});

describe('solveKepler', () => {
  it('solves E − e sin E = M to 1e-14 for e up to 0.99 and any M', () => {
    for (const e of [0, 0.1, 0.5, 0.9, 0.97, 0.99]) {
      for (let m = -7; m <= 7; m += 0.013) {
        const ecc = solveKepler(m, e);
        expect(Math.abs(ecc - e * Math.sin(ecc) - m)).toBeLessThan(1e-13);
      }
    }
  });

  it('returns E on the same revolution as M', () => {
    const m = 4 * Math.PI + 0.3;
    const ecc = solveKepler(m, 0.6);
    expect(ecc).toBeGreaterThan(4 * Math.PI);
    expect(ecc).toBeLessThan(5 * Math.PI);
  });

  it('handles the hard corner of small M at e = 0.99', () => {
    const ecc = solveKepler(1e-6, 0.99);
    expect(Math.abs(ecc - 0.99 * Math.sin(ecc) - 1e-6)).toBeLessThan(1e-16);
    expect(ecc).toBeGreaterThan(0);
  });
});
