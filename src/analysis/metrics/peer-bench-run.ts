// Runs vigil's constant-velocity tracker over the scans of a peer benchmark scenario
// (../shared/bench/FORMAT.md) and collects the online output: at each scan, the states
// of the tracks the tracker reports then. The tracker receives the scans only — never
// the ground truth — and its configuration comes from the scenario's `parameters`
// block (what the reference tracker was configured with) or explicit overrides.
// Timed: from the first scan entering the tracker to the last scan's reports copied out.

import {
  type ConstantVelocityTrackerConfig,
  createConstantVelocityTracker,
} from '../../centre/tracking/constant-velocity-tracker.ts';
import { InputError } from '../../scenario/input-error.ts';
import type { PeerBenchParameters, PeerBenchScan } from './peer-bench.ts';

export interface PeerBenchTrackerSettings {
  /** Overrides parameters.pd. */
  detectionProbability?: number;
  /** Overrides clutter_lambda / box volume (per m³ per scan). */
  clutterDensity?: number;
  /** Further tracker settings (gating, filter, thresholds). */
  tracker?: Partial<ConstantVelocityTrackerConfig>;
}

export interface PeerBenchTrackOutput {
  tracks: { id: number; states: [number, number, number, number][] }[];
  /** Tracking wall time (s). */
  trackingWallS: number;
  /** Reported states over all scans. */
  reportedStates: number;
}

/** The tracker configuration for a scenario's parameters; InputError naming what is missing. */
export function trackerConfigFor(
  parameters: PeerBenchParameters,
  settings: PeerBenchTrackerSettings = {},
  source = 'scenario',
): ConstantVelocityTrackerConfig {
  const problems: { path: string[]; message: string }[] = [];
  const { sigma, q, box } = parameters;
  if (sigma === undefined)
    problems.push({ path: ['parameters', 'sigma'], message: 'needed: measurement σ (m)' });
  if (q === undefined)
    problems.push({ path: ['parameters', 'q'], message: 'needed: process noise q (m²/s³)' });
  const pd = settings.detectionProbability ?? parameters.pd;
  if (pd === undefined) problems.push({ path: ['parameters', 'pd'], message: 'needed (or --pd)' });
  let clutterDensity = settings.clutterDensity;
  if (clutterDensity === undefined) {
    if (parameters.clutterLambda === undefined || box === undefined) {
      problems.push({
        path: ['parameters', 'clutter_lambda'],
        message: 'needed with parameters.box (or --clutter-density)',
      });
    } else {
      const volume = (box.max[0] - box.min[0]) * (box.max[1] - box.min[1]) * (box.max[2] - box.min[2]);
      // No clutter at all still needs a positive density for the likelihood ratios.
      clutterDensity = Math.max(parameters.clutterLambda, Number.MIN_VALUE) / volume;
    }
  }
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ source, ...p })));
  return {
    sigma: sigma!,
    q: q!,
    detectionProbability: pd!,
    clutterDensity: clutterDensity!,
    region: box ? { min: box.min, max: box.max } : null,
    ...settings.tracker,
  };
}

export function trackPeerBenchScans(
  scans: readonly PeerBenchScan[],
  config: ConstantVelocityTrackerConfig,
): PeerBenchTrackOutput {
  const tracker = createConstantVelocityTracker(config);
  const n = tracker.tracks.stateDim;
  // Rows of [id, t, x, y, z], grown by doubling.
  let rows = new Float64Array(5 * 1024);
  let count = 0;
  const t0 = performance.now();
  for (const scan of scans) {
    const report = tracker.processScan(scan.t, scan.measurements, scan.count);
    if (rows.length < 5 * (count + report.count)) {
      const grown = new Float64Array(Math.max(2 * rows.length, 5 * (count + report.count)));
      grown.set(rows);
      rows = grown;
    }
    for (let i = 0; i < report.count; i++) {
      const o = 5 * count++;
      rows[o] = report.ids[i]!;
      rows[o + 1] = scan.t;
      rows[o + 2] = report.states[i * n]!;
      rows[o + 3] = report.states[i * n + 1]!;
      rows[o + 4] = report.states[i * n + 2]!;
    }
  }
  const trackingWallS = (performance.now() - t0) / 1000;

  const byId = new Map<number, [number, number, number, number][]>();
  for (let r = 0; r < count; r++) {
    const o = 5 * r;
    const id = rows[o]!;
    let states = byId.get(id);
    if (!states) {
      states = [];
      byId.set(id, states);
    }
    states.push([rows[o + 1]!, rows[o + 2]!, rows[o + 3]!, rows[o + 4]!]);
  }
  const tracks = [...byId.entries()].sort((a, b) => a[0] - b[0]).map(([id, states]) => ({ id, states }));
  return { tracks, trackingWallS, reportedStates: count };
}
