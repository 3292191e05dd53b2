// `vigil score`: scores a peer benchmark tracks file against the scenario's ground truth
// (../shared/bench/FORMAT.md): mean GOSPA (c = 1000 m, p = 1, α = 2) with its
// localisation / missed / false terms, the tracks file's tracking time, and the
// identity measures (id switches, purity, RMS position error) of track-identity.ts.
import type { Command } from 'commander';
import { benchmarkGospaOptions } from '../../analysis/metrics/gospa.ts';
import { parsePeerBenchScenario, parsePeerBenchTracks } from '../../analysis/metrics/peer-bench.ts';
import { scorePeerBench, tracksByScan, truthByScan } from '../../analysis/metrics/peer-bench-score.ts';
import { scoreTrackIdentity } from '../../analysis/metrics/track-identity.ts';
import { readInputFile } from './track.ts';

interface ScoreFlags {
  truth: string;
  tracks: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('score')
    .description('score a peer benchmark tracks file against the scenario ground truth (mean GOSPA)')
    .requiredOption('--truth <file>', 'scenario file with ground_truth (peer-bench-scenario/1 JSON)')
    .requiredOption('--tracks <file>', 'tracks file (peer-bench-tracks/1 JSON)')
    .option('--json', 'print the scores as one JSON document')
    .addHelpText(
      'after',
      `
Example:
  $ vigil score --truth ../shared/bench/scenario_10x100_lam20_s1.json --tracks tracks.json

GOSPA per scan between the truths alive at the scan and the track states stamped with its
time; the mean over scans of the metric and of each term (m, they sum to GOSPA).`,
    )
    .action((flags: ScoreFlags) => {
      const scenario = parsePeerBenchScenario(readInputFile('--truth', flags.truth), flags.truth);
      const tracksFile = parsePeerBenchTracks(readInputFile('--tracks', flags.tracks), flags.tracks);
      const score = scorePeerBench(scenario, tracksFile.tracks);
      const identity = scoreTrackIdentity(
        truthByScan(scenario, flags.truth),
        tracksByScan(scenario.times, tracksFile.tracks, flags.tracks),
      );
      const { gospa, localisation, missed } = score.mean;
      const falseTerm = score.mean.false;
      if (flags.json) {
        const doc = {
          ...benchmarkGospaOptions,
          scans: score.perScan.length,
          gospa,
          localisation,
          missed,
          false: falseTerm,
          truthStates: score.truthStates,
          trackStates: score.trackStates,
          trackingWallS: tracksFile.trackingWallS,
          idSwitches: identity.idSwitches,
          purity: identity.purity,
          rmsPositionErrorM: identity.rmsPositionErrorM,
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      const timing =
        tracksFile.trackingWallS === null
          ? 'no timing in the tracks file'
          : `tracking ${tracksFile.trackingWallS.toFixed(4)} s`;
      process.stdout.write(
        `mean GOSPA ${gospa.toFixed(1)} m over ${score.perScan.length} scans ` +
          `(localisation ${localisation.toFixed(1)}, missed ${missed.toFixed(1)}, false ${falseTerm.toFixed(1)}; ` +
          `c = ${benchmarkGospaOptions.cutoff} m, p = ${benchmarkGospaOptions.order}, α = ${benchmarkGospaOptions.alpha})\n` +
          `${timing}; ${identity.idSwitches} id switches, purity ${(100 * identity.purity).toFixed(1)} %, ` +
          `RMS position error ${identity.rmsPositionErrorM.toFixed(1)} m over ${identity.pairs} pairs\n`,
      );
    });
}
