// `vigil trajectory`: one flight on the full model from a launch point to an aim
// point, or with --ideal the textbook minimum-energy case beside a numerical check
// (DESIGN.md §5 fixes the JSON field names and meanings).
import type { Command } from 'commander';
import { round } from '../../analysis/summary.ts';
import { ecefToGeodetic } from '../../physics/frames.ts';
import { greatCircleDistance } from '../../physics/geodesy.ts';
import { InputError } from '../../scenario/input-error.ts';
import { IDEAL_RADIUS_M, idealMinimumEnergy, integrateIdealFlight } from '../../world/flight/ideal.ts';
import { OutOfReachError, type Profile, shapeBallisticFlight, subPoint } from '../../world/flight/shaping.ts';
import { earthRelativeFlightPathAngle, earthRelativeSpeed } from '../../world/flight/simulate.ts';
import { VEHICLE_CLASSES, VEHICLES, type VehicleClass } from '../../world/vehicles.ts';
import { parseChoice, parseLatLon, parseNumberIn } from '../options.ts';
import { formatLatLon } from '../render/format.ts';

interface TrajectoryFlags {
  from?: string;
  to?: string;
  class: string;
  profile?: string;
  apogee?: string;
  ideal?: boolean;
  range?: string;
  json?: boolean;
}

const PROFILES = ['min-energy', 'lofted', 'depressed'] as const;
const AIMED_CLASSES = VEHICLE_CLASSES.filter((c) => c !== 'slv');
const DEG = Math.PI / 180;

export function register(program: Command): void {
  program
    .command('trajectory')
    .description('fly one launch on the full model (or the ideal textbook case) and print its key figures')
    .option('--from <lat,lon>', 'launch point, degrees')
    .option('--to <lat,lon>', 'aim point, degrees')
    .option('--class <class>', `vehicle class (${AIMED_CLASSES.join(', ')})`, 'icbm-solid')
    .option('--profile <profile>', 'min-energy, lofted or depressed (default min-energy)')
    .option('--apogee <km>', 'fly to the aim point with this apogee instead of a profile')
    .option('--ideal', 'the textbook case: spherical non-rotating airless Earth, burnout at the surface')
    .option('--range <km>', 'ground range for --ideal, km')
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil trajectory --from 55,90 --to 40,-100 --class icbm-solid
  $ vigil trajectory --from 39,125.7 --to 39.5,135 --apogee 4500 --json
  $ vigil trajectory --ideal --range 10000

With --ideal: R = 6371.0 km, μ = 398600.4418 km³/s² (DOMAIN.md §1.2); flightTimeS is
burnout to impact. Otherwise flightTimeS is launch to impact and burnoutSpeedMps is
relative to the rotating Earth (burnoutInertialSpeedMps beside it).`,
    )
    .action((flags: TrajectoryFlags) => {
      const doc = flags.ideal ? idealDocument(flags) : fullDocument(flags);
      process.stdout.write(flags.json ? `${JSON.stringify(doc, null, 2)}\n` : `${renderDocument(doc)}\n`);
    });
}

type Doc = Record<string, unknown>;

function idealDocument(flags: TrajectoryFlags): Doc {
  if (flags.range === undefined)
    throw new InputError({ source: '--range', path: [], message: '--ideal needs --range KM' });
  const rangeKm = parseNumberIn('--range', flags.range, 1, 19_999, 'km');
  const closed = idealMinimumEnergy(rangeKm * 1000);
  const numeric = integrateIdealFlight(closed.burnoutSpeedMps, closed.burnoutAngleRad);
  return {
    model:
      'ideal: spherical non-rotating airless Earth, R = 6371.0 km, mu = 398600.4418 km^3/s^2, burnout at the surface',
    rangeKm: round(rangeKm, 3),
    flightTimeS: round(closed.freeFlightTimeS, 3),
    apogeeKm: round(closed.apogeeAltitudeM / 1000, 3),
    burnoutTimeS: 0,
    burnoutAltitudeKm: 0,
    burnoutSpeedMps: round(closed.burnoutSpeedMps, 3),
    burnoutInertialSpeedMps: round(closed.burnoutSpeedMps, 3),
    burnoutAngleDeg: round(closed.burnoutAngleRad / DEG, 4),
    impact: { latDeg: round(rangeKm / (IDEAL_RADIUS_M / 1000) / DEG, 4), lonDeg: 0 },
    missDistanceKm: round(Math.abs(numeric.rangeM / 1000 - rangeKm), 6),
    numerical: {
      rangeKm: round(numeric.rangeM / 1000, 6),
      flightTimeS: round(numeric.freeFlightTimeS, 6),
      apogeeKm: round(numeric.apogeeAltitudeM / 1000, 6),
    },
  };
}

function fullDocument(flags: TrajectoryFlags): Doc {
  if (flags.from === undefined || flags.to === undefined) {
    throw new InputError({
      source: 'trajectory',
      path: [],
      message: 'give --from LAT,LON and --to LAT,LON (or --ideal --range KM)',
    });
  }
  const [fromLat, fromLon] = parseLatLon('--from', flags.from);
  const [toLat, toLon] = parseLatLon('--to', flags.to);
  const cls = parseChoice('--class', flags.class, AIMED_CLASSES) as VehicleClass;
  if (flags.profile !== undefined && flags.apogee !== undefined) {
    throw new InputError({
      source: '--apogee',
      path: [],
      message: 'give either --profile or --apogee, not both',
    });
  }
  const profile: Profile =
    flags.apogee !== undefined
      ? { kind: 'apogee', apogeeM: parseNumberIn('--apogee', flags.apogee, 50, 40_000, 'km') * 1000 }
      : {
          kind: parseChoice(
            '--profile',
            flags.profile ?? (cls === 'sounding-rocket' ? 'lofted' : 'min-energy'),
            PROFILES,
          ),
        };
  const launch = { latRad: fromLat * DEG, lonRad: fromLon * DEG, hM: 0 };
  const aim = { latRad: toLat * DEG, lonRad: toLon * DEG };
  let shaped: ReturnType<typeof shapeBallisticFlight>;
  try {
    shaped = shapeBallisticFlight(VEHICLES[cls], launch, aim, profile, 0);
  } catch (err) {
    if (err instanceof OutOfReachError)
      throw new InputError({ source: '--to', path: [], message: err.message });
    throw err;
  }
  const f = shaped.flight;
  const impact = subPoint(f.end.r, f.end.t, 0);
  const bo = f.burnout;
  const geo = ecefToGeodetic(new Float64Array(3), bo.r);
  const apogee = f.apogee ? ecefToGeodetic(new Float64Array(3), f.apogee.r)[2]! : null;
  return {
    model: 'full: WGS-84, J2, rotating Earth, USSA76 drag, staged powered flight',
    class: cls,
    profile: profile.kind === 'apogee' ? `apogee ${profile.apogeeM / 1000} km` : profile.kind,
    from: { latDeg: fromLat, lonDeg: fromLon },
    to: { latDeg: toLat, lonDeg: toLon },
    rangeKm: round(greatCircleDistance(launch.latRad, launch.lonRad, impact.latRad, impact.lonRad) / 1000, 3),
    flightTimeS: round(f.end.t, 3),
    apogeeKm: apogee === null ? null : round(apogee / 1000, 3),
    burnoutTimeS: round(bo.t, 3),
    burnoutAltitudeKm: round(geo[2]! / 1000, 3),
    burnoutSpeedMps: round(earthRelativeSpeed(bo.r, bo.v), 3),
    burnoutInertialSpeedMps: round(Math.hypot(bo.v[0]!, bo.v[1]!, bo.v[2]!), 3),
    burnoutAngleDeg: round(earthRelativeFlightPathAngle(bo.r, bo.v) / DEG, 4),
    impact: { latDeg: round(impact.latRad / DEG, 5), lonDeg: round(impact.lonRad / DEG, 5) },
    missDistanceKm: round(shaped.missM / 1000, 4),
    shapingFlights: shaped.iterations,
  };
}

function renderDocument(doc: Doc): string {
  const lines: string[] = [String(doc['model'])];
  const fmt = (k: string, v: unknown): string => {
    if (v !== null && typeof v === 'object' && 'latDeg' in v && 'lonDeg' in v) {
      const p = v as { latDeg: number; lonDeg: number };
      return formatLatLon(p.latDeg, p.lonDeg, 3);
    }
    if (k === 'flightTimeS' && typeof v === 'number') return `${v} s (${(v / 60).toFixed(2)} min)`;
    return String(v);
  };
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'model') continue;
    if (k === 'numerical' && v && typeof v === 'object') {
      lines.push('numerical check:');
      for (const [k2, v2] of Object.entries(v)) lines.push(`  ${k2.padEnd(22)} ${fmt(k2, v2)}`);
      continue;
    }
    lines.push(`${k.padEnd(24)} ${fmt(k, v)}`);
  }
  return lines.join('\n');
}
