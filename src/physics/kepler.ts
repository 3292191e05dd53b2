// Two-body formulas for ballistic free flight and orbits (DOMAIN.md §1.1, §3.3–3.4).
// Ballistic free flight: Bate, Mueller & White, Fundamentals of Astrodynamics (1971),
// ch. 6; symmetric path (burnout and re-entry at the same radius r), spherical
// non-rotating Earth. Q = v²r/μ; range angle Ψ (central angle); flight-path angle φ
// above the local horizontal. Time of flight through Kepler's equation with the true
// anomaly at burnout ν = π − Ψ/2 (apogee at ν = π), DOMAIN.md §1.1.
// Kepler's equation: Newton iteration from Danby's starter E₀ = M + 0.85·e·sign(sin M)
// (J. M. A. Danby, Fundamentals of Celestial Mechanics, 2nd ed., §6.6).
// J2 secular rates: Vallado, Fundamentals of Astrodynamics and Applications, §9.6.
// SI units: m, s, rad, m³/s².

import { J2_EARTH, MU_EARTH, WGS84_A } from './constants.ts';

const TWO_PI = 2 * Math.PI;

/** Burnout state and free-flight path of the minimum-energy trajectory for a range angle. */
export interface MinimumEnergyBurnout {
  /** Energy parameter Q = v²r/μ (dimensionless). */
  q: number;
  /** Burnout speed (inertial), m/s. */
  speedMps: number;
  /** Burnout flight-path angle above the local horizontal, rad. */
  flightPathAngleRad: number;
  semiMajorAxisM: number;
  eccentricity: number;
  /** Apogee radius from the Earth's centre, m. */
  apogeeRadiusM: number;
  /** Burnout-to-re-entry time at the burnout radius, s. */
  freeFlightTimeS: number;
}

/** Symmetric free-flight path from a burnout state. */
export interface FreeFlight {
  q: number;
  /** Central angle between burnout and re-entry, rad (Ψ; ground range = Ψ·R). */
  rangeAngleRad: number;
  semiMajorAxisM: number;
  eccentricity: number;
  apogeeRadiusM: number;
  freeFlightTimeS: number;
}

/** Burnout state reaching a given range angle with a given apogee. */
export interface RangeApogeeBurnout extends FreeFlight {
  speedMps: number;
  flightPathAngleRad: number;
}

/**
 * Burnout-to-re-entry time of a symmetric ellipse arc: from true anomaly
 * ν = π − Ψ/2 through apogee and back, 2(π − E + e sin E)/n. The eccentric anomaly uses
 * the half-angle form E = 2 atan2(√(1−e) sin(ν/2), √(1+e) cos(ν/2)), exact near e → 1.
 */
function symmetricFlightTime(rangeAngleRad: number, a: number, e: number, mu: number): number {
  const halfNu = (Math.PI - rangeAngleRad / 2) / 2;
  const eAnomaly = 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(halfNu), Math.sqrt(1 + e) * Math.cos(halfNu));
  const n = Math.sqrt(mu / (a * a * a));
  return (2 * (Math.PI - eAnomaly + e * Math.sin(eAnomaly))) / n;
}

/**
 * Minimum-energy (maximum-range) trajectory for a range angle Ψ in (0, π) from burnout
 * radius r (DOMAIN.md §1.1; at Ψ = π it degenerates into the grazing circular orbit): Q = 2 sin(Ψ/2)/(1 + sin(Ψ/2)), φ = (π − Ψ)/4,
 * a = r(1 + sin(Ψ/2))/2, e = cos(Ψ/2)/(1 + sin(Ψ/2)), r_a = r(1 + sin(Ψ/2) + cos(Ψ/2))/2.
 */
export function minimumEnergyBurnout(
  rangeAngleRad: number,
  burnoutRadiusM: number,
  mu = MU_EARTH,
): MinimumEnergyBurnout {
  const s = Math.sin(rangeAngleRad / 2);
  const c = Math.cos(rangeAngleRad / 2);
  const q = (2 * s) / (1 + s);
  const a = (burnoutRadiusM * (1 + s)) / 2;
  const e = c / (1 + s);
  return {
    q,
    speedMps: Math.sqrt((q * mu) / burnoutRadiusM),
    flightPathAngleRad: (Math.PI - rangeAngleRad) / 4,
    semiMajorAxisM: a,
    eccentricity: e,
    apogeeRadiusM: (burnoutRadiusM * (1 + s + c)) / 2,
    freeFlightTimeS: symmetricFlightTime(rangeAngleRad, a, e, mu),
  };
}

/**
 * Symmetric free flight from burnout speed v, flight-path angle φ ∈ [0, π/2] and radius r.
 * Range from cos(Ψ/2) = (1 − Q cos²φ)/e with e = √(1 + Q(Q − 2) cos²φ), a = r/(2 − Q).
 * Returns null when the path is not a sub-orbital ellipse (Q ≥ 2, φ outside [0, π/2],
 * or the circular orbit Q = 1, φ = 0, taken as e < 1e-12) or an input is not finite.
 */
export function freeFlight(
  speedMps: number,
  flightPathAngleRad: number,
  burnoutRadiusM: number,
  mu = MU_EARTH,
): FreeFlight | null {
  const q = (speedMps * speedMps * burnoutRadiusM) / mu;
  if (!(q > 0 && q < 2) || !(flightPathAngleRad >= 0 && flightPathAngleRad <= Math.PI / 2)) return null;
  if (!(burnoutRadiusM > 0 && mu > 0)) return null;
  const cosPhi = Math.cos(flightPathAngleRad);
  const qc2 = q * cosPhi * cosPhi;
  // e² = 1 + Q(Q − 2)cos²φ = (1 − Q cos²φ)² + (Q cos φ sin φ)², free of cancellation near e = 0.
  const e = Math.hypot(1 - qc2, q * cosPhi * Math.sin(flightPathAngleRad));
  if (e < 1e-12) return null;
  const a = burnoutRadiusM / (2 - q);
  const cosHalfRange = Math.min(1, Math.max(-1, (1 - qc2) / e));
  const rangeAngleRad = 2 * Math.acos(cosHalfRange);
  return {
    q,
    rangeAngleRad,
    semiMajorAxisM: a,
    eccentricity: e,
    apogeeRadiusM: a * (1 + e),
    freeFlightTimeS: symmetricFlightTime(rangeAngleRad, a, e, mu),
  };
}

/**
 * The burnout flight-path angles that reach range angle Ψ with energy parameter Q:
 * sin(2φ + Ψ/2) = ((2 − Q)/Q)·sin(Ψ/2) (DOMAIN.md §1.1) → [low (depressed), high (lofted)],
 * rad, both in [0, π/2]. Null when Ψ is beyond the reach of Q (the right side exceeds 1)
 * or Q ∉ (0, 2). For Q ≥ 1 the depressed branch would need φ < 0 (every range has exactly
 * one path), and both entries are the lofted solution. At the maximum range both
 * entries equal the minimum-energy angle (π − Ψ)/4.
 */
export function flightPathAnglesForRange(q: number, rangeAngleRad: number): [number, number] | null {
  if (!(q > 0 && q < 2) || !(rangeAngleRad > 0 && rangeAngleRad < TWO_PI)) return null;
  const k = ((2 - q) / q) * Math.sin(rangeAngleRad / 2);
  if (k > 1) return null;
  const base = Math.asin(k);
  const high = (Math.PI - base - rangeAngleRad / 2) / 2;
  const low = (base - rangeAngleRad / 2) / 2;
  if (!(high >= 0 && high <= Math.PI / 2)) return null;
  return low >= 0 ? [low, high] : [high, high];
}

/**
 * Burnout speed (m/s) that reaches range angle Ψ at flight-path angle φ from radius r:
 * the flight-path-angle form of §1.1 solved for Q with sin(2φ + Ψ/2) + sin(Ψ/2) =
 * 2 sin(φ + Ψ/2) cos φ, giving Q = sin(Ψ/2)/(cos φ · sin(φ + Ψ/2)). NaN when no sub-orbital
 * speed does it.
 */
export function speedForRangeAndAngle(
  rangeAngleRad: number,
  flightPathAngleRad: number,
  burnoutRadiusM: number,
  mu = MU_EARTH,
): number {
  const denominator = Math.cos(flightPathAngleRad) * Math.sin(flightPathAngleRad + rangeAngleRad / 2);
  const q = Math.sin(rangeAngleRad / 2) / denominator;
  if (!(denominator > 0 && q > 0 && q < 2)) return Number.NaN;
  return Math.sqrt((q * mu) / burnoutRadiusM);
}

/**
 * The burnout (speed, angle) of the symmetric free flight that covers range angle Ψ and
 * peaks at apogee radius r_a (reconstructing a lofted test from its published range and
 * apogee, DOMAIN.md §1.3). With ν = π − Ψ/2 at burnout: r(1 − e cos(Ψ/2)) = r_a(1 − e),
 * so e = (r_a − r)/(r_a − r cos(Ψ/2)), p = r_a(1 − e), a = r_a/(1 + e),
 * v² = μ(2/r − 1/a) and cos φ = √(μp)/(r v). Null unless r < r_a and 0 < Ψ < 2π.
 */
export function apogeeForRange(
  rangeAngleRad: number,
  apogeeRadiusM: number,
  burnoutRadiusM: number,
  mu = MU_EARTH,
): RangeApogeeBurnout | null {
  const r = burnoutRadiusM;
  const ra = apogeeRadiusM;
  if (!(r > 0 && ra > r && rangeAngleRad > 0 && rangeAngleRad < TWO_PI)) return null;
  const e = (ra - r) / (ra - r * Math.cos(rangeAngleRad / 2));
  const p = ra * (1 - e);
  const a = ra / (1 + e);
  const speedMps = Math.sqrt(mu * (2 / r - 1 / a));
  const cosPhi = Math.min(1, Math.sqrt(mu * p) / (r * speedMps));
  return {
    q: (speedMps * speedMps * r) / mu,
    speedMps,
    flightPathAngleRad: Math.acos(cosPhi),
    rangeAngleRad,
    semiMajorAxisM: a,
    eccentricity: e,
    apogeeRadiusM: ra,
    freeFlightTimeS: symmetricFlightTime(rangeAngleRad, a, e, mu),
  };
}

/** Orbital period 2π√(a³/μ), s. */
export function orbitalPeriodS(semiMajorAxisM: number, mu = MU_EARTH): number {
  return TWO_PI * Math.sqrt((semiMajorAxisM * semiMajorAxisM * semiMajorAxisM) / mu);
}

/**
 * Eccentric anomaly E (rad) with E − e sin E = M, for 0 ≤ e < 1. Newton's method from
 * Danby's starter on M reduced to [−π, π); converges for every M and e < 1 (to ~1e-15 rad,
 * at most a dozen steps at e = 0.99). The result is on the same revolution as M.
 */
export function solveKepler(meanAnomaly: number, e: number): number {
  const reduced = meanAnomaly - TWO_PI * Math.floor((meanAnomaly + Math.PI) / TWO_PI);
  let ecc = reduced;
  if (e > 0) {
    ecc = reduced + 0.85 * e * (reduced >= 0 ? 1 : -1);
    for (let i = 0; i < 50; i++) {
      const f = ecc - e * Math.sin(ecc) - reduced;
      const step = f / (1 - e * Math.cos(ecc));
      ecc -= step;
      if (Math.abs(step) <= 1e-15 * (1 + Math.abs(ecc))) break;
    }
  }
  return ecc + (meanAnomaly - reduced);
}

/** Orbit size and shape from perigee and apogee altitudes. */
export interface PerigeeApogeeElements {
  semiMajorAxisM: number;
  eccentricity: number;
  perigeeRadiusM: number;
  apogeeRadiusM: number;
}

/**
 * Semi-major axis and eccentricity from perigee and apogee altitudes (m) above a sphere
 * of the given radius (default the WGS-84 equatorial radius, the convention of published
 * perigee/apogee heights; DOMAIN.md §3.3–3.4 periods use it).
 */
export function perigeeApogeeToElements(
  perigeeAltM: number,
  apogeeAltM: number,
  radiusM = WGS84_A,
): PerigeeApogeeElements {
  const rp = radiusM + perigeeAltM;
  const ra = radiusM + apogeeAltM;
  return {
    semiMajorAxisM: (rp + ra) / 2,
    eccentricity: (ra - rp) / (ra + rp),
    perigeeRadiusM: rp,
    apogeeRadiusM: ra,
  };
}

/** Secular drift of the orbit elements under J2. */
export interface J2SecularRates {
  /** Right ascension of the ascending node, rad/s: −(3/2) n J2 (R/p)² cos i. */
  raanDotRadPerS: number;
  /** Argument of perigee, rad/s: (3/4) n J2 (R/p)² (5 cos² i − 1). */
  argpDotRadPerS: number;
  /**
   * Mean anomaly rate including the J2 secular term (anomalistic mean motion),
   * rad/s: n [1 + (3/4) J2 (R/p)² √(1 − e²) (3 cos² i − 1)].
   */
  meanMotionRadPerS: number;
  /** Unperturbed two-body mean motion n = √(μ/a³), rad/s. */
  keplerMeanMotionRadPerS: number;
}

/** J2 secular rates of an orbit (a m, e, i rad), WGS-84 J2, μ and equatorial radius. */
export function j2SecularRates(aM: number, e: number, incRad: number): J2SecularRates {
  const n = Math.sqrt(MU_EARTH / (aM * aM * aM));
  const p = aM * (1 - e * e);
  const k = J2_EARTH * (WGS84_A / p) * (WGS84_A / p);
  const cosI = Math.cos(incRad);
  const cos2 = cosI * cosI;
  return {
    raanDotRadPerS: -1.5 * n * k * cosI,
    argpDotRadPerS: 0.75 * n * k * (5 * cos2 - 1),
    meanMotionRadPerS: n * (1 + 0.75 * k * Math.sqrt(1 - e * e) * (3 * cos2 - 1)),
    keplerMeanMotionRadPerS: n,
  };
}
