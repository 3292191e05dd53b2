// The warning centre's side of the run for people: each alert's climb up the ladder in
// time order, then the alerts with their areas, place names and time to impact, and
// the warning times.
import type { RunResult } from '../../analysis/run-scenario.ts';
import type { AlertSummary } from '../../analysis/summary.ts';
import { formatClock, formatElapsed, formatLatLon, textTable } from './format.ts';

function area(a: AlertSummary['launchArea'], region: string | null | undefined): string {
  if (!a) return '-';
  return `${region ?? '?'} (${formatLatLon(a.latDeg, a.lonDeg, 1)} ±${Math.round(a.semiMajorKm)} km)`;
}

/** Level changes of every alert as timeline rows. */
export function alertTimelineRows(run: RunResult): Array<{ t: number; cells: string[] }> {
  const epoch = run.scenario.epochUnixMs;
  const rows: Array<{ t: number; cells: string[] }> = [];
  for (const a of run.summary.alerts) {
    for (const h of a.levelHistory) {
      if (h.level === 'event' && a.cancelled && a.levelHistory.length === 1) continue;
      const sinceLaunch =
        a.launchTimeS != null ? ` (launch +${formatElapsed(h.timeS - a.launchTimeS).slice(1)})` : '';
      rows.push({
        t: h.timeS,
        cells: [
          formatClock(epoch + h.timeS * 1000),
          formatElapsed(h.timeS),
          a.id,
          `ALERT ${h.level.toUpperCase()}${sinceLaunch}`,
        ],
      });
    }
  }
  return rows;
}

export function renderAlertTable(run: RunResult): string {
  const rows = run.summary.alerts
    .filter((a) => !(a.cancelled && a.level === 'event'))
    .map((a) => [
      a.id,
      a.cancelled ? `${a.level} (withdrawn)` : a.level,
      a.classification ?? '',
      area(a.launchArea, a.launchRegion),
      area(a.impactArea, a.impactRegion),
      a.timeToImpactS == null ? '-' : formatElapsed(a.timeToImpactS).slice(1),
      a.notificationId ? `${a.notificationId} (${a.notificationStatus})` : '-',
    ]);
  if (rows.length === 0) return 'No alerts.';
  const w = run.summary.warning;
  const t = (x: number | null) => (x === null ? '-' : formatElapsed(x));
  return [
    textTable(['alert', 'level', 'class', 'launch area', 'impact area', 'warning', 'notification'], rows),
    '',
    `first detection ${t(w.firstDetectionS)}, launch detected ${t(w.firstLaunchDetectedS)}, confirmed ${t(w.firstConfirmedS)}, attack warning ${t(w.firstAttackWarningS)}, first impact ${t(w.firstImpactS)}, warning margin ${w.warningMarginS === null ? '-' : formatElapsed(w.warningMarginS).slice(1)}`,
  ].join('\n');
}

/** The evidence of each alert that rose above `event`, for the duty officer. */
export function renderEvidence(run: RunResult): string {
  return run.summary.alerts
    .filter((a) => a.level !== 'event')
    .map((a) =>
      [`${a.id} — ${a.level}${a.cancelled ? ' (withdrawn)' : ''}`, ...a.evidence.map((e) => `  ${e}`)].join(
        '\n',
      ),
    )
    .join('\n');
}

/** The picture scored against the truth, in two lines. */
export function renderScoring(run: RunResult): string {
  const s = run.summary.scoring;
  return [
    `Scored against the truth (the centre never sees it): ${s.launches.confirmed} of ${s.launches.total} launches got a confirmed track (median ${s.launches.medianConfirmAfterLaunchS ?? '-'} s after launch); ${s.tracks.confirmed} confirmed tracks, mean purity ${s.tracks.meanPurity ?? '-'}, RMS position error ${s.rmsPositionErrorKm ?? '-'} km.`,
    `GOSPA (c = ${s.gospa.cutoffKm} km, every ${30} s, all objects incl. spent stages): mean ${s.gospa.meanKm} km = localisation ${s.gospa.localisationKm} + missed ${s.gospa.missedKm} + false ${s.gospa.falseKm}.`,
  ].join('\n');
}
