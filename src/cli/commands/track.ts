// `vigil track`: runs vigil's tracker on a peer benchmark scenario (../shared/bench/
// FORMAT.md) and writes the online track output with the tracking wall time. Only the
// scans go to the tracker; any ground truth in the file is left behind. The tracker's
// settings come from the file's `parameters` block (σ, q, Pd, clutter rate and box —
// what the reference tracker was given), --pd and --clutter-density override them.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parsePeerBenchScenario, TRACKS_FORMAT } from '../../analysis/metrics/peer-bench.ts';
import { trackerConfigFor, trackPeerBenchScans } from '../../analysis/metrics/peer-bench-run.ts';
import { InputError } from '../../scenario/input-error.ts';
import { parseNumberIn } from '../options.ts';

interface TrackFlags {
  input: string;
  out: string;
  pd?: string;
  clutterDensity?: string;
}

export function register(program: Command): void {
  program
    .command('track')
    .description('track the measurements of a peer benchmark scenario and write the tracks file')
    .requiredOption('--input <file>', 'scenario file (peer-bench-scenario/1 JSON)')
    .requiredOption('--out <file>', 'tracks file to write (peer-bench-tracks/1 JSON)')
    .option('--pd <p>', 'detection probability (default: parameters.pd)')
    .option(
      '--clutter-density <per-m3>',
      'false measurements per m³ per scan (default: clutter_lambda / box volume)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ vigil track --input ../shared/bench/scenario_10x100_lam20_s1.json --out tracks.json
  $ vigil score --truth ../shared/bench/scenario_10x100_lam20_s1.json --tracks tracks.json

The file needs format, parameters (sigma, q, pd, clutter_lambda, box), times and scans;
ground_truth, if present, is ignored. timing.trackingWallS is the time from the first
scan entering the tracker to the last scan's tracks leaving it (no file I/O).`,
    )
    .action((flags: TrackFlags) => {
      const scenario = parsePeerBenchScenario(readInputFile('--input', flags.input), flags.input);
      const settings: { detectionProbability?: number; clutterDensity?: number } = {};
      if (flags.pd !== undefined)
        settings.detectionProbability = parseNumberIn('--pd', flags.pd, 1e-9, 1 - 1e-9);
      if (flags.clutterDensity !== undefined) {
        settings.clutterDensity = parseNumberIn(
          '--clutter-density',
          flags.clutterDensity,
          Number.MIN_VALUE,
          1e300,
          'per m³',
        );
      }
      const config = trackerConfigFor(scenario.parameters, settings, flags.input);
      const scans = scenario.scans;
      const output = trackPeerBenchScans(scans, config);
      const doc = {
        format: TRACKS_FORMAT,
        tracker: 'vigil GNN (NCV Kalman, grid gating, LAPJV clusters, IPDA existence)',
        input: flags.input,
        tracks: output.tracks,
        timing: { trackingWallS: output.trackingWallS },
      };
      try {
        writeFileSync(flags.out, `${JSON.stringify(doc)}\n`);
      } catch (err) {
        throw new InputError({
          source: '--out',
          path: [],
          message: `cannot write ${flags.out}: ${errorText(err)}`,
        });
      }
      const measurements = scans.reduce((sum, s) => sum + s.count, 0);
      const ms = output.trackingWallS * 1000;
      process.stdout.write(
        `${flags.input}: ${scans.length} scans, ${measurements} measurements → ${output.tracks.length} tracks, ` +
          `${output.reportedStates} reported states; tracking ${ms.toFixed(1)} ms ` +
          `(${(ms / Math.max(1, scans.length)).toFixed(3)} ms/scan) → ${flags.out}\n`,
      );
    });
}

/** The text of a file named by a flag; a missing or unreadable file is bad input. */
export function readInputFile(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError({ source: flag, path: [], message: `cannot read ${path}: ${errorText(err)}` });
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
