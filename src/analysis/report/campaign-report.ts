// The Monte Carlo campaign report: one self-contained HTML file (inline CSS and SVG, no
// script, no external asset, nothing fetched) with the headline figures per launch,
// the false-alert rates, histograms and CDFs of latencies, warning margins and
// estimation errors, and a world map of true and estimated launch and impact points.
// Everything in it comes from the aggregate and the run records, so the same campaign
// gives the same file.

import { type AlertLevel, LEVELS } from '../../centre/assessment/alert.ts';
import { makeGrid, renderGridMapSvg } from '../maps/grid-map.ts';
import type { CampaignAggregate, LaunchAggregate } from '../montecarlo/aggregate.ts';
import type { RunRecord } from '../montecarlo/campaign.ts';
import type { LatLon } from '../montecarlo/score-run.ts';
import type { Distribution, Proportion } from '../montecarlo/statistics.ts';
import { cdfSvg, escapeXml, histogramSvg, type PointSeries, type Series, scatterSvg } from './svg-charts.ts';

const CSS = `
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; max-width: 1200px; color: #222; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ccc; }
.meta { color: #555; font-size: 13px; } .partial { background: #fff3cd; border: 1px solid #e0c060; padding: 8px; margin: 12px 0; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0; } th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
th { background: #f2f2f2; } td.l, th.l { text-align: left; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; } .charts svg { border: 1px solid #eee; }
.map svg { width: 100%; height: auto; } .note { font-size: 12px; color: #555; }
`;

function pct(p: Proportion): string {
  if (p.p === null) return '—';
  return `${(p.p * 100).toFixed(1)}% <span class="note">[${((p.lo ?? 0) * 100).toFixed(0)}–${((p.hi ?? 0) * 100).toFixed(0)}]</span>`;
}

function minutes(d: Distribution): string {
  if (d.p50 === null) return '—';
  const m = (s: number) => (s / 60).toFixed(1);
  return `${m(d.p50)} <span class="note">(${m(d.p5!)}–${m(d.p95!)})</span>`;
}

function plain(d: Distribution, digits = 1): string {
  if (d.p50 === null) return '—';
  return `${d.p50.toFixed(digits)} <span class="note">(${d.p5!.toFixed(digits)}–${d.p95!.toFixed(digits)})</span>`;
}

function headlineTable(launches: readonly LaunchAggregate[]): string {
  const head = [
    'launch',
    'class',
    'runs',
    'P(detected)',
    ...LEVELS.map((l) => `P(${l})`),
    ...LEVELS.slice(1).map((l) => `to ${l}, min`),
    'warning margin, min',
    'launch error, km',
    'impact error, km',
  ];
  const rows = launches.map((l) =>
    [
      `<td class="l">${escapeXml(l.id)}</td>`,
      `<td class="l">${escapeXml(l.vehicleClass)}</td>`,
      `<td>${l.runs}</td>`,
      `<td>${pct(l.detection)}</td>`,
      ...LEVELS.map((lv) => `<td>${pct(l.levels[lv])}</td>`),
      ...LEVELS.slice(1).map((lv) => `<td>${minutes(l.latencyS[lv])}</td>`),
      `<td>${minutes(l.warningMarginS)}</td>`,
      `<td>${plain(l.launchErrorKm)}</td>`,
      `<td>${plain(l.impactErrorKm)}</td>`,
    ].join(''),
  );
  return `<table><tr>${head.map((h, i) => `<th${i < 2 ? ' class="l"' : ''}>${escapeXml(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r}</tr>`).join('')}</table>
<p class="note">Probabilities over runs with the Wilson 95% interval in brackets; times are medians after launch with the 5th–95th percentiles in brackets.</p>`;
}

function falseAlertTable(a: CampaignAggregate): string {
  const rows = LEVELS.map((l) => {
    const r = a.falseAlerts.levels[l];
    return `<tr><td class="l">${l}</td><td>${r.count}</td><td>${r.perRunHour.toFixed(4)}</td><td>${pct(r.runs)}</td></tr>`;
  });
  const causes = Object.entries(a.falseAlerts.causes);
  return `<table><tr><th class="l">reached at least</th><th>false alerts</th><th>per run-hour</th><th>runs with one</th></tr>${rows.join('')}</table>
<p class="note">A false alert has no real launch behind it: none of the reports of its tracks came from a real object (truth labels, for scoring only). ${a.runHours} run-hours in all.${
    causes.length > 0
      ? ` Reports behind them by cause: ${causes.map(([c, k]) => `${escapeXml(c)} ${k}`).join(', ')}.`
      : ''
  }</p>`;
}

function byLevel(records: readonly RunRecord[], level: AlertLevel): number[] {
  return records
    .flatMap((r) => r.launches.map((l) => l.levels[level]))
    .filter((x): x is number => x !== null);
}

function perLaunch(
  records: readonly RunRecord[],
  launches: readonly LaunchAggregate[],
  f: (o: RunRecord['launches'][number]) => number | null,
): Series[] {
  return launches.slice(0, 8).map((l) => ({
    label: l.id,
    values: records
      .map((r) => r.launches.find((o) => o.id === l.id))
      .map((o) => (o ? f(o) : null))
      .filter((x): x is number => x !== null),
  }));
}

const EARTH_KM = 6371;
const D = Math.PI / 180;

/** Estimated minus true point, km east and north (local flat approximation: errors are small). */
function offsetKm(truth: LatLon | null, estimate: LatLon | null): [number, number] | null {
  if (!truth || !estimate) return null;
  const dLon = ((((estimate.lonDeg - truth.lonDeg + 540) % 360) + 360) % 360) - 180;
  return [dLon * D * Math.cos(truth.latDeg * D) * EARTH_KM, (estimate.latDeg - truth.latDeg) * D * EARTH_KM];
}

function misses(
  records: readonly RunRecord[],
  launches: readonly LaunchAggregate[],
  pick: (o: RunRecord['launches'][number]) => [number, number] | null,
): PointSeries[] {
  return launches.slice(0, 8).map((l) => ({
    label: l.id,
    points: records
      .map((r) => r.launches.find((o) => o.id === l.id))
      .map((o) => (o ? pick(o) : null))
      .filter((p): p is [number, number] => p !== null),
  }));
}

function charts(a: CampaignAggregate, records: readonly RunRecord[]): string {
  const min = (s: number | null) => (s === null ? null : s / 60);
  const svgs = [
    histogramSvg(
      'First report of a launch',
      's after launch',
      records.flatMap((r) => r.launches.map((l) => l.firstReportS)).filter((x): x is number => x !== null),
    ),
    ...LEVELS.slice(1).map((l) =>
      histogramSvg(
        `Time to ${l}`,
        'min after launch',
        byLevel(records, l).map((s) => s / 60),
      ),
    ),
    cdfSvg(
      'Warning margin (impact − attack warning)',
      'min',
      perLaunch(records, a.launches, (o) => min(o.warningMarginS)),
    ),
    cdfSvg(
      'Time to launch-confirmed',
      'min after launch',
      perLaunch(records, a.launches, (o) => min(o.levels['launch-confirmed'])),
    ),
    cdfSvg(
      'Launch-point error',
      'km',
      perLaunch(records, a.launches, (o) => o.launchErrorKm),
    ),
    cdfSvg(
      'Impact-point error',
      'km',
      perLaunch(records, a.launches, (o) => o.impactErrorKm),
    ),
    scatterSvg(
      'Impact-point miss (estimate − truth)',
      'km east',
      'km north',
      misses(records, a.launches, (o) => offsetKm(o.impactPoint, o.impactEstimate)),
    ),
    scatterSvg(
      'Launch-point miss (estimate − truth)',
      'km east',
      'km north',
      misses(records, a.launches, (o) => offsetKm(o.launchPoint, o.launchEstimate)),
    ),
    histogramSvg(
      'Mean GOSPA per run (cut-off 10 km)',
      'km',
      records
        .map((r) => r.gospa?.mean.gospa)
        .filter((x): x is number => x !== undefined)
        .map((m) => m / 1000),
    ),
  ];
  return `<div class="charts">${svgs.join('\n')}</div>`;
}

function map(a: CampaignAggregate, records: readonly RunRecord[]): string {
  const markers: Array<{ latDeg: number; lonDeg: number; label?: string; colour?: string }> = [];
  for (const r of records) {
    for (const l of r.launches) {
      if (l.impactEstimate) markers.push({ ...l.impactEstimate, colour: '#1f77b4' });
      if (l.launchEstimate) markers.push({ ...l.launchEstimate, colour: '#2ca02c' });
    }
  }
  const first = records[0];
  for (const l of first?.launches ?? []) {
    markers.push({ ...l.launchPoint, label: l.id, colour: '#000' });
    if (l.impactPoint) markers.push({ ...l.impactPoint, colour: '#d62728' });
  }
  const never = Number.POSITIVE_INFINITY;
  const svg = renderGridMapSvg({
    title: 'Launch and impact points',
    subtitle: `${a.scenario}: true launch points (black) and impact points (red); the centre's final estimates per run (launch green, impact blue)`,
    grid: makeGrid(30),
    legend: [
      { from: never, label: 'true launch', colour: '#000' },
      { from: never, label: 'true impact', colour: '#d62728' },
      { from: never, label: 'estimated launch', colour: '#2ca02c' },
      { from: never, label: 'estimated impact', colour: '#1f77b4' },
    ],
    markers,
  });
  // A view box lets the page scale the map to its width.
  const size = (attr: string) => /\d+/.exec(new RegExp(`${attr}="\\d+"`).exec(svg)![0])![0];
  return svg.replace('<svg ', `<svg viewBox="0 0 ${size('width')} ${size('height')}" `);
}

export function renderCampaignReport(a: CampaignAggregate, records: readonly RunRecord[]): string {
  const runs = [...records].sort((x, y) => x.run - y.run);
  const gospa = a.gospa.meanM;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(a.scenario)} — Monte Carlo</title><style>${CSS}</style></head>
<body>
<h1>${escapeXml(a.scenario)} — Monte Carlo campaign</h1>
<p class="meta">${a.runsCompleted} of ${a.runsRequested} runs · base seed ${a.baseSeed} · variations: ${a.variations.length > 0 ? a.variations.map(escapeXml).join(', ') : 'none'} · ${a.runHours} run-hours · format ${a.format}</p>
${a.partial ? `<p class="partial">Partial: stopped after ${a.runsCompleted} of ${a.runsRequested} runs. Every figure is from the runs that finished.</p>` : ''}
<h2>Headline figures per launch</h2>
${headlineTable(a.launches)}
<h2>False alerts</h2>
${falseAlertTable(a)}
<h2>Tracking accuracy</h2>
<p>Mean GOSPA per run (order 1, cut-off 10 km, every 30 s of flight): median ${gospa.p50 === null ? '—' : `${(gospa.p50 / 1000).toFixed(2)} km`}, 5th–95th percentile ${gospa.p5 === null ? '—' : `${(gospa.p5 / 1000).toFixed(2)}–${(gospa.p95! / 1000).toFixed(2)} km`} over ${a.gospa.scans} scored pictures.</p>
<h2>Distributions</h2>
${charts(a, runs)}
<h2>Map</h2>
<div class="map">${map(a, runs)}</div>
<p class="note">Illustrative public figures only (vigil). An alert is matched to the launch that caused most of the reports behind its tracks.</p>
</body></html>
`;
}
