// A generalised launch report from an alert (DOMAIN.md §7.2: the JDEC exchanged
// "generalised" data — time of launch, approximate launch area and azimuth,
// approximate impact area — filtered by missile class and range). The coarsening is
// the agreed filter [E]: times to the minute, positions to a 0.5° grid, radii to 50 km, azimuth to 5°,
// and only launches whose range exceeds the agreed minimum (500 km, the PLNS 2000
// threshold of §7.3) or that go to orbit. Areas grow by the grid's rounding, so the
// coarse circle still holds what the fine ellipse held.

import type { Alert } from '../centre/assessment/alert.ts';
import { levelRank } from '../centre/assessment/alert.ts';
import { DEG, RAD } from '../physics/constants.ts';
import { greatCircleDistance, initialAzimuth } from '../physics/geodesy.ts';
import type { NOTIFIED_VEHICLE_CLASSES } from '../scenario/schema-notifications.ts';
import type { LaunchReportBody } from './messages.ts';

export const GRID_DEG = 0.5;
export const TIME_STEP_MS = 60_000;
export const AZIMUTH_STEP_DEG = 5;
/** Farthest a point moves when rounded to the grid: a quarter cell in latitude and longitude, ≤ 0.25°·√2 of arc ≈ 39.3 km. */
const GRID_ROUNDING_KM = 40;
/** Coarse radii are whole multiples of this, km. */
const RADIUS_STEP_KM = 50;
/**
 * A report is revised when its coarse content changes, but not more often than this,
 * s [E]: the centre's estimates settle over minutes, and the partner needs the picture,
 * not every wobble of a classification.
 */
export const MIN_REVISION_INTERVAL_S = 120;

export interface ReportFilter {
  /** Launches whose range is not above this are not reported, km. */
  minRangeKm: number;
}

export const DEFAULT_REPORT_FILTER: Readonly<ReportFilter> = { minRangeKm: 500 };

/** The report's content without its name, revision and status. */
export type LaunchReportContent = Omit<LaunchReportBody, 'type' | 'reportId' | 'revision' | 'status'>;

type VehicleClass = (typeof NOTIFIED_VEHICLE_CLASSES)[number];

const BALLISTIC_CLASS: Record<string, VehicleClass> = {
  'icbm-liquid': 'ICBM',
  'icbm-solid': 'ICBM',
  slbm: 'SLBM',
  irbm: 'IRBM',
  mrbm: 'MRBM',
  srbm: 'SRBM',
};

/** The notification format's vehicle class for the centre's classification; null: nothing to report. */
export function reportedClass(classification: string, classEstimate: string | null): VehicleClass | null {
  if (classification === 'ballistic-missile') return BALLISTIC_CLASS[classEstimate ?? ''] ?? 'OTHER';
  if (classification === 'space-launch') return 'SLV';
  if (classification === 'sounding-rocket') return 'SOUNDING';
  return null;
}

/** Rounds to the nearest multiple of `step` (halves away from zero, so −0.25 → −0.5 as 0.25 → 0.5). */
function roundTo(x: number, step: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) / step) * step + 0;
}

/** A latitude and longitude on the grid, degrees, longitude in [−180, 180). */
export function gridPoint(latDeg: number, lonDeg: number): [number, number] {
  let lon = roundTo(lonDeg, GRID_DEG);
  if (lon >= 180) lon -= 360;
  return [roundTo(latDeg, GRID_DEG), lon];
}

/** The coarse radius holding an ellipse of semi-major axis `semiMajorKm` once its centre is on the grid, km. */
export function coarseRadiusKm(semiMajorKm: number): number {
  return Math.ceil((semiMajorKm + GRID_ROUNDING_KM) / RADIUS_STEP_KM) * RADIUS_STEP_KM;
}

/** An instant rounded to the nearest minute, as UTC text without fractions. */
export function coarseTime(unixMs: number): string {
  return new Date(Math.round(unixMs / TIME_STEP_MS) * TIME_STEP_MS).toISOString().replace('.000Z', 'Z');
}

/** An azimuth (degrees) rounded to 5°, in [0, 360). */
export function coarseAzimuthDeg(azDeg: number): number {
  return roundTo(azDeg, AZIMUTH_STEP_DEG) % 360;
}

/**
 * The generalised report of an alert, or null when there is nothing to report yet (no
 * launch placed, not a rocket, no impact predicted for a ballistic flight) or the
 * launch falls below the filter. `epochUnixMs` turns the alert's times into instants.
 */
export function launchReportOf(
  alert: Alert,
  epochUnixMs: number,
  filter: ReportFilter,
): LaunchReportContent | null {
  if (alert.cancelled || levelRank(alert.level) < levelRank('launch-detected')) return null;
  const launch = alert.launchArea;
  if (!launch || alert.launchTimeS === null) return null;
  const vehicleClass = reportedClass(alert.classification, alert.classEstimate);
  if (!vehicleClass) return null;
  const impact = alert.impactArea;
  if (!impact && vehicleClass !== 'SLV') return null;
  let azimuthDeg: number | null = null;
  if (impact) {
    const [lat1, lon1, lat2, lon2] = [launch.latDeg, launch.lonDeg, impact.latDeg, impact.lonDeg].map(
      (d) => d * DEG,
    ) as [number, number, number, number];
    if (greatCircleDistance(lat1, lon1, lat2, lon2) / 1000 <= filter.minRangeKm) return null;
    azimuthDeg = coarseAzimuthDeg(initialAzimuth(lat1, lon1, lat2, lon2) * RAD);
  }
  return {
    vehicleClass,
    launchTime: coarseTime(epochUnixMs + alert.launchTimeS * 1000),
    launchArea: {
      center: gridPoint(launch.latDeg, launch.lonDeg),
      radiusKm: coarseRadiusKm(launch.semiMajorKm),
    },
    azimuthDeg,
    impactArea: impact
      ? { center: gridPoint(impact.latDeg, impact.lonDeg), radiusKm: coarseRadiusKm(impact.semiMajorKm) }
      : null,
    minRangeKm: filter.minRangeKm,
  };
}
