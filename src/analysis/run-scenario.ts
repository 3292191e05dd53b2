// The main job: one scenario through the whole chain — truth, then (as the later
// parts land) sensors, the warning centre and scoring — into the summary document.
import type { Scenario } from '../scenario/scenario.ts';
import { type NetworkRun, simulateNetwork } from '../sensors/run-network.ts';
import { generateTruth } from '../world/generate.ts';
import type { Truth } from '../world/truth.ts';
import {
  countReports,
  firstRvImpactS,
  NO_WARNING,
  round,
  type SummaryDocument,
  summariseTruth,
} from './summary.ts';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Progress through the chain's stages: (stage, done, total). */
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface RunResult {
  scenario: Scenario;
  seed: number;
  truth: Truth;
  sensors: NetworkRun;
  summary: SummaryDocument;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.seed;
  const progress = options.onProgress;
  const truth = generateTruth(scenario, { onProgress: (d, t) => progress?.('flights', d, t) });
  const sensors = simulateNetwork(scenario, truth, seed, (d, t) => progress?.('sensors', d, t));
  const firstImpact = firstRvImpactS(truth);
  const summary: SummaryDocument = {
    scenario: scenario.name,
    seed,
    epoch: scenario.epochIso,
    durationS: scenario.durationS,
    truth: { objects: summariseTruth(truth) },
    reports: countReports(sensors),
    tracks: [],
    alerts: [],
    warning: { ...NO_WARNING, firstImpactS: firstImpact === null ? null : round(firstImpact, 3) },
  };
  return { scenario, seed, truth, sensors, summary };
}
