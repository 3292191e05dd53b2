// Which launch, if any, is behind each alert — for scoring, which may read the truth
// the centre never sees. An alert's reports are those of its tracks (as last pictured,
// observed-run.ts); each report's truth label names what caused it. The alert belongs
// to the launch that caused most of its reports, and it also covers every other launch
// behind at least a fifth of its real-object reports [E] (salvo launches seconds apart
// from one site often share one alert: it warned of both). An alert none of whose
// reports came from a real object is a false alert, described by the causes of its
// reports (glint, clutter, a replayed tape…).

import type { Alert } from '../../centre/assessment/alert.ts';
import type { TruthLabel } from '../../sensors/report.ts';

export interface AlertAttribution {
  alertId: string;
  /** The launch event behind the alert (e.g. `L1`, `M1#2`), or null when no real object is. */
  eventId: string | null;
  /** Every launch it covers: the main one first, then others by their share of its reports. */
  eventIds: string[];
  /** The alert's reports by cause, keys sorted. */
  causes: Record<string, number>;
}

/** Labels by report id. */
/** Least share of an alert's real-object reports for a launch to count as covered by it [E]. */
export const COVER_SHARE = 0.2;

export function labelIndex(labels: readonly TruthLabel[]): Map<string, TruthLabel> {
  const m = new Map<string, TruthLabel>();
  for (const l of labels) m.set(l.reportId, l);
  return m;
}

export function attributeAlerts(
  alerts: readonly Alert[],
  trackReports: ReadonlyMap<string, readonly string[]>,
  labels: ReadonlyMap<string, TruthLabel>,
  /** Launch event ids in truth order: ties go to the earlier launch. */
  launchOrder: readonly string[],
): AlertAttribution[] {
  const rank = new Map(launchOrder.map((id, i) => [id, i]));
  return alerts.map((alert) => {
    const seen = new Set<string>();
    const byLaunch = new Map<string, number>();
    const causes = new Map<string, number>();
    for (const trackId of alert.trackIds) {
      for (const reportId of trackReports.get(trackId) ?? []) {
        if (seen.has(reportId)) continue;
        seen.add(reportId);
        const label = labels.get(reportId);
        if (!label) continue;
        causes.set(label.cause, (causes.get(label.cause) ?? 0) + 1);
        if (label.cause === 'object' && label.eventId !== null && rank.has(label.eventId))
          byLaunch.set(label.eventId, (byLaunch.get(label.eventId) ?? 0) + 1);
      }
    }
    const total = [...byLaunch.values()].reduce((a, b) => a + b, 0);
    const ranked = [...byLaunch].sort(([a, na], [b, nb]) => nb - na || rank.get(a)! - rank.get(b)!);
    const eventIds = ranked.filter(([, n]) => n >= COVER_SHARE * total).map(([id]) => id);
    const sorted = [...causes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { alertId: alert.id, eventId: eventIds[0] ?? null, eventIds, causes: Object.fromEntries(sorted) };
  });
}
