// `vigil coverage`: which sensors of a network see a rocket over each point of the
// globe at an altitude, and how soon IR would see a launch there (issue 3). Writes a
// map (PNG or SVG, with coastlines, borders and a legend) or GeoJSON cells.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { type CoverageResult, computeCoverage } from '../../analysis/coverage.ts';
import { gridToGeoJson, type LegendEntry, renderGridMapSvg, svgToPng } from '../../analysis/maps/grid-map.ts';
import { parseUtcIso } from '../../physics/time.ts';
import { InputError } from '../../scenario/input-error.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import type { NetworkSpec } from '../../scenario/scenario.ts';
import { type ResolvedNetwork, resolveNetwork } from '../../sensors/network.ts';
import { NETWORK_PRESETS } from '../../sensors/networks/presets.ts';
import { DEFAULT_CLOUD_TOP_M } from '../../sensors/run-network.ts';
import { parseChoice, parseNumberIn } from '../options.ts';
import { progressBar } from '../progress.ts';
import { textTable } from '../render/format.ts';
import { resolveScenarioPath } from '../scenario-path.ts';

interface CoverageFlags {
  network: string;
  at: string;
  altitude: string;
  cloudTop: string;
  step: string;
  layer: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

const LAYERS = ['sensors', 'ir-delay'] as const;

export function register(program: Command): void {
  program
    .command('coverage')
    .description(
      'map which sensors of a network see a rocket at each point, and how soon IR sees a launch there',
    )
    .option(
      '--network <preset|scenario>',
      `a network preset (${Object.keys(NETWORK_PRESETS).join(', ')}) or a scenario file`,
      'default',
    )
    .option(
      '--at <instant>',
      'UTC instant at which to evaluate the network (satellites move)',
      '2026-05-01T12:00:00Z',
    )
    .option('--altitude <km>', 'altitude of the rocket for the sensors layer', '300')
    .option(
      '--cloud-top <km>',
      'cloud top the plume must clear before IR can see it',
      String(DEFAULT_CLOUD_TOP_M / 1000),
    )
    .option('--step <deg>', 'grid cell size in degrees', '2')
    .option('--layer <layer>', 'what the map shows: sensors (count) or ir-delay (s after launch)', 'sensors')
    .option('--out <file>', 'write a map (.png or .svg) or GeoJSON cells (.geojson)')
    .option('--json', 'print the summary as JSON')
    .option('--quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil coverage --network default --altitude 300 --out coverage.png
  $ vigil coverage --network russia --layer ir-delay --cloud-top 12 --out delay.svg
  $ vigil coverage --network scenarios/salvo.yaml --out cells.geojson`,
    )
    .action((flags: CoverageFlags) => {
      const epochUnixMs = parseUtcIso(flags.at);
      if (Number.isNaN(epochUnixMs))
        throw new InputError({
          source: '--at',
          path: [],
          message: `expected a UTC ISO instant, got '${flags.at}'`,
        });
      const layer = parseChoice('--layer', flags.layer, LAYERS);
      const network = networkFrom(flags.network);
      const out = flags.out;
      const ext = out ? extname(out).toLowerCase() : '';
      if (out && !['.png', '.svg', '.geojson', '.json'].includes(ext)) {
        throw new InputError({
          source: '--out',
          path: [],
          message: `expected a .png, .svg or .geojson file, got '${out}'`,
        });
      }
      const bar = progressBar('coverage', !flags.quiet && !flags.json);
      const result = computeCoverage(network, {
        epochUnixMs,
        atS: 0,
        altitudeM: parseNumberIn('--altitude', flags.altitude, 0, 5000, 'km') * 1000,
        cloudTopM: parseNumberIn('--cloud-top', flags.cloudTop, 0, 30, 'km') * 1000,
        cellDeg: parseNumberIn('--step', flags.step, 0.25, 30, 'degrees'),
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.stop();
      const summary = summarise(result);
      if (out) writeOutput(out, ext, result, layer, flags);
      if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        process.stdout.write(
          `${textTable(
            ['measure', 'value'],
            Object.entries(summary).map(([k, v]) => [k, String(v)]),
          )}\n${out ? `wrote ${out}\n` : ''}`,
        );
      }
    });
}

function networkFrom(arg: string): ResolvedNetwork {
  if (NETWORK_PRESETS[arg]) {
    const spec: NetworkSpec = { preset: arg, satellites: [], radars: [], disabled: [], degraded: [] };
    return resolveNetwork(spec);
  }
  const path = resolveScenarioPath(arg);
  if (!/\.(ya?ml|json)$/i.test(path)) {
    return resolveNetwork({ preset: arg, satellites: [], radars: [], disabled: [], degraded: [] });
  }
  const scenario = loadScenarioFile(path);
  return resolveNetwork(scenario.network, scenario.source);
}

/** Share of the Earth's surface (cells weighted by area) meeting a condition. */
function areaShare(r: CoverageResult, test: (k: number) => boolean): number {
  let total = 0;
  let hit = 0;
  const nLon = r.grid.lonsDeg.length;
  for (let i = 0; i < r.grid.latsDeg.length; i++) {
    const w = Math.cos(((r.grid.latsDeg[i]! + r.grid.cellDeg / 2) * Math.PI) / 180);
    for (let j = 0; j < nLon; j++) {
      total += w;
      if (test(i * nLon + j)) hit += w;
    }
  }
  return Math.round((1000 * hit) / total) / 10;
}

function summarise(r: CoverageResult) {
  const delays = [...r.irDelayS].filter((d) => !Number.isNaN(d)).sort((a, b) => a - b);
  return {
    sensors: r.sensors.length,
    cells: r.grid.values.length,
    'percent of Earth seen by IR': areaShare(r, (k) => r.irCount[k]! > 0),
    'percent seen by radar': areaShare(r, (k) => r.radarCount[k]! > 0),
    'percent seen by both': areaShare(r, (k) => r.irCount[k]! > 0 && r.radarCount[k]! > 0),
    'median IR delay after launch (s)': delays.length
      ? Math.round(delays[Math.floor(delays.length / 2)]!)
      : null,
  };
}

const SENSOR_LEGEND: LegendEntry[] = [
  { from: 0, label: 'none', colour: '#d73027' },
  { from: 1, label: '1 sensor', colour: '#fc8d59' },
  { from: 2, label: '2', colour: '#fee08b' },
  { from: 3, label: '3–4', colour: '#d9ef8b' },
  { from: 5, label: '5–7', colour: '#91cf60' },
  { from: 8, label: '8+', colour: '#1a9850' },
];

const DELAY_LEGEND: LegendEntry[] = [
  { from: 0, label: '< 30 s', colour: '#1a9850' },
  { from: 30, label: '30–45 s', colour: '#91cf60' },
  { from: 45, label: '45–60 s', colour: '#d9ef8b' },
  { from: 60, label: '60–90 s', colour: '#fee08b' },
  { from: 90, label: '90–120 s', colour: '#fc8d59' },
  { from: 120, label: '> 120 s', colour: '#d73027' },
];

function writeOutput(
  out: string,
  ext: string,
  r: CoverageResult,
  layer: (typeof LAYERS)[number],
  flags: CoverageFlags,
): void {
  if (ext === '.geojson' || ext === '.json') {
    const doc = gridToGeoJson({ ...r.grid, values: r.sensorCount }, 'sensorCount', (k) => ({
      irCount: r.irCount[k],
      radarCount: r.radarCount[k],
      irDelayS: Number.isNaN(r.irDelayS[k]!) ? null : Math.round(r.irDelayS[k]!),
      sensors: r.sensorsAt[k],
    }));
    writeFileSync(out, `${JSON.stringify(doc)}\n`);
    return;
  }
  const delay = layer === 'ir-delay';
  const svg = renderGridMapSvg({
    title: delay
      ? 'Time from launch to first IR detection'
      : `Sensors that see a rocket at ${flags.altitude} km`,
    subtitle: `network ${flags.network}, ${flags.at}, cloud top ${flags.cloudTop} km, ${flags.step}° cells (illustrative public figures)`,
    grid: { ...r.grid, values: delay ? r.irDelayS : r.sensorCount },
    legend: delay ? DELAY_LEGEND : SENSOR_LEGEND,
    emptyColour: delay ? '#999999' : undefined,
  });
  writeFileSync(out, ext === '.png' ? svgToPng(svg) : svg);
}
