// The centre's output in the run summary (DESIGN.md §5): alerts[], tracks[], raids[]
// and the warning{} times, rounded for a stable document.

import { levelRank } from '../centre/assessment/alert.ts';
import type { WarningCentre } from '../centre/assessment/warning-centre.ts';
import { type AlertSummary, round, type TrackSummary, type WarningSummary } from './summary.ts';

export interface RaidSummary {
  id: string;
  launches: number;
  firstLaunchS: number;
  lastLaunchS: number;
  launchRegions: string[];
  targetedRegions: string[];
  highestLevel: string;
  alertIds: string[];
}

export function summariseAlerts(centre: WarningCentre): AlertSummary[] {
  return centre.allAlerts().map((a) => {
    const top = a.levelHistory[a.levelHistory.length - 1]!;
    return {
      id: a.id,
      timeS: round(a.timeS, 3),
      level: a.level,
      levelHistory: a.levelHistory.map((h) => ({ level: h.level, timeS: round(h.timeS, 3) })),
      trackIds: [...a.trackIds],
      raidId: a.raidId,
      launchArea: a.launchArea,
      launchRegion: a.launchRegion,
      launchTimeS: a.launchTimeS,
      impactArea: a.impactArea,
      impactRegion: a.impactRegion,
      impactTimeS: a.impactTimeS,
      // Time from the alert's highest level to the predicted impact: its warning margin.
      timeToImpactS: a.impactTimeS === null ? null : round(a.impactTimeS - top.timeS, 1),
      classification: a.classification,
      classEstimate: a.classEstimate,
      confidence: a.confidence,
      evidence: a.evidence.map((e) => `${formatT(e.timeS)} ${e.text}`),
      notificationId: a.notificationId,
      notificationStatus: a.notificationStatus,
      cancelled: a.cancelled,
    } as AlertSummary;
  });
}

function formatT(t: number): string {
  const s = Math.round(t);
  return `[T+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}]`;
}

export function summariseTracks(centre: WarningCentre): TrackSummary[] {
  return centre.tracker.summary().map((t) => ({
    id: t.id,
    firstTimeS: round(t.firstTimeS, 3),
    lastTimeS: round(t.lastTimeS, 3),
    sensors: t.sensors,
    classification: centre.classificationOf(t.id) ?? t.classification,
  }));
}

export function summariseRaids(centre: WarningCentre): RaidSummary[] {
  const alerts = new Map(centre.allAlerts().map((a) => [a.id, a]));
  return centre.allRaids().flatMap((r) => {
    const members = r.alertIds.map((id) => alerts.get(id)!).filter((a) => a && !a.cancelled);
    const levels = members.map((a) => a.level);
    const highest = levels.reduce(
      (h, l) => (levelRank(l) > levelRank(h) ? l : h),
      'event' as (typeof levels)[number],
    );
    // Raids left with no open alert (all merged or withdrawn) are not reported.
    if (members.length === 0) return [];
    return [
      {
        id: r.id,
        launches: members.filter((a) => levelRank(a.level) >= 1).length,
        firstLaunchS: round(r.firstLaunchS, 1),
        lastLaunchS: round(r.lastLaunchS, 1),
        launchRegions: [
          ...new Set(members.map((a) => a.launchRegion).filter((x): x is string => !!x)),
        ].sort(),
        targetedRegions: [
          ...new Set(members.map((a) => a.impactRegion).filter((x): x is string => !!x)),
        ].sort(),
        highestLevel: highest,
        alertIds: members.map((a) => a.id),
      },
    ];
  });
}

export function warningOf(centre: WarningCentre, firstImpactS: number | null): WarningSummary {
  const first = (level: string): number | null => {
    let t: number | null = null;
    for (const a of centre.allAlerts()) {
      if (a.cancelled && a.level !== level && levelRank(a.level) < levelRank(level as never)) continue;
      const h = a.levelHistory.find((x) => x.level === level);
      if (h && (t === null || h.timeS < t)) t = h.timeS;
    }
    return t === null ? null : round(t, 3);
  };
  const attack = first('attack-warning');
  const impact = firstImpactS === null ? null : round(firstImpactS, 3);
  return {
    firstDetectionS: first('event'),
    firstLaunchDetectedS: first('launch-detected'),
    firstConfirmedS: first('launch-confirmed'),
    firstAttackWarningS: attack,
    firstImpactS: impact,
    warningMarginS: attack !== null && impact !== null ? round(impact - attack, 3) : null,
  };
}
