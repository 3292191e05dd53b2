// `vigil run <scenario>`: the main job (DESIGN.md §5). Prints a readable timeline and
// summary, or with --json the summary document; --out writes summary.json,
// scene.czml, scene.geojson and audit.jsonl.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sceneCzml } from '../../analysis/export/czml.ts';
import { sceneGeoJson } from '../../analysis/export/geojson.ts';
import { type RunResult, runScenario } from '../../analysis/run-scenario.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { type LiveFlags, runLive } from '../live-run.ts';
import { parseSeed } from '../options.ts';
import { type Progress, progressBar } from '../progress.ts';
import { renderAlertTable, renderEvidence, renderScoring } from '../render/alerts.ts';
import { renderLaunchTable, renderSensorTable, renderTimeline } from '../render/timeline.ts';
import { resolveScenarioPath } from '../scenario-path.ts';

interface RunFlags extends LiveFlags {
  seed?: string;
  json?: boolean;
  out?: string;
  quiet?: boolean;
  live?: boolean;
}

export function register(program: Command): void {
  program
    .command('run')
    .description(
      'run a scenario through the chain and print its timeline (or the summary document with --json)',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON), or the name of a bundled scenario such as salvo')
    .option('--seed <n>', "random seed (overrides the scenario's seed)")
    .option('--json', 'print the summary document as JSON on stdout')
    .option('--out <dir>', 'write summary.json, scene.czml, scene.geojson and audit.jsonl into this folder')
    .option('--quiet', 'print nothing but errors (and the JSON with --json)')
    .option('--live', 'run it in a running `vigil serve` and follow it there (see --server, --token, --pace)')
    .option('--server <url>', 'with --live: the service (default VIGIL_SERVER or http://127.0.0.1:8080)')
    .option('--token <token>', 'with --live: an admin token (default VIGIL_TOKEN)')
    .option('--pace <n>', "with --live: × real time (default 1), or 'max' for as fast as possible")
    .addHelpText(
      'after',
      `
Examples:
  $ vigil run salvo
  $ vigil run scenarios/polar-icbm.yaml --seed 3 --out out/polar
  $ vigil run my-scenario.yaml --json > summary.json`,
    )
    .action((scenarioArg: string, flags: RunFlags) => {
      if (flags.live) return runLive(scenarioArg, flags);
      const seed = flags.seed === undefined ? undefined : parseSeed('--seed', flags.seed);
      const scenario = loadScenarioFile(resolveScenarioPath(scenarioArg));
      const bars = new Map<string, Progress>();
      const run = runScenario(scenario, {
        ...(seed === undefined ? {} : { seed }),
        recordTracks: flags.out !== undefined,
        onProgress: (stage, done, total) => {
          for (const [name, bar] of bars) if (name !== stage) bar.stop();
          if (!bars.has(stage)) bars.set(stage, progressBar(stage.padEnd(8), !flags.quiet && !flags.json));
          bars.get(stage)!.update(done, total);
        },
      });
      for (const bar of bars.values()) bar.stop();
      if (flags.out) writeOutputs(flags.out, run);
      if (flags.json) process.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
      else if (!flags.quiet) process.stdout.write(`${renderRun(run)}\n`);
    });
}

export function renderRun(run: RunResult): string {
  const s = run.scenario;
  return [
    `${s.name} — epoch ${s.epochIso}, ${Math.round(s.durationS / 60)} min, seed ${run.seed}`,
    '',
    renderTimeline(run),
    '',
    renderLaunchTable(run),
    '',
    `${run.summary.reports.total} sensor reports, ${run.summary.reports.falseAlarms} not from real objects:`,
    renderSensorTable(run),
    '',
    'Alerts:',
    renderAlertTable(run),
    '',
    renderEvidence(run),
    '',
    renderScoring(run),
  ].join('\n');
}

/** Writes each file whole or not at all (write to a temporary name, then rename). */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function writeOutputs(dir: string, run: RunResult): void {
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, 'summary.json'), `${JSON.stringify(run.summary, null, 2)}\n`);
  writeAtomic(
    join(dir, 'scene.czml'),
    `${JSON.stringify(
      sceneCzml(run.truth, run.scenario.name, run.sensors, run.summary.alerts, {
        tracks: run.tracks,
        defended: run.scenario.defended,
      }),
    )}\n`,
  );
  writeAtomic(
    join(dir, 'scene.geojson'),
    `${JSON.stringify(sceneGeoJson(run.truth, run.sensors, run.summary.alerts))}\n`,
  );
  writeAtomic(join(dir, 'audit.jsonl'), run.centre.audit.toJsonLines());
}
