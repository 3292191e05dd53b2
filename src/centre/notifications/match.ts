// Correlating a detected launch with the notifications in force (DOMAIN.md §7.6):
// it matches when its launch time falls in the notified window (with the policy's
// margin), its launch point in the notified launch area, its direction near the
// planned one, and its predicted impact area meets a notified impact area. A launch
// that fits the window and launch area but not the direction or impact area is a
// MISMATCH: flagged, never silenced.
import { greatCircleDistance, initialAzimuth } from '../../physics/geodesy.ts';
import type { NotificationSpec } from '../../scenario/scenario.ts';
import { areaContains, describeArea } from './areas.ts';

export interface GroundEstimate {
  latRad: number;
  lonRad: number;
  /** Semi-major axis of the uncertainty ellipse, m (used as slack when testing areas). */
  semiMajorM: number;
}

export interface DetectedLaunch {
  launchTimeS: number;
  /** 1σ uncertainty of the launch time, s. */
  launchTimeSigmaS: number;
  launch: GroundEstimate;
  /** Predicted impact, or null (space launch, not yet predicted). */
  impact: GroundEstimate | null;
  /** Launches already matched to each notification (for its number of launches). */
  matchedCount?: (notificationId: string) => number;
}

export interface MatchResult {
  status: 'match' | 'mismatch' | 'none';
  notificationId: string | null;
  /** Why, in words for the evidence list. */
  reasons: string[];
}

/** Largest difference between the observed and the planned direction that still matches. */
export const DIRECTION_TOLERANCE_RAD = (30 * Math.PI) / 180;

const RAD = 180 / Math.PI;

function clock(s: number): string {
  const t = Math.round(s);
  return `T${t < 0 ? '-' : '+'}${Math.floor(Math.abs(t) / 60)}:${String(Math.abs(t) % 60).padStart(2, '0')}`;
}

function judge(d: DetectedLaunch, n: NotificationSpec, marginS: number): MatchResult | null {
  const slack = marginS + 2 * d.launchTimeSigmaS;
  if (d.launchTimeS < n.window.startS - slack || d.launchTimeS > n.window.endS + slack) return null;
  if (!areaContains(n.launchArea, d.launch.latRad, d.launch.lonRad, d.launch.semiMajorM)) return null;
  const reasons = [
    `launch at ${clock(d.launchTimeS)} inside notification ${n.id}'s window ${clock(n.window.startS)}–${clock(n.window.endS)}`,
    `launch point inside ${describeArea(n.launchArea)}`,
  ];
  const problems: string[] = [];
  if (d.impact && n.plannedDirectionRad !== null) {
    const az = initialAzimuth(d.launch.latRad, d.launch.lonRad, d.impact.latRad, d.impact.lonRad);
    const diff = Math.abs(
      Math.atan2(Math.sin(az - n.plannedDirectionRad), Math.cos(az - n.plannedDirectionRad)),
    );
    if (diff > DIRECTION_TOLERANCE_RAD) {
      problems.push(
        `flies towards ${Math.round(az * RAD)}°, not the planned ${Math.round(n.plannedDirectionRad * RAD)}°`,
      );
    } else reasons.push(`direction ${Math.round(az * RAD)}° as planned`);
  }
  if (d.impact && n.impactAreas.length > 0) {
    const inArea = n.impactAreas.some((a) =>
      areaContains(a, d.impact!.latRad, d.impact!.lonRad, d.impact!.semiMajorM),
    );
    if (inArea) reasons.push('predicted impact inside a notified impact area');
    else {
      const nearest = Math.min(
        ...n.impactAreas.map((a) =>
          a.kind === 'circle'
            ? greatCircleDistance(a.center.latRad, a.center.lonRad, d.impact!.latRad, d.impact!.lonRad) / 1000
            : Number.NaN,
        ),
      );
      problems.push(
        `predicted impact outside every notified impact area${Number.isFinite(nearest) ? ` (${Math.round(nearest)} km from the nearest centre)` : ''}`,
      );
    }
  }
  if (n.numberOfLaunches !== null && d.matchedCount && d.matchedCount(n.id) >= n.numberOfLaunches) {
    problems.push(
      `notification ${n.id} announced ${n.numberOfLaunches} launch${n.numberOfLaunches === 1 ? '' : 'es'}, all already accounted for`,
    );
  }
  if (problems.length > 0)
    return { status: 'mismatch', notificationId: n.id, reasons: [...reasons, ...problems] };
  return { status: 'match', notificationId: n.id, reasons };
}

/** The best correlation of a detected launch with the notifications in force. */
export function matchNotification(
  d: DetectedLaunch,
  inForce: readonly NotificationSpec[],
  marginS: number,
): MatchResult {
  let mismatch: MatchResult | null = null;
  for (const n of inForce) {
    if (n.kind === 'cancellation') continue;
    const r = judge(d, n, marginS);
    if (r?.status === 'match') return r;
    if (r && !mismatch) mismatch = r;
  }
  return (
    mismatch ?? {
      status: 'none',
      notificationId: null,
      reasons: ['no notification in force covers this launch'],
    }
  );
}
