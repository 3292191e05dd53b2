// Classification of a track (issue 5): ballistic missile (with a class estimate from
// burn time and burnout speed), space launch, sounding rocket, or false (glint, heat
// source, clutter, a feed fault). Probabilities from simple likelihood terms on the
// features, each term stated in words among the drivers, so the duty officer sees why.
// The terms are illustrative judgements [E], not a trained classifier.
import { BALLISTIC_CLASSES, SPACE_LAUNCH_MIN_BURN_S, STEEP_PATH_RAD } from './class-library.ts';

export type TrackClass = 'ballistic-missile' | 'space-launch' | 'sounding-rocket' | 'false';

export const TRACK_CLASSES: readonly TrackClass[] = [
  'ballistic-missile',
  'space-launch',
  'sounding-rocket',
  'false',
];

/** What the classifier looks at; null where the track cannot tell. */
export interface TrackEvidence {
  kind: '3d' | 'angle-only';
  hasIr: boolean;
  hasRadar: boolean;
  /** How long the plume was seen or the track boosted, s. */
  burnTimeS: number | null;
  /** Whether the track is in powered flight now. */
  boosting: boolean;
  /** Largest thrust acceleration estimated, m/s² (0 when never powered). */
  maxThrustAccelMps2: number;
  /** Speed relative to the Earth at burnout (or now, if still boosting), m/s. */
  burnoutSpeedMps: number | null;
  altitudeM: number | null;
  /** Speed relative to the Earth now, m/s. */
  earthSpeedMps: number | null;
  /** Flight-path angle of the Earth-relative velocity now, rad. */
  flightPathAngleRad: number | null;
  /** The state is on an orbit whose perigee clears the atmosphere. */
  orbital: boolean;
  /** Predicted ground range launch → impact, km, and apogee, km. */
  rangeKm: number | null;
  apogeeKm: number | null;
  /** Angle-only tracks: speed of the source's apparent ground point, m/s. */
  groundMotionMps: number | null;
  /** Whether the estimated launch point is at sea (absent or null: no launch estimate yet). */
  launchAtSea?: boolean | null;
}

export interface Classification {
  label: TrackClass;
  probabilities: Record<TrackClass, number>;
  /** For ballistic missiles: the most likely class of the threat library. */
  classEstimate: { id: string; label: string; probability: number } | null;
  /** The features that drove it, in words. */
  drivers: string[];
}

const PRIOR: Record<TrackClass, number> = {
  'ballistic-missile': 0.3,
  'space-launch': 0.2,
  'sounding-rocket': 0.1,
  false: 0.4,
};

/** Burnout speed above which a rocket is not a sounding rocket, m/s [E] (a Black Brant XII burns out near 5 km/s, DOMAIN.md §6.4). */
export const SOUNDING_MAX_SPEED_MPS = 5500;

/** Ground-point speed below which an IR source is taken to stay put (glint, fire), m/s [E]. */
export const GROUND_MOTION_MPS = 300;

function gaussianLog(x: number, centre: number, halfWidth: number): number {
  const z = (x - centre) / halfWidth;
  return -0.5 * z * z;
}

export function classify(e: TrackEvidence): Classification {
  const log: Record<TrackClass, number> = {
    'ballistic-missile': Math.log(PRIOR['ballistic-missile']),
    'space-launch': Math.log(PRIOR['space-launch']),
    'sounding-rocket': Math.log(PRIOR['sounding-rocket']),
    false: Math.log(PRIOR.false),
  };
  const drivers: string[] = [];
  // Powered flight: a thrust estimate, a 3-D track that carried a plume, or a plume whose
  // sight line sweeps over the ground (an angle-only track cannot measure thrust).
  const poweredFlight =
    e.maxThrustAccelMps2 > 5 ||
    (e.kind === '3d' && e.burnTimeS !== null && e.burnTimeS > 20 && e.hasIr) ||
    (e.kind === 'angle-only' && e.groundMotionMps !== null && e.groundMotionMps >= GROUND_MOTION_MPS);

  if (poweredFlight) {
    log['ballistic-missile'] += 2;
    log['space-launch'] += 2;
    log['sounding-rocket'] += 2;
    log.false -= 3;
    drivers.push(
      e.maxThrustAccelMps2 > 5
        ? `powered flight: thrust acceleration up to ${e.maxThrustAccelMps2.toFixed(0)} m/s²`
        : e.kind === 'angle-only'
          ? `a plume whose sight line sweeps the ground at ${((e.groundMotionMps ?? 0) / 1000).toFixed(1)} km/s`
          : `rocket plume seen for ${Math.round(e.burnTimeS!)} s`,
    );
  }
  if (e.kind === 'angle-only' && e.groundMotionMps !== null) {
    if (e.groundMotionMps < GROUND_MOTION_MPS) {
      log.false += 4;
      drivers.push(
        `the source stays over one ground point (moves ${Math.round(e.groundMotionMps)} m/s): not a climbing rocket`,
      );
    }
  }
  if (e.kind === '3d' && e.altitudeM !== null && e.earthSpeedMps !== null && !e.boosting) {
    if (e.altitudeM > 50_000 && e.earthSpeedMps < 1500) {
      log.false += 5;
      drivers.push(
        `${Math.round(e.altitudeM / 1000)} km up at only ${Math.round(e.earthSpeedMps)} m/s with no thrust: not a body in free flight`,
      );
    }
  }
  if (e.hasIr && e.hasRadar) {
    log.false -= 3;
    drivers.push('seen by both IR and radar');
  }
  if (e.orbital) {
    log['space-launch'] += 5;
    log['ballistic-missile'] -= 4;
    log['sounding-rocket'] -= 4;
    drivers.push('orbital: perigee above the atmosphere');
  } else if (e.burnTimeS !== null && e.burnTimeS > SPACE_LAUNCH_MIN_BURN_S) {
    // No missile burns this long (DOMAIN.md §2: ICBM boost ≤ 5 min; SLV 8–10 min).
    log['space-launch'] += 5;
    log['ballistic-missile'] -= 3;
    drivers.push(`powered for ${Math.round(e.burnTimeS)} s, longer than any missile`);
  } else if (e.burnTimeS !== null && poweredFlight) {
    log['space-launch'] -= 1;
  }
  if (e.flightPathAngleRad !== null && e.apogeeKm !== null && e.rangeKm !== null) {
    // A sounding rocket climbs near-vertically on modest energy: a steep path, and (when
    // known) a burnout speed below any long-range missile's.
    const steep =
      e.apogeeKm > 0.8 * e.rangeKm &&
      (e.burnoutSpeedMps === null || e.burnoutSpeedMps < SOUNDING_MAX_SPEED_MPS);
    if (steep && e.rangeKm < 2000) {
      log['sounding-rocket'] += 2.5;
      log['ballistic-missile'] -= 0.5;
      drivers.push(
        `near-vertical: apogee ${Math.round(e.apogeeKm)} km for a ${Math.round(e.rangeKm)} km range`,
      );
    } else {
      log['sounding-rocket'] -= 2;
      if (!e.orbital) {
        log['ballistic-missile'] += 1.5;
        // Coming back down on a predicted impact: not on its way to orbit (unless it
        // has burned longer than any missile: a spent stage of a space launch falls too).
        if (!(e.burnTimeS !== null && e.burnTimeS > SPACE_LAUNCH_MIN_BURN_S)) log['space-launch'] -= 3;
      }
      drivers.push(`ballistic path: ${Math.round(e.rangeKm)} km range, apogee ${Math.round(e.apogeeKm)} km`);
    }
  } else if (e.flightPathAngleRad !== null && e.flightPathAngleRad > STEEP_PATH_RAD && e.boosting) {
    log['sounding-rocket'] += 0.5;
  }

  const max = Math.max(...Object.values(log));
  let sum = 0;
  const p = {} as Record<TrackClass, number>;
  for (const c of TRACK_CLASSES) {
    p[c] = Math.exp(log[c] - max);
    sum += p[c];
  }
  for (const c of TRACK_CLASSES) p[c] = Math.round((p[c] / sum) * 1000) / 1000;
  const label = TRACK_CLASSES.reduce((a, b) => (p[b] > p[a] ? b : a));
  return {
    label,
    probabilities: p,
    classEstimate: label === 'ballistic-missile' ? estimateClass(e) : null,
    drivers,
  };
}

/**
 * Log-weight against a class launched from the other kind of surface: SLBMs rise from
 * the sea, the others from land. Soft, not a veto — a launch estimate a few km off a
 * coast may fall on the wrong side of it (e^-4 ≈ 1/55).
 */
const WRONG_SURFACE_LOG = -4;

/** The threat-library class that best fits burn time, burnout speed, range and launch surface. */
export function estimateClass(e: TrackEvidence): Classification['classEstimate'] {
  const scores = BALLISTIC_CLASSES.map((c) => {
    let s = 0;
    if (e.launchAtSea !== undefined && e.launchAtSea !== null && e.launchAtSea !== (c.launchedFrom === 'sea'))
      s += WRONG_SURFACE_LOG;
    if (e.burnTimeS !== null) s += gaussianLog(e.burnTimeS, c.burnS[0], c.burnS[1]);
    if (e.burnoutSpeedMps !== null)
      s += gaussianLog(e.burnoutSpeedMps, c.burnoutSpeedMps[0], c.burnoutSpeedMps[1]);
    if (e.rangeKm !== null) {
      const [lo, hi] = c.rangeKm;
      const mid = (lo + hi) / 2;
      s += gaussianLog(e.rangeKm, mid, (hi - lo) / 2 + 500);
    }
    return s;
  });
  const max = Math.max(...scores);
  const w = scores.map((s) => Math.exp(s - max));
  const total = w.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let i = 1; i < w.length; i++) if (w[i]! > w[best]!) best = i;
  const c = BALLISTIC_CLASSES[best]!;
  return { id: c.id, label: c.label, probability: Math.round((w[best]! / total) * 1000) / 1000 };
}
