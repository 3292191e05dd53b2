// Orbits from their definitions: the geostationary slot, 12-hour Molniya-type and
// 24-hour Tundra orbits with their apogee over a chosen longitude, low or any other
// orbit from Keplerian elements, and TLE/OMM element sets (SGP4).
// Molniya: the Oko US-K figures, 600 × 39,700 km at the critical inclination 63.435°
// with ω = 270° so apogee is at the northern turning point (DOMAIN.md §3.3–3.4).
// Tundra: a from one sidereal day (≈ 42,164 km), e = 0.25 by default (DOMAIN.md §3.4).
// Placement: the right ascension of the node is chosen so that at the apogee pass
// nearest the epoch (mean anomaly π, J2 rates included) the satellite is over the
// requested longitude, with the Earth turned by gmstAt (sidereal.ts).
import { MU_EARTH, OMEGA_EARTH, RAD, WGS84_A } from '../physics/constants.ts';
import { j2SecularRates, perigeeApogeeToElements } from '../physics/kepler.ts';
import { GEO_RADIUS_M, GeostationaryOrbit } from './geostationary.ts';
import { KeplerianOrbit } from './keplerian.ts';
import type { OrbitDefinition, SatelliteOrbit } from './orbit.ts';
import { Sgp4Orbit } from './sgp4.ts';
import { gmstAt } from './sidereal.ts';

const TWO_PI = 2 * Math.PI;

/** Inclination where J2 leaves the argument of perigee fixed, 5 cos² i = 1: 63.435°. */
export const CRITICAL_INCLINATION_RAD = Math.acos(Math.sqrt(0.2));

/** Default Molniya perigee altitude above the equatorial radius, m (Oko US-K, DOMAIN.md §3.3). */
export const MOLNIYA_PERIGEE_ALT_M = 600_000;

/** Two-body semi-major axis for half a turn of the Earth (a 12-hour repeat orbit), m. */
export const HALF_SIDEREAL_DAY_AXIS_M = Math.cbrt(MU_EARTH / (4 * OMEGA_EARTH * OMEGA_EARTH));

/** Two-body semi-major axis for one turn of the Earth (Tundra, GEO), m. */
export const SIDEREAL_DAY_AXIS_M = GEO_RADIUS_M;

/** Angle wrapped to [−π, π). */
function wrapPi(x: number): number {
  return x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
}

function lonText(lonRad: number): string {
  const deg = wrapPi(lonRad) * RAD;
  return `${Math.abs(deg).toFixed(1)}°${deg < 0 ? 'W' : 'E'}`;
}

/** Shape and phase of an orbit to be placed with its apogee over a longitude. */
interface ApogeePlacement {
  aM: number;
  e: number;
  incRad: number;
  argpRad: number;
  /** Mean anomaly at the scenario epoch. */
  meanAnomalyRad: number;
  apogeeLonRad: number;
}

/**
 * A J2-drifting Keplerian orbit whose apogee pass nearest the epoch (of the two, the
 * earlier when the epoch is exactly at perigee) is over apogeeLonRad. At that pass,
 * t_A = wrap(π − M₀)/n̄, the apogee lies at argument of latitude u = ω(t_A) + π, so its
 * right ascension is Ω(t_A) + atan2(cos i sin u, cos u); equating it to
 * λ + GMST(t_A) fixes Ω(t_A), and Ω₀ = Ω(t_A) − Ω̇ t_A.
 */
export function orbitWithApogeeOver(p: ApogeePlacement, epochUnixMs: number, name: string): KeplerianOrbit {
  if (!(p.e >= 0 && p.e < 1) || !(p.aM > 0)) {
    throw new RangeError(`${name}: needs a > 0 and 0 <= e < 1, got a = ${p.aM} m, e = ${p.e}`);
  }
  const rates = j2SecularRates(p.aM, p.e, p.incRad);
  const apogeeTimeS = wrapPi(Math.PI - p.meanAnomalyRad) / rates.meanMotionRadPerS;
  const u = p.argpRad + rates.argpDotRadPerS * apogeeTimeS + Math.PI;
  const alongNode = Math.atan2(Math.cos(p.incRad) * Math.sin(u), Math.cos(u));
  const raanAtApogee = p.apogeeLonRad + gmstAt(epochUnixMs, apogeeTimeS) - alongNode;
  const raanRad = raanAtApogee - rates.raanDotRadPerS * apogeeTimeS;
  return new KeplerianOrbit(
    {
      aM: p.aM,
      e: p.e,
      incRad: p.incRad,
      raanRad: raanRad - TWO_PI * Math.floor(raanRad / TWO_PI),
      argpRad: p.argpRad,
      meanAnomalyRad: p.meanAnomalyRad,
      elementsEpochS: 0,
    },
    { name: `${name} (apogee over ${lonText(p.apogeeLonRad)})` },
  );
}

/** Semi-major axis and eccentricity of a Molniya definition (see OrbitDefinition). */
function molniyaShape(
  perigeeAltM: number | undefined,
  apogeeAltM: number | undefined,
): { aM: number; e: number } {
  if (perigeeAltM !== undefined && apogeeAltM !== undefined) {
    const { semiMajorAxisM, eccentricity } = perigeeApogeeToElements(perigeeAltM, apogeeAltM);
    return { aM: semiMajorAxisM, e: eccentricity };
  }
  const aM = HALF_SIDEREAL_DAY_AXIS_M;
  if (apogeeAltM !== undefined) return { aM, e: (WGS84_A + apogeeAltM) / aM - 1 };
  return { aM, e: 1 - (WGS84_A + (perigeeAltM ?? MOLNIYA_PERIGEE_ALT_M)) / aM };
}

/**
 * The orbit of a definition, timed from the scenario epoch (Unix ms). Throws
 * RangeError for a definition no orbit can have (e ∉ [0, 1), a TLE or OMM SGP4 rejects:
 * see `tleProblem` / `ommProblem` to check one first).
 */
export function makeOrbit(def: OrbitDefinition, epochUnixMs: number): SatelliteOrbit {
  switch (def.kind) {
    case 'geo':
      return new GeostationaryOrbit(def.lonRad, epochUnixMs);
    case 'molniya':
      return orbitWithApogeeOver(
        { ...molniyaShape(def.perigeeAltM, def.apogeeAltM), ...def },
        epochUnixMs,
        'Molniya',
      );
    case 'tundra':
      return orbitWithApogeeOver({ aM: SIDEREAL_DAY_AXIS_M, ...def }, epochUnixMs, 'Tundra');
    case 'keplerian':
      return new KeplerianOrbit(def);
    case 'tle':
      return Sgp4Orbit.fromTle(def.line1, def.line2, epochUnixMs);
    case 'omm':
      return Sgp4Orbit.fromOmm(def.omm, epochUnixMs);
  }
}
