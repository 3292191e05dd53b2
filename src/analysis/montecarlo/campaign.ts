// One Monte Carlo campaign: a scenario, a base seed, a number of runs and the declared
// variations. Run i is a pure function of these and i alone: its seed is drawn from
// the stream (baseSeed, 'montecarlo', i), its variations from that seed, and the chain
// is run to the scenario's end and scored (score-run.ts, gospa-sampler.ts). So the
// records — and the aggregate built from them in run order — never depend on how many
// workers ran them or in which order.

import { createRng } from '../../physics/random.ts';
import { parseScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { generateTruth } from '../../world/generate.ts';
import type { Truth } from '../../world/truth.ts';
import { GospaSampler, type RunGospa } from './gospa-sampler.ts';
import { observeRun } from './observed-run.ts';
import { type FalseAlert, type LaunchOutcome, scoreRun } from './score-run.ts';
import { applyVariations, type DrawnVariation, type Variation } from './variations.ts';

export interface CampaignSpec {
  /** The scenario file's text and name (the name picks YAML or JSON and labels errors). */
  scenarioText: string;
  sourceName: string;
  baseSeed: number;
  runs: number;
  variations: Variation[];
}

export interface RunRecord {
  run: number;
  seed: number;
  durationS: number;
  variation: DrawnVariation;
  launches: LaunchOutcome[];
  falseAlerts: FalseAlert[];
  gospa: RunGospa | null;
  reports: { total: number; falseAlarms: number };
}

/** Seed of run `index`: the first output of the stream (baseSeed, 'montecarlo', index). */
export function runSeedOf(baseSeed: number, index: number): number {
  return createRng(baseSeed, 'montecarlo').split(String(index)).next();
}

export interface PreparedCampaign {
  spec: CampaignSpec;
  scenario: Scenario;
  /** Truth of the last launch set flown (it depends on the launches alone), reused while they repeat. */
  truthCache: { key: string; truth: Truth } | null;
}

/** Loads the campaign's scenario (InputError when it is invalid). */
export function prepareCampaign(spec: CampaignSpec): PreparedCampaign {
  return { spec, scenario: parseScenario(spec.scenarioText, spec.sourceName), truthCache: null };
}

function truthFor(prepared: PreparedCampaign, scenario: Scenario): Truth {
  const key = JSON.stringify(scenario.events.filter((e) => e.type === 'launch'));
  if (prepared.truthCache?.key === key) return prepared.truthCache.truth;
  const truth = generateTruth(scenario);
  prepared.truthCache = { key, truth };
  return truth;
}

/** Runs and scores run `index` of the campaign. */
export function runCampaignRun(prepared: PreparedCampaign, index: number): RunRecord {
  const seed = runSeedOf(prepared.spec.baseSeed, index);
  const { scenario, drawn } = applyVariations(prepared.scenario, prepared.spec.variations, seed);
  const truth = truthFor(prepared, scenario);
  const gospa = new GospaSampler(truth);
  const run = observeRun(scenario, { seed, truth, onPicture: gospa.onPicture });
  const score = scoreRun(run);
  let falseAlarms = 0;
  for (const l of run.sensors.labels) if (l.cause !== 'object') falseAlarms++;
  return {
    run: index,
    seed,
    durationS: scenario.durationS,
    variation: drawn,
    launches: score.launches,
    falseAlerts: score.falseAlerts,
    gospa: gospa.result(),
    reports: { total: run.sensors.reports.length, falseAlarms },
  };
}
