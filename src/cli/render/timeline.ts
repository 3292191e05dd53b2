// The human timeline of a run: every launch's milestones in time order, then a
// summary table of the launches.
import type { RunResult } from '../../analysis/run-scenario.ts';
import type { Milestone } from '../../world/truth.ts';
import { alertTimelineRows } from './alerts.ts';
import { formatClock, formatElapsed, formatLatLon, textTable } from './format.ts';

function describe(m: Milestone): string {
  const where = formatLatLon(m.latDeg, m.lonDeg);
  const speed = `${(m.speedMps / 1000).toFixed(2)} km/s`;
  switch (m.kind) {
    case 'launch':
      return `launch from ${where}`;
    case 'staging':
      return `stage ${m.stage} burnout and separation at ${m.altKm.toFixed(0)} km, ${speed}`;
    case 'burnout':
      return `burnout (stage ${m.stage}) at ${m.altKm.toFixed(0)} km, ${speed}, over ${where}`;
    case 'payload-separation':
      return `payload separation at ${m.altKm.toFixed(0)} km`;
    case 'apogee':
      return `apogee ${m.altKm.toFixed(0)} km over ${where}`;
    case 'impact':
      return `impact at ${where}`;
    case 'orbit-insertion':
      return `orbit insertion at ${m.altKm.toFixed(0)} km, ${speed}`;
  }
}

export function renderTimeline(run: RunResult): string {
  const epoch = run.scenario.epochUnixMs;
  const rows: Array<{ t: number; cells: string[] }> = [];
  for (const o of run.truth.objects) {
    if (o.kind !== 'rv' && o.kind !== 'payload') continue;
    for (const m of o.milestones) {
      rows.push({
        t: m.timeS,
        cells: [formatClock(epoch + m.timeS * 1000), formatElapsed(m.timeS), o.eventId, describe(m)],
      });
    }
  }
  rows.push(...alertTimelineRows(run));
  for (const r of firstReports(run))
    rows.push({
      t: r.timeS,
      cells: [formatClock(epoch + r.timeS * 1000), formatElapsed(r.timeS), r.who, r.what],
    });
  rows.sort((a, b) => a.t - b.t);
  return textTable(
    ['UTC', 'T', 'launch', 'event'],
    rows.map((r) => r.cells),
  );
}

interface FirstReport {
  timeS: number;
  who: string;
  what: string;
}

/**
 * First report of each launch by each phenomenology (IR, radar), and the first of each
 * false-alarm source (glint field, heat source, fault), from the truth labels.
 */
function firstReports(run: RunResult): FirstReport[] {
  const seen = new Map<string, FirstReport>();
  const { reports, labels } = run.sensors;
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    const l = labels[i]!;
    if (l.cause === 'clutter' || l.cause === 'false-alarm') continue;
    const event =
      l.cause === 'object' ? run.truth.objects.find((o) => o.id === l.objectId)?.eventId : l.eventId;
    const key = `${event}|${l.cause}|${r.kind}`;
    if (seen.has(key)) continue;
    const what =
      l.cause === 'object'
        ? `first ${r.kind === 'ir' ? 'IR' : 'radar'} report (${r.sensorId})`
        : `first ${l.cause} report (${r.sensorId}) — not a launch`;
    seen.set(key, { timeS: r.timeS, who: event ?? r.sensorId, what });
  }
  return [...seen.values()];
}

/** Reports per sensor by what really caused them. */
export function renderSensorTable(run: RunResult): string {
  const causes = [
    'object',
    'clutter',
    'false-alarm',
    'glint',
    'heat-source',
    'moon',
    'fault-stuck',
    'fault-replay',
    'fault-corrupt',
  ];
  const counts = run.summary.reports.bySensorAndCause;
  const present = causes.filter((c) => Object.values(counts).some((m) => (m[c] ?? 0) > 0));
  const rows = Object.entries(counts).map(([sensor, m]) => [
    sensor,
    ...present.map((c) => String(m[c] ?? 0)),
  ]);
  return textTable(['sensor', ...present], rows);
}

export function renderLaunchTable(run: RunResult): string {
  const rows = run.truth.launches.map((l) => {
    const head = run.truth.objects.find(
      (o) => o.eventId === l.eventId && (o.kind === 'rv' || o.kind === 'payload'),
    );
    const summary = run.summary.truth.objects.find((s) => s.id === head?.id);
    const flight =
      head?.impactTimeS != null ? formatElapsed(head.impactTimeS - l.launchTimeS).slice(1) : 'in orbit';
    return [
      l.eventId,
      l.vehicleClass,
      l.profile,
      formatElapsed(l.launchTimeS),
      summary?.rangeKm != null ? summary.rangeKm.toFixed(0) : '-',
      flight,
      summary?.apogeeKm != null ? summary.apogeeKm.toFixed(0) : '-',
      summary?.impact ? formatLatLon(summary.impact.latDeg, summary.impact.lonDeg) : '-',
    ];
  });
  return textTable(['launch', 'class', 'profile', 'at', 'range km', 'flight', 'apogee km', 'impact'], rows);
}
