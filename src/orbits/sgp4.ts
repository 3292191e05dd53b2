// Two-line element sets and CCSDS OMM (JSON) propagated with SGP4/SDP4 through
// satellite.js 7, the JavaScript port of Vallado's reference code (Vallado, Crawford,
// Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753; DOMAIN.md §9.3).
// Gravity model: satellite.js hard-wires the WGS-72 set (its constants.js: μ = 398600.8
// km³/s², Re = 6378.135 km, J2 = 0.001082616, J3, J4 as `getgravconst('wgs72')`), the
// constants element sets are fitted with (DOMAIN.md §9.1), and runs the 'i' (improved)
// operation mode, the mode of Vallado's tcppver.out (test/orbits/sgp4.test.ts matches it
// to its printed digits). Output is TEME, which vigil takes as its ECI (DESIGN.md §3);
// km and km/s become m and m/s here.
// A failed propagation (satellite.js returns null and sets satrec.error: eccentricity
// or mean motion out of range, or decay) is `false` from state(), never an exception.
// The community decay check (satellite.js `checkForDecay`, not in Vallado's code) is
// applied too, so an object long past decay is reported lost instead of at a
// meaningless position.
import {
  checkForDecay,
  json2satrec,
  type OMMJsonObject,
  type SatRec,
  sgp4,
  twoline2satrec,
} from 'satellite.js';
import { RAD } from '../physics/constants.ts';
import { isoFromUnixMs, parseUtcIso } from '../physics/time.ts';
import type { SatelliteOrbit } from './orbit.ts';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** satellite.js SatRecError codes (Vallado's sgp4 error codes) in words. */
const SGP4_ERRORS: Record<number, string> = {
  1: 'mean eccentricity out of range 0 <= e < 1',
  2: 'mean motion fell below zero',
  3: 'perturbed eccentricity out of range 0 <= e < 1',
  4: 'semi-latus rectum fell below zero',
  6: 'the orbit has decayed',
};

function sgp4ErrorText(code: number): string {
  return SGP4_ERRORS[code] ?? `SGP4 error code ${code}`;
}

/** TLE checksum: the sum of the digits of columns 1–68, minus signs counting 1, mod 10. */
function tleChecksum(line: string): number {
  let sum = 0;
  for (let i = 0; i < 68; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** Implied-decimal exponent field of line 1 (n̈/6, B*): ' 28098-4', '-13525-3', '00000+0'. */
const IMPLIED_DECIMAL = /^[ +-]?\d{5}[+-]\d$/;

/** Columns [from, to) of a line, as a decimal number, or NaN. */
function decimalField(line: string, from: number, to: number): number {
  const text = line.slice(from, to).trim();
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** Reasons a TLE's text is malformed, by column, before satellite.js parses it. */
function tleTextProblem(line1: string, line2: string): string | null {
  for (const [n, line] of [
    [1, line1],
    [2, line2],
  ] as const) {
    if (line.length !== 69 || !line.startsWith(`${n} `))
      return `line ${n} is not 69 characters starting with "${n} "`;
    const stated = line.charCodeAt(68) - 48;
    const computed = tleChecksum(line);
    if (stated !== computed) return `line ${n} checksum is ${line[68]}, the line sums to ${computed}`;
  }
  if (line1.slice(2, 7) !== line2.slice(2, 7)) {
    return `the satellite numbers differ: '${line1.slice(2, 7)}' on line 1, '${line2.slice(2, 7)}' on line 2`;
  }
  const epochDay = decimalField(line1, 20, 32);
  if (!/^\d\d$/.test(line1.slice(18, 20)) || !(epochDay >= 1 && epochDay < 367)) {
    return `line 1 columns 19-32: the epoch '${line1.slice(18, 32)}' is not YYDDD.DDDDDDDD`;
  }
  if (Number.isNaN(decimalField(line1, 33, 43)))
    return `line 1 columns 34-43: mean motion derivative is not a number`;
  if (!IMPLIED_DECIMAL.test(line1.slice(44, 52)))
    return `line 1 columns 45-52: second derivative is not ±NNNNN±N`;
  if (!IMPLIED_DECIMAL.test(line1.slice(53, 61))) return `line 1 columns 54-61: B* is not ±NNNNN±N`;
  const fields: [string, number, number, number, number][] = [
    ['inclination', 8, 16, 0, 180],
    ['right ascension of the node', 17, 25, 0, 360],
    ['argument of perigee', 34, 42, 0, 360],
    ['mean anomaly', 43, 51, 0, 360],
    ['mean motion', 52, 63, 0, 100],
  ];
  for (const [name, from, to, lo, hi] of fields) {
    const value = decimalField(line2, from, to);
    if (!(value >= lo && value <= hi)) {
      return `line 2 columns ${from + 1}-${to}: ${name} '${line2.slice(from, to).trim()}' is not in [${lo}, ${hi}]`;
    }
  }
  if (!/^[\d ]{7}$/.test(line2.slice(26, 33))) return `line 2 columns 27-33: eccentricity is not 7 digits`;
  if (!(decimalField(line2, 52, 63) > 0)) return `line 2 columns 53-63: mean motion must be above zero`;
  return null;
}

/** Why SGP4 cannot use an initialised element set, or null: an init error or no state at its epoch. */
function satrecProblem(satrec: SatRec): string | null {
  if (satrec.error !== 0) return sgp4ErrorText(satrec.error);
  if (sgp4(satrec, 0) === null) return `no state at the element epoch: ${sgp4ErrorText(satrec.error)}`;
  return null;
}

/** Epoch of a TLE-derived satrec, Unix ms: two-digit year (57–99 → 19xx) and day of year. */
function tleEpochUnixMs(satrec: SatRec): number {
  const year = satrec.epochyr < 57 ? 2000 + satrec.epochyr : 1900 + satrec.epochyr;
  return Date.UTC(year, 0, 1) + (satrec.epochdays - 1) * MS_PER_DAY;
}

/** The OMM EPOCH (UTC, 'Z' optional as at CelesTrak), Unix ms, or NaN. */
function ommEpochUnixMs(omm: OMMJsonObject): number {
  const text = typeof omm.EPOCH === 'string' ? omm.EPOCH : '';
  return parseUtcIso(/(Z|[+-]\d\d:\d\d)$/.test(text) ? text : `${text}Z`);
}

/**
 * Why a TLE cannot be propagated, in words with the column, or null when it can:
 * format and checksums, the SGP4 initialisation, and a state at the element epoch.
 */
export function tleProblem(line1: string, line2: string): string | null {
  const textProblem = tleTextProblem(line1, line2);
  if (textProblem !== null) return textProblem;
  return satrecProblem(twoline2satrec(line1, line2));
}

const OMM_NUMBERS = [
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;

/** Why an OMM cannot be propagated, or null when it can. */
export function ommProblem(omm: OMMJsonObject): string | null {
  if (Number.isNaN(ommEpochUnixMs(omm))) return `EPOCH '${String(omm.EPOCH)}' is not a UTC instant`;
  for (const key of OMM_NUMBERS) {
    const value = omm[key];
    if ((typeof value !== 'number' && typeof value !== 'string') || !Number.isFinite(Number(value))) {
      return `${key} is not a number`;
    }
  }
  if (!(Number(omm.MEAN_MOTION) > 0)) return `MEAN_MOTION must be above zero`;
  if (omm.NORAD_CAT_ID === undefined) return `NORAD_CAT_ID is missing`;
  return satrecProblem(json2satrec(omm));
}

export class Sgp4Orbit implements SatelliteOrbit {
  /** satellite.js's element record (WGS-72, 'i' mode); read-only for callers. */
  readonly satrec: SatRec;
  /** Epoch of the element set, Unix ms. */
  readonly elementEpochUnixMs: number;
  /** Two-body period of SGP4's (Brouwer) mean motion, s. */
  readonly periodS: number;
  /** Minutes from the element epoch to the scenario epoch. */
  private readonly minutesAtScenarioEpoch: number;

  private constructor(satrec: SatRec, elementEpochUnixMs: number, scenarioEpochUnixMs: number) {
    this.satrec = satrec;
    this.elementEpochUnixMs = elementEpochUnixMs;
    this.periodS = ((2 * Math.PI) / satrec.no) * 60;
    this.minutesAtScenarioEpoch = (scenarioEpochUnixMs - elementEpochUnixMs) / MS_PER_MINUTE;
  }

  /** From a TLE; throws RangeError with `tleProblem`'s reason when it cannot be propagated. */
  static fromTle(line1: string, line2: string, scenarioEpochUnixMs: number): Sgp4Orbit {
    const problem = tleProblem(line1, line2);
    if (problem !== null) throw new RangeError(`TLE: ${problem}`);
    const satrec = twoline2satrec(line1, line2);
    return new Sgp4Orbit(satrec, tleEpochUnixMs(satrec), scenarioEpochUnixMs);
  }

  /** From an OMM (JSON); throws RangeError with `ommProblem`'s reason when it cannot be propagated. */
  static fromOmm(omm: OMMJsonObject, scenarioEpochUnixMs: number): Sgp4Orbit {
    const problem = ommProblem(omm);
    if (problem !== null) throw new RangeError(`OMM: ${problem}`);
    return new Sgp4Orbit(json2satrec(omm), ommEpochUnixMs(omm), scenarioEpochUnixMs);
  }

  state(outPos: Float64Array, outVel: Float64Array | null, tS: number): boolean {
    const pv = sgp4(this.satrec, this.minutesAtScenarioEpoch + tS / 60);
    if (pv === null || checkForDecay(this.satrec)) return false;
    const p = pv.position;
    outPos[0] = p.x * 1000;
    outPos[1] = p.y * 1000;
    outPos[2] = p.z * 1000;
    if (outVel !== null) {
      const v = pv.velocity;
      outVel[0] = v.x * 1000;
      outVel[1] = v.y * 1000;
      outVel[2] = v.z * 1000;
    }
    return Number.isFinite(outPos[0]! + outPos[1]! + outPos[2]!);
  }

  describe(): string {
    const s = this.satrec;
    return (
      `SGP4 ${s.satnum.trim()}: epoch ${isoFromUnixMs(this.elementEpochUnixMs)}, ` +
      `i ${(s.inclo * RAD).toFixed(2)}°, e ${s.ecco.toFixed(4)}, period ${(this.periodS / 60).toFixed(1)} min`
    );
  }
}
