import { describe, expect, it } from 'vitest';
import { ussa76, ussa76Density } from '../../src/physics/atmosphere.ts';

const R0 = 6356766;
/** Geometric altitude (m) of a geopotential height (m′): z = r₀H/(r₀ − H). */
const geometric = (hGeopotential: number) => (R0 * hGeopotential) / (R0 - hGeopotential);
const state = (z: number) => ussa76(new Float64Array(4), z);

describe('USSA76 below 86 km (DOMAIN.md §9.4)', () => {
  const densities: [number, number][] = [
    [0, 1.225],
    [5, 0.73643],
    [11, 0.3648],
    [20, 0.08891],
    [25, 0.040084],
    [30, 0.01841],
    [40, 3.9957e-3],
    [50, 1.0269e-3],
    [60, 3.0968e-4],
    [70, 8.2829e-5],
    [80, 1.8458e-5],
    [86, 6.9578e-6],
  ];
  for (const [km, rho] of densities) {
    it(`density at ${km} km is ${rho} kg/m³ (5 significant figures)`, () => {
      const z = km === 86 ? 85999.999 : km * 1000;
      expect(Math.abs(ussa76Density(z) / rho - 1)).toBeLessThan(1e-4);
      expect(state(z)[2]).toBe(ussa76Density(z));
    });
  }

  // USSA76 Table 4 base temperatures and pressures (DOMAIN.md §9.4 gives the rounded P_b).
  const bases: [number, number, number][] = [
    [0, 288.15, 101325],
    [11000, 216.65, 22632.06],
    [20000, 216.65, 5474.889],
    [32000, 228.65, 868.0187],
    [47000, 270.65, 110.9063],
    [51000, 270.65, 66.93887],
    [71000, 214.65, 3.95642],
    [84852, 186.946, 0.3733836],
  ];
  for (const [h, t, p] of bases) {
    it(`at geopotential ${h} m′ the temperature is ${t} K and the pressure ${p} Pa`, () => {
      const s = state(Math.min(geometric(h), 85999.9999));
      expect(s[0]).toBeCloseTo(t, 3);
      expect(Math.abs(s[1]! / p - 1)).toBeLessThan(1e-5);
    });
  }

  it('the sea-level speed of sound is 340.294 m/s', () => {
    expect(state(0)[3]).toBeCloseTo(340.294, 3);
  });

  it('the state obeys the ideal-gas law ρ = PM₀/(R*T)', () => {
    for (const z of [1234, 17000, 44000, 79000]) {
      const s = state(z);
      expect(s[2]! / ((s[1]! * 0.0289644) / (8.31432 * s[0]!))).toBeCloseTo(1, 14);
    }
  });

  it('clamps below −5 km, the lower limit of the standard', () => {
    expect(ussa76Density(-20000)).toBe(ussa76Density(-5000));
    expect(ussa76Density(-5000)).toBeGreaterThan(1.225);
  });
});

describe('USSA76 above 86 km', () => {
  const table: [number, number][] = [
    [90, 3.416e-6],
    [100, 5.604e-7],
    [110, 9.708e-8],
    [120, 2.222e-8],
    [130, 8.152e-9],
    [150, 2.076e-9],
    [180, 5.194e-10],
    [200, 2.541e-10],
    [250, 6.073e-11],
    [300, 1.916e-11],
    [400, 2.803e-12],
    [500, 5.215e-13],
    [600, 1.137e-13],
    [700, 3.07e-14],
    [800, 1.136e-14],
    [900, 5.759e-15],
    [1000, 3.561e-15],
  ];
  for (const [km, rho] of table) {
    it(`density at ${km} km is ${rho} kg/m³ (4 significant figures)`, () => {
      expect(Math.abs(ussa76Density(km * 1000) / rho - 1)).toBeLessThan(5e-4);
    });
  }

  it('interpolates log-linearly between rows (geometric mean at the midpoint)', () => {
    expect(Math.abs(ussa76Density(125000) / Math.sqrt(2.222e-8 * 8.152e-9) - 1)).toBeLessThan(1e-12);
  });

  // Kinetic temperatures of USSA76 Table I, against the defining T(z) segments in the code.
  const temperatures: [number, number][] = [
    [90, 186.87],
    [100, 195.08],
    [110, 240.0],
    [120, 360.0],
    [130, 469.27],
    [150, 634.39],
    [200, 854.56],
    [300, 976.01],
    [500, 999.24],
    [1000, 1000.0],
  ];
  for (const [km, t] of temperatures) {
    it(`kinetic temperature at ${km} km is ${t} K`, () => {
      expect(state(km * 1000)[0]).toBeCloseTo(t, 2);
    });
  }

  it('is continuous at 86 km in density, pressure and speed of sound', () => {
    const below = state(85999.999);
    const above = state(86000);
    expect(Math.abs(above[2]! / below[2]! - 1)).toBeLessThan(1e-4);
    expect(Math.abs(above[1]! / below[1]! - 1)).toBeLessThan(1e-4);
    expect(Math.abs(above[3]! / below[3]! - 1)).toBeLessThan(1e-4);
    // Molecular (below) and kinetic (above) temperature differ by 0.04 % there.
    expect(Math.abs(above[0]! / below[0]! - 1)).toBeLessThan(5e-4);
  });

  it('the implied mean molar mass ρR*T/P falls row by row from 28.95 g/mol towards light gases', () => {
    // A check on the transcribed table: at its rows P, ρ and the defining T(z) must give a
    // molar mass that only falls as heavy species thin out (USSA76: 28.40 g/mol at 100 km,
    // 21.30 at 200 km, 3.94 at 1,000 km). Between rows, separate log-linear interpolation
    // of P and ρ need not keep this exactly.
    const rows = [86, 90, 95, 100, 105, 110, 115, 120, 130, 140, 150, 160, 180, 200, 250, 300];
    rows.push(350, 400, 450, 500, 600, 700, 800, 900, 1000);
    let previous = Number.POSITIVE_INFINITY;
    for (const km of rows) {
      const s = state(km * 1000);
      const molarMass = (s[2]! * 8.31432 * s[0]!) / s[1]!;
      expect(molarMass).toBeLessThan(previous);
      previous = molarMass;
      if (km === 100) expect(molarMass).toBeCloseTo(0.0284, 4);
      if (km === 200) expect(molarMass).toBeCloseTo(0.0213, 4);
    }
    expect(previous).toBeGreaterThan(0.002);
    expect(previous).toBeLessThan(0.006);
  });

  it('density decreases monotonically from 0 to 1,000 km', () => {
    let previous = ussa76Density(0);
    for (let z = 250; z <= 1e6; z += 250) {
      const rho = ussa76Density(z);
      expect(rho).toBeLessThan(previous);
      previous = rho;
    }
  });

  it('is zero above 1,000 km', () => {
    expect(ussa76Density(1000001)).toBe(0);
    expect(Array.from(state(2e6))).toEqual([1000, 0, 0, 0]);
  });
});
