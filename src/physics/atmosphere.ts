// U.S. Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562), DOMAIN.md §9.4.
//
// Below 86 km geometric altitude: the defining layer equations, exact. Geopotential
// height H = r₀z/(r₀ + z); in each layer the molecular-scale temperature is linear in H,
// T_M = T_b + L(H − H_b), and hydrostatic balance gives
//   P = P_b (T_b/T_M)^(g₀M₀/(R*L))   or   P = P_b exp(−g₀M₀(H − H_b)/(R*T_b)) when L = 0,
//   ρ = P M₀/(R* T_M),  a = √(γ R* T_M/M₀), γ = 1.4.
// The layer base pressures and densities are chained once at load from P₀, T₀.
// The temperature returned below 86 km is T_M: it equals the kinetic temperature below
// 80 km and exceeds it by at most 0.04 % (186.95 K against 186.87 K) at 86 km.
//
// 86–1,000 km: kinetic temperature from the standard's defining T(z) segments
// (isothermal, elliptical, linear, exponential to T∞ = 1,000 K); pressure and density
// interpolated log-linearly in the standard's tabulated values (table below). Between
// rows this is within a few per cent of the full diffusive model. The speed of sound is
// not defined by the standard there; it is extended as √(1.4·P/ρ), which is continuous
// at 86 km (a free-molecular-flow regime makes it nominal only).
//
// Outside the range: altitudes below −5 km (the standard's lower limit) are clamped to
// −5 km; above 1,000 km density, pressure and speed of sound are 0 and T = 1,000 K.

const T0 = 288.15;
const P0 = 101325;
/** Universal gas constant as defined by USSA76, J/(mol·K). */
const R_STAR = 8.31432;
/** Sea-level mean molar mass of air, kg/mol. */
const M0 = 0.0289644;
const G0 = 9.80665;
/** Effective Earth radius for geopotential height, m. */
const R0 = 6356766;
const GAMMA = 1.4;
/** g₀M₀/R*, K/m. */
const GMR = (G0 * M0) / R_STAR;

const Z_MIN = -5000;
const Z_LAYERED_TOP = 86000;
const Z_MAX = 1000000;

/** Layer base geopotential heights H_b (m′) and lapse rates L (K/m′), USSA76 Table 4. */
const LAYER_H = [0, 11000, 20000, 32000, 47000, 51000, 71000];
const LAYER_L = [-0.0065, 0, 0.001, 0.0028, 0, -0.0028, -0.002];
const LAYER_COUNT = LAYER_H.length;

const layerT = new Float64Array(LAYER_COUNT);
const layerP = new Float64Array(LAYER_COUNT);
const layerRho = new Float64Array(LAYER_COUNT);
/** Exponent of (T_b/T) in ρ/ρ_b: 1 + g₀M₀/(R*L); unused for isothermal layers. */
const layerRhoExp = new Float64Array(LAYER_COUNT);
/** Exponent of (T_b/T) in P/P_b: g₀M₀/(R*L). */
const layerPExp = new Float64Array(LAYER_COUNT);

{
  let t = T0;
  let p = P0;
  for (let i = 0; i < LAYER_COUNT; i++) {
    const l = LAYER_L[i]!;
    layerT[i] = t;
    layerP[i] = p;
    layerRho[i] = (p * M0) / (R_STAR * t);
    layerPExp[i] = l === 0 ? 0 : GMR / l;
    layerRhoExp[i] = l === 0 ? 0 : 1 + GMR / l;
    if (i + 1 < LAYER_COUNT) {
      const dh = LAYER_H[i + 1]! - LAYER_H[i]!;
      const tNext = t + l * dh;
      p = l === 0 ? p * Math.exp((-GMR * dh) / t) : p * (t / tNext) ** (GMR / l);
      t = tNext;
    }
  }
}

/**
 * USSA76 tabulated pressure (Pa) and density (kg/m³) at geometric altitude (km), 86–1,000 km
 * (NOAA-S/T 76-1562 Table I; the rows of DOMAIN.md §9.4 plus the standard's rows at
 * 95, 105, 115, 140, 160, 350 and 450 km as reproduced in public code copies).
 */
const UPPER_TABLE: ReadonlyArray<readonly [number, number, number]> = [
  [86, 3.7338e-1, 6.958e-6],
  [90, 1.8359e-1, 3.416e-6],
  [95, 7.5966e-2, 1.393e-6],
  [100, 3.2011e-2, 5.604e-7],
  [105, 1.4521e-2, 2.325e-7],
  [110, 7.1042e-3, 9.708e-8],
  [115, 4.0096e-3, 4.289e-8],
  [120, 2.5382e-3, 2.222e-8],
  [130, 1.2505e-3, 8.152e-9],
  [140, 7.2028e-4, 3.831e-9],
  [150, 4.5422e-4, 2.076e-9],
  [160, 3.0395e-4, 1.233e-9],
  [180, 1.5271e-4, 5.194e-10],
  [200, 8.4736e-5, 2.541e-10],
  [250, 2.4767e-5, 6.073e-11],
  [300, 8.7704e-6, 1.916e-11],
  [350, 3.4498e-6, 7.014e-12],
  [400, 1.4518e-6, 2.803e-12],
  [450, 6.4468e-7, 1.184e-12],
  [500, 3.0236e-7, 5.215e-13],
  [600, 8.213e-8, 1.137e-13],
  [700, 3.1908e-8, 3.07e-14],
  [800, 1.7036e-8, 1.136e-14],
  [900, 1.0873e-8, 5.759e-15],
  [1000, 7.5138e-9, 3.561e-15],
];

const UPPER_COUNT = UPPER_TABLE.length;
const upperZ = new Float64Array(UPPER_COUNT);
const upperLnP = new Float64Array(UPPER_COUNT);
const upperLnRho = new Float64Array(UPPER_COUNT);
/** d ln(P)/dz and d ln(ρ)/dz over [row i, row i+1], per m. */
const upperSlopeP = new Float64Array(UPPER_COUNT);
const upperSlopeRho = new Float64Array(UPPER_COUNT);

for (let i = 0; i < UPPER_COUNT; i++) {
  const row = UPPER_TABLE[i]!;
  upperZ[i] = row[0] * 1000;
  upperLnP[i] = Math.log(row[1]);
  upperLnRho[i] = Math.log(row[2]);
}
for (let i = 0; i + 1 < UPPER_COUNT; i++) {
  const dz = upperZ[i + 1]! - upperZ[i]!;
  upperSlopeP[i] = (upperLnP[i + 1]! - upperLnP[i]!) / dz;
  upperSlopeRho[i] = (upperLnRho[i + 1]! - upperLnRho[i]!) / dz;
}

/** Index of the layer holding geopotential height h (m′). */
function layerIndex(h: number): number {
  let i = LAYER_COUNT - 1;
  while (i > 0 && h < LAYER_H[i]!) i--;
  return i;
}

/** Index i of the table interval [z_i, z_{i+1}] holding z (m), 86 km ≤ z ≤ 1,000 km. */
function upperIndex(z: number): number {
  let lo = 0;
  let hi = UPPER_COUNT - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (z < upperZ[mid]!) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** USSA76 kinetic temperature above 86 km geometric altitude (defining segments), K. */
function upperTemperature(z: number): number {
  const zKm = z / 1000;
  if (zKm <= 91) return 186.8673;
  if (zKm <= 110) {
    const s = (zKm - 91) / -19.9429;
    return 263.1905 - 76.3232 * Math.sqrt(1 - s * s);
  }
  if (zKm <= 120) return 240 + 12 * (zKm - 110);
  const r0Km = R0 / 1000;
  const xi = ((zKm - 120) * (r0Km + 120)) / (r0Km + zKm);
  return 1000 - 640 * Math.exp(-0.01875 * xi);
}

/** Air density (kg/m³) at geometric altitude (m); the hot-loop entry point. */
export function ussa76Density(altitudeM: number): number {
  if (altitudeM < Z_LAYERED_TOP) {
    const z = Math.max(altitudeM, Z_MIN);
    const h = (R0 * z) / (R0 + z);
    const i = layerIndex(h);
    const l = LAYER_L[i]!;
    const dh = h - LAYER_H[i]!;
    const tb = layerT[i]!;
    if (l === 0) return layerRho[i]! * Math.exp((-GMR * dh) / tb);
    const t = tb + l * dh;
    return layerRho[i]! * (tb / t) ** layerRhoExp[i]!;
  }
  if (altitudeM > Z_MAX) return 0;
  const i = upperIndex(altitudeM);
  return Math.exp(upperLnRho[i]! + upperSlopeRho[i]! * (altitudeM - upperZ[i]!));
}

/**
 * Full USSA76 state at geometric altitude (m):
 * out = [temperature K, pressure Pa, density kg/m³, speed of sound m/s] (see header for
 * the definitions above 86 km and outside −5…1,000 km).
 */
export function ussa76<T extends { [index: number]: number }>(out: T, altitudeM: number): T {
  if (altitudeM < Z_LAYERED_TOP) {
    const z = Math.max(altitudeM, Z_MIN);
    const h = (R0 * z) / (R0 + z);
    const i = layerIndex(h);
    const l = LAYER_L[i]!;
    const dh = h - LAYER_H[i]!;
    const tb = layerT[i]!;
    const t = tb + l * dh;
    // Density by the same expression as ussa76Density, so the two agree to the bit.
    if (l === 0) {
      const decay = Math.exp((-GMR * dh) / tb);
      out[1] = layerP[i]! * decay;
      out[2] = layerRho[i]! * decay;
    } else {
      out[1] = layerP[i]! * (tb / t) ** layerPExp[i]!;
      out[2] = layerRho[i]! * (tb / t) ** layerRhoExp[i]!;
    }
    out[0] = t;
    out[3] = Math.sqrt((GAMMA * R_STAR * t) / M0);
    return out;
  }
  if (altitudeM > Z_MAX) {
    out[0] = 1000;
    out[1] = 0;
    out[2] = 0;
    out[3] = 0;
    return out;
  }
  const i = upperIndex(altitudeM);
  const dz = altitudeM - upperZ[i]!;
  const p = Math.exp(upperLnP[i]! + upperSlopeP[i]! * dz);
  const rho = Math.exp(upperLnRho[i]! + upperSlopeRho[i]! * dz);
  out[0] = upperTemperature(altitudeM);
  out[1] = p;
  out[2] = rho;
  out[3] = Math.sqrt((GAMMA * p) / rho);
  return out;
}
