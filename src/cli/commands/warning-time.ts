// `vigil warning-time`: how much warning a network gives against one launch (issue 8):
// the times after launch of first detection, each alert level and impact, the warning
// margin and the sensors behind each step — from the whole chain. With --map, the same
// for a grid of launch points against a target (or of targets from a launch area),
// drawn as maps of the warning margin and of the time to confirmation, or as GeoJSON.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { svgToPng } from '../../analysis/maps/grid-map.ts';
import { runPooled } from '../../analysis/montecarlo/pool.ts';
import { renderWarningMapsSvg, warningMapGeoJson } from '../../analysis/warning-time/map-render.ts';
import {
  assembleMaps,
  type CellResult,
  mapCells,
  type WarningMapSpec,
} from '../../analysis/warning-time/warning-map.ts';
import { type WarningTime, warningTime } from '../../analysis/warning-time/warning-time.ts';
import type { AlertLevel } from '../../centre/assessment/alert.ts';
import { parseUtcIso } from '../../physics/time.ts';
import { InputError } from '../../scenario/input-error.ts';
import { BALLISTIC_CLASSES, TRAJECTORY_PROFILES } from '../../scenario/schema-events.ts';
import { NETWORK_PRESETS } from '../../sensors/networks/presets.ts';
import { rateProgressBar } from '../montecarlo/rate-progress.ts';
import { parseChoice, parseLatLon, parseNumberIn, parseSeed } from '../options.ts';
import { formatElapsed, formatLatLon, textTable } from '../render/format.ts';

interface WarningTimeFlags {
  launch?: string;
  target?: string;
  launchArea?: string;
  class: string;
  profile: string;
  network: string;
  at: string;
  seed: string;
  json?: boolean;
  map?: boolean;
  grid: string;
  out?: string;
  workers?: string;
  quiet?: boolean;
}

function problem(source: string, message: string): never {
  throw new InputError({ source, path: [], message });
}

export function register(program: Command): void {
  program
    .command('warning-time')
    .description(
      'time from launch to detection, each alert level and impact for one launch against a network, or maps of the warning margin',
    )
    .option('--launch <lat,lon>', 'launch point, degrees')
    .option('--target <lat,lon>', 'aim point, degrees (with --map: the target launches are mapped against)')
    .option('--launch-area <lat,lon>', 'with --map: a launch point, and targets are mapped instead')
    .option('--class <class>', `vehicle class (${BALLISTIC_CLASSES.join(', ')})`, 'icbm-solid')
    .option('--profile <profile>', `trajectory (${TRAJECTORY_PROFILES.join(', ')})`, 'min-energy')
    .option(
      '--network <preset>',
      `sensor network preset (${Object.keys(NETWORK_PRESETS).join(', ')})`,
      'default',
    )
    .option(
      '--at <instant>',
      'UTC epoch of the run; the launch is a minute later (satellites move)',
      '2026-05-01T12:00:00Z',
    )
    .option('--seed <n>', 'random seed of the run', '1')
    .option('--json', 'print the result as JSON (with --map: a summary of the cells)')
    .option('--map', 'map a grid of launch points (or targets with --launch-area)')
    .option('--grid <deg>', 'with --map: grid cell size, degrees', '5')
    .option('--out <file>', 'with --map: write the maps (.png or .svg) or the cells (.geojson)')
    .option('--workers <k>', 'with --map: worker threads (default: all cores)')
    .option('--quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil warning-time --launch 55,90 --target 40,-95
  $ vigil warning-time --launch 70,0 --target 55.75,37.6 --class slbm --network russia --json
  $ vigil warning-time --map --target 38.9,-77 --grid 10 --out margin.png
  $ vigil warning-time --map --launch-area 55,90 --class icbm-liquid --out targets.geojson`,
    )
    .action(async (flags: WarningTimeFlags) => {
      const vehicleClass = parseChoice('--class', flags.class, BALLISTIC_CLASSES);
      const profile = parseChoice('--profile', flags.profile, TRAJECTORY_PROFILES);
      const network = parseChoice('--network', flags.network, Object.keys(NETWORK_PRESETS));
      if (Number.isNaN(parseUtcIso(flags.at)))
        problem('--at', `expected a UTC ISO instant, got '${flags.at}'`);
      const common = {
        vehicleClass,
        profile,
        network,
        epochIso: flags.at,
        seed: parseSeed('--seed', flags.seed),
      };
      if (flags.map) await mapCommand(flags, common);
      else singleCommand(flags, common);
    });
}

type Common = Omit<WarningMapSpec, 'vary' | 'fixed' | 'cellDeg'>;

function point(flag: string, text: string): { latDeg: number; lonDeg: number } {
  const [latDeg, lonDeg] = parseLatLon(flag, text);
  return { latDeg, lonDeg };
}

function singleCommand(flags: WarningTimeFlags, common: Common): void {
  if (!flags.launch || !flags.target) problem('warning-time', 'needs --launch and --target (or --map)');
  for (const f of ['launchArea', 'out', 'workers'] as const) {
    if (flags[f] !== undefined)
      problem('warning-time', `--${f === 'launchArea' ? 'launch-area' : f} goes with --map`);
  }
  const r = warningTime({
    ...common,
    launch: point('--launch', flags.launch),
    target: point('--target', flags.target),
  });
  process.stdout.write(flags.json ? `${JSON.stringify(r, null, 2)}\n` : `${renderWarningTime(r)}\n`);
}

const LEVEL_NOTE: Record<AlertLevel, string> = {
  event: 'a track: something seen',
  'launch-detected': 'IR track of a rocket in powered flight',
  'launch-confirmed': 'a second phenomenology agrees',
  'attack-warning': 'predicted impact on defended territory',
};

function clock(s: number | null): string {
  return s === null ? 'never' : `T${formatElapsed(s)}`;
}

export function renderWarningTime(r: WarningTime): string {
  const rows: string[][] = [
    [
      'first detection',
      clock(r.firstReport?.afterLaunchS ?? null),
      r.firstReport?.sensorId ?? '',
      'first report of the launch',
    ],
  ];
  for (const [level, reached] of Object.entries(r.levels) as Array<
    [AlertLevel, WarningTime['levels'][AlertLevel]]
  >) {
    const sensors = reached
      ? reached.newSensors.length > 0
        ? `+ ${reached.newSensors.join(', ')}`
        : ''
      : '';
    rows.push([level, clock(reached?.afterLaunchS ?? null), sensors, LEVEL_NOTE[level]]);
  }
  rows.push(['impact', clock(r.flightTimeS), '', r.apogeeKm === null ? '' : `apogee ${r.apogeeKm} km`]);
  const margin =
    r.warningMarginS === null
      ? 'no attack warning before impact'
      : `${formatElapsed(r.warningMarginS).slice(1)} (${Math.round(r.warningMarginS)} s) from attack warning to impact`;
  return [
    `${r.vehicleClass} (${r.profile}), ${Math.round(r.rangeKm).toLocaleString('en-US')} km from ${formatLatLon(r.launch.latDeg, r.launch.lonDeg)} to ${formatLatLon(r.target.latDeg, r.target.lonDeg)}`,
    `network ${r.network}, epoch ${r.epoch}, seed ${r.seed}, defended ${r.defended}`,
    '',
    textTable(['step', 'time', 'sensors (new at this step)', 'meaning'], rows),
    '',
    `Warning margin: ${margin}.`,
    ...(r.launchErrorKm !== null || r.impactErrorKm !== null
      ? [
          `Estimates ${r.levels['attack-warning'] ? 'at the attack warning' : 'at the end of the run'}: launch point off by ${r.launchErrorKm ?? '—'} km, impact point off by ${r.impactErrorKm ?? '—'} km.`,
        ]
      : []),
    ...(r.falseAlerts > 0
      ? [`${r.falseAlerts} alert(s) with no launch behind them were raised during the run.`]
      : []),
  ].join('\n');
}

async function mapCommand(flags: WarningTimeFlags, common: Common): Promise<void> {
  if (flags.launch)
    problem(
      '--launch',
      'with --map, give --target (launch points are mapped) or --launch-area (targets are)',
    );
  if (!!flags.target === !!flags.launchArea)
    problem('warning-time', '--map needs exactly one of --target and --launch-area');
  if (!flags.out && !flags.json)
    problem('--out', 'with --map, write the maps somewhere (--out FILE.png|.svg|.geojson) or ask for --json');
  const ext = flags.out ? extname(flags.out).toLowerCase() : '';
  if (flags.out && !['.png', '.svg', '.geojson', '.json'].includes(ext))
    problem('--out', `expected a .png, .svg or .geojson file, got '${flags.out}'`);
  const spec: WarningMapSpec = {
    ...common,
    vary: flags.target ? 'launch' : 'target',
    fixed: flags.target ? point('--target', flags.target) : point('--launch-area', flags.launchArea!),
    cellDeg: parseNumberIn('--grid', flags.grid, 1, 30, 'degrees'),
  };
  const workers = flags.workers === undefined ? undefined : parseNumberIn('--workers', flags.workers, 1, 256);
  const cells = mapCells(spec);
  const bar = rateProgressBar('warning map', cells.length, 'cells', !flags.quiet && !flags.json);
  const pooled = await runPooled<CellResult>(
    { kind: 'warning-map', spec },
    cells.map((_, k) => k),
    { ...(workers === undefined ? {} : { workers: Math.round(workers) }), onResult: () => bar.tick() },
  );
  bar.stop();
  const results = cells.map((_, k) => pooled.results.get(k)!);
  const maps = assembleMaps(spec, cells, results);
  if (flags.out) {
    if (ext === '.geojson' || ext === '.json')
      writeFileSync(flags.out, `${JSON.stringify(warningMapGeoJson(spec, maps, cells, results))}\n`);
    else {
      const svg = renderWarningMapsSvg(spec, maps, cells.length);
      writeFileSync(flags.out, ext === '.png' ? svgToPng(svg) : svg);
    }
  }
  const summary = summariseMap(results);
  if (flags.json) process.stdout.write(`${JSON.stringify({ spec, ...summary }, null, 2)}\n`);
  else
    process.stdout.write(
      `${textTable(
        ['measure', 'value'],
        Object.entries(summary).map(([k, v]) => [k, String(v)]),
      )}\n${flags.out ? `wrote ${flags.out}\n` : ''}`,
    );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

function summariseMap(results: readonly CellResult[]) {
  const flown = results.filter((r) => r.unreachable === null);
  const margins = flown.map((r) => r.warningMarginS).filter((x): x is number => x !== null);
  const confirms = flown.map((r) => r.confirmedS).filter((x): x is number => x !== null);
  const min = (x: number | null) => (x === null ? null : Math.round((x / 60) * 10) / 10);
  return {
    cells: results.length,
    'cells flown': flown.length,
    'cells with an attack warning': margins.length,
    'cells confirmed': confirms.length,
    'median warning margin (min)': min(median(margins)),
    'least warning margin (min)': margins.length ? min(Math.min(...margins)) : null,
    'median time to confirmation (min)': min(median(confirms)),
  };
}
