// What a satellite orbit is to the rest of vigil: a state in ECI (equator and equinox
// of date, taken as SGP4's TEME; DESIGN.md §3, DOMAIN.md §9.2) at seconds after the
// scenario epoch, and the plain definitions the presets build one from. The
// definitions mirror the scenario's normalised `OrbitSpec` (src/scenario/scenario.ts)
// without importing it: orbits comes before scenario in the import order (DESIGN.md §2),
// and a scenario's OrbitSpec is assignable to OrbitDefinition (checked in a test).
import type { OMMJsonObject } from 'satellite.js';

export interface SatelliteOrbit {
  /**
   * Position (m) and, when outVel is given, velocity (m/s) in ECI at tS seconds after
   * the scenario epoch. Returns false, leaving the outputs unspecified, when the
   * propagator cannot give a state at that time (an SGP4 error or a decayed object).
   * No allocation of its own per call.
   */
  state(outPos: Float64Array, outVel: Float64Array | null, tS: number): boolean;
  /** Nominal period, s: the two-body period of the (mean) semi-major axis. */
  readonly periodS: number;
  /** One line for people: kind and the elements that matter, in km and degrees. */
  describe(): string;
}

/** Mean Keplerian elements at an epoch; SI units. */
export interface KeplerianElements {
  /** Semi-major axis, m. */
  aM: number;
  e: number;
  incRad: number;
  /** Right ascension of the ascending node, rad. */
  raanRad: number;
  /** Argument of perigee, rad. */
  argpRad: number;
  meanAnomalyRad: number;
  /** Epoch of the elements, s after the scenario epoch (negative: before it). */
  elementsEpochS: number;
}

export type OrbitDefinition =
  /** A geostationary slot: the sub-satellite point stays at this longitude. */
  | { kind: 'geo'; lonRad: number }
  /**
   * A 12-hour Molniya-type orbit whose apogee pass nearest the epoch is over
   * apogeeLonRad. Perigee and apogee are altitudes above the WGS-84 equatorial radius,
   * m; without both, a is half a sidereal day's two-body axis and the given apsis
   * (perigee 600 km when neither is given) fixes e (DOMAIN.md §3.3).
   */
  | {
      kind: 'molniya';
      apogeeLonRad: number;
      perigeeAltM?: number;
      apogeeAltM?: number;
      incRad: number;
      argpRad: number;
      /** Mean anomaly at the scenario epoch. */
      meanAnomalyRad: number;
    }
  /** A 24-hour Tundra orbit (a from one sidereal day) with its apogee pass nearest the epoch over apogeeLonRad. */
  | {
      kind: 'tundra';
      apogeeLonRad: number;
      e: number;
      incRad: number;
      argpRad: number;
      meanAnomalyRad: number;
    }
  /** Mean Keplerian elements propagated with J2 secular drift. */
  | ({ kind: 'keplerian' } & KeplerianElements)
  /** A two-line element set, propagated with SGP4. */
  | { kind: 'tle'; line1: string; line2: string }
  /** A CCSDS Orbit Mean-elements Message (JSON, SGP4 elements), propagated with SGP4. */
  | { kind: 'omm'; omm: OMMJsonObject };
