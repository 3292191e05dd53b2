// The main job: one scenario through the whole chain — truth, then (as the later
// parts land) sensors, the warning centre and scoring — into the summary document.

import type { WarningCentre } from '../centre/assessment/warning-centre.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { type NetworkRun, simulateNetwork } from '../sensors/run-network.ts';
import { generateTruth } from '../world/generate.ts';
import type { Truth } from '../world/truth.ts';
import { summariseAlerts, summariseRaids, summariseTracks, warningOf } from './alert-summary.ts';
import { type RecordedTrack, TrackRecorder } from './export/track-recorder.ts';
import { runCentre } from './run-centre.ts';
import { PictureSampler, scoreRun } from './scoring.ts';
import { countReports, firstRvImpactS, type SummaryDocument, summariseTruth } from './summary.ts';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Progress through the chain's stages: (stage, done, total). */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Keep the centre's tracks at every assessment, for the recorded scene (export/track-czml.ts). */
  recordTracks?: boolean;
}

export interface RunResult {
  scenario: Scenario;
  seed: number;
  truth: Truth;
  sensors: NetworkRun;
  centre: WarningCentre;
  summary: SummaryDocument;
  /** The centre's tracks at every assessment, when asked for (recordTracks). */
  tracks: ReadonlyMap<string, RecordedTrack> | null;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const progress = options.onProgress;
  const truth = generateTruth(scenario, { onProgress: (d, t) => progress?.('flights', d, t) });
  const sensors = simulateNetwork(scenario, truth, seed, (d, t) => progress?.('sensors', d, t));
  const sampler = new PictureSampler();
  const recorder = options.recordTracks ? new TrackRecorder(scenario.epochUnixMs) : null;
  const onCycle = recorder
    ? (t: number, c: WarningCentre) => {
        sampler.onCycle(t, c);
        recorder.onCycle(t, c);
      }
    : sampler.onCycle;
  const centre = runCentre(scenario, sensors.reports, (d, t) => progress?.('centre', d, t), onCycle);
  const firstImpact = firstRvImpactS(truth);
  const summary: SummaryDocument = {
    scenario: scenario.name,
    seed,
    epoch: scenario.epochIso,
    durationS: scenario.durationS,
    truth: { objects: summariseTruth(truth) },
    reports: countReports(sensors),
    tracks: summariseTracks(centre),
    alerts: summariseAlerts(centre),
    raids: summariseRaids(centre),
    warning: warningOf(centre, firstImpact),
    scoring: scoreRun(truth, sensors.labels, centre, sampler),
  };
  return { scenario, seed, truth, sensors, centre, summary, tracks: recorder?.tracks ?? null };
}
