// An alert: one row per detected launch, on the fixed ladder event → launch-detected →
// launch-confirmed → attack-warning (DESIGN.md §4). Its level only rises; it carries the
// history of its levels with times, the tracks behind it, the launch and impact areas,
// the notification it matched, and evidence in words a duty officer would use.

export const LEVELS = ['event', 'launch-detected', 'launch-confirmed', 'attack-warning'] as const;
export type AlertLevel = (typeof LEVELS)[number];

export function levelRank(level: AlertLevel): number {
  return LEVELS.indexOf(level);
}

export interface Area {
  latDeg: number;
  lonDeg: number;
  semiMajorKm: number;
  semiMinorKm: number;
  orientationDeg: number;
}

export interface Alert {
  id: string;
  /** When the alert was raised, s after the epoch. */
  timeS: number;
  level: AlertLevel;
  levelHistory: Array<{ level: AlertLevel; timeS: number }>;
  trackIds: string[];
  /** The raid this launch belongs to. */
  raidId: string;
  launchArea: Area | null;
  launchRegion: string | null;
  launchTimeS: number | null;
  impactArea: Area | null;
  impactRegion: string | null;
  impactTimeS: number | null;
  /** Whether the predicted impact area meets the defended territory. */
  impactOnTerritory: boolean;
  classification: string;
  classEstimate: string | null;
  /** Probability that this is a real rocket (1 − P(false)). */
  confidence: number;
  evidence: Array<{ timeS: number; text: string }>;
  notificationId: string | null;
  notificationStatus: 'match' | 'mismatch' | 'none';
  cancelled: boolean;
  cancelledTimeS: number | null;
}

export function newAlert(id: string, timeS: number, trackIds: string[], raidId: string): Alert {
  return {
    id,
    timeS,
    level: 'event',
    levelHistory: [{ level: 'event', timeS }],
    trackIds,
    raidId,
    launchArea: null,
    launchRegion: null,
    launchTimeS: null,
    impactArea: null,
    impactRegion: null,
    impactTimeS: null,
    impactOnTerritory: false,
    classification: 'unclassified',
    classEstimate: null,
    confidence: 0,
    evidence: [],
    notificationId: null,
    notificationStatus: 'none',
    cancelled: false,
    cancelledTimeS: null,
  };
}

/** Raises the alert to `level` if that is higher; returns whether it rose. */
export function raise(alert: Alert, level: AlertLevel, timeS: number): boolean {
  if (alert.cancelled || levelRank(level) <= levelRank(alert.level)) return false;
  // Every rung passed on the way is recorded at this time too.
  for (let r = levelRank(alert.level) + 1; r <= levelRank(level); r++) {
    alert.levelHistory.push({ level: LEVELS[r]!, timeS });
  }
  alert.level = level;
  return true;
}
