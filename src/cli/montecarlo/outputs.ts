// What `vigil montecarlo` writes and prints: aggregate.json (the aggregate document,
// also printed by --json), runs.jsonl (one run record per line, in run order) and
// report.html (the self-contained report) in --out; a readable summary on stdout.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignAggregate } from '../../analysis/montecarlo/aggregate.ts';
import type { RunRecord } from '../../analysis/montecarlo/campaign.ts';
import type { Distribution, Proportion } from '../../analysis/montecarlo/statistics.ts';
import { renderCampaignReport } from '../../analysis/report/campaign-report.ts';
import { LEVELS } from '../../centre/assessment/alert.ts';
import { textTable } from '../render/format.ts';

export function aggregateJson(a: CampaignAggregate): string {
  return `${JSON.stringify(a, null, 2)}\n`;
}

/** Writes each file whole under a temporary name first, so a file is never seen half written. */
function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export function writeCampaignOutputs(dir: string, a: CampaignAggregate, records: readonly RunRecord[]): void {
  mkdirSync(dir, { recursive: true });
  const runs = [...records].sort((x, y) => x.run - y.run);
  writeWhole(join(dir, 'runs.jsonl'), runs.map((r) => `${JSON.stringify(r)}\n`).join(''));
  writeWhole(join(dir, 'report.html'), renderCampaignReport(a, runs));
  writeWhole(join(dir, 'aggregate.json'), aggregateJson(a));
}

function pct(p: Proportion): string {
  return p.p === null ? '—' : `${(p.p * 100).toFixed(1)}%`;
}

function median(d: Distribution, scale = 1, digits = 1): string {
  return d.p50 === null ? '—' : (d.p50 / scale).toFixed(digits);
}

export function renderAggregate(a: CampaignAggregate): string {
  const rows = a.launches.map((l) => [
    l.id,
    l.vehicleClass,
    pct(l.detection),
    ...LEVELS.map((lv) => pct(l.levels[lv])),
    median(l.latencyS['launch-confirmed'], 60),
    median(l.warningMarginS, 60),
    median(l.impactErrorKm),
  ]);
  const f = a.falseAlerts.levels;
  return [
    `${a.scenario}: ${a.runsCompleted} of ${a.runsRequested} runs, base seed ${a.baseSeed}${a.variations.length ? `, varying ${a.variations.join(', ')}` : ''}${a.partial ? ' (PARTIAL: stopped early)' : ''}`,
    '',
    textTable(
      [
        'launch',
        'class',
        'P(detected)',
        ...LEVELS.map((l) => `P(${l})`),
        'confirm (min, median)',
        'margin (min, median)',
        'impact error (km)',
      ],
      rows,
    ),
    '',
    `False launch-confirmed: ${f['launch-confirmed'].count} (${f['launch-confirmed'].perRunHour} per run-hour); false attack-warning: ${f['attack-warning'].count} (${f['attack-warning'].perRunHour} per run-hour) over ${a.runHours} run-hours.`,
    `Mean GOSPA per run: median ${median(a.gospa.meanM, 1000, 2)} km (cut-off 10 km).`,
  ].join('\n');
}
